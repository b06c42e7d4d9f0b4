"""CSV for spreadsheets: every export writes through here, so no cell runs as a formula.

A cell starting with = + - @, a tab or a carriage return is read by spreadsheet software as a
formula (`=HYPERLINK(...)` in a note would become a live link); such text cells get a leading
apostrophe, as OWASP advises. Numbers stay numbers.
"""

import csv
import io
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a CSV cell: empty for None, text that could start a formula escaped."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[list]) -> str:
    """CSV with every cell made safe, and a BOM so spreadsheets read the accents."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
