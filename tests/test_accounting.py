"""Everything on a sheet that carries a rating is accounted for (issue 18 §2).

Take a generated list of organisations that the reader reads right (checked against the model that
wrote it), add one thing that carries a rating label – another year's ratings, a second decision
column, a label typed in the notes, a stray row with a rating and no name – and the reader either
counts it (the figures change as the model says) or stops with one line that names it. Never the
same figures as before without a word.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccq_stats.api import classify_paths
from ccq_stats.errors import InputError, column_letter

pytestmark = pytest.mark.slow  # each example writes and reads a sheet

LABELS = {"top": "HTXSNV", "good": "HTTNV", "pass": "HTNV", "fail": "KHTNV"}
NOTES = ["", "", "Thành lập năm 2010", "Sáp nhập từ 2 chi bộ"]  # notes that carry no rating
HEADER = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"]

tiers = st.lists(st.sampled_from(list(LABELS)), min_size=2, max_size=12)


def write(rows: list[list]) -> Path:
    path = Path(tempfile.mkdtemp()) / "xep_loai.csv"
    path.write_text(
        "\n".join(";".join("" if v is None else str(v) for v in row) for row in rows) + "\n", encoding="utf-8"
    )
    return path


def sheet(ratings: list[str], notes: list[str]) -> list[list]:
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"], HEADER]
    for i, (tier, note) in enumerate(zip(ratings, notes), 1):
        rows.append([i, f"Chi bộ Cơ quan số {i}", LABELS[tier], note])
    return rows


def figures(path: Path) -> dict[tuple[int, str], int]:
    frame = classify_paths([str(path)])
    return {(int(r.year), r.category): int(r.count) for r in frame.itertuples() if r.subject == "units"}


def model(ratings: list[str], year: int = 2019) -> dict[tuple[int, str], int]:
    """The figures a careful person counts in a list of these ratings (README's output contract)."""
    count = Counter(ratings)
    out = {(year, tier): count.get(tier, 0) for tier in LABELS}
    out[(year, "rated")] = out[(year, "total")] = len(ratings)
    return out


def agrees(found: dict, expected: dict) -> bool:
    return all(found.get(key, 0) == value for key, value in expected.items())


def outcome(rows: list[list]):
    """("figures", {...}) or ("stopped", the one-line error)."""
    try:
        return "figures", figures(write(rows))
    except InputError as exc:
        return "stopped", str(exc)


def _another_year(rows, ratings, notes, extra, draw):
    """A column of last year's ratings, with its year in the header or not."""
    named = draw(st.booleans())
    rows[1].insert(3, "Xếp loại năm 2018" if named else "Năm trước")
    for row, tier in zip(rows[2:], extra):
        row.insert(3, LABELS[tier])
    return {"column": column_letter(3), "counts": model(extra, 2018) if named else None}


def _second_decision(rows, ratings, notes, extra, draw):
    """A second decision column beside the first (the level above's, with no word saying which counts)."""
    rows[1].append("Cấp ủy cấp trên xếp loại")
    for row, tier in zip(rows[2:], extra):
        row.append(LABELS[tier])
    return {"column": column_letter(len(HEADER)), "counts": None}


def _label_in_notes(rows, ratings, notes, extra, draw):
    """A rating label typed in one notes cell, not the row's own rating."""
    at = draw(st.integers(0, len(ratings) - 1))
    other = next(t for t in LABELS if t != ratings[at])
    rows[2 + at][3] = LABELS[other]
    return {"column": column_letter(3), "counts": None}


def _stray_row(rows, ratings, notes, extra, draw):
    """A row with a rating and no name or number, inside the list."""
    at = draw(st.integers(1, len(ratings)))
    tier = draw(st.sampled_from(list(LABELS)))
    rows.insert(2 + at, [None, None, LABELS[tier], None])
    return {"row": 2 + at + 1, "counts": model(ratings + [tier])}


ADDITIONS = [_another_year, _second_decision, _label_in_notes, _stray_row]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiers, st.data())
def test_a_label_added_to_a_sheet_is_counted_or_named(ratings, data):
    notes = data.draw(st.lists(st.sampled_from(NOTES), min_size=len(ratings), max_size=len(ratings)))
    extra = data.draw(st.lists(st.sampled_from(list(LABELS)), min_size=len(ratings), max_size=len(ratings)))
    before = sheet(ratings, notes)
    kind, found = outcome(before)
    assert kind == "figures" and agrees(found, model(ratings)), found  # the reader reads the sheet right

    add = data.draw(st.sampled_from(ADDITIONS))
    after = [list(row) for row in before]
    said = add(after, ratings, notes, extra, data.draw)
    kind, result = outcome(after)
    if kind == "stopped":
        # one line that names what was added: its column letter, or its row
        assert "\n" not in result
        named = f"column {said['column']}" in result if "column" in said else f"row {said['row']}" in result
        assert named, result
    else:
        assert result != found, f"{add.__name__}: the same figures as before, without a word"
        assert said["counts"] is not None and agrees(result, said["counts"]), (add.__name__, result, said["counts"])
