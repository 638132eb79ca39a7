"""Properties that hold for any input: tiers add up to rated, statuses to total, shares to 1."""

from __future__ import annotations

import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccq_stats.api import classify_paths
from ccq_stats.figures.classify import match_label
from ccq_stats.reading.grid import Sheet
from ccq_stats.reading.header import find_header
from ccq_stats.vocabulary.scales import load_scales

pytestmark = pytest.mark.slow  # hypothesis: hundreds of inputs through the whole reading

SCALES = load_scales()
LABELS = {
    "top": ["HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", "Xuất sắc"],
    "good": ["HTTNV", "Hoan thanh tot nhiem vu", "HT tốt NV"],
    "pass": ["HTNV", "Hoàn thành nhiệm vụ"],
    "fail": ["KHTNV", "Không HTNV"],
    "exempt": ["Miễn đánh giá", "Đình chỉ sinh hoạt"],
    "not_rated": ["Chưa đánh giá", "Chưa xếp loại"],
}
messy = st.sampled_from([lambda s: s, str.upper, lambda s: unicodedata.normalize("NFD", s), lambda s: f" {s}\u00a0"])
member = st.tuples(
    st.sampled_from(list(LABELS)), st.integers(0, 5), st.integers(0, 2), messy, st.sampled_from([2016, 2019])
)


def write_members(rows) -> Path:
    folder = Path(tempfile.mkdtemp())
    lines = ["Họ và tên;Chi bộ;Năm;Xếp loại"]
    for i, (meaning, variant, unit, mess, year) in enumerate(rows):
        label = LABELS[meaning][variant % len(LABELS[meaning])]
        lines.append(f"Người {i};Chi bộ {unit};{year};{mess(label)}")
    path = folder / "dv.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(member, min_size=1, max_size=60), st.sampled_from(["rated", "total"]), st.sampled_from(["year", "unit"])
)
def test_member_figures_add_up_and_match_what_was_written(rows, base, by):
    figures = classify_paths([str(write_members(rows))], base=base, by=by)
    keys = ["year", "subject"] + (["unit"] if by == "unit" else [])
    for _, group in figures.groupby(keys):
        count = dict(zip(group["category"], group["count"]))
        share = dict(zip(group["category"], group["share"]))
        assert count["top"] + count["good"] + count["pass"] + count["fail"] == count["rated"]
        assert count["exempt"] + count["not_rated"] + count["rated"] == count["total"]
        assert count["good_or_better"] == count["top"] + count["good"]
        if count[base]:
            tiers = share["top"] + share["good"] + share["pass"] + share["fail"]
            assert abs(tiers - count["rated"] / count[base]) < 1e-9
    if by == "year":
        for year in {r[4] for r in rows}:
            written = Counter(r[0] for r in rows if r[4] == year)
            got = figures[figures["year"] == year].set_index("category")["count"]
            for meaning in LABELS:
                assert got[meaning] == written[meaning]


@given(st.text(max_size=60))
def test_label_matching_never_fails_on_any_text(text):
    label = match_label(text, SCALES)
    assert label is None or label.meaning.means in ("top", "good", "pass", "fail", "exempt", "not_rated")


cell = st.one_of(
    st.none(),
    st.text(max_size=25),
    st.integers(-5, 3000),
    st.floats(allow_nan=False),
    st.sampled_from(
        ["STT", "Họ và tên", "Xếp loại", "HTXSNV", "Năm 2019", "Kết quả xếp loại", "SL", "%", "Tổng cộng", "(1)"]
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, max_size=8), max_size=12))
def test_header_finder_never_fails_on_any_grid(rows):
    header = find_header(Sheet("fuzz.xlsx", "S", rows), SCALES)
    if header is not None:
        assert 0 <= header.first_row <= header.last_row < len(rows)
        assert header.last_row - header.first_row < 3
