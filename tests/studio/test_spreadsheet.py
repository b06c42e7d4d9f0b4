"""MSEL spreadsheets, pure: rows to injects and back, every problem by row and column, limits."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.limits import LimitExceeded
from app.scenarios.models import Channel, Inject, Persona, Priority
from app.studio import sheet_files, spreadsheet
from app.studio.spreadsheet import COLUMNS

DURATION = 3600
RUMOURS = {"free-coffee"}
FACTS = {"closed-friday"}
MAX_BYTES = 2_000_000
GOOD = {
    "id": "ceiling",
    "time": "12m",
    "channel": "journalist_dm",
    "actor": "Léa Martin",
    "persona": "journalist",
    "handle": "@lea_m",
    "outlet": "Le Quotidien",
    "content_en": "Is the shop closed?",
    "content_fr": "La boutique est-elle fermée ?",
    "response_expected": "yes",
    "deadline": "20m",
    "priority": "high",
    "rumour": "free-coffee",
}


def sheet(*rows: dict[str, str]) -> list[list[str]]:
    return [list(COLUMNS), *([row.get(name, "") for name in COLUMNS] for row in rows)]


def read(rows):
    return spreadsheet.read_rows(rows, duration=DURATION, rumours=RUMOURS, facts=FACTS)


def test_a_good_row_reads_as_the_inject_it_describes():
    drafts, problems = read(sheet(GOOD))
    assert problems == []
    [inject] = spreadsheet.injects_of(drafts)
    parsed = Inject.model_validate(inject)
    assert (parsed.at, parsed.deadline, parsed.priority) == (720, 1200, Priority.high)
    assert parsed.actor.outlet == "Le Quotidien"
    assert parsed.content.fr == GOOD["content_fr"]


def test_a_french_csv_with_semicolons_a_bom_and_french_words_reads_alike():
    rows = sheet({**GOOD, "response_expected": "oui", "time": "0:12", "priority": "High"})
    text = "\ufeff" + "\n".join(";".join(row) for row in rows)
    drafts, problems = read(sheet_files.read_sheet(text.encode(), max_bytes=MAX_BYTES))
    assert problems == []
    assert (drafts[0]["at"], drafts[0]["expects_response"], drafts[0]["priority"]) == (
        720,
        True,
        "high",
    )


def test_blank_rows_are_skipped_and_missing_ids_made_unique():
    rows = sheet({**GOOD, "id": ""}, {}, {**GOOD, "id": ""})
    drafts, problems = read(rows)
    assert problems == []
    ids = [inject["id"] for inject in spreadsheet.injects_of(drafts)]
    assert len(ids) == len(set(ids)) == 2


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"time": "soon"}, "time"),
        ({"time": "2h", "deadline": "2h10m"}, "time"),
        ({"time": ""}, "time"),
        ({"channel": "carrier pigeon"}, "channel"),
        ({"actor": ""}, "actor"),
        ({"persona": "king"}, "persona"),
        ({"content_fr": ""}, "content_fr"),
        ({"response_expected": "maybe"}, "response_expected"),
        ({"deadline": "10m"}, "deadline"),
        ({"deadline": ""}, "deadline"),
        ({"deadline": "later"}, "deadline"),
        ({"priority": "urgent-ish"}, "priority"),
        ({"rumour": "aliens"}, "rumour"),
        ({"id": "Not An Id"}, "id"),
        ({"handle": "@has spaces"}, "handle"),
        ({"condition": "when it rains"}, "condition"),
        ({"condition": "fact_denied"}, "condition"),
        ({"condition": "fact_denied: free-coffee"}, "condition"),
        ({"condition": "rumour_uncorrected: aliens"}, "condition"),
        ({"condition": "unanswered: nobody"}, "condition"),
    ],
)
def test_each_bad_cell_is_named_by_its_row_and_column(change, column):
    _drafts, problems = read(sheet(GOOD, {**GOOD, "id": "second", **change}))
    assert [(p.row, p.column) for p in problems] == [(3, column)]
    assert all(p.message for p in problems)


@pytest.mark.parametrize(
    ("cell", "when"),
    [
        ("no_statement", {"kind": "no_statement"}),
        (
            "rumour_uncorrected: free-coffee",
            {"kind": "rumour_uncorrected", "rumour": "free-coffee"},
        ),
        ("Fact denied:closed-friday", {"kind": "fact_denied", "fact": "closed-friday"}),
        # a condition may be about an inject of the same sheet, on a row above or below
        ("unanswered: later", {"kind": "unanswered", "inject": "later"}),
    ],
)
def test_a_condition_cell_reads_as_the_injects_condition(cell, when):
    drafts, problems = read(sheet({**GOOD, "condition": cell}, {**GOOD, "id": "later"}))
    assert problems == []
    [conditional, _timed] = spreadsheet.injects_of(drafts)
    assert conditional["when"] == when
    assert Inject.model_validate(conditional).when is not None


def test_an_id_used_twice_is_named_on_its_second_row():
    _drafts, problems = read(sheet(GOOD, GOOD))
    assert [(p.row, p.column) for p in problems] == [(3, "id")]


def test_header_problems_name_the_column_on_row_one():
    rows = sheet(GOOD)
    rows[0] = [name for name in rows[0] if name != "actor"] + ["colour", "time"]
    _drafts, problems = read(rows)
    assert {(p.row, p.column) for p in problems if p.row == 1} == {
        (1, "colour"),
        (1, "time"),
        (1, "actor"),
    }


@pytest.mark.parametrize("rows", [[], [list(COLUMNS)]])
def test_an_empty_sheet_is_one_problem_about_the_whole_sheet(rows):
    drafts, problems = read(rows)
    assert drafts == []
    assert [(p.row, p.column) for p in problems] == [(0, "")]


def test_headers_are_read_in_any_case_and_spacing():
    rows = sheet(GOOD)
    rows[0] = [name.replace("_", " ").upper() for name in rows[0]]
    assert read(rows)[1] == []


def test_an_xlsx_time_and_number_of_minutes_are_read_as_times():
    book = openpyxl.Workbook()
    rows = sheet({**GOOD, "response_expected": ""})
    rows[1][COLUMNS.index("time")] = datetime.time(0, 12)
    rows[1][COLUMNS.index("deadline")] = 20
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    drafts, problems = read(sheet_files.read_sheet(buffer.getvalue(), max_bytes=MAX_BYTES))
    assert problems == []
    assert (drafts[0]["at"], drafts[0]["deadline"]) == (720, 1200)


def test_text_that_could_be_a_formula_stays_text_both_ways():
    inject = spreadsheet.injects_of(read(sheet({**GOOD, "content_en": "=HYPERLINK(1)"}))[0])
    rows = spreadsheet.rows_of(inject)
    assert "'=HYPERLINK(1)" in sheet_files.to_csv(rows)
    book = openpyxl.load_workbook(io.BytesIO(sheet_files.to_xlsx(rows)))
    cell = book.active.cell(row=2, column=COLUMNS.index("content_en") + 1)
    assert (cell.data_type, cell.value) == ("s", "=HYPERLINK(1)")


@pytest.mark.parametrize(
    ("content", "max_bytes", "limit"),
    [
        ("a,b\n" * (sheet_files.MAX_ROWS + 2), MAX_BYTES, "max_rows"),
        (",".join(["x"] * (sheet_files.MAX_COLUMNS + 1)), MAX_BYTES, "max_columns"),
        ("a,b\n1," + "x" * (sheet_files.MAX_CELL_CHARS + 1), MAX_BYTES, "max_cell_chars"),
        ("x" * 101, 100, "max_document_bytes"),
    ],
)
def test_a_sheet_over_a_limit_is_refused_naming_it(content, max_bytes, limit):
    with pytest.raises(LimitExceeded) as refused:
        sheet_files.read_sheet(content.encode(), max_bytes=max_bytes)
    assert refused.value.limit == limit
    assert limit in refused.value.message


def test_a_workbook_that_unpacks_too_far_is_refused_before_it_is_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (sheet_files.MAX_UNPACKED_BYTES + 1))
    with pytest.raises(LimitExceeded) as refused:
        sheet_files.read_sheet(buffer.getvalue(), max_bytes=MAX_BYTES)
    assert refused.value.limit == "max_unpacked_bytes"


@pytest.mark.parametrize("content", [b"\xff\xfeid,time", b"PK\x03\x04not a zip at all"])
def test_a_file_that_is_neither_csv_nor_xlsx_is_refused_in_words(content):
    with pytest.raises(sheet_files.SheetError) as refused:
        sheet_files.read_sheet(content, max_bytes=MAX_BYTES)
    assert str(refused.value)


TEXT = (
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp")), max_size=30)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def injects(draw):
    count = draw(st.integers(1, 6))
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9][a-z0-9_-]{0,15}", fullmatch=True),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    made = []
    for inject_id in ids:
        at = draw(st.integers(0, DURATION))
        expects = draw(st.booleans())
        later = st.integers(at + 1, at + 3600)
        deadline = draw(later if expects else st.none() | later)
        actor = {"name": draw(TEXT), "persona": draw(st.sampled_from(list(Persona)))}
        for key, strategy in (
            ("handle", st.from_regex(r"@?[A-Za-z0-9_]{1,30}", fullmatch=True)),
            ("outlet", TEXT),
        ):
            value = draw(st.none() | strategy)
            if value is not None:
                actor[key] = value
        inject = {
            "id": inject_id,
            "at": at,
            "channel": draw(st.sampled_from(list(Channel))).value,
            "actor": {key: str(value) for key, value in actor.items()},
            "content": {"en": draw(TEXT), "fr": draw(TEXT)},
            "expects_response": expects,
            "deadline": deadline,
            "priority": draw(st.sampled_from(list(Priority))).value,
            "rumour": draw(st.none() | st.sampled_from(sorted(RUMOURS))),
            "when": draw(
                st.none()
                | st.just({"kind": "no_statement"})
                | st.builds(
                    dict,
                    kind=st.just("rumour_uncorrected"),
                    rumour=st.sampled_from(sorted(RUMOURS)),
                )
                | st.builds(dict, kind=st.just("fact_denied"), fact=st.sampled_from(sorted(FACTS)))
                | st.builds(dict, kind=st.just("unanswered"), inject=st.sampled_from(ids))
            ),
        }
        defaults = {"expects_response": False, "priority": "normal", "deadline": None}
        defaults["rumour"] = defaults["when"] = None
        made.append({k: v for k, v in inject.items() if k not in defaults or v != defaults[k]})
    return made


def round_trip(made, write):
    rows = sheet_files.read_sheet(write(spreadsheet.rows_of(made)), max_bytes=MAX_BYTES)
    drafts, problems = read(rows)
    assert problems == []
    return spreadsheet.injects_of(drafts)


@settings(deadline=None)
@given(made=injects())
def test_csv_export_then_import_gives_the_same_injects(made):
    assert round_trip(made, lambda rows: sheet_files.to_csv(rows).encode()) == made


@settings(deadline=None, max_examples=30)  # each example writes and reads a whole workbook
@given(made=injects())
def test_xlsx_export_then_import_gives_the_same_injects(made):
    assert round_trip(made, sheet_files.to_xlsx) == made
