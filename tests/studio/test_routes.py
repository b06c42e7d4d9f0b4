"""Studio pages: clone, import, the editor (errors beside fields, stale saves kept), roles,
both languages, and no inline script."""

import pytest
from fastapi.testclient import TestClient

from app.accounts.models import Role
from app.scenarios import library
from app.studio import service
from app.studio.document import to_yaml
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.studio.helpers import document, form_fields, make_scenario


@pytest.fixture
def client(app):
    """A client that shows redirects instead of following them."""
    return TestClient(app, base_url="http://testserver", follow_redirects=False)


@pytest.fixture
def trainer(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer))
    return org


def open_editor(client, session, org):
    row = make_scenario(session, org)
    page = client.get(f"/studio/scenarios/{row.id}")
    assert page.status_code == 200
    return row, page.text


def test_cloning_from_the_list_opens_the_editor(client, session, trainer):
    listing = client.get("/studio/scenarios")
    assert listing.status_code == 200
    titles = [o.text for o in find_all(listing.text, "option")]
    assert any(library.load_scenario("tutorial").title.en in title for title in titles)
    made = client.post("/studio/scenarios/clone", data={"library_id": "tutorial"})
    assert made.status_code == 303
    editor = client.get(made.headers["location"])
    assert (
        by_id(editor.text, "f-title-en").get("value") == library.load_scenario("tutorial").title.en
    )
    listing = client.get("/studio/scenarios")
    assert library.load_scenario("tutorial").title.en in by_id(listing.text, "main").text


def test_an_edit_renames_the_brand_and_adds_a_fact_and_a_rumour(client, session, trainer):
    row, html = open_editor(client, session, trainer)
    data = form_fields(html)
    facts, rumours = len(document(session, row)["facts"]), len(document(session, row)["rumours"])
    data.update(
        {
            "brand.name": "Maison Dupont",
            f"facts.{facts}.id": "free-coffee",
            f"facts.{facts}.text.en": "Customers get a free coffee this week.",
            f"facts.{facts}.text.fr": "Les clients ont un café offert cette semaine.",
            f"rumours.{rumours}.id": "closing-for-good",
            f"rumours.{rumours}.claim.en": "The shop is closing for good.",
            f"rumours.{rumours}.claim.fr": "Le café ferme définitivement.",
            f"rumours.{rumours}.appears_at": "4m",
            f"rumours.{rumours}.initial_reach": "0.1",
            f"rumours.{rumours}.spread_rate": "0.5",
            f"rumours.{rumours}.key_terms.en": "reopening\nnot closing",
            f"rumours.{rumours}.key_terms.fr": "réouverture",
            f"rumours.{rumours}.contradicts": "free-coffee",
        }
    )
    saved = client.post(f"/studio/scenarios/{row.id}", data=data)
    assert saved.status_code == 303, saved.text
    session.refresh(row)
    scenario = service.document_of(service.latest_version(session=session, row=row))
    assert (row.version, scenario.brand.name) == (2, "Maison Dupont")
    assert scenario.facts[-1].id == "free-coffee"
    assert scenario.rumours[-1].appears_at == 240
    assert scenario.rumours[-1].contradicts == ["free-coffee"]
    assert any(t.rumour == "closing-for-good" for t in scenario.templates.fr)


def test_a_refused_edit_shows_each_problem_beside_its_field_and_saves_nothing(
    client, session, trainer
):
    row, html = open_editor(client, session, trainer)
    data = form_fields(html)
    data.update({"rumours.0.initial_reach": "7", "title.fr": ""})
    refused = client.post(f"/studio/scenarios/{row.id}", data=data)
    assert refused.status_code == 422
    assert "1" in by_id(refused.text, "f-rumours-0-initial_reach-error").text
    assert by_id(refused.text, "f-rumours-0-initial_reach").get("value") == "7"
    assert by_id(refused.text, "f-rumours-0-initial_reach").get("aria-invalid") == "true"
    assert by_id(refused.text, "f-title-fr-error").text
    assert "2 problems" in by_id(refused.text, "error-summary").text
    session.refresh(row)
    assert row.version == 1


def test_a_stale_save_is_refused_and_the_edit_kept(client, session, trainer):
    row, html = open_editor(client, session, trainer)
    first = {**form_fields(html), "brand.name": "First Brand"}
    second = {**form_fields(html), "brand.name": "Second Brand"}
    assert client.post(f"/studio/scenarios/{row.id}", data=first).status_code == 303
    stale = client.post(f"/studio/scenarios/{row.id}", data=second)
    assert stale.status_code == 409
    assert by_id(stale.text, "f-brand-name").get("value") == "Second Brand"
    assert find_all(stale.text, "input", name="version")[0].get("value") == "2"
    session.refresh(row)
    assert service.document_of(service.latest_version(session=session, row=row)).brand.name == (
        "First Brand"
    )


def test_an_import_lists_its_problems_by_line_then_a_good_file_opens_the_editor(
    client, session, trainer
):
    good = to_yaml(library.load_scenario("tutorial").model_copy(update={"id": "our-leak"}))
    bad = good.replace("severity: 1", "severity: 8")
    refused = client.post(
        "/studio/scenarios/import", files={"file": ("our-leak.yaml", bad.encode(), "text/yaml")}
    )
    assert refused.status_code == 422
    line = bad.splitlines().index("severity: 8") + 1
    assert f"our-leak.yaml:{line}: severity:" in by_id(refused.text, "f-file-error").text
    made = client.post(
        "/studio/scenarios/import", files={"file": ("our-leak.yaml", good.encode(), "text/yaml")}
    )
    assert made.status_code == 303


def test_authors_read_and_members_see_nothing(client, session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    sign_in(client, factory.member(org, Role.author))
    page = client.get(f"/studio/scenarios/{row.id}")
    assert page.status_code == 200
    assert "disabled" in find_all(page.text, "fieldset", class_="plain")[0].attrs
    assert client.post(f"/studio/scenarios/{row.id}", data={}).status_code == 403
    sign_in(client, factory.member(org, Role.member))
    assert client.get("/studio/scenarios").status_code == 403
    assert client.get(f"/studio/scenarios/{row.id}").status_code == 403


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Copy a library scenario"), ("fr", "Copier un scénario de la bibliothèque")],
)
def test_the_pages_speak_the_readers_language_and_carry_no_inline_script(
    client, session, factory, language, heading
):
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer, language=language))
    row = make_scenario(session, org)
    for url in ("/studio/scenarios", f"/studio/scenarios/{row.id}"):
        html = client.get(url).text
        assert all(script.get("src") for script in find_all(html, "script")), url
        assert not [e for e in find_all(html) if any(a.startswith("on") for a in e.attrs)], url
    assert heading in client.get("/studio/scenarios").text
    editor = client.get(f"/studio/scenarios/{row.id}").text
    title = library.load_scenario("tutorial").title.get(language)
    assert by_id(editor, "main").text.count(title) >= 1
