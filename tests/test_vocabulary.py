"""The label vocabulary: every alias, the spellings staff really use, unknown labels."""

from __future__ import annotations

import tomllib
import unicodedata

import pytest

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import classify_label, closest_labels, match_label
from ccq_stats.text import loose_key
from ccq_stats.vocabulary.scales import BUILTIN, Meaning, load_scales

ENTRIES = tomllib.loads(BUILTIN.read_text(encoding="utf-8"))["labels"]
ALIASES = [
    (alias, Meaning(e["means"], e.get("exemplary", False)))
    for e in ENTRIES
    for alias in e["aliases"] + e.get("typos", [])
]


@pytest.mark.parametrize(("alias", "meaning"), ALIASES, ids=[a for a, _ in ALIASES])
def test_every_alias_means_what_its_entry_says(alias, meaning, scales):
    assert match_label(alias, scales).meaning == meaning


@pytest.mark.parametrize(("alias", "meaning"), ALIASES[::3], ids=[a for a, _ in ALIASES[::3]])
def test_aliases_survive_word_copy_paste_case_and_spaces(alias, meaning, scales):
    nfd = unicodedata.normalize("NFD", alias)
    for variant in (nfd, alias.upper(), alias.lower(), f"  {alias}\u00a0 ", alias.replace(" ", "\u00a0")):
        assert match_label(variant, scales).meaning == meaning, repr(variant)


@pytest.mark.parametrize(
    ("text", "means", "exemplary"),
    [
        ("Hoan thanh tot nhiem vu", "good", False),
        ("HOÀN THÀNH XUẤT SẮC NHIỆM VỤ", "top", False),
        ("Trong sạch vững mạnh", "top", False),
        ("trong sach, vung manh tieu bieu", "top", True),
        ("Hoàn thành tốt nhiệm vụ (HTTNV)", "good", False),
        ("HT tốt NV", "good", False),
        ("Không HTNV", "fail", False),
        ("Dang bo mien sinh hoat", None, None),  # unknown: no substring match
        ("Đủ tư cách, hoàn thành tốt nhiệm vụ", "good", False),
        ("Vi phạm tư cách hoặc không hoàn thành nhiệm vụ", "fail", False),
        ("Miễn công tác và sinh hoạt đảng", "exempt", False),
        ("Đình chỉ sinh hoạt", "exempt", False),
        ("Chưa xếp loại", "not_rated", False),
        ("HTSXNV", "top", False),
        ("HTTTNV", "good", False),
    ],
)
def test_real_spellings(text, means, exemplary, scales):
    label = match_label(text, scales)
    if means is None:
        assert label is None
    else:
        assert (label.meaning.means, label.meaning.exemplary) == (means, exemplary)


def test_parenthesised_abbreviation_must_agree(scales):
    assert match_label("Hoàn thành tốt nhiệm vụ (HTXSNV)", scales) is None


def test_no_substring_or_partial_matches(scales):
    for text in ("Hoàn thành tốt", "Hoàn thành tốt nhiệm vụ xuất sắc", "tốt nhiệm vụ", "HTT", "Xuất sắc tiêu biểu"):
        label = match_label(text, scales)
        # "Hoàn thành tốt" is a listed alias; the others are not labels at all
        assert (label is not None) == (text == "Hoàn thành tốt"), text


def test_unknown_label_is_an_error_with_the_closest_labels(scales):
    with pytest.raises(InputError) as caught:
        classify_label("Hoàn thành tôt nhiêm vu xuat", 2019, "members", scales)
    message = str(caught.value)
    assert "unknown rating label" in message
    assert "Hoàn thành tôt nhiêm vu xuat" in message
    assert "did you mean" in message
    assert closest_labels("Hoàn thành tốt nhiệm", scales)[0] == "Hoàn thành tốt nhiệm vụ"
    assert "KHTVN" not in closest_labels("KHTVM", scales)  # typos are matched, never suggested


def test_label_of_another_regime_is_counted_with_a_warning(scales):
    meaning, warning = classify_label("Trong sạch, vững mạnh", 2019, "units", scales)
    assert meaning == Meaning("top")
    assert "not on the 2019 scale" in warning and "Hoàn thành xuất sắc nhiệm vụ" in warning
    meaning, warning = classify_label("Trong sạch, vững mạnh", 2016, "units", scales)
    assert meaning == Meaning("top") and warning is None
    # the four-step member scale is right for members from 2014 but not for organisations before 2018
    assert classify_label("HTXSNV", 2016, "members", scales)[1] is None
    assert classify_label("HTXSNV", 2016, "units", scales)[1] is not None
    assert classify_label("Đủ tư cách, hoàn thành tốt nhiệm vụ", 2012, "members", scales)[1] is None
    assert classify_label("Đủ tư cách, hoàn thành tốt nhiệm vụ", 2019, "members", scales)[1] is not None


def test_exempt_is_for_members_only(scales):
    assert classify_label("Miễn đánh giá", 2019, "members", scales)[0].means == "exempt"
    with pytest.raises(InputError, match="organisation cannot be exempt"):
        classify_label("Miễn đánh giá", 2019, "units", scales)


@pytest.mark.parametrize("year", [2013, 2014, 2017, 2018, 2022, 2023, 2024, 2025, 2030])
def test_regimes_by_year(year, scales):
    regime = scales.regime(year)
    expected = (
        "hd20"
        if year <= 2013
        else "hd27"
        if year <= 2017
        else "qd132"
        if year <= 2022
        else "qd124"
        if year <= 2024
        else "qd366"
    )
    assert regime.id == expected
    top_units = scales.category_label(year, "units", "top")
    assert top_units == ("Trong sạch, vững mạnh" if year <= 2017 else "Hoàn thành xuất sắc nhiệm vụ")


def test_user_scales_file_adds_aliases_and_regimes(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[labels]]\nmeans = "good"\nvalid = "all"\naliases = ["Loại 2", "HT tốt"]\n'
        '[[regimes]]\nid = "future"\nfirst_year = 2031\ndocuments = "Quy định mới"\n'
        '[regimes.tiers.organisations]\ntop = "A"\ngood = "B"\npass = "C"\nfail = "D"\n'
        '[regimes.tiers.members]\ntop = "A"\ngood = "B"\npass = "C"\nfail = "D"\n',
        encoding="utf-8",
    )
    scales = load_scales(extra)
    assert match_label("loại 2", scales).meaning == Meaning("good")
    assert scales.regime(2031).id == "future" and scales.regime(2030).id == "qd366"
    assert match_label("Loại 2", load_scales()) is None  # the built-in vocabulary is untouched


def test_user_scales_file_cannot_change_a_meaning(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text('[[labels]]\nmeans = "pass"\naliases = ["HTTNV"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="means pass here but good already"):
        load_scales(extra)


def test_broken_scales_file_is_an_input_error(tmp_path):
    extra = tmp_path / "broken.toml"
    extra.write_text("[[labels]\nmeans = ", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid TOML file"):
        load_scales(extra)


def test_loose_matching_never_merges_two_meanings(scales):
    # every loose key maps to one meaning, or to None (then only exact spellings match)
    for key, label in scales.loose_labels.items():
        exact = [lab for lab in scales.labels.values() if key == loose_key(lab.display)]
        meanings = {lab.meaning for lab in exact}
        assert (label is None) == (len(meanings) > 1)


def test_members_who_left_are_not_counted_and_never_taken_for_exempt(tmp_path):
    from conftest import figures, make_csv, run

    path = make_csv(
        tmp_path / "dv.csv",
        [
            ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
            ["Nguyễn Văn A", "Chi bộ X", 2019, "HTTNV"],
            ["Trần Thị B", "Chi bộ X", 2019, "Chuyển sinh hoạt đi"],
            ["Lê Văn C", "Chi bộ X", 2019, "Miễn sinh hoạt đảng"],
            ["Phạm Văn D", "Chi bộ X", 2019, "Từ trần"],
            ["Hồ Thị E", "Chi bộ X", 2019, "Xoá tên"],
        ],
    )
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    # present: A (rated) and C (exempt); B, D and E left during the year
    assert got[(2019, "members", "total")] == 2 and got[(2019, "members", "exempt")] == 1
    assert got[(2019, "members", "rated")] == 1 and got[(2019, "members", "good")] == 1
    assert "3 member(s) who left during the year" in result.stderr and "(first: row 3)" in result.stderr
    assert match_label("Chuyển sinh hoạt đi", load_scales()).meaning == Meaning("left")
    assert match_label("Miễn sinh hoạt đảng", load_scales()).meaning == Meaning("exempt")


def test_an_organisation_is_never_left(scales):
    with pytest.raises(InputError, match="an organisation is rated, not 'left'"):
        classify_label("Chuyển đi", 2019, "units", scales)


def test_a_year_column_header_names_its_year_by_the_year_word_of_the_data():
    """A wide layout's "Năm 2019" column: the year word is [reading_words] year (not a pattern in
    the code); with it any rating year, a bare number only from [years] header_first (1990), as a
    count of 1,950 under a merged header is data."""
    from ccq_stats.vocabulary.scales import load_scales
    from ccq_stats.vocabulary.scales import year_of_header as of_scales

    scales = load_scales()
    year_of_header = lambda value: of_scales(value, scales)  # noqa: E731
    assert [year_of_header(v) for v in ("Năm 2019", "NĂM 2019", "Nam 2019", "năm2021", " 2019 ", 2019)] == [
        2019,
        2019,
        2019,
        2021,
        2019,
        2019,
    ]
    assert year_of_header("Năm 1985") == 1985 and year_of_header("1985") is None
    assert year_of_header("Năm 2101") is None and year_of_header("Năm 1944") is None
    assert [year_of_header(v) for v in ("Xếp loại 2019", "Tháng 2019", "", None, "2019a")] == [None] * 5
