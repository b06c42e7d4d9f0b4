"""CSV cells: no text can start a formula once written, and nothing else is changed."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from app.core.spreadsheet import FORMULA_STARTS, csv_text

cells = st.one_of(
    st.text(),
    st.sampled_from(FORMULA_STARTS).flatmap(lambda start: st.text().map(lambda t: start + t)),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)


@given(st.lists(cells, min_size=1, max_size=6))
def test_no_cell_reads_back_as_a_formula_and_text_survives(row):
    text = csv_text([f"c{n}" for n in range(len(row))], [row])
    (read,) = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))[1:]
    for written, original in zip(read, row, strict=True):
        if isinstance(original, str):
            assert not written.startswith(FORMULA_STARTS)
            assert written in (original, "'" + original)
            assert (written == original) == (not original.startswith(FORMULA_STARTS))
        elif original is None:
            assert written == ""
        else:
            assert written == str(original)
