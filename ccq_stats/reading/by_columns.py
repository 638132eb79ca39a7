"""Large member lists in CSV or Parquet, read by column with pyarrow and counted before they
become records.

The row reader (``by_rows``) keeps one Python object per cell: right for a bloc's workbooks,
hopeless for a national file of 26 million member-year rows. This reader serves the shape
such files have – one row per member and year: name, birth year, card number (số thẻ đảng
viên), organisation, year, rating, discipline – and gives the same tidy records
(``records.py``) the row reader would, with one difference: member rows alike in everything
but who they are and their row become one record whose ``count`` says how many they are and
whose ``source_row`` is the first of them. The rows of a member listed twice in a year (by the
member key of ``identity``) stay one record each, with their name and ``member_key``, so that
``records.reconcile`` reports them exactly as it does for any file.

What staff leave in such lists is handled here as the row reader handles it: blank lines and
totals rows are left out, a section row ("I. CÁC ĐẢNG BỘ CƠ SỞ") gives its kind to the rows
below it, a heading without a kind is skipped, a member without a card number is known by name
and birth year, and the table ends where the row reader ends it (``plan.table_end``: a signature
block, a date line, notes or summary lines among its last rows, read here with every cell):
nothing under that row is data.

It takes a file when it has the shape, and returns ``None`` otherwise, leaving the file to the
row reader, which reports whatever is wrong with it row by row:

* a CSV or TSV file in UTF-8, or a Parquet file (its column names the header), of at least
  ``MIN_BYTES``, whose header (found by the same ``find_header``) has a card-number or a name
  column, one rating column, and besides only the organisation, parent, kind, host type, year,
  seq (STT), birth, discipline and ignored columns;
* every row as wide as the first (Excel writes every row of a sheet to its full width), card
  numbers of letters and digits starting with a digit (with ``.``, ``/`` or ``-`` between
  them); Parquet columns of text or integers; no section row in a list with columns this
  reader does not read (the row reader looks for the section's kind in every cell).

Within those, the row reader's errors are raised here too, with the same words and the same
cell: a blank rating, a year that is not a year, a row without a year, an unknown kind, a quote
opened by mistake that swallows rows (``textfile.check_csv_file``), a NUL byte.

Memory: before reading, the file's size gives an estimate of what reading it will take
(``needed_mb``); a file over the budget (``CCQ_MEMORY_MB``) stops with a one-line error
that says so and what to do, before anything is read. See SECURITY.md.

Its rooms: this module plans a file and makes the pass over its columns (``read``); ``columns_feed``
the file's bytes and what they may cost; ``columns_cells`` each column decoded by the shared
rules; ``columns_records`` who each row is and the records the pass ends in.
"""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading import legend
from ccq_stats.reading.agreement import agrees
from ccq_stats.reading.cells import (
    blank_member_rating_error,
    default_year,
    is_disciplined,
    no_year_error,
    parse_year,
    unknown_kind_error,
)
from ccq_stats.reading.column_rules import (
    carry_down_coded,
    coded,
    explained_blanks,
    lead_columns,
    left_members,
    left_warning,
    notes_columns,
    org_kinds,
    stop_at_first_fault,
    unclear_kind_warning,
)
from ccq_stats.reading.columns_cells import (  # noqa: F401 - NotPlain kept importable here
    NotPlain,
    as_arrow,
    blank_cells,
    cell_texts,
    cleaned_codes,
    dictionary_codes,
    first_true,
    group_rows,
    listed_rows,
    off_band_rows,
    scores_of,
    section_rows,
    totals_rows,
    year_values,
)
from ccq_stats.reading.columns_feed import (  # noqa: F401 - the memory estimate's figures kept importable here
    BASE_MB,
    BLOCK_BYTES,
    COLUMN_BYTES,
    HEAD_BYTES,
    ROW_BYTES,
    TAIL_BYTES,
    as_text,
    check_text,
    columns_to_read,
    dictionary_columns,
    head_text,
    needed_mb,
    parquet_tail,
    release_memory_early,
    row_reader_mb,
    text_table,
    text_tail,
)
from ccq_stats.reading.columns_records import Who, listed_twice, record_groups, records_frame  # noqa: F401 - Who too
from ccq_stats.reading.grid import Sheet, trimmed
from ccq_stats.reading.header import SCAN_ROWS, Ignored
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.membership import mark_column
from ccq_stats.reading.page_rows import is_index_token
from ccq_stats.reading.parquet import text_fields
from ccq_stats.reading.pending import check_pending
from ccq_stats.reading.plan import TAIL_ROWS, NotATable, check_sheet, plan_sheet, table_end
from ccq_stats.reading.row_roles import heading_rows, summary_columns, summary_lines
from ccq_stats.reading.side_by_side import side_by_side
from ccq_stats.reading.status_titles import status_by_title, status_over_blanks
from ccq_stats.reading.textfile import sniff_delimiter
from ccq_stats.reading.tier_headings import tiers_by_heading
from ccq_stats.vocabulary.scales import CELL_ROLES, COLUMN_READER_ROLES, FEW_VALUE_ROLES, Scales

MIN_BYTES = 8 * 1024 * 1024  # below this the row reader is quick enough, and it is the reference
# Test hook: the size from which a plain list is read by columns, read at each call (so that a test
# can send a small file down this path, in this process or in a child): the differential test
# (tests/test_reading_differential.py) reads every file both ways and wants the same bytes out.
MIN_BYTES_ENV = "CCQ_TEST_COLUMNS_FROM_BYTES"
CARD = r"^[0-9][0-9A-Za-z]*(?:[./-][0-9A-Za-z]+)*$"  # norm_key of such a card is its lower case, punctuation as spaces


def read(
    path: str, scales: Scales, year: int | None, shape: str | None, file_type: str, notes: Notes
) -> pd.DataFrame | None:
    """The tidy records of a large, plain member list (``file_type`` "text" for CSV/TSV, or
    "parquet"), or None to leave the file to the row reader."""
    size = os.path.getsize(path)
    if size < min_bytes():
        return None
    budget = Limits.from_env().memory_budget_mb()
    need = needed_mb(path, size, file_type)
    if need > budget:
        raise InputError(
            _("reading this file needs about {need} MB of memory, more than the {budget} MB it may use").format(
                need=number(need), budget=number(budget)
            ),
            file=path,
            hint=_(
                "split the file (by year or by organisation), or raise CCQ_MEMORY_MB "
                "if the machine has that much memory free (see SECURITY.md)"
            ),
        )
    release_memory_early()
    # notes made while trying the file (a title year beside --year …) are passed on only if this
    # reader keeps the file, or refuses it: given to the row reader, it says them itself
    held = Notes()
    try:
        frame = (_read_parquet if file_type == "parquet" else _read)(path, scales, year, shape, held)
    except NotPlain as exc:
        need = row_reader_mb(size)
        if need > budget:  # the row reader keeps a Python object per cell: stop before it starts
            raise InputError(
                _(
                    "this file can only be read row by row ({reason}), which would need about {need} MB of "
                    "memory, more than the {budget} MB it may use"
                ).format(reason=exc, need=number(need), budget=number(budget)),
                file=path,
                hint=_(
                    "correct what is named so that the file reads by columns, or split the file; "
                    "or raise CCQ_MEMORY_MB if the machine has that much memory free "
                    "(see SECURITY.md)"
                ),
            ) from None
        return None
    except InputError:
        notes.extend(held)
        raise
    notes.extend(held)
    return frame


def _kinds(texts: dict, col: dict, section_kind, scales: Scales, where, notes: Notes):
    """(each row's kind id as ``Coded``, the rows of an unknown kind or None): the rule both readers
    apply (``column_rules.org_kinds``)."""
    n = len(texts["rating"][0])
    parent = texts.get("parent")
    under = np.zeros(n, bool) if parent is None else (parent[1] != "")[parent[0]]
    kinds = org_kinds(texts.get("kind"), section_kind, under, col["parent"] is not None, scales)
    if kinds.unclear.any():
        unclear = kinds.unclear[kinds.codes]
        r = first_true(unclear)
        notes.warn(
            unclear_kind_warning(int(unclear.sum()), texts["kind"][1][texts["kind"][0][r]]), where(r, col["kind"])
        )
    return kinds.id_codes(), kinds.unknown[kinds.codes] if kinds.unknown.any() else None


def min_bytes() -> int:
    """The size from which a plain list is read here: ``MIN_BYTES``, or the test hook's value."""
    raw = os.environ.get(MIN_BYTES_ENV, "")
    return int(raw) if raw.isdigit() else MIN_BYTES


def _read_parquet(path: str, scales: Scales, year, shape, notes: Notes) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        stored = pq.ParquetFile(path)
        first = next(stored.iter_batches(batch_size=SCAN_ROWS + 1), None)
    except (pa.ArrowException, OSError) as exc:
        raise NotPlain(str(exc).splitlines()[0]) from None  # the row reader names the error
    names = stored.schema_arrow.names
    if first is None or len(set(names)) != len(names):
        raise NotPlain(_("no rows, or two columns of one name"))
    head = [names] + [list(row.values()) for row in first.to_pylist()]
    sheet = Sheet(path, None, head)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    if start != 1:
        raise NotPlain(_("the header is not the column names"))
    # the last rows with every column, read before the table: the row group decoded for them is let go first
    tail = parquet_tail(stored, min(TAIL_ROWS, stored.metadata.num_rows))
    text_columns = dictionary_columns(col)
    needed = sorted(columns_to_read(col, lead))
    strings = text_fields(stored.schema_arrow)
    table = pq.read_table(
        path,
        columns=[names[i] for i in needed],
        read_dictionary=[names[i] for i in text_columns if names[i] in strings],
    )
    columns = [as_text(table.column(names[i]), dictionary=i in text_columns) for i in needed]
    table = pa.table(columns, names=[f"f{i}" for i in needed]).unify_dictionaries()
    del columns
    held = [_cut_at_end(table, tail, header, scales)]
    del table
    return _records(held, sheet, col, lead, scales, fixed_year, start, len(needed) < len(names), notes)


def _plan(sheet, scales: Scales, year, shape, notes: Notes):
    """(header, columns by role, lead columns, fixed year, first data row) of a plain list."""
    check_sheet(sheet, Limits.from_env())
    if side_by_side(sheet, scales) is not None:  # the row reader reads each table (reading/side_by_side.py)
        raise NotPlain(_("tables side by side"))
    try:
        plan = plan_sheet(sheet, scales, year, shape, notes)
    except NotATable as exc:  # the row reader says why, in its words (paths.read_file)
        raise NotPlain(str(exc)) from None
    except InputError:  # tiers given by section headings are no plain list: the row reader reads them
        if tiers_by_heading(sheet, scales, Notes()) is None and status_by_title(sheet, scales, Notes()) is None:
            raise
        raise NotPlain(_("tiers given by section headings")) from None  # or a status by a title: no plain list
    if plan is None:
        raise NotPlain(_("no header"))
    if status_over_blanks(plan, scales, Notes()) is not None:  # the row reader gives them the title's status
        raise NotPlain(_("a status given by a title or a sheet name"))
    header, shapes, fixed_year, start = plan.header, plan.shapes, plan.year, plan.start
    roles = {c.role for c in header.columns}
    if (
        shapes != {"members"}
        or not roles & {"member_id", "member"}
        or not roles <= COLUMN_READER_ROLES
        or len(header.of("rating")) != 1
    ):
        raise NotPlain(_("not a member list of card numbers or names, and ratings"))
    if len(header.of("member")) > 1:
        raise NotPlain(_("a name in two columns"))  # "Họ đệm" | "Tên": joined by the row reader
    if plan.other_header is not None:  # the row reader reads the tables one by one
        raise NotPlain(_("another table under the first"))
    if any(c.reason == Ignored.MIRROR for c in plan.ignored):  # every row checked by the row reader
        raise NotPlain(_("a code column that mirrors the ratings"))
    if any(c.reason == Ignored.SPLIT for c in plan.ignored):  # every row checked by the row reader
        raise NotPlain(_("a rating split over two columns"))
    if mark_column(header, scales) is not None:  # staff marked as members or not: the row reader's rule (membership.py)
        raise NotPlain(_("a column marking the party members among staff"))
    if legend.sheet_key(sheet, plan, scales):  # ratings as codes, read by their key (the row reader's rule)
        raise NotPlain(_("a key of rating codes"))
    col = {role: header.one(role) for role in CELL_ROLES}
    # every column the header ignores is read, as notes (column_rules.notes_columns, as the row reader
    # reads them): "Từ trần ngày 20/11" beside "Miễn đánh giá" says a member left, "chưa đánh giá"
    # beside a blank rating says why it is blank
    col["notes"] = tuple(notes_columns(plan))
    col["title_kind"] = plan.kind
    # the header's columns read (row_roles.member_groups counts the cells a heading fills among them)
    col["used"] = sorted(col[role].index for role in CELL_ROLES if col[role])
    # the columns totals labels are looked for in (the card column is looked at apart: its values
    # are mostly digits)
    lead = [i for i in lead_columns(col) if not (col["member_id"] and i == col["member_id"].index)]
    return header, col, lead, fixed_year, start


def _read(path: str, scales: Scales, year, shape, notes: Notes) -> pd.DataFrame:
    text = head_text(path)
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[: SCAN_ROWS + 2]
    sheet = Sheet(path, None, rows, ragged=True)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    # pyarrow's skip_rows counts blank lines above the data as rows, as csv.reader does
    width = max(len(trimmed(rows[i])) for i in range(header.first_row, header.last_row + 1))
    extra = range(width, len(rows[start]) if start < len(rows) else width)  # cells past the header: must be blank
    held = [text_table(path, delimiter, start, col, lead, list(extra))]
    check_text(path, held[0], sheet, start, delimiter, width)
    tail = text_tail(path, delimiter, held[0], min(TAIL_ROWS, held[0].num_rows))
    held = [_cut_at_end(held.pop(), tail, header, scales)]
    unread = bool(set(range(width)) - columns_to_read(col, lead))
    return _records(held, sheet, col, lead, scales, fixed_year, start, unread, notes)


def _cut_at_end(table, tail: list[list], header, scales: Scales):
    """The table's rows above its end: a signature block, a date line, notes or summary lines, found
    in its last rows (``tail``, every cell) by the row reader's own ``plan.table_end``, so that
    both readers end a table at the same row (rows under the signature are not data)."""
    end = table_end(Sheet("", None, tail), header, 0, scales)[0]
    if legend.in_rows(tail[end:], scales):  # a key of rating codes under the table: the row reader's rule
        raise NotPlain(_("a key of rating codes"))
    keep = table.num_rows - len(tail) + end
    return table if keep == table.num_rows else table.slice(0, keep)


def _records(
    held: list,
    sheet,
    col: dict,
    lead: list[int],
    scales: Scales,
    fixed_year,
    start: int,
    unread: bool,
    notes_out: Notes,
) -> pd.DataFrame:
    """The records of a table (handed over in a list, so that its columns are let go of as soon
    as they are turned into codes: 0.5 GB on a national file)."""
    import pyarrow.compute as pc

    table = held.pop()
    texts = {}  # role -> (codes, cleaned text of each distinct value)
    for role in FEW_VALUE_ROLES:
        if col[role]:
            texts[role] = cleaned_codes(*dictionary_codes(table, col[role].index))
            if role != "birth":  # birth is needed again for the members known by name
                table = table.drop_columns([f"f{col[role].index}"])
    card = table.column(f"f{col['member_id'].index}") if col["member_id"] else None
    name = table.column(f"f{col['member'].index}") if col["member"] else None
    plain = {i: table.column(f"f{i}") for i in lead if i not in {col[r].index for r in texts}}
    notes = []  # the columns the header ignores, where a note may say that a member left
    for c in col["notes"]:
        if c.index in plain:
            codes, values = pd.factorize(plain[c.index].to_numpy(zero_copy_only=False))
            notes.append(cleaned_codes(codes, list(values)))
        else:
            notes.append(cleaned_codes(*dictionary_codes(table, c.index)))
            table = table.drop_columns([f"f{c.index}"])
    n = table.num_rows

    # blank rows, totals rows ("Tổng cộng" …) and section rows are skipped, as the row reader
    # skips them in a member list; from here on only the others are looked at
    digits = card is not None and pc.all(pc.ascii_is_decimal(card)).as_py()  # the usual card: quick to check
    card_blank = np.ones(n, bool) if card is None else np.zeros(n, bool) if digits else blank_cells(card)
    blank = card_blank.copy()
    for codes, values in texts.values():
        blank &= (values == "")[codes]
    for column in plain.values():
        blank &= blank_cells(column)
    card_lead = card is not None and col["member_id"].index in {0, 1}  # the row reader looks for totals in A and B too
    skip = blank | totals_rows(n, texts, plain, card if card_lead and not digits else None, col, lead, scales)
    named = (
        ~card_blank
        if name is None
        else ~card_blank
        | ~(blank_cells(name) if col["member"].index not in plain else blank_cells(plain[col["member"].index]))
    )
    rating_codes, rating_values = texts["rating"]
    if any(agrees(v, scales) for v in rating_values):  # "Thống nhất": the proposal beside it is read by rows
        raise NotPlain(_("decisions that agree with the proposal beside them"))
    numbered = np.array([is_index_token(v) for v in rating_values], bool)
    if (numbered[rating_codes] & ~skip).any():  # "4" as a rating: a page's column numbers (page_rows)
        raise NotPlain(_("a number where the rating is: a page's row of column numbers, or a code"))
    section = heading_rows(
        ~skip, (rating_values != "")[rating_codes], named, lambda rows: listed_rows(rows, texts, plain, col)
    )
    section_kind, under_left = None, None
    headings = bool(section.any())
    # "Chi bộ Văn phòng" alone on a row without a rating, or "1 | CB Thanh tra": a heading by the rule
    # both readers apply (row_roles.group_headings); the row reader reads what headings state
    if not headings and group_rows(
        ~skip & ~section & (rating_values == "")[rating_codes], texts, plain, card, col, scales
    ):
        raise NotPlain(_("rows without a rating under section headings, or naming an organisation"))
    if headings:
        if unread:
            raise NotPlain(_("section rows, and columns this reader does not read"))
        section_kind, under_left = section_rows(section, texts, plain, notes, card, col, scales)
        skip |= section
    elif col["title_kind"]:
        section_kind = carry_down_coded(n, np.zeros(0, np.int64), [], col["title_kind"])
    # summary lines ("- Hoàn thành tốt nhiệm vụ | 10" under the members): the rule both readers apply
    columns = summary_columns(col, lead)
    skip |= summary_lines(
        [texts["rating"]], ~skip, lambda index: [cell_texts(i, index, texts, plain, col) for i in columns], scales
    )
    # members who left (column_rules.left_members), and those under a section saying so
    left = ~skip & left_members(texts["rating"], notes, scales)
    if under_left is not None:
        left |= ~skip & under_left
    if left.any():
        notes_out.warn(left_warning(int(left.sum()), start + first_true(left) + 1), sheet.where())
        skip |= left
    rated = col["rating"]  # "chưa quyết định xếp loại" beside a tier: not decided (pending.py)
    check_pending(
        texts["rating"], notes, ~skip, scales, lambda r: sheet.where(start + r + 1, rated.index, rated.header)
    )
    # a blank rating its own row explains ("chưa đánh giá" in a notes cell): that label, as the row reader reads it
    said = explained_blanks(texts["rating"], [], notes, scales)
    if (said != "").any():
        texts["rating"] = coded(np.where(said != "", said, texts["rating"][1][texts["rating"][0]]))
    del blank, named, left, notes
    position = None  # row i below is data row position[i]
    if skip.any():
        position = np.flatnonzero(~skip)
        texts = {role: (codes[position], values) for role, (codes, values) in texts.items()}
        if section_kind is not None:
            section_kind = (section_kind[0][position], section_kind[1])
        card_blank = card_blank[position]
    n = n if position is None else len(position)
    if n == 0:
        raise NotPlain(_("no rows"))

    def where(i, c=None):
        row = start + int(position[i] if position is not None else i) + 1
        return sheet.where(row, c.index if c else None, c.header if c else None)

    if card is not None and not digits:
        checked = card if position is None else pc.filter(card, as_arrow(~skip))
        odd = pc.invert(pc.match_substring_regex(checked, CARD))
        if pc.any(odd).as_py() and (np.asarray(odd, dtype=bool) & ~card_blank).any():
            raise NotPlain(_("card numbers other than letters and digits"))
        del checked
    del skip
    rating = col["rating"]
    codes, values = texts["rating"]
    blank = (values == "")[codes]
    if blank.any() and headings:
        # a blank rating under a section heading: the row reader reads the statuses headings
        # state ("B. ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ", row_roles.section_statuses)
        raise NotPlain(_("rows without a rating under section headings, or naming an organisation"))
    year, bad_year = year_values(texts.get("year"), col["year"], default_year(rating.year, fixed_year), n)
    kind, unknown_kind = _kinds(texts, col, section_kind, scales, where, notes_out)
    year_codes = texts.get("year")
    stop_at_first_fault(
        bad_year=(bad_year, lambda r: parse_year(year_codes[1][year_codes[0][r]], where(r, col["year"]))),
        unknown_kind=(
            unknown_kind,
            lambda r: unknown_kind_error(where(r, col["kind"]), texts["kind"][1][texts["kind"][0][r]]),
        ),
        blank_rating=(blank, lambda r: blank_member_rating_error(where(r, rating))),
        no_year=(year < 0, lambda r: no_year_error(where(r))),
    )
    del blank

    # a member listed twice in a year (same member key, organisation and year): those rows stay
    # rows. Looked for on a second core (numpy and pyarrow release the GIL) while the rows are
    # counted as if there were none; counted again in the rare case there are.
    fields = [(role, *texts[role]) for role in ("org", "parent", "host_type") if role in texts]
    fields += [("org_kind", *kind), ("raw_label", *texts["rating"])]
    if "score" in texts:  # the score of each row (cells.parse_score, once per distinct value): a field to count by
        fields.append(("score", texts["score"][0], scores_of(texts["score"], col["score"], where, scales)))
    # a disciplined member's row is a record of its own too: the rules name its row
    disciplined = None
    if "discipline" in texts:
        codes, values = texts["discipline"]
        flags = np.array([is_disciplined(v, scales) for v in values], dtype=bool)
        disciplined = flags[codes] if flags.any() else None
    # so is the row of a score off its rating's band (scales.off_band, the rule's own test): check names its row
    single = disciplined
    if "score" in texts:
        off = off_band_rows(texts["rating"], next(f for f in fields if f[0] == "score"), scales)
        if off is not None:
            single = off if single is None else single | off
    who = Who(
        card, card_blank, digits, name, table.column(f"f{col['birth'].index}") if col["birth"] else None, position
    )
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(listed_twice, who, year, texts.get("org"))
        first, counts = record_groups(fields, year, None if single is None else np.flatnonzero(~single))
        twice, keys = pending.result()
    pieces = [records_frame(sheet, rating, fields, year, first, counts)]
    alone = twice if single is None else single if twice is None else twice | single
    if alone is not None:
        if twice is not None:
            first, counts = record_groups(fields, year, np.flatnonzero(~alone))
        again = np.flatnonzero(alone)
        member_key, member = np.full(len(again), "", dtype=object), np.full(len(again), "", dtype=object)
        if twice is not None:
            listed = twice[again]
            member_key[listed], member[listed] = keys, who.names(again[listed])
        pieces = [
            records_frame(sheet, rating, fields, year, first, counts),
            records_frame(
                sheet,
                rating,
                fields,
                year,
                again,
                np.ones(len(again), np.int64),
                member_key,
                member,
                None if disciplined is None else disciplined[again],
            ),
        ]
    frame = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    rows = frame["source_row"].to_numpy()
    frame["source_row"] = (position[rows] if position is not None else rows) + start + 1
    return frame.sort_values("source_row", kind="stable", ignore_index=True) if len(pieces) > 1 else frame
