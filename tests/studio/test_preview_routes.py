"""The preview and dry run pages: roles, isolation, field errors, both languages, htmx panels,
and a dry run that leaves no drill behind."""

import json

import pytest
from fastapi.testclient import TestClient
from sqlmodel import SQLModel, func, select

from app.accounts.models import Role
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.studio.helpers import make_scenario

HTMX = {"HX-Request": "true"}


@pytest.fixture
def client(app):
    return TestClient(app, base_url="http://testserver", follow_redirects=False)


def signed_in(client, factory, role=Role.trainer, language="en"):
    org = factory.org()
    sign_in(client, factory.member(org, role, language=language))
    return org


def row_counts(session) -> dict[str, int]:
    """How many rows each table holds: a dry run must add none, to drills or anywhere."""
    return {
        name: session.exec(select(func.count()).select_from(table)).one()
        for name, table in SQLModel.metadata.tables.items()
    }


def test_the_preview_shows_the_first_minutes_as_the_console_does(client, session, factory):
    org = signed_in(client, factory)
    row = make_scenario(session, org, "product-recall")
    page = client.get(f"/studio/scenarios/{row.id}/preview", params={"seed": 5, "minutes": 4})
    assert page.status_code == 200
    posts = find_all(page.text, "article")
    assert posts and all("post" in p.get("class").split() for p in posts)
    assert all(float(p.get("data-at-s")) < 240 for p in posts)
    times = [t.text for t in find_all(page.text, "time", class_="post-time")]
    assert len(times) == len(posts) and all(t.startswith("T+0") for t in times)
    chart = json.loads(by_id(page.text, "preview-chart").get("data-chart"))
    assert len(chart["counted"]) == len(chart["planned"]) == 4
    assert sum(chart["counted"]) == len(posts)
    assert len(find_all(page.text, "tr")) == 1 + 4  # the table's header, then one row a minute
    assert find_all(page.text, "caption")


def test_the_same_seed_gives_the_same_feed_and_another_a_different_one(client, session, factory):
    org = signed_in(client, factory)
    row = make_scenario(session, org, "product-recall")

    def feed(seed: int) -> list[str]:
        page = client.get(f"/studio/scenarios/{row.id}/preview", params={"seed": seed})
        return [p.text for p in find_all(page.text, "p", class_="post-text")]

    assert feed(8) == feed(8)
    assert feed(8) != feed(9)


@pytest.mark.parametrize(
    ("language", "heading", "chosen"),
    [("en", "Storm preview", "fr"), ("fr", "Aperçu de la tempête", "en")],
)
def test_the_page_speaks_the_readers_language_and_the_posts_the_chosen_one(
    client, session, factory, language, heading, chosen
):
    org = signed_in(client, factory, language=language)
    row = make_scenario(session, org, "tutorial")
    page = client.get(f"/studio/scenarios/{row.id}/preview", params={"language": chosen})
    assert page.status_code == 200
    assert by_id(page.text, "main").text.count(heading) >= 1
    assert {p.get("lang") for p in find_all(page.text, "article")} == {chosen}
    assert all(
        script.get("src") or script.get("type") == "application/json"
        for script in find_all(page.text, "script")
    )
    assert not [e for e in find_all(page.text) if any(a.startswith("on") for a in e.attrs)]
    assert not [e for e in find_all(page.text) if "style" in e.attrs]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"seed": "abc"}, "seed"), ({"minutes": "31"}, "minutes"), ({"language": "de"}, "language")],
)
def test_a_bad_field_is_named_beside_it_and_nothing_is_shown(
    client, session, factory, params, field
):
    org = signed_in(client, factory)
    row = make_scenario(session, org)
    pages = ["preview"] if field == "minutes" else ["preview", "dry-run"]  # a dry run has none
    for url in (f"/studio/scenarios/{row.id}/{page}" for page in pages):
        page = client.get(url, params={**params, "run": "1"})
        assert page.status_code == 422, url
        assert by_id(page.text, f"f-{field}").get("aria-invalid") == "true"
        assert by_id(page.text, f"f-{field}-error").text
        assert not find_all(page.text, "article") and not find_all(page.text, id="verdict-heading")


def test_an_htmx_request_gets_the_panel_alone(client, session, factory):
    org = signed_in(client, factory)
    row = make_scenario(session, org)
    panel = client.get(f"/studio/scenarios/{row.id}/preview", params={"minutes": 2}, headers=HTMX)
    assert panel.status_code == 200
    assert panel.text.lstrip().startswith('<div id="preview-panel"') or "<html" not in panel.text
    assert "<html" not in panel.text and find_all(panel.text, id="preview-panel")
    refused = client.get(f"/studio/scenarios/{row.id}/preview", params={"minutes": 0}, headers=HTMX)
    assert refused.status_code == 422 and "<html" not in refused.text


@pytest.mark.parametrize(
    ("language", "verdict"),
    [("en", "The scenario separates them"), ("fr", "Le scénario les distingue")],
)
def test_the_dry_run_shows_both_scores_and_leaves_no_drill(
    client, session, factory, language, verdict
):
    org = signed_in(client, factory, language=language)
    row = make_scenario(session, org, "tutorial")
    counts = row_counts(session)
    form = client.get(f"/studio/scenarios/{row.id}/dry-run")
    assert form.status_code == 200 and not find_all(form.text, id="verdict-heading")
    page = client.get(
        f"/studio/scenarios/{row.id}/dry-run",
        params={"seed": 3, "language": language, "run": "1"},
        headers=HTMX,
    )
    assert page.status_code == 200
    assert by_id(page.text, "verdict-heading") and verdict in page.text
    scores = [
        float(s.text.replace(",", ".")) for s in find_all(page.text, "span", class_="dry-run-score")
    ]
    assert len(scores) == 2 and scores[0] > scores[1]
    assert find_all(page.text, "ul", class_="findings improvement")
    assert row_counts(session) == counts


@pytest.mark.parametrize("role", [Role.author, Role.trainer, Role.admin])
def test_readers_preview_and_only_editors_dry_run(client, session, factory, role):
    org = signed_in(client, factory, role=role)
    row = make_scenario(session, org)
    assert client.get(f"/studio/scenarios/{row.id}/preview").status_code == 200
    dry = client.get(f"/studio/scenarios/{row.id}/dry-run")
    assert dry.status_code == (403 if role == Role.author else 200)
    editor = client.get(f"/studio/scenarios/{row.id}").text
    links = {a.get("href") for a in find_all(editor, "a")}
    assert f"/studio/scenarios/{row.id}/preview" in links
    assert (f"/studio/scenarios/{row.id}/dry-run" in links) is (role != Role.author)


def test_members_see_nothing_and_another_organisation_gets_404(client, session, factory):
    theirs = make_scenario(session, factory.org())
    signed_in(client, factory)
    for url in (f"/studio/scenarios/{theirs.id}/preview", f"/studio/scenarios/{theirs.id}/dry-run"):
        assert client.get(url, params={"run": "1"}).status_code == 404, url
    client.cookies.clear()
    org = signed_in(client, factory, role=Role.member)
    ours = make_scenario(session, org)
    assert client.get(f"/studio/scenarios/{ours.id}/preview").status_code == 403


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_library_scenario_is_previewed_before_copying_it(client, session, factory, language):
    signed_in(client, factory, role=Role.author, language=language)
    listing = client.get("/studio/scenarios").text
    assert "/studio/library/preview" in {a.get("href") for a in find_all(listing, "a")}
    page = client.get(
        "/studio/library/preview",
        params={"library_id": "product-recall", "minutes": 3, "language": language},
    )
    assert page.status_code == 200
    chosen = [o for o in find_all(page.text, "option") if "selected" in o.attrs]
    assert "product-recall" in [o.get("value") for o in chosen]
    assert {p.get("lang") for p in find_all(page.text, "article")} == {language}
    assert len(json.loads(by_id(page.text, "preview-chart").get("data-chart"))["counted"]) == 3


def test_an_unknown_library_scenario_is_named_and_members_see_nothing(client, session, factory):
    signed_in(client, factory)
    page = client.get("/studio/library/preview", params={"library_id": "no-such-crisis"})
    assert page.status_code == 422
    assert by_id(page.text, "f-library_id-error").text
    assert not find_all(page.text, "article")
    client.cookies.clear()
    signed_in(client, factory, role=Role.member)
    assert client.get("/studio/library/preview").status_code == 403
