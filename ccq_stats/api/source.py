"""What every command reads, as one value: the source (files, or a store as of a moment) and the
options of reading files (``ReadOptions``), with the decisions the command line would otherwise
repeat in each command – store or files, which files, an output that would replace an input.

Part of the API (``from ccq_stats.api import Source, ReadOptions`` works too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ccq_stats.i18n import gettext as _


@dataclass(frozen=True)
class ReadOptions:
    """How the files are read – the options every reading command shares, written once:
    ``year`` for sheets that name none, ``kind`` (the input's shape: units, members, counts)
    forced on every sheet, ``scales_file`` (extra labels, regimes, rule sources), ``header_row``
    (1-based) and ``columns`` (``["rating=KQ xếp loại"]`` or ``{"rating": "KQ xếp loại"}``)
    where the reader cannot tell, ``progress(done, total, path)`` told of each file."""

    year: int | None = None
    kind: str | None = None
    scales_file: Path | None = None
    header_row: int | None = None
    columns: list[str] | dict | None = None
    progress: Callable | None = None

    @property
    def for_files_only(self) -> bool:
        """Whether it says something only files can take (a store's records have their years and shapes)."""
        return self.year is not None or self.kind is not None


@dataclass(frozen=True)
class Source:
    """Where the ratings come from: files (``paths``: spreadsheets, folders, ``-`` for CSV on
    stdin), or a store (``paths`` None; ``db`` a file or a ``postgresql://`` URL, None for
    ``$CCQ_STATS_DB`` or the per-user store; ``as_of`` the import or day it is read as of)."""

    paths: tuple[str, ...] | None = None
    db: str | None = None
    as_of: str | None = None

    @classmethod
    def files(cls, paths) -> Source:
        return cls(paths=tuple(paths))

    @classmethod
    def store(cls, db: str | None = None, as_of: str | None = None) -> Source:
        return cls(db=db, as_of=as_of)

    @property
    def is_store(self) -> bool:
        return self.paths is None


def source_of(
    paths: list[str] | None,
    *,
    db: str | None = None,
    as_of: str | None = None,
    options: ReadOptions | None = None,
    recursive: bool = False,
    required: bool = True,
    default: list[str] | None = None,
) -> Source:
    """The source a command reads, as the command line gives it: the files named (with
    ``recursive``, their folders' sub-folders too), or the store – ``db``, or, when no PATH is
    given, the store if there is one. Without either: an error when ``required``, else the
    files of ``default`` (``["."]``: the working folder). Files and a store together, or a
    store with options only files take, are an error."""
    from ccq_stats.errors import InputError
    from ccq_stats.store import exists, locate

    options = options or ReadOptions()
    if as_of is not None and paths:
        raise InputError(
            _("--as-of reads the store: give no PATH with it"),
            value=as_of,
            hint=_("drop the PATHs, and give --db if the store is not the default one"),
        )
    if db is not None and paths:
        raise InputError(
            _("give files or --db, not both"), hint=_("drop --db to read the files, or the PATHs to read the store")
        )
    if not paths:
        location = locate(db)
        if db is not None or exists(location):
            if options.for_files_only:
                raise InputError(
                    _("--year and --kind are for reading files; the store's records have their years and shapes"),
                    hint=_("give them to ccq-stats import"),
                )
            return Source.store(location, as_of)
        if required or as_of is not None:
            raise InputError(
                _("no PATH given and no store yet"),
                file=location,
                hint=_("give the spreadsheets, or import them first: ccq-stats import PATH"),
            )
        paths = default or []
    return Source.files(with_subfolders(paths) if recursive else paths)


def with_subfolders(paths: list[str]) -> list[str]:
    """The PATHs to read with --recursive: each folder's sub-folders that hold spreadsheets too."""
    from ccq_stats.reading.sources import with_subfolders

    return with_subfolders(paths)


def inputs_of(source: Source) -> list[str]:
    """The files a source reads: the files named and those inside the folders named, or the store's file."""
    from ccq_stats.reading.sources import expand_paths
    from ccq_stats.store import locate
    from ccq_stats.store.backends import is_url

    if source.is_store:
        location = locate(source.db)
        return [] if is_url(location) else [location]
    return expand_paths(list(source.paths))


def refuse_overwriting_inputs(output: Path | None, source: Source) -> None:
    """An output must not replace a file that is read: the files typed, those found inside the
    folders typed (``report`` reads the current folder by default), or the store read, through any link."""
    if output is None:
        return
    from ccq_stats.errors import InputError
    from ccq_stats.reading.sources import is_one_of

    if output.is_dir():
        raise InputError(_("the output is a folder"), file=str(output), hint=_("give a file name, e.g. -o ket_qua.csv"))
    if is_one_of(output, inputs_of(source)):
        raise InputError(
            _("the output file is one of the inputs"), file=str(output), hint=_("write the result to another file")
        )


def report_source(
    paths: list[str] | None,
    *,
    db: str | None = None,
    as_of: str | None = None,
    recursive: bool = False,
    month: str | None = None,
    term: str | None = None,
    year: int | None = None,
) -> Source:
    """The source of ``ccq-stats report``: the files named, else the store if there is one, else
    the spreadsheets of the working folder; the monthly summary (``month``) reads the store only."""
    from ccq_stats.errors import InputError

    if month is None:
        return source_of(paths, db=db, as_of=as_of, recursive=recursive, required=False, default=["."])
    if paths or term or year:
        raise InputError(
            _("--month summarises the store: give no PATH, --term or --year with it"),
            hint=_("e.g. ccq-stats report --month 2019-12 --db ccq.sqlite"),
        )
    return Source.store(db, as_of)


def default_store() -> str:
    """Where the store is when neither --db nor $CCQ_STATS_DB says (the per-user data folder)."""
    from ccq_stats.store import default_location

    return default_location()
