"""The MSEL timeline: move, shift and duplicate injects, pure and through the page."""

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.scenarios import library
from app.studio import msel
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.studio.helpers import document, make_scenario

TUTORIAL = library.load_scenario("tutorial").model_dump(mode="json")
INJECT_IDS = [inject["id"] for inject in TUTORIAL["injects"]]


def times(data):
    return {i["id"]: (i["at"], i.get("deadline")) for i in data["injects"]}


@settings(deadline=None)  # deep copies of a whole scenario: slow on a busy machine
@given(delta=st.integers(-3600, 3600), chosen=st.sets(st.sampled_from(INJECT_IDS)))
def test_shifting_back_and_forth_changes_nothing_and_moves_only_the_chosen(delta, chosen):
    shifted = msel.shift(TUTORIAL, delta, chosen)
    for inject_id, (at, deadline) in times(shifted).items():
        moved = delta if inject_id in chosen else 0
        before_at, before_deadline = times(TUTORIAL)[inject_id]
        assert at == before_at + moved
        assert deadline == (None if before_deadline is None else before_deadline + moved)
    assert msel.shift(shifted, -delta, chosen) == TUTORIAL


@settings(deadline=None)
@given(inject_id=st.sampled_from(INJECT_IDS), at=st.integers(0, 600))
def test_a_moved_inject_keeps_its_time_to_answer(inject_id, at):
    moved = times(msel.move(TUTORIAL, inject_id, at))[inject_id]
    before_at, before_deadline = times(TUTORIAL)[inject_id]
    assert moved[0] == at
    if before_deadline is not None:
        assert moved[1] - moved[0] == before_deadline - before_at


@settings(deadline=None)
@given(inject_id=st.sampled_from(INJECT_IDS))
def test_a_duplicate_follows_its_original_under_a_new_id(inject_id):
    data = msel.duplicate(msel.duplicate(TUTORIAL, inject_id), inject_id)
    ids = [i["id"] for i in data["injects"]]
    assert len(ids) == len(set(ids)) == len(INJECT_IDS) + 2
    at = ids.index(inject_id)
    assert ids[at + 1 : at + 3] == [f"{inject_id}-3", f"{inject_id}-2"]
    assert {**data["injects"][at + 1], "id": inject_id} == data["injects"][at]


def test_the_timeline_is_in_time_order():
    data = msel.shift(TUTORIAL, 10_000, {INJECT_IDS[0]})
    assert [i["id"] for _index, i in msel.timeline(data)][-1] == INJECT_IDS[0]


def post(client, row, **data):
    return client.post(f"/studio/scenarios/{row.id}/injects", data={"version": row.version, **data})


def test_the_page_moves_one_then_shifts_the_rest_by_ten_minutes(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    page = client.get(f"/studio/scenarios/{row.id}/injects")
    assert page.status_code == 200
    shown = [tr.get("id") for tr in find_all(page.text, "tr") if tr.get("id")]
    assert shown == [
        f"inject-{i}" for _n, i in sorted((j["at"], j["id"]) for j in TUTORIAL["injects"])
    ]
    first, *rest = INJECT_IDS
    assert post(client, row, op="move", inject=first, at_minutes="1").status_code == 303
    session.refresh(row)
    response = post(client, row, op="shift", minutes="-1", scope="selected", selected=rest)
    assert response.status_code == 303, response.text
    session.refresh(row)
    saved = times(document(session, row))
    assert saved[first][0] == 60
    for inject_id in rest:
        assert saved[inject_id][0] == times(TUTORIAL)[inject_id][0] - 60
    assert row.version == 3


def test_a_shift_past_the_end_is_refused_naming_the_inject(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    refused = post(client, row, op="shift", minutes="60", scope="all")
    assert refused.status_code == 422
    assert "injects.0.at" in by_id(refused.text, "error-summary").text
    session.refresh(row)
    assert row.version == 1


def test_a_stale_timeline_change_answers_409(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    assert post(client, row, op="duplicate", inject=INJECT_IDS[0]).status_code == 303
    stale = client.post(
        f"/studio/scenarios/{row.id}/injects",
        data={"version": 1, "op": "duplicate", "inject": INJECT_IDS[0]},
    )
    assert stale.status_code == 409


def conditional_form(row, **changes):
    return {
        "version": row.version,
        "kind": "no_statement",
        "at_minutes": "5",
        "channel": "news_article",
        "actor_name": "Le Courrier",
        "persona": "journalist",
        "content_en": "Still silent: five minutes on, not a word from the company.",
        "content_fr": "Toujours muette : cinq minutes après, pas un mot de l'entreprise.",
        "priority": "high",
        **changes,
    }


def test_a_trainer_adds_a_conditional_inject_and_the_page_says_its_condition(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    url = f"/studio/scenarios/{row.id}/injects/conditional"
    response = client.post(url, data=conditional_form(row))
    assert response.status_code == 303, response.text
    session.refresh(row)
    (added,) = [i for i in document(session, row)["injects"] if i.get("when")]
    assert added["when"] == {"kind": "no_statement"} and added["at"] == 300
    page = client.get(f"/studio/scenarios/{row.id}/injects").text
    (words,) = [p for p in find_all(page, "p") if p.get("data-condition") == added["id"]]
    assert "no public statement by T+5:00" in words.text


def test_a_conditional_inject_on_an_unknown_rumour_is_refused_by_path(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    before = document(session, row)
    url = f"/studio/scenarios/{row.id}/injects/conditional"
    form = conditional_form(row, kind="rumour_uncorrected", when_rumour="no-such-rumour")
    response = client.post(url, data=form)
    assert response.status_code == 422
    summary = by_id(response.text, "error-summary").text
    assert (
        f"injects.{len(before['injects'])}.when.rumour" in summary and "no-such-rumour" in summary
    )
    session.refresh(row)
    assert document(session, row) == before  # nothing half-saved


def test_a_condition_without_what_it_is_about_is_refused(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    url = f"/studio/scenarios/{row.id}/injects/conditional"
    response = client.post(url, data=conditional_form(row, kind="fact_denied"))
    assert response.status_code == 422
    assert "when_fact" in by_id(response.text, "error-summary").text


def test_the_french_page_says_the_condition_in_french(app, factory, session):
    client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    org = factory.org()
    user = factory.member(org, Role.trainer)
    user.language = "fr"
    session.add(user)
    session.commit()
    sign_in(client, user)
    row = make_scenario(session, org)
    client.post(f"/studio/scenarios/{row.id}/injects/conditional", data=conditional_form(row))
    page = client.get(f"/studio/scenarios/{row.id}/injects")
    words = [p.text for p in find_all(page.text, "p") if p.get("data-condition")]
    assert words and "aucune déclaration publique" in words[0]
