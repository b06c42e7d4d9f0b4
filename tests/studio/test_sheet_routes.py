"""MSEL spreadsheets through the page: export, preview without saving, confirm as one version."""

import io

import openpyxl
import pytest

from app.accounts.models import Role
from app.studio import sheet_files, spreadsheet
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.studio.helpers import document, make_scenario


def url(row, tail=""):
    return f"/studio/scenarios/{row.id}/injects{tail}"


def upload(client, row, content, name="msel.csv"):
    return client.post(url(row, "/import"), files={"file": (name, content, "text/csv")})


def exported_rows(client, row):
    response = client.get(url(row, "/export.csv"))
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    return sheet_files.csv_rows(response.content.decode())


def test_the_export_holds_every_inject_in_both_formats(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    ids = [inject["id"] for inject in document(session, row)["injects"]]
    rows = exported_rows(client, row)
    assert rows[0] == list(spreadsheet.COLUMNS)
    assert [cells[0] for cells in rows[1:]] == ids
    workbook = client.get(url(row, "/export.xlsx"))
    assert workbook.headers["content-type"] == sheet_files.XLSX_TYPE
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    assert [r[0] for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == ids


def test_a_preview_saves_nothing_and_confirming_saves_one_version(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    rows = exported_rows(client, row)
    rows[1][spreadsheet.COLUMNS.index("content_en")] = "Imported words"
    preview = upload(client, row, sheet_files.to_csv(rows).encode())
    assert preview.status_code == 200, preview.text
    session.refresh(row)
    assert row.version == 1
    assert [
        tr.get("id")
        for tr in find_all(preview.text, "tr")
        if (tr.get("id") or "").startswith("sheet-row-")
    ] == [f"sheet-row-{n}" for n in range(2, len(rows) + 1)]
    fields = confirm_fields(preview.text)
    assert fields["version"] == "1"
    confirm = {**fields, "mode": "replace"}
    saved = client.post(url(row, "/import/confirm"), data=confirm)
    assert saved.status_code == 303, saved.text
    session.refresh(row)
    assert row.version == 2
    injects = document(session, row)["injects"]
    assert injects[0]["content"]["en"] == "Imported words"
    assert len(injects) == len(rows) - 1


def confirm_fields(html):
    """The hidden fields of the preview's confirm form."""
    elements = find_all(html)
    start = elements.index(by_id(html, "sheet-confirm"))
    fields = {}
    for element in elements[start + 1 :]:
        if element.tag == "form":
            break
        if element.tag == "input":
            fields[element.get("name")] = element.get("value")
    fields.pop("csrf_token", None)
    return fields


def by_sheet_field(html):
    return confirm_fields(html)["sheet"]


def test_adding_keeps_the_injects_and_gives_copies_free_ids(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    before = [inject["id"] for inject in document(session, row)["injects"]]
    rows = exported_rows(client, row)[:2]
    preview = upload(client, row, sheet_files.to_csv(rows).encode())
    data = {"version": row.version, "sheet": by_sheet_field(preview.text), "mode": "add"}
    assert client.post(url(row, "/import/confirm"), data=data).status_code == 303
    session.refresh(row)
    after = [inject["id"] for inject in document(session, row)["injects"]]
    assert after[: len(before)] == before
    assert len(after) == len(before) + 1 == len(set(after))


def test_a_bad_sheet_is_refused_naming_row_and_column_with_no_confirm(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    rows = exported_rows(client, row)
    rows[2][spreadsheet.COLUMNS.index("time")] = "soon"
    refused = upload(client, row, sheet_files.to_csv(rows).encode())
    assert refused.status_code == 422
    bad_row = by_id(refused.text, "sheet-row-3")
    assert "time" in bad_row.text
    cells = find_all(refused.text, "td", class_="cell-error")
    assert [cell.get("data-column") for cell in cells] == ["time"]
    assert not find_all(refused.text, "form", id="sheet-confirm")
    session.refresh(row)
    assert row.version == 1


def test_a_file_over_the_size_limit_is_refused_naming_it(trainer, session, app):
    client, org = trainer
    row = make_scenario(session, org)
    too_big = b"x" * (app.state.settings.max_document_bytes + 1)
    refused = upload(client, row, too_big)
    assert refused.status_code in (413, 422)
    if refused.status_code == 422:
        assert "max_document_bytes" in by_id(refused.text, "sheet-problems").text


def test_a_stale_confirm_answers_409_and_saves_nothing(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    preview = upload(client, row, sheet_files.to_csv(exported_rows(client, row)).encode())
    data = {"version": row.version, "sheet": by_sheet_field(preview.text), "mode": "replace"}
    assert client.post(url(row, "/import/confirm"), data=data).status_code == 303
    assert client.post(url(row, "/import/confirm"), data=data).status_code == 409
    session.refresh(row)
    assert row.version == 2


def test_a_tampered_confirm_is_checked_again(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    rows = exported_rows(client, row)
    rows[1][spreadsheet.COLUMNS.index("channel")] = "carrier pigeon"
    data = {"version": row.version, "sheet": sheet_files.to_csv(rows), "mode": "replace"}
    refused = client.post(url(row, "/import/confirm"), data=data)
    assert refused.status_code == 422
    assert "channel" in by_id(refused.text, "sheet-row-2").text
    session.refresh(row)
    assert row.version == 1


def test_another_organisation_gets_404_members_403_and_authors_only_export(
    client, session, factory
):
    org, other = factory.org(), factory.org()
    row = make_scenario(session, org)
    sign_in(client, factory.member(other, Role.trainer))
    assert client.get(url(row, "/export.csv")).status_code == 404
    assert upload(client, row, b"id,time\n").status_code == 404
    sign_in(client, factory.member(org, Role.member))
    assert client.get(url(row, "/export.xlsx")).status_code == 403
    sign_in(client, factory.member(org, Role.author))
    assert client.get(url(row, "/export.csv")).status_code == 200
    assert upload(client, row, b"id,time\n").status_code == 403
    confirm = {"version": row.version, "sheet": "id\n", "mode": "add"}
    assert client.post(url(row, "/import/confirm"), data=confirm).status_code == 403


@pytest.mark.parametrize(
    ("language", "button"), [("en", "Import a spreadsheet"), ("fr", "Importer un tableur")]
)
def test_the_page_offers_the_spreadsheets_in_each_language(
    client, session, factory, language, button
):
    org = factory.org()
    row = make_scenario(session, org)
    sign_in(client, factory.member(org, Role.trainer, language=language))
    page = client.get(url(row))
    assert button in by_id(page.text, "msel-sheets").text


# product-recall holds conditional injects: their conditions travel in the `condition` column
@pytest.mark.parametrize("library_id", ["tutorial", "product-recall"])
def test_an_exported_workbook_imports_back_to_the_same_injects(trainer, session, library_id):
    client, org = trainer
    row = make_scenario(session, org, library_id)
    before = document(session, row)["injects"]
    assert library_id == "tutorial" or any("when" in inject for inject in before)
    workbook = client.get(url(row, "/export.xlsx")).content
    preview = client.post(
        url(row, "/import"), files={"file": ("msel.xlsx", workbook, sheet_files.XLSX_TYPE)}
    )
    assert preview.status_code == 200, preview.text
    confirm = {**confirm_fields(preview.text), "mode": "replace"}
    assert client.post(url(row, "/import/confirm"), data=confirm).status_code == 303
    session.refresh(row)
    assert row.version == 2
    assert document(session, row)["injects"] == before
