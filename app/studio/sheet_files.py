"""CSV and XLSX files as rows of cells, within bounds, and rows written back as either.

An upload is refused before it is read past `max_document_bytes`; an XLSX (a zip) whose parts
unpack past MAX_UNPACKED_BYTES, a sheet past MAX_ROWS rows or MAX_COLUMNS columns and a cell
past MAX_CELL_CHARS characters are refused by name as well, so no file makes the server work
without end. CSV is UTF-8 (with or without the BOM spreadsheets add), comma- or
semicolon-separated (French spreadsheets use semicolons). An exported CSV writes text that
could start a formula behind an apostrophe (`app/core/spreadsheet.py`); reading a CSV takes
that apostrophe off again. XLSX holds plain values, never formulas, and is read as values.
"""

import csv
import io
import zipfile
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell

from app.core.i18n import gettext as _
from app.core.limits import LimitExceeded, check_size
from app.core.spreadsheet import FORMULA_STARTS, csv_text

MAX_ROWS = 1000
MAX_COLUMNS = 40
MAX_CELL_CHARS = 10_000
MAX_UNPACKED_BYTES = 20_000_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ZIP_MAGIC = b"PK\x03\x04"


class SheetError(ValueError):
    """A file that is not a readable CSV or XLSX; the message says why in people's words."""


def _too_many_rows() -> LimitExceeded:
    return LimitExceeded(
        "max_rows", _("The sheet has more than %(limit)s rows (max_rows).", limit=MAX_ROWS)
    )


def _checked(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows, refused when a row is too wide or a cell too long; trailing blanks dropped."""
    for number, row in enumerate(rows, start=1):
        while row and row[-1] in (None, ""):
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise LimitExceeded(
                "max_columns",
                _(
                    "Row %(row)s has more than %(limit)s columns (max_columns).",
                    row=number,
                    limit=MAX_COLUMNS,
                ),
            )
        if any(isinstance(cell, str) and len(cell) > MAX_CELL_CHARS for cell in row):
            raise LimitExceeded(
                "max_cell_chars",
                _(
                    "A cell of row %(row)s holds more than %(limit)s characters (max_cell_chars).",
                    row=number,
                    limit=MAX_CELL_CHARS,
                ),
            )
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _unescaped(cell: str) -> str:
    if cell.startswith("'") and cell[1:].startswith((*FORMULA_STARTS, "'")):
        return cell[1:]
    return cell


def csv_rows(text: str) -> list[list[Any]]:
    """The rows of CSV text, comma- or semicolon-separated, whichever the header uses more."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) > MAX_ROWS:
                raise _too_many_rows()
            rows.append([_unescaped(cell) for cell in row[: MAX_COLUMNS + 1]])
    except csv.Error as exc:
        raise SheetError(_("The CSV file cannot be read: %(error)s.", error=str(exc))) from None
    return _checked(rows)


def xlsx_rows(content: bytes) -> list[list[Any]]:
    """The values of the workbook's first sheet, row by row."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise SheetError(_("The file is neither a CSV nor an XLSX workbook.")) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise LimitExceeded(
            "max_unpacked_bytes",
            _(
                "The workbook unpacks to more than %(limit)s bytes (max_unpacked_bytes).",
                limit=MAX_UNPACKED_BYTES,
            ),
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged workbook
        raise SheetError(_("The XLSX workbook cannot be read: is it damaged?")) from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True):
            if len(rows) > MAX_ROWS:
                raise _too_many_rows()
            rows.append(list(row))
    finally:
        book.close()
    return _checked(rows)


def read_sheet(content: bytes, *, max_bytes: int) -> list[list[Any]]:
    """The rows of an uploaded CSV or XLSX file (told apart by their first bytes)."""
    check_size(content, max_bytes)
    if content.startswith(_ZIP_MAGIC):
        return xlsx_rows(content)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SheetError(
            _(
                "The file is not UTF-8 text (byte %(position)s): save it as CSV UTF-8.",
                position=exc.start,
            )
        ) from None
    return csv_rows(text)


def _apostrophe_kept(cell: Any) -> Any:
    """Text starting with an apostrophe gets a second one, so reading takes off only ours."""
    return "'" + cell if isinstance(cell, str) and cell.startswith("'") else cell


def to_csv(rows: list[list[Any]]) -> str:
    """The rows (header first) as CSV text, formula-safe, with a BOM."""
    header, *body = rows
    return csv_text(header, ([_apostrophe_kept(cell) for cell in row] for row in body))


def to_xlsx(rows: list[list[Any]]) -> bytes:
    """The rows as a one-sheet workbook of plain values (text starting with = stays text)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("MSEL")
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
