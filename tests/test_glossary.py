"""One term per concept (docs/translating.md, "One term per concept"): the catalogue and the
templates never use a word the glossary replaces."""

from __future__ import annotations

import ast
import re

from babel.messages.pofile import read_po

from conftest import ROOT

CATALOGUE = ROOT / "ccq_stats" / "locale" / "vi" / "LC_MESSAGES" / "ccq_stats.po"
TEMPLATES = ROOT / "ccq_stats" / "templates"
# the code that writes the documents' own words (sheet names, table headers, history's tables):
# the glossary holds there too, not only in the catalogue and the templates
WRITERS = [ROOT / "ccq_stats" / room for room in ("documents", "write", "api", "store")]

# the words replaced, as patterns (written by hand from the glossary's "never" column)
REPLACED = {
    r"kho số liệu": "kho dữ liệu",
    r"bị bớt": "bị xóa",
    r"[Xx]ếp loại cao nhất": "đạt mức cao nhất",
    r"(\d|\}|\}\}) phát hiện": "trường hợp",
    r"\bcho (units|cells|members)\b": "the subject's Vietnamese name",
    r"được tính là (top|good|pass|fail)\b": "the tier's label",
    r"không cho cả hai|^cho --": "hãy dùng một trong hai: …",
    r",00 điểm phần trăm": "no trailing zeros",
    # a rule is "quy tắc kiểm tra" and a breach "trái quy định": a bare "quy định" reads as Quy định 132-QĐ/TW
    r"quy định (bị vi phạm|org_quota|\{rule\}|này|ấy)|bộ quy định|các quy định mà|[Bb]ảng quy định|^Quy định:": "quy tắc kiểm tra",
    r"chế độ xếp loại|theo chế độ\b": "giai đoạn áp dụng",
    r"nguồn quy định|nguồn văn bản|có nguồn\b|nguồn của năm|nguồn theo": "văn bản căn cứ",
    r"\bcác phát hiện\b|[Mm]ỗi phát\s+hiện|\(phát hiện mức": "trường hợp / kết quả kiểm tra",
    # a sheet or a column named by a bare noun the glossary replaces (issue 19: the findings sheet
    # "Phát hiện", history's "Bớt")
    r"^Phát hiện$|(?<!\w)[Bb]ớt(?!\w)": "trường hợp; bị xóa",
    # table headers with words cut short where the cells are not tiers (issue 19: "Miễn ĐG",
    # "Vượt", "TSVM TB", "Cao nhất/Thấp nhất" over cells that hold years): words in full
    r"^(Miễn|Chưa|Được) ĐG$|^Vượt$|^(Cao|Thấp) nhất$|^ TB$|^Liên tục$": "words in full",
}


def _texts():
    with open(CATALOGUE, "rb") as stream:
        for message in read_po(stream):
            if message.id:
                strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
                for text in strings:
                    yield f"catalogue: {message.id!r}", text
    for path in sorted(TEMPLATES.glob("*.j2")):
        yield f"template {path.name}", path.read_text(encoding="utf-8")
    for folder in WRITERS:
        for path in sorted(folder.glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {  # what the code says of itself to its readers, not to a Ban Tổ chức
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def test_no_catalogue_entry_or_template_uses_a_word_the_glossary_replaces():
    found = [
        f"{where}: '{re.search(pattern, text).group(0)}' (write {instead})"
        for where, text in _texts()
        for pattern, instead in REPLACED.items()
        if re.search(pattern, text, re.M)
    ]
    assert not found, "\n".join(found)


def test_the_glossary_catches_what_it_forbids():
    """The patterns themselves, on the sentences issue 19 quoted."""
    said = [
        "thang xếp loại năm 2018 cho units",
        "được tính là top ('…')",
        "0 bản ghi bị bớt",
        "Năm 2019 có 2 phát hiện",
        "kho số liệu có kết quả",
        "tỷ lệ xếp loại cao nhất tăng 2,00 điểm phần trăm",
        "cho các tệp hoặc --db, không cho cả hai",
        # the help texts before the sweep (issue 19)
        "khi có quy định bị vi phạm",
        "chế độ xếp loại hoặc nguồn quy định",
        "Bảng quy định (tên, mức độ, nguồn theo chế độ)",
        "Thêm họ tên đảng viên vào các phát hiện",
        "không kiểm tra quy định {rule} cho năm {years}: chưa có nguồn đã đối chiếu",
        "một trong các bộ quy định {rulebooks}",
        # the report workbook's sheet and headers, and history's table, before (issue 19)
        "Phát hiện",
        "Bớt",
        "Bản ghi bớt",
        "bản ghi: thêm 3828, sửa 0, bớt 0",
        "Miễn ĐG",
        "Vượt",
        "Cao nhất",
        "Thấp nhất",
        " TB",
    ]
    for sentence in said:
        assert any(re.search(p, sentence, re.M) for p in REPLACED), sentence
