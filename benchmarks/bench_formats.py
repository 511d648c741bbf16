"""PDF and OCR speed, and OCR character accuracy, on the rendered Handan plan (tests/fixtures/formats).

PDF: pages per second for the reader plankg uses (pdfplumber: text, tables, running lines) and,
for comparison, the plain text of pypdfium2 and pdfminer.six, with each one's character
agreement with the Word file the PDF was exported from (whitespace ignored).
OCR: pages per second and character accuracy (1 - edit distance / characters) of RapidOCR on
pages rendered at 200 dpi, against the page's text layer.

    .venv/bin/python benchmarks/bench_formats.py [--ocr-pages 1,2,5]
"""

import argparse
import difflib
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.high_level import extract_text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.formats.docx import read_docx  # noqa: E402
from ingest.formats.ocr import recognise  # noqa: E402
from ingest.formats.pdf import OCR_DPI, read_pdf  # noqa: E402

PDF = ROOT / "tests" / "fixtures" / "formats" / "handan-eco-plan-2021-2025.pdf"
DOCX = PDF.with_suffix(".docx")


def squeeze(text: str) -> str:
    return "".join(text.split()).replace("\t", "")


def agreement(text: str, reference: str) -> float:
    return difflib.SequenceMatcher(None, squeeze(text), reference, autojunk=False).ratio()


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def timed(function):
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", default="1,2,5", help="1-based pages to OCR")
    args = parser.parse_args()
    pages = len(pdfium.PdfDocument(PDF))
    reference = squeeze("".join(read_docx(DOCX, DOCX.name).texts))
    print(f"PDF: {PDF.name}, {pages} pages")
    print(f"{'reader':<34}{'pages/s':>9}{'agreement':>11}")
    readers = {
        "pdfplumber (plankg: text+tables)": lambda: "".join(read_pdf(PDF, PDF.name).texts),
        "pypdfium2 (text only)": lambda: "".join(
            page.get_textpage().get_text_range() for page in pdfium.PdfDocument(PDF)
        ),
        "pdfminer.six (text only)": lambda: extract_text(PDF),
    }
    for name, read in readers.items():
        text, seconds = timed(read)
        print(f"{name:<34}{pages / seconds:>9.1f}{agreement(text, reference):>11.3f}")
    print(f"\nOCR (RapidOCR, {OCR_DPI} dpi, rendered by pypdfium2) against each page's text layer")
    print(f"{'page':>4}{'s':>7}{'characters':>12}{'accuracy':>10}{'confidence':>12}")
    total_seconds, total_errors, total_characters = 0.0, 0, 0
    with pdfplumber.open(PDF) as pdf:
        for number in (int(page) for page in args.ocr_pages.split(",")):
            page = pdf.pages[number - 1]
            truth = squeeze(page.extract_text())
            image = page.to_image(resolution=OCR_DPI).original
            read, seconds = timed(lambda image=image: recognise(image))
            errors = edit_distance(squeeze("".join(read.lines)), truth)
            total_seconds, total_errors, total_characters = (
                total_seconds + seconds,
                total_errors + errors,
                total_characters + len(truth),
            )
            print(f"{number:>4}{seconds:>7.1f}{len(truth):>12}{1 - errors / len(truth):>10.3f}{read.confidence:>12.3f}")
    count = len(args.ocr_pages.split(","))
    print(
        f"OCR: {count / total_seconds:.2f} pages/s, character accuracy {1 - total_errors / total_characters:.3f} over {total_characters} characters"
    )


if __name__ == "__main__":
    main()
