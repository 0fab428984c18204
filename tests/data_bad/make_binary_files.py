"""Rebuild the binary members of this corpus (XLSX, TIS-620, long files).

Run ``python make_binary_files.py``.
The CSV files beside it are written by hand; these are easier to make with a few lines.
"""

from datetime import date, datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
HEADER = ["area_id", "year", "level", "basis", "source", "note"]
URL = "https://www.diw.go.th/"


def workbook(rows, title="assessments"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)
    return book


def main():
    workbook([HEADER, ["P1-05", 2024, "=2+1", "stated", URL, ""]]).save(HERE / "formula.xlsx")
    workbook([HEADER, ["P1-05", date(2024, 5, 1), 3, "stated", URL, ""]]).save(
        HERE / "excel_date.xlsx")
    workbook([HEADER, ["P1-05", 2024, "#DIV/0!", "stated", URL, ""]]).save(
        HERE / "excel_error.xlsx")
    workbook([]).save(HERE / "empty.xlsx")
    two = workbook([HEADER, ["P1-05", 2024, 4, "stated", URL, ""]])
    other = two.create_sheet("values")
    other.append(["area_id", "year", "indicator_id", "value", "source"])
    other.append(["P1-05", 2024, "PHY-1-1", "=A1", URL])
    two.save(HERE / "two_sheets_formula.xlsx")
    data = (HERE / "formula.xlsx").read_bytes()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    text = ",".join(HEADER) + "\nP1-05,2024,9,stated,https://www.diw.go.th/,ระดับผิด\n"
    (HERE / "tis620.csv").write_bytes(text.encode("cp874"))
    rows = "".join(f"P1-05,{2010 + i % 20},3,stated,{URL},\n" for i in range(30))
    (HERE / "many_rows.csv").write_text(",".join(HEADER) + "\n" + rows, encoding="utf-8")


if __name__ == "__main__":
    main()
