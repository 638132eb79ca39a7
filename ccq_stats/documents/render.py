"""Templates: a sandboxed Jinja environment, the Vietnamese number and date filters, the chart.

Built-in templates live in ``templates/`` as ``NAME.FORMAT.j2`` (``term.md.j2`` …); a user's
template file renders in the same sandbox with StrictUndefined (a misspelt variable is an
error, not an empty string) and, for HTML, autoescaping. docs/templates.md lists every
variable a template receives.
"""

from __future__ import annotations

import re
from pathlib import Path

from ccq_stats.documents.limits import TemplateLimitError, TemplateLimits, limited_sandbox_class, render_limited  # noqa: F401 - TemplateLimitError: public here
from ccq_stats.documents.report import said
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.numbers import approx, mean_score, ngay, pct, points, score, so, year_range, years_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FORMATS = ("md", "html", "txt")
BUILTIN = ("term", "year", "month")


_NUMERIC = re.compile(r"^[-–+]?[\d.,]+%?( \([\d.,]+%\))?$|^[-–]?$|^(tăng|giảm) [\d,]+ điểm phần trăm$|^không đổi$")


def _table(rows, header, sep: str, rule: str | None) -> str:
    """Columns padded to one width; a column of numbers is right-aligned, text left-aligned."""
    columns = list(zip(header, *rows))
    widths = [max(len(str(c)) for c in col) for col in columns]
    right = [bool(rows) and all(_NUMERIC.match(str(c)) for c in col[1:]) for col in columns]

    def line(cells):
        return sep.join(str(c).rjust(w) if r else str(c).ljust(w) for c, w, r in zip(cells, widths, right))

    out = [line(header)]
    if rule:
        out.append(sep.join(rule * (w - 1) + ":" if r else rule * w for w, r in zip(widths, right)))
    out += [line(r) for r in rows]
    return "\n".join(line.rstrip() for line in out) if not rule else "\n".join(out)


_MD_SPECIAL = re.compile(r"([\\`*~\[\]|])")  # active anywhere: code, emphasis, strikethrough, links, tables
_MD_UNDERSCORE = re.compile(
    r"(?<![^\W_])_|_(?![^\W_])"
)  # "_" not between two letters or digits: "_x_", not "to_chuc_2019"
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)])(?=\s|$))")  # a heading, a list item, a rule, "1." or "1)"
_MD_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)")  # what GitHub's Markdown links by itself
_ENTITY = re.compile(r"&(?=#?\w+;)")  # an & that would start an HTML entity


def md(value) -> str:
    """Text that Markdown shows as it is: an organisation's name never becomes a link, an image,
    emphasis, strikethrough, code, a heading, a list item or HTML in whatever renders the report
    ("<script>", "[x](javascript:…)", "_x_", "~~x~~", "# x", "1. x", "www.x.vn"). A figure of
    ours ("12", "-", "45,5%") stays as it is: nothing in it is active inside a table's cell."""
    text = str(value)
    if _NUMERIC.match(text):
        return text
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")  # "TB&XH" stays as it is
    text = _MD_UNDERSCORE.sub(r"\\_", _MD_SPECIAL.sub(r"\\\1", text))
    text = _MD_AUTOLINK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"{m[3]}\\{m[4]}", text)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def md_table(table: dict) -> str:
    """{"header", "rows"} as a Markdown pipe table (first column left, the rest right-aligned),
    every cell as plain text (``md``)."""
    rows = [[md(c) for c in r] for r in table["rows"]]
    text = _table(rows, table["header"], " | ", "-")
    return "\n".join(f"| {line} |" for line in text.splitlines())


def text_table(table: dict) -> str:
    """{"header", "rows"} as an aligned plain-text table."""
    return _table(table["rows"], table["header"], "  ", None)


# -- tables as rows of text, for the Markdown and plain-text templates --------------------


# The headers of the report's tables, every word in full (issue 19: no "Miễn ĐG", "Vượt", nor
# "Cao nhất" over cells that hold years); the workbook's data sheets head theirs with the same.
TERM_COLUMNS = ["Năm đầu", "Năm cuối", "Thay đổi", "Năm cao nhất", "Năm thấp nhất"]
TOP_YEARS_COLUMNS = ["Số năm đạt mức cao nhất", "Số năm liền"]
MEMBER_COLUMNS = ["Có mặt", "Miễn đánh giá", "Chưa đánh giá", "Được đánh giá"]
QUOTA_COLUMNS = ["Tối đa HTXSNV", "Vượt mức tối đa"]
# the shares within a parent group (report.py's "nested"), as a table's row names them
NESTED_LABELS = {
    "exemplary_of_top": "Tiêu biểu, trong số đạt mức cao nhất",
    "top_of_good_or_better": "Mức cao nhất, trong số hoàn thành tốt nhiệm vụ trở lên",
}
IMPORT_COLUMNS = ["Bản ghi thêm", "Bản ghi sửa", "Bản ghi bị xóa"]  # the glossary: a record removed is "bị xóa"


def figure_table(block: dict, with_term: bool = True, mean: str = "shares") -> dict:
    """Every category of a subject, each year "count (share)", and the term share."""
    years = block["years"]
    header = ["Chỉ tiêu"] + [str(y["year"]) for y in years] + (["Nhiệm kỳ"] if with_term else [])
    rows = []
    for category in years[0]["categories"]:
        label = " / ".join(dict.fromkeys(y["categories"][category]["label"] for y in years))
        cells = []
        for y in years:
            c = y["categories"][category]
            cells.append(so(c["count"]) + (f" ({pct(c['share'])})" if c["share"] is not None else ""))
        term = block["term"].get(category) if with_term else None
        rows.append([label] + cells + ([pct(term["value"]) if term else ""] if with_term else []))
    for key, label in NESTED_LABELS.items():
        label = f"– {label[:1].lower()}{label[1:]}"
        if any(y["nested"][key] is not None for y in years):
            rows.append([label] + [pct(y["nested"][key]) for y in years] + ([""] if with_term else []))
    return {"header": header, "rows": rows}


def term_table(block: dict) -> dict:
    header = ["Chỉ tiêu", "Nhiệm kỳ", *TERM_COLUMNS]
    rows = [
        [
            " / ".join(f["labels"]),
            pct(f["value"]),
            pct(f["first"]),
            pct(f["last"]),
            points(f["change"]),
            str(f["max_year"] or "–"),
            str(f["min_year"] or "–"),
        ]
        for f in block["term"].values()
    ]
    return {"header": header, "rows": rows}


def org_table(organisations: list, years: list) -> dict:
    header = ["Tổ chức", "Loại"] + [str(y) for y in years] + TOP_YEARS_COLUMNS
    # the lineage's note after the name: "(trước năm 2025: Chi bộ …)", "(sáp nhập năm 2025 từ …)"
    rows = [
        [
            o["org"] + (f" ({o['parent']})" if o["parent"] else "") + (f" ({o['note']})" if o.get("note") else ""),
            o["kind_name"],
        ]
        + [o["labels"][y] for y in years]
        + [str(o["years_top"]), str(o["longest_top_run"])]
        for o in organisations
    ]
    return {"header": header, "rows": rows}


def reorganised_lines(changes: list) -> list[str]:
    """The report's lineage changes (report.reorganised), one line each, stated for what they
    are: "Chi bộ A, Chi bộ B sáp nhập thành Chi bộ C (năm 2025; trước: Chi bộ A HTXSNV năm 2024,
    Chi bộ B HTTNV năm 2024; năm 2025: Chi bộ C HTTNV)"."""
    out = []
    for c in changes:
        before = ", ".join(f"{b['org']} {b['label']} năm {b['year']}" for b in c["before"] if b["year"] is not None)
        after = ", ".join(f"{a['org']} {a['label']}" for a in c["after"])
        parts = (
            [f"năm {c['year']}"]
            + ([f"Quyết định số {c['decision']}"] if c["decision"] else [])
            + ([f"trước: {before}"] if before else [])
            + ([f"năm {c['year']}: {after}"] if after else [])
        )
        out.append(f"{c['text']} ({'; '.join(parts)})")
    return out


def member_table(member_units: list, year: int) -> dict:
    """Members per grassroots organisation in a year, with the 20% quota of HD 21 in the years
    it applies (``allowed`` is None before them, and the two quota columns are left out)."""
    units = [u for u in member_units if u["year"] == year]
    quota = any(u["allowed"] is not None for u in units)
    header = ["Tổ chức", *MEMBER_COLUMNS, "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    header += QUOTA_COLUMNS if quota else []
    rows = [
        [u["org"]]
        + [so(u[k]) for k in ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail")]
        + ([so(u["allowed"]), so(u["excess"]) if u["excess"] else ""] if quota else [])
        for u in units
    ]
    return {"header": header, "rows": rows}


def score_table(block: dict) -> dict:
    """A subject's score figures (report.py ``scores``): the number in each band, with its share of
    those scored, and the mean score over all and per tier, the years side by side."""
    years = block["years"]
    header = ["Chỉ tiêu"] + [str(y["year"]) for y in years]
    rows = [["Được chấm điểm"] + [so(y["scored"]) for y in years]]
    for i, band in enumerate(years[0]["bands"]):
        rows.append(
            [band["label"]]
            + [
                so(y["bands"][i]["count"])
                + (f" ({pct(y['bands'][i]['share'])})" if y["bands"][i]["share"] is not None else "")
                for y in years
            ]
        )
    rows.append(["Điểm bình quân"] + [mean_score(y["mean"]) for y in years])
    for i in range(len(years[0]["means"])):
        label = " / ".join(dict.fromkeys(y["means"][i]["tier_label"] for y in years))
        rows.append([f"– {label[:1].lower() + label[1:]}"] + [mean_score(y["means"][i]["mean"]) for y in years])
    return {"header": header, "rows": rows}


def findings_rows(findings: list) -> dict:
    header = ["Năm", "Nội dung kiểm tra", "Tổ chức", "Chi tiết"]
    rows = [[str(f["year"] or ""), f["rule_name"], f["org"], f["message"]] for f in findings]
    return {"header": header, "rows": rows}


def imports_table(imports: list) -> dict:
    """The monthly summary's table of the imports made in the month (month._in_month's rows)."""
    header = [
        "Thời gian",
        "Người nhập",
        "Tệp",
        "Năm",
        "Tổ chức mới",
        "Tổ chức sửa",
        *IMPORT_COLUMNS,
    ]
    return {"header": header, "rows": [i["row"] for i in imports]}


def chart(block: dict, title: str):
    from markupsafe import Markup

    return Markup(tier_chart_svg(block["years"], title))  # built from escaped parts


GLOBALS = {
    "reorganised_lines": reorganised_lines,
    "figure_table": figure_table,
    "term_table": term_table,
    "org_table": org_table,
    "member_table": member_table,
    "score_table": score_table,
    "findings_rows": findings_rows,
    "imports_table": imports_table,
    "chart": chart,
}

FILTERS = {
    "so": so,
    "pct": pct,
    "approx": approx,
    "points": points,
    "ngay": ngay,
    "years_text": years_text,
    "year_range": year_range,
    "score": score,
    "mean_score": mean_score,
    "md": md,
    "md_table": md_table,
    "text_table": text_table,
    "said": said,
}


# -- the chart ---------------------------------------------------------------------------

_TIER_COLOURS = {"top": "#b71c1c", "good": "#e57373", "pass": "#ffcc80", "fail": "#616161"}


def tier_chart_svg(years: list[dict], title: str) -> str:
    """An inline SVG: one stacked bar per year, the four tiers as shares of those rated."""
    from markupsafe import escape

    width, height, left, bar = 560, 230, 40, 48
    step = (width - left - 20) / max(len(years), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 60}" width="100%" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for tick in (0, 25, 50, 75, 100):
        y = 10 + height * (1 - tick / 100)
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{tick}%</text>'
        )
    for i, year in enumerate(years):
        x = left + i * step + (step - bar) / 2
        y = 10 + height
        for tier in ("fail", "pass", "good", "top"):
            share = year["categories"][tier]["share"] or 0
            h = height * share
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{_TIER_COLOURS[tier]}">'
                f"<title>{year['year']}: {escape(year['categories'][tier]['label'])} {pct(share)}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height + 26}" font-size="11" text-anchor="middle">{year["year"]}</text>'
        )
    legend_x = left
    for tier, name in (
        ("top", "Xuất sắc / TSVM"),
        ("good", "Tốt"),
        ("pass", "Hoàn thành"),
        ("fail", "Không hoàn thành / Yếu kém"),
    ):
        parts.append(
            f'<rect x="{legend_x}" y="{height + 38}" width="10" height="10" fill="{_TIER_COLOURS[tier]}"/>'
            f'<text x="{legend_x + 14}" y="{height + 47}" font-size="10">{name}</text>'
        )
        legend_x += 30 + 6 * len(name)
    parts.append("</svg>")
    return "".join(parts)


# -- rendering ---------------------------------------------------------------------------


def _environment(fmt: str, folder: Path | None, limits: TemplateLimits | None = None):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folders = [str(folder)] if folder else []
    settings = dict(
        loader=FileSystemLoader(folders + [str(TEMPLATES)]),
        undefined=StrictUndefined,
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if limits is None:
        env = ImmutableSandboxedEnvironment(**settings)
    else:
        # no constant folding: Jinja evaluates a constant expression ('a'|center(300000000)) while it
        # compiles, where the sandbox's hooks do not look; folded nothing, every expression runs at
        # render time, under the limits (compiling runs under them too: render_report)
        from jinja2 import pass_context

        settings.update(optimized=False, finalize=pass_context(_at_render_time))
        env = limited_sandbox_class()(**settings)
        env.limits = limits
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


def _at_render_time(context, value):
    """A finalize that needs the render context, which is what keeps Jinja from evaluating a
    constant output ({{ '%0*d'|format(2000000000, 1) }}) at compile time; the value as it is."""
    return value


def builtin_templates() -> list[str]:
    """The built-in template files: the reports (``term.md.j2`` …) first, then the shared
    parts they include (``_term_narrative.j2`` …)."""
    names = sorted(p.name for p in TEMPLATES.glob("*.j2"))
    return [n for n in names if not n.startswith("_")] + [n for n in names if n.startswith("_")]


def template_source(name: str) -> tuple[str, bytes]:
    """(file name, text) of a built-in template, to start a template of one's own; ``name`` with
    or without its ``.j2``."""
    chosen = name if name.endswith(".j2") else f"{name}.j2"
    if chosen not in builtin_templates():
        raise InputError(
            _("no such built-in template"),
            value=name,
            hint=_("one of {names} (ccq-stats templates list)").format(names=", ".join(builtin_templates())),
        )
    return chosen, (TEMPLATES / chosen).read_bytes()


def narrative(context: dict) -> list[str]:
    """The report's narrative as paragraphs of plain text (the built-in narrative templates,
    the same prose every format gives): for writers that lay out paragraphs themselves (docx)."""
    name = f"_{context['report']['kind']}_narrative.j2"
    text = _environment("txt", None).get_template(name).render(**context)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def format_of_template(name: str) -> str | None:
    """ "bao_cao.html.j2" -> "html"; None when the name does not say."""
    suffixes = [s.lstrip(".").lower() for s in Path(name).suffixes]
    return next((s for s in reversed(suffixes) if s in FORMATS), None)


def render_report(context: dict, template: str, fmt: str) -> str:
    """Render a built-in template (``term``, ``year``) or a user's template file; a user's
    template renders under limits of time, memory and output size (TemplateLimits)."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    limits = None  # the built-in templates are ours; a user's template is a program we do not know
    if template in BUILTIN:
        env, name, shown = _environment(fmt, None), f"{template}.{fmt}.j2", f"{template}.{fmt}.j2"
    else:
        path = Path(template)
        if not path.is_file():
            raise InputError(
                _("no such template file"),
                file=template,
                hint=_("use a built-in template ({names}) or a .j2 file").format(names=", ".join(BUILTIN)),
            )
        limits = TemplateLimits.from_env()
        env, name, shown = _environment(fmt, path.parent.resolve(), limits), path.name, template
    try:
        if limits is None:
            return env.get_template(name).render(**context)
        return render_limited(env, name, context, limits)
    except TemplateSyntaxError as exc:
        raise InputError(
            _("line {line}: template syntax error: {reason}").format(line=exc.lineno, reason=exc.message),
            file=shown,
            hint=_("fix the template at that line"),
        ) from None
    except TemplateNotFound as exc:
        raise InputError(
            _("template not found: {name}").format(name=exc.name),
            file=shown,
            hint=_("templates may include only files beside them"),
        ) from None
    except TemplateLimitError as exc:
        raise InputError(
            _at_line(str(exc), _template_line(exc, name)),
            file=shown,
            hint=_(
                "a template may take {seconds} s, {memory_mb} MB of memory and write {output_mb} MB "
                "(CCQ_TEMPLATE_TIMEOUT, CCQ_TEMPLATE_MEMORY_MB, CCQ_TEMPLATE_OUTPUT_MB)"
            ).format(seconds=limits.seconds, memory_mb=limits.memory_mb, output_mb=limits.output_mb),
        ) from None
    except MemoryError:
        if limits is None:
            raise
        raise InputError(
            _("template stopped: it needed more than {memory_mb} MB of memory").format(memory_mb=limits.memory_mb),
            file=shown,
            hint=_("check the template for an expression that builds a huge text or list (CCQ_TEMPLATE_MEMORY_MB)"),
        ) from None
    except RecursionError:
        raise InputError(
            _("template stopped: it calls itself without end"),
            file=shown,
            hint=_("check the template's macros and includes"),
        ) from None
    except (TemplateError, TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        message = _("template error: {reason}").format(reason=exc)
        raise InputError(
            _at_line(message, _template_line(exc, name)), file=shown, hint=_("see docs/templates.md for the variables")
        ) from None


def _at_line(message: str, line: int | None) -> str:
    """A message about a template, with the template line it happened at when known."""
    return _("line {line}: {message}").format(line=line, message=message) if line else message


def _template_line(exc: BaseException, name: str) -> int | None:
    """The template line a render error happened at (Jinja maps its frames back to it)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename).name == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


# -- limits for a user's template --------------------------------------------------------
# A template is a program: '{{ "a" * 10**10 }}' asked for 10 GB. Jinja's sandbox stops unsafe
# attribute access and caps range() (MAX_RANGE), not size or time. Here the sandbox's hooks
# refuse a value larger than the output limit before it is built and check a deadline, the
# output is counted as it is generated, and where the platform allows (resource, SIGALRM in
# the main thread) the address space and the wall clock are capped as a backstop for what the
# hooks cannot see ("~" joins, loops without calls).
