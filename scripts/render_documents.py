"""Write every document of the sample data, print it to PDF and to PNG pages, so anyone can look.

    .venv/bin/python scripts/render_documents.py [OUT]          # default OUT: rendered/

What it writes, from ``sample_data/`` with the issuer of ``scripts/render_settings.toml`` (a
realistic header: a province, a place, a number, a signer, so that the long lines are the
ones staff print):

- the term report 2015–2020 and the 2019 report, each as docx, xlsx and html;
- the 2025 report of the second sample (``sample_term_2020_2025/xep_loai``) as docx: the score
  tables of Quy định 366;
- the statistics forms of 2017 (Biểu 7A/7B-TCTW) and of 2019 (the Quy định 132 forms);
- the monthly summary of January 2020 from a store of the sample, as docx and html;

then converts the Word and Excel files to PDF with headless LibreOffice (one ``soffice`` call
for all of them: starting it is the slow part), the html with headless Chromium
(``--print-to-pdf``), and every PDF to PNG pages with ``pdftoppm`` (``OUT/png/NAME-N.png``,
``-r 60`` by default; ``--dpi`` changes it). ``pdftotext -layout`` of each PDF goes beside it,
which is what tests/test_printed_documents.py reads.

Needs ``soffice`` (Debian: libreoffice-writer, libreoffice-calc), ``pdftoppm`` and
``pdftotext`` (poppler-utils), a Chromium for the html (skipped with a word when missing) and
fonts with Vietnamese glyphs (fonts-liberation: Liberation Serif is metric-compatible with
Times New Roman, the font the documents name).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
TERM_SAMPLE = ROOT / "sample_term_2020_2025" / "xep_loai"
SETTINGS = Path(__file__).resolve().parent / "render_settings.toml"
DATE = "21/10/2020"
KIND = {"docx": "word", "xlsx": "excel", "html": "web"}


def ccq(*args: str, cwd: Path) -> None:
    """One ccq-stats command of the installed package (the interpreter running this script)."""
    command = [sys.executable, "-m", "ccq_stats", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_env())
    if done.returncode not in (0, 1):  # 1: --strict findings are not used here, but a report with findings is fine
        sys.exit(f"render_documents: {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")


def _env() -> dict:
    import os

    env = dict(os.environ, CCQ_NO_PROGRESS="1", CCQ_LANG="en")
    env.pop("CCQ_STATS_DB", None)
    return env


def write_documents(out: Path) -> list[Path]:
    """Every document of the sample data in ``out``; the list of the files written."""
    settings = ["--settings", str(SETTINGS), "--date", DATE]
    docs = []
    for name, span in (("bao_cao_nhiem_ky", ["--term", "2015-2020"]), ("bao_cao_2019", ["--year", "2019"])):
        for fmt in ("docx", "xlsx", "html"):
            target = out / f"{name}-{KIND[fmt]}.{fmt}"  # one PDF name per document: soffice names it by the stem
            ccq("report", *span, str(SAMPLE), "-o", str(target), "-q", *settings, cwd=out)
            docs.append(target)
    # the second sample's 2025 report: the score tables of Quy định 366 (its ratings only, no roster needed)
    target = out / "bao_cao_2025-word.docx"
    ccq("report", "--year", "2025", str(TERM_SAMPLE), "-o", str(target), "-q", *settings, cwd=out)
    docs.append(target)
    for year in (2017, 2019):
        target = out / f"bieu_{year}.xlsx"
        ccq("forms", "--year", str(year), str(SAMPLE), "-o", str(target), *settings, cwd=out)
        docs.append(target)
    store = out / "ccq.sqlite"
    store.unlink(missing_ok=True)
    ccq("import", str(SAMPLE), "--db", str(store), "-q", cwd=out)
    for fmt in ("docx", "html", "md", "txt"):
        target = out / f"tong_hop_thang_01-2020-{KIND.get(fmt, fmt)}.{fmt}"
        ccq(
            "report",
            "--month",
            "2020-01",
            "--db",
            str(store),
            "-o",
            str(target),
            "-q",
            "--format",
            fmt,
            *settings,
            cwd=out,
        )
        if fmt in ("docx", "html"):
            docs.append(target)
    store.unlink()
    return docs


def to_pdf(docs: list[Path], out: Path) -> list[Path]:
    """The PDFs of ``docs``: Word and Excel through one LibreOffice call, html through Chromium."""
    office = [d for d in docs if d.suffix in (".docx", ".xlsx")]
    pdfs = []
    if office:
        soffice = shutil.which("soffice") or sys.exit(
            "render_documents: soffice not found (Debian: libreoffice-writer libreoffice-calc)"
        )
        with tempfile.TemporaryDirectory() as profile:  # a profile of its own: never a user's running LibreOffice
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    *map(str, office),
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
        pdfs += [out / f"{d.stem}.pdf" for d in office]  # the names differ by kind (bao_cao_2019-word, -excel)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    for d in (d for d in docs if d.suffix == ".html"):
        if not chromium:
            print(f"render_documents: no Chromium, {d.name} not printed", file=sys.stderr)
            continue
        pdf = out / f"{d.stem}.pdf"
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    f"--user-data-dir={profile}",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}",
                    d.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        pdfs.append(pdf)
    return pdfs


def to_png(pdfs: list[Path], out: Path, dpi: int) -> list[Path]:
    """PNG pages of each PDF in ``out/png`` and its text (``pdftotext -layout``) beside it."""
    folder = out / "png"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    for pdf in pdfs:
        stem = pdf.stem
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / stem)], check=True)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(pdf.with_suffix(".txt"))], check=True)
    return sorted(folder.glob("*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "rendered")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out.resolve()
    docs = write_documents(out)
    pdfs = to_pdf(docs, out)
    pages = to_png(pdfs, out, args.dpi)
    for pdf in pdfs:
        count = sum(1 for p in pages if re.fullmatch(re.escape(pdf.stem) + r"-\d+\.png", p.name))
        print(f"{pdf.name}: {count} page(s)")
    print(f"{len(pages)} pages in {out / 'png'}")


if __name__ == "__main__":
    main()
