"""A rating typed half abbreviated – some words written out, some as capitals – is the label its
initials spell ("Trong sạch VM" is TSVM), as a careful person reads it; a name never is."""

from __future__ import annotations

from ccq_stats.vocabulary.scales import load_scales
from conftest import figures, make_xlsx, run


def test_half_abbreviated_labels_read_as_their_initials():
    scales = load_scales()
    assert scales.lookup_label("Trong sạch VM").meaning.means == "top"
    assert scales.lookup_label("HT tốt NV").meaning.means == "good"
    assert scales.lookup_label("Không HTNV").meaning.means == "fail"


def test_names_are_never_initials():
    scales = load_scales()
    # five words whose initials spell HTTNV: a member, not a rating (no word in capitals)
    assert scales.lookup_label("Hà Thị Thu Nga Vân") is None
    assert scales.lookup_label("HÀ THỊ THU NGA VÂN") is None  # all in capitals: no word written out


def test_a_sheet_of_loose_spellings_of_the_old_scale(tmp_path):
    # counted by hand: TSVM ×3 (one as "Trong sạch VM"), HTNV ×1 ("HT NV")
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2016"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Sở A", "Trong sạch VM"],
        [2, "Chi bộ Sở B", "TSVM"],
        [3, "Chi bộ Sở C", "T.S.V.M"],
        [4, "Chi bộ Sở D", "HT NV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "old.xlsx", {"KQ": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert got[(2016, "units", "top")] == 3
    assert got[(2016, "units", "pass")] == 1
