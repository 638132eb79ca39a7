"""The limits of a user's template: a sandbox that counts what a template builds (loops,
strings, lists), a time and an address-space cap on the render, so that a template file from
anyone can be rendered without hanging or exhausting the machine (documents/render.py uses it).
"""

from __future__ import annotations

from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number


class TemplateLimitError(Exception):
    """A user's template went past a limit; the message says which."""


class TemplateLimits:
    ENV = {
        "seconds": "CCQ_TEMPLATE_TIMEOUT",
        "memory_mb": "CCQ_TEMPLATE_MEMORY_MB",
        "output_mb": "CCQ_TEMPLATE_OUTPUT_MB",
    }

    def __init__(self, seconds: int = 30, memory_mb: int = 512, output_mb: int = 50) -> None:
        import time

        self.seconds, self.memory_mb, self.output_mb = seconds, memory_mb, output_mb
        self.max_chars = output_mb * 1024 * 1024
        self.deadline = time.monotonic() + seconds

    @classmethod
    def from_env(cls) -> TemplateLimits:
        from ccq_stats.environment import number_setting

        values = {name: number_setting(variable) for name, variable in cls.ENV.items()}
        return cls(**{name: value for name, value in values.items() if value is not None})  # each checked (environment)

    def check_time(self) -> None:
        import time

        if time.monotonic() > self.deadline:
            raise TemplateLimitError(_("template stopped: it ran longer than {seconds} s").format(seconds=self.seconds))

    def check_size(self, size: int, what: str) -> None:
        """Refuse a value of ``size`` characters or items over the output limit; ``what`` it is:
        "text", "text_or_list" or "output"."""
        if size > self.max_chars:
            raise TemplateLimitError(_too_big(what).format(size=number(size), limit=number(self.max_chars)))


def _too_big(what: str) -> str:
    # a whole sentence for each kind of value: the words around it differ by language
    if what == "output":
        return _("template stopped: it would build an output of {size} characters or items (limit {limit})")
    if what == "text":
        return _("template stopped: it would build a text of {size} characters or items (limit {limit})")
    return _("template stopped: it would build a text or list of {size} characters or items (limit {limit})")


def _sized(value) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def limited_sandbox_class():
    """The sandbox class for a user's template: binary operators and calls checked (size, time)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class LimitedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})
        limits: TemplateLimits

        def call_binop(self, context, operator, left, right):
            self.limits.check_time()
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if _sized(seq) and isinstance(times, int):
                        self.limits.check_size(len(seq) * max(times, 0), "text_or_list")
            elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
                if right * abs(left).bit_length() > 1_000_000:  # a number of more than a million bits
                    raise TemplateLimitError(
                        _(
                            "template stopped: it would compute {left} ** {right}, a number of millions of digits"
                        ).format(left=left, right=right)
                    )
            elif operator == "+" and _sized(left) and _sized(right):
                self.limits.check_size(len(left) + len(right), "text_or_list")
            result = super().call_binop(context, operator, left, right)
            if operator == "%" and _sized(result):
                self.limits.check_size(len(result), "text")
            return result

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
            __self.limits.check_time()
            if isinstance(getattr(__obj, "__self__", None), (str, bytes, list)):  # "a".center(10**10), ljust, zfill …
                for value in list(args) + list(kwargs.values()):
                    if isinstance(value, int) and not isinstance(value, bool):
                        __self.limits.check_size(value, "text")
            return super().call(__context, __obj, *args, **kwargs)

    return LimitedSandbox


def render_limited(env, name: str, context: dict, limits: TemplateLimits) -> str:
    """Compile, then render chunk by chunk, counting the output, all under the memory and time caps."""
    parts, size = [], 0
    with _address_space_cap(limits.memory_mb), _alarm(limits.seconds):
        template = env.get_template(name)
        limits.check_time()
        for chunk in template.generate(**context):
            size += len(chunk)
            limits.check_size(size, "output")
            limits.check_time()
            parts.append(chunk)
    return "".join(parts)


def _address_space_cap(memory_mb: int):
    """While rendering, this process may grow by at most ``memory_mb`` (Linux; elsewhere the
    hooks' size checks are the only guard). The soft limit is put back afterwards."""
    import contextlib

    @contextlib.contextmanager
    def cap():
        try:
            import resource

            with open("/proc/self/statm") as stream:
                in_use = int(stream.read().split()[0]) * resource.getpagesize()
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        except (ImportError, OSError, ValueError):
            yield
            return
        limit = in_use + memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

    return cap()


def _alarm(seconds: int):
    """A wall-clock limit that also stops a loop no hook sees (SIGALRM: Unix, main thread only)."""
    import contextlib
    import signal
    import threading

    @contextlib.contextmanager
    def alarm():
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            yield
            return

        def stop(signum, frame):
            raise TemplateLimitError(_("template stopped: it ran longer than {seconds} s").format(seconds=seconds))

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return alarm()
