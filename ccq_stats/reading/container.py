"""The checks of a workbook's container before any parser runs: zip bombs, dimension bombs, XML
entity declarations, encryption.

Spreadsheets arrive by e-mail and USB stick. Before a workbook is parsed, its zip container is
checked (total uncompressed size, compression ratio, number of parts, each sheet's declared
dimension, no DTD or entity declarations in its XML, read with defusedxml). The checks run in
the reader process (``sandbox``) with the parse, under its memory and time limits.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from xml.parsers import expat

from ccq_stats.errors import InputError, shortened
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading.limits import Limits

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _damaged_hint() -> str:
    """The hint for a damaged workbook (a function: the language is read at each message)."""
    return _("the file is damaged; open it in Excel and save it again, or ask for a new copy")


_CHUNK = 1024 * 1024
_OVERLAP = 64  # bytes kept from one chunk to the next, so that a pattern cut in two is still found
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_SHARED_STRINGS = re.compile(rb'<(?:\w+:)?sst\b[^>]*\buniqueCount="(\d{1,19})"')
_FAR_CELL = re.compile(rb' r="([A-Z]{3})(\d{1,7})"')  # a cell past column ZZ: rare, worth a look anywhere


# An XML part this large is checked well-formed by expat while python-calamine parses (``check_zip``'s
# ``beside``): every other check of it comes first. 4 MB: a sheet of some 20,000 rows.
BESIDE_BYTES = 4 * 1024 * 1024


def check_zip(path: str, display: str, limits: Limits, beside: bool = False) -> list[str]:
    """Reject zip bombs, dimension bombs, XML entity declarations and damaged or encrypted parts
    before any parser runs. Anything the zip library raises on these untrusted bytes becomes a
    one-line InputError saying what is damaged.

    ``beside``: the large XML parts' well-formedness (expat, the one check that reads as slowly
    as the parse itself) is left out and their names returned, for ``check_well_formed`` to run
    beside the parse, whose result is only used when they pass: the parse never sees a DTD, an
    entity, a bomb or a damaged part, only XML not yet known to be well-formed, in the reader
    process under its limits."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(
            _("cannot read the workbook (not a valid zip container; truncated?)"),
            file=display,
            hint=_("the file may be truncated or not a spreadsheet; open it in Excel and save it again"),
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            _("the workbook's list of parts is damaged (a part name is not valid UTF-8)"),
            file=display,
            hint=_damaged_hint(),
        ) from None
    except (ValueError, OSError, EOFError, struct.error, IndexError, OverflowError) as exc:
        raise InputError(
            _("the workbook's list of parts is damaged ({reason})").format(reason=f"{type(exc).__name__}: {exc}"),
            file=display,
            hint=_damaged_hint(),
        ) from None
    with archive:
        infos = archive.infolist()
        if not infos:
            raise InputError(
                _("an empty or damaged workbook (a zip container with no parts)"),
                file=display,
                hint=_("save the spreadsheet again, or leave it out"),
            )
        if len(infos) > 10_000:
            raise InputError(
                _("the workbook has {parts} parts").format(parts=len(infos)),
                file=display,
                hint=_("not a rating workbook; see SECURITY.md"),
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_mb * 1024 * 1024:
            raise InputError(
                _("the workbook unpacks to {size} MB, over the limit of {limit} MB").format(
                    size=total // (1024 * 1024), limit=limits.max_unzipped_mb
                ),
                file=display,
                hint=_("for data this large use CSV; or raise CCQ_MAX_UNZIPPED_MB (see SECURITY.md)"),
            )
        for info in infos:
            _check_entry(info, display, limits)
        later = [i for i in infos if beside and i.file_size >= BESIDE_BYTES and _is_xml(i)]
        for info in infos:  # every part read through: a damaged one is found here, not by a parser
            if not info.is_dir():
                _check_part(archive, info, display, limits, well_formed=info not in later)
        return [i.filename for i in later]


def check_well_formed(path: str, display: str, limits: Limits, names: list[str]) -> None:
    """The well-formedness that ``check_zip(beside=True)`` left out (the part read through again)."""
    with zipfile.ZipFile(path) as archive:
        for name in names:
            _check_part(archive, archive.getinfo(name), display, limits, scan=False)


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith((".xml", ".rels"))


def _check_entry(info: zipfile.ZipInfo, display: str, limits: Limits) -> None:
    """What the zip directory says of one part: encrypted, compressed in a way or to a ratio
    that no spreadsheet program writes."""
    name = shortened(info.filename)
    if info.flag_bits & 0x1:
        raise InputError(
            _("part '{name}' is encrypted with a zip password, which spreadsheet programs never do").format(name=name),
            file=display,
            hint=_("the file was altered after it was saved; ask for a copy saved again from Excel"),
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise InputError(
            _("part '{name}' is compressed with method {method}, which spreadsheet programs do not use").format(
                name=name, method=info.compress_type
            ),
            file=display,
            hint=_damaged_hint(),
        )
    if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise InputError(
            _("part '{name}' is compressed {ratio} to 1, like a zip bomb").format(
                name=name, ratio=info.file_size // max(info.compress_size, 1)
            ),
            file=display,
            hint=_("raise CCQ_MAX_RATIO if the file is genuine (see SECURITY.md)"),
        )


def _damaged_part(name: str, exc: BaseException) -> str:
    """The message for a part the zip library could not read, saying what is wrong in words."""
    if isinstance(exc, zlib.error):
        return _("part '{name}' of the workbook is damaged (its compressed data does not unpack)").format(name=name)
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
        return _("part '{name}' of the workbook is damaged (its checksum does not match its content)").format(name=name)
    if isinstance(exc, EOFError):
        return _("part '{name}' of the workbook is damaged (it is cut short)").format(name=name)
    return _("part '{name}' of the workbook is damaged ({reason})").format(
        name=name, reason=f"{type(exc).__name__}: {exc}"
    )


def _check_part(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    display: str,
    limits: Limits,
    well_formed: bool = True,
    scan: bool = True,
) -> None:
    """Read one part through, in chunks: its compressed data must unpack to what the directory
    says (checksum); well-formed if it is XML (``well_formed``; with ``scan`` False, that alone). In an XML part (or one whose name was damaged: any part may be XML to a
    parser): no DTD or entity declaration anywhere; the sheet's size (declared, or from its first
    cells and any cell past column ZZ) and the shared strings' count within the limit."""
    name = shortened(info.filename)
    head, cells, dimension, carried = b"", b"", None, b""
    far_rows, far_columns = [0], [0]
    # well-formed, by expat as the chunks pass (after the DTD check, so it never sees an entity): a
    # lenient parser reads on past a cut-out span, and a cell can lose its parent without a word
    xml = well_formed and _is_xml(info) and expat.ParserCreate()
    try:
        with archive.open(info) as stream, _read_ahead(stream, info.file_size) as chunks:
            for chunk in chunks:
                if not scan:  # the second reading, for well-formedness alone: the rest passed
                    xml.Parse(chunk, False)
                    continue
                # a pattern cut between two chunks lies in the seam (every pattern is shorter than
                # _OVERLAP), any other in the chunk: the two searched, not a copy of the whole window;
                # "!" first, one byte found at memory speed ("<!" is slower than the regular expression:
                # "<" opens every tag)
                seam = carried + chunk[:_OVERLAP]
                if (b"!" in chunk or b"!" in seam) and (_DOCTYPE.search(seam) or _DOCTYPE.search(chunk)):
                    raise InputError(
                        _("part '{name}' declares a DTD or XML entities, which workbooks never need").format(name=name),
                        file=display,
                        hint=_("the file may be crafted to attack XML readers; ask for a clean copy"),
                    )
                if xml:
                    xml.Parse(chunk, False)
                if len(head) < 64 * 1024:
                    head += chunk[: 64 * 1024 - len(head)]
                if dimension is None or len(cells) < 64 * 1024:  # the first chunks: the whole window
                    window = carried + chunk
                    if dimension is None and b"dimension" in window:
                        dimension = _DIMENSION.search(window)
                    cells = _first_cells(cells, window)
                # matches never overlap (each begins with the one space it holds): found once in the
                # chunk or the seam, or twice, which the largest row and column taken below ignore
                for c, r in _FAR_CELL.findall(seam) + _FAR_CELL.findall(chunk):
                    far_columns.append(column_number(c))
                    far_rows.append(int(r))
                carried = chunk[-_OVERLAP:] if len(chunk) >= _OVERLAP else (carried + chunk)[-_OVERLAP:]
        if xml:
            xml.Parse(b"", True)
    except InputError:
        raise
    except expat.ExpatError as exc:
        # expat's own words for the fault stay English: they are the parser's, for whoever repairs the file
        raise InputError(
            _("part '{name}' is not well-formed XML ({fault}: line {line}, column {column})").format(
                name=name, fault=expat.ErrorString(exc.code), line=exc.lineno, column=exc.offset
            ),
            file=display,
            hint=_damaged_hint(),
        ) from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise InputError(_damaged_part(name, exc), file=display, hint=_damaged_hint()) from None
    if not scan:
        return
    strings = _SHARED_STRINGS.search(head)
    if strings and int(strings.group(1)) > limits.max_cells:
        raise InputError(
            _("part '{name}' says it holds {texts} texts, over the limit of {limit} cells").format(
                name=name, texts=number(int(strings.group(1))), limit=number(limits.max_cells)
            ),
            file=display,
            hint=_damaged_hint(),
        )
    if info.filename in ("[Content_Types].xml", "xl/workbook.xml") and len(head) < 64 * 1024:
        import defusedxml.ElementTree as ET
        from defusedxml import DefusedXmlException

        try:
            ET.fromstring(head)
        except (DefusedXmlException, ET.ParseError) as exc:
            raise InputError(
                _("part '{name}' is not valid XML ({reason})").format(name=name, reason=exc),
                file=display,
                hint=_damaged_hint(),
            ) from None
    _check_sheet_size(name, dimension, cells or head, far_rows, far_columns, display, limits)


class _read_ahead:  # noqa: N801 - used as a context manager, like open()
    """The chunks of a part, each unpacked and checksummed in a thread while the one before it is
    checked here: zlib and crc32 release the GIL, expat does not, so on two cores the unpacking of
    a large sheet (0.4 s for 80 MB of XML) hides behind the check of its XML (0.8 s). What the
    reading raises (a damaged part) is raised here at its chunk, after the chunks before it were
    checked, as without the thread. A small part is read here, chunk by chunk, as before."""

    AHEAD = 2  # chunks unpacked ahead of the one checked: a few MB at most
    FROM = 4 * _CHUNK  # parts of this size or more are read ahead

    def __init__(self, stream, size: int):
        self._stream, self._thread = stream, None
        if size >= self.FROM:
            import queue
            import threading

            self._queue, self._stop = queue.Queue(maxsize=self.AHEAD), threading.Event()
            self._thread = threading.Thread(target=self._read, daemon=True, name="unzip")
            self._thread.start()

    def _read(self) -> None:
        try:
            while not self._stop.is_set():
                chunk = self._stream.read(_CHUNK)
                self._queue.put((chunk, None))
                if not chunk:
                    return
        except BaseException as exc:  # noqa: BLE001 - raised in the checking thread, at its chunk
            self._queue.put((b"", exc))

    def __iter__(self):
        if self._thread is None:
            yield from iter(lambda: self._stream.read(_CHUNK), b"")
            return
        while True:
            chunk, failure = self._queue.get()
            if failure is not None:
                raise failure
            if not chunk:
                return
            yield chunk

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        """The thread stopped before the stream is closed (the caller's ``with`` closes it next)."""
        if self._thread is None:
            return
        import contextlib
        import queue

        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)  # a full queue would keep it waiting to put
        self._thread.join()


def _first_cells(cells: bytes, window: bytes) -> bytes:
    """The first 64 KB from the start of the sheet's data (whatever comes before it)."""
    if cells:
        return cells + window[_OVERLAP:][: 64 * 1024 - len(cells)] if len(cells) < 64 * 1024 else cells
    found = _SHEET_DATA.search(window) if b"sheetData" in window else None  # not in most parts: a plain search
    return window[found.start() :][: 64 * 1024] if found else b""


def _check_sheet_size(
    name: str, dimension, cells: bytes, far_rows: list[int], far_columns: list[int], display: str, limits: Limits
) -> None:
    refs = [(column_number(c), int(r)) for c, r in _CELL_REF.findall(cells)]
    if not (dimension or refs or max(far_columns)):
        return
    # the area from A1 to the farthest cell, as a reader lays the sheet out
    cols, rows = 0, 0
    if dimension:
        cols = column_number(dimension.group(3) or dimension.group(1))
        rows = int(dimension.group(4) or dimension.group(2))
    cols = max([cols] + [c for c, _row in refs] + far_columns)
    rows = max([rows] + [r for _column, r in refs] + far_rows)
    if rows * cols > limits.max_cells:
        raise InputError(
            _(
                "sheet part '{name}' spans {rows} rows × {columns} columns from A1, over the limit of {limit} cells"
            ).format(name=name, rows=number(rows), columns=number(cols), limit=number(limits.max_cells)),
            file=display,
            hint=_("delete the empty rows and columns below and right of the table, or raise CCQ_MAX_CELLS"),
        )


def is_encrypted(path) -> bool:
    """A password-protected Office file: an OLE container holding an "EncryptionInfo" stream."""
    with open(path, "rb") as stream:
        head = stream.read(8)
        if head != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            return False
        data = stream.read(16 * 1024 * 1024)
    return "EncryptionInfo".encode("utf-16-le") in data
