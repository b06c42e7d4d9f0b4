"""Every page of the scenario editor: an untouched page saves the same scenario (each library
scenario), each refused field's problem lands beside it, a stale save keeps the edit, and
another organisation's scenario answers 404."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.scenarios import library
from app.scenarios.models import Scenario
from app.studio import service
from tests.plans.html import by_id, find_all
from tests.studio.helpers import document, edit, form_fields, make_scenario

PAGES = ("", "/edit/phases", "/edit/posts", "/edit/injects", "/edit/expectations")
LIBRARY = [summary.id for summary in library.list_scenarios()]


def page(client, row, path: str = "") -> str:
    response = client.get(f"/studio/scenarios/{row.id}{path}")
    assert response.status_code == 200, response.text[:500]
    return response.text


def post(client, row, path: str, **changes: str):
    """Post the page as shown, with `changes` typed into its fields."""
    data = {**form_fields(page(client, row, path)), **changes}
    return client.post(f"/studio/scenarios/{row.id}{path}", data=data)


def assert_pages_keep(client, session, row) -> None:
    """Each page posted back untouched saves a new version holding the same document."""
    before, first = document(session, row), row.version
    for number, path in enumerate(PAGES, start=first + 1):
        saved = post(client, row, path)
        assert saved.status_code == 303, (path, saved.text[:2000])
        assert saved.headers["location"].endswith(f"{path}?saved=1")
        session.refresh(row)
        assert row.version == number
        assert Scenario.model_validate(document(session, row)) == Scenario.model_validate(before)
        assert document(session, row) == before


@pytest.mark.parametrize("library_id", LIBRARY)
def test_every_page_posted_back_untouched_saves_the_same_scenario(trainer, session, library_id):
    client, org = trainer
    assert_pages_keep(client, session, make_scenario(session, org, library_id))


def test_every_kind_of_condition_comes_back_from_every_page(trainer, session):
    client, org = trainer
    row = make_scenario(session, org, "product-recall")
    injects = document(session, row)["injects"]
    injects[0]["when"] = {"kind": "rumour_uncorrected", "rumour": "baby-death"}
    injects[1]["when"] = {"kind": "fact_denied", "fact": "no-confirmed-case"}
    edit(session, row, injects=injects)
    kinds = {i["when"]["kind"] for i in document(session, row)["injects"] if i.get("when")}
    assert kinds == {"no_statement", "rumour_uncorrected", "fact_denied", "unanswered"}
    assert_pages_keep(client, session, row)


def test_the_pages_link_to_each_other_and_mark_the_current_one(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    html = page(client, row, "/edit/injects")
    links = [
        a.get("href") for a in find_all(html, "a") if (a.get("href") or "").startswith("/studio")
    ]
    for path in PAGES:
        assert f"/studio/scenarios/{row.id}{path}" in links
    current = [a for a in find_all(html, "a") if a.get("aria-current") == "page"]
    assert [a.get("href") for a in current] == [f"/studio/scenarios/{row.id}/edit/injects"]


REFUSALS = [
    ("", {"brand.handle": "no spaces please"}, "brand.handle"),
    ("", {"hashtags.en": "#{nowhere}"}, "hashtags.en.0"),
    ("/edit/phases", {"phases.1.volume.start_per_min": "-3"}, "phases.1.volume.start_per_min"),
    ("/edit/phases", {"phases.0.personas.troll": "lots"}, "phases.0.personas.troll"),
    ("/edit/phases", {"duration": "soon"}, "duration"),
    ("/edit/phases", {"phases.0.end": "0s"}, "phases.0"),
    ("/edit/posts", {"templates.fr.0.text": "[pas fermé"}, "templates.fr.0.text"),
    ("/edit/posts", {"numbers.discount.max": "1"}, "numbers.discount"),
    ("/edit/posts", {"brand.placeholders.city.fr": ""}, "brand.placeholders.city.fr"),
    ("/edit/injects", {"injects.0.deadline": "1s"}, "injects.0"),
    ("/edit/injects", {"injects.1.actor.handle": "not a handle"}, "injects.1.actor.handle"),
    ("/edit/expectations", {"expectations.0.target": "lots"}, "expectations.0.target"),
]


@pytest.mark.parametrize(("path", "changes", "field"), REFUSALS)
def test_a_refused_page_shows_the_problem_beside_its_field_and_saves_nothing(
    trainer, session, path, changes, field
):
    client, org = trainer
    row = make_scenario(session, org)
    refused = post(client, row, path, **changes)
    assert refused.status_code == 422
    anchor = "f-" + field.replace(".", "-")
    assert by_id(refused.text, f"{anchor}-error").text
    summary = by_id(refused.text, "error-summary")
    assert summary is not None and field in summary.text
    assert f'href="#{anchor}"' in refused.text, "the summary links to the field"
    typed_name, typed = next(iter(changes.items()))
    assert form_fields(refused.text)[typed_name] == [typed], "the typed value is kept"
    described = [
        e for e in find_all(refused.text) if f"{anchor}-error" in (e.get("aria-describedby") or "")
    ]
    assert described, "the field (or its row) is described by its problem"
    session.refresh(row)
    assert row.version == 1


def test_a_problem_of_another_page_links_to_that_page(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    rumour = document(session, row)["rumours"][0]["id"]
    spreading = [
        i
        for i, t in enumerate(document(session, row)["templates"]["en"])
        if t["context"] == "rumour" and t["rumour"] == rumour
    ]
    changes = {f"templates.en.{i}.context": "storm" for i in spreading}
    refused = post(client, row, "/edit/posts", **changes)
    assert refused.status_code == 422
    assert f'href="/studio/scenarios/{row.id}#f-rumours-0"' in refused.text
    assert find_all(page(client, row), id="f-rumours-0")


def test_a_stale_page_is_refused_and_the_edit_kept(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    shown = form_fields(page(client, row, "/edit/expectations"))
    first = {**shown, "expectations.0.target": "120"}
    second = {**shown, "expectations.0.target": "90"}
    url = f"/studio/scenarios/{row.id}/edit/expectations"
    assert client.post(url, data=first).status_code == 303
    stale = client.post(url, data=second)
    assert stale.status_code == 409
    assert 'href="#f-version"' in stale.text
    assert form_fields(stale.text)["expectations.0.target"] == ["90"]
    assert form_fields(stale.text)["version"][0] == "2"
    session.refresh(row)
    assert document(session, row)["expectations"][0]["target"] == 120
    again = client.post(url, data=form_fields(stale.text))
    assert again.status_code == 303
    assert document(session, row)["expectations"][0]["target"] == 90


def test_rows_are_added_and_removed_on_each_page(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    before = document(session, row)
    n = len(before["expectations"])
    saved = post(
        client,
        row,
        "/edit/expectations",
        **{
            "expectations.0.remove": "1",
            f"expectations.{n}.id": "calm-by-the-end",
            f"expectations.{n}.metric": "final_sentiment",
            f"expectations.{n}.target": "0.2",
            f"expectations.{n}.description.en": "The mood is back to neutral.",
            f"expectations.{n}.description.fr": "L'humeur est redevenue neutre.",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    after = document(session, row)["expectations"]
    assert [e["id"] for e in after] == [e["id"] for e in before["expectations"][1:]] + [
        "calm-by-the-end"
    ]
    t = len(before["templates"]["fr"])
    saved = post(
        client,
        row,
        "/edit/posts",
        **{
            f"templates.fr.{t}.persona": "expert",
            f"templates.fr.{t}.sentiment": "neutral",
            f"templates.fr.{t}.text": "[Rappel|Précision] : {brand} n'a encore rien dit.",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    added = document(session, row)["templates"]["fr"][-1]
    assert (added["persona"], added["context"], added["gender"]) == ("expert", "storm", None)


def test_phases_are_edited_with_their_volume_and_persona_mix(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    saved = post(
        client,
        row,
        "/edit/phases",
        **{
            "phases.0.volume.end_per_min": "4.5",
            "phases.0.volume.shape": "exponential",
            "phases.0.personas.journalist": "2",
            "phases.0.personas.worried_customer": "",
            "phases.0.name.fr": "Porte fermée",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    phase = service.document_of(service.latest_version(session=session, row=row)).phases[0]
    assert (phase.volume.end_per_min, phase.volume.shape.value) == (4.5, "exponential")
    assert phase.personas["journalist"] == 2 and "worried_customer" not in phase.personas
    assert phase.name.fr == "Porte fermée"
    html = page(client, row, "/edit/phases")
    chart = by_id(html, "volume-chart")
    assert chart.get("data-y-label")
    assert any(s.get("src") == "/static/js/studio.js" for s in find_all(html, "script"))


def test_an_inject_is_renamed_and_edited_on_its_page(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    saved = post(
        client,
        row,
        "/edit/injects",
        **{
            "injects.0.id": "manager-call",
            "injects.0.channel": "phone_call",
            "injects.0.actor.outlet": "Radio Cerise",
            "injects.0.priority": "critical",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    inject = document(session, row)["injects"][0]
    assert (inject["id"], inject["channel"], inject["priority"]) == (
        "manager-call",
        "phone_call",
        "critical",
    )
    assert inject["actor"]["outlet"] == "Radio Cerise"


@pytest.mark.parametrize("path", PAGES[1:])
def test_another_organisations_pages_answer_404_and_authors_only_read(
    client_for, session, factory, path
):
    org, other = factory.org(), factory.org()
    row = make_scenario(session, org)
    outsider = client_for(factory.member(other, Role.trainer))
    assert outsider.get(f"/studio/scenarios/{row.id}{path}").status_code == 404
    assert outsider.post(f"/studio/scenarios/{row.id}{path}", data={}).status_code == 404
    author = client_for(factory.member(org, Role.author))
    html = author.get(f"/studio/scenarios/{row.id}{path}").text
    assert "disabled" in find_all(html, "fieldset", class_="plain")[0].attrs
    assert author.post(f"/studio/scenarios/{row.id}{path}", data={}).status_code == 403


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_pages_speak_the_readers_language_and_carry_no_inline_script(
    client_for, session, factory, language
):
    org = factory.org()
    row = make_scenario(session, org)
    client = client_for(factory.member(org, Role.trainer, language=language))
    words = {"en": "Timing, phases and volume", "fr": "Durée, phases et volume"}[language]
    for path in PAGES:
        html = client.get(f"/studio/scenarios/{row.id}{path}").text
        assert words in html
        assert all(script.get("src") for script in find_all(html, "script")), path
        assert not [e for e in find_all(html) if any(a.startswith("on") for a in e.attrs)]
        assert not find_all(html, "style") and not [e for e in find_all(html) if e.get("style")]
        labelled = {label.get("for") for label in find_all(html, "label")}
        for element in find_all(html):
            if element.tag in ("input", "select", "textarea") and element.get("type") not in (
                "hidden",
                "checkbox",
            ):
                assert element.get("id") in labelled, (path, element.get("name"))


def test_number_slots_are_added_and_removed_with_the_posts(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    t = len(document(session, row)["templates"]["en"])
    saved = post(
        client,
        row,
        "/edit/posts",
        **{
            "new_number.name": "delay",
            "new_number.min": "2",
            "new_number.max": "6",
            "new_number.unit": "hours",
            f"templates.en.{t}.persona": "angry_customer",
            f"templates.en.{t}.sentiment": "negative",
            f"templates.en.{t}.text": "waited {delay} for {brand} to say something",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    numbers = document(session, row)["numbers"]
    assert numbers["delay"] == {"min": 2, "max": 6, "unit": "hours"}
    refused = post(client, row, "/edit/posts", **{"numbers.delay.remove": "1"})
    assert refused.status_code == 422
    assert "delay" in by_id(refused.text, f"f-templates-en-{t}-text-error").text


def test_the_brands_own_slots_are_edited_added_and_removed_with_the_posts(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    saved = post(
        client,
        row,
        "/edit/posts",
        **{
            "brand.placeholders.city.en": "Bath",
            "new_placeholder.name": "mayor",
            "new_placeholder.en": "the mayor",
            "new_placeholder.fr": "le maire",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    slots = document(session, row)["brand"]["placeholders"]
    assert slots["city"]["en"] == "Bath"
    assert slots["mayor"] == {"en": "the mayor", "fr": "le maire"}
    street = [
        i
        for i, t in enumerate(document(session, row)["templates"]["en"])
        if "{street}" in t["text"]
    ]
    refused = post(client, row, "/edit/posts", **{"brand.placeholders.street.remove": "1"})
    assert refused.status_code == 422
    assert "street" in by_id(refused.text, f"f-templates-en-{street[0]}-text-error").text


def test_any_number_the_scenario_holds_comes_back_from_its_page_unchanged(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    numbers = st.floats(min_value=0, max_value=1e12, allow_nan=False)

    @settings(max_examples=12, deadline=None)
    @given(rate=numbers, weight=numbers, target=st.floats(allow_nan=False, allow_infinity=False))
    def check(rate: float, weight: float, target: float) -> None:
        data = document(session, row)
        data["phases"][0]["volume"]["end_per_min"] = rate
        data["phases"][0]["personas"]["journalist"] = weight
        data["expectations"][0]["target"] = target
        edit(session, row, phases=data["phases"], expectations=data["expectations"])
        before = document(session, row)
        for path in ("/edit/phases", "/edit/expectations"):
            assert post(client, row, path).status_code == 303
            session.refresh(row)
            assert document(session, row) == before

    check()
