"""The injects page edits each inject's condition: what makes it fire, and the rumour, fact or
message the condition is about; a bad choice is refused beside its select, nothing saved."""

import pytest

from app.accounts.models import Role
from tests.plans.html import by_id, find_all, parse
from tests.studio.helpers import document, form_fields, make_scenario

URL = "/studio/scenarios/{}/edit/injects"
# product-recall: injects.2 fires if no statement, injects.6 if injects.3 is left unanswered.
RECALL = "product-recall"


def post(client, row, **changes: str):
    shown = form_fields(client.get(URL.format(row.id)).text)
    return client.post(URL.format(row.id), data={**shown, **changes})


def chosen(html: str, name: str) -> tuple[str, str]:
    """The value and the words of a select's chosen option."""
    elements = parse(html)
    start = next(i for i, e in enumerate(elements) if e.get("name") == name)
    options = [e for e in elements[start + 1 :] if e.tag in ("option", "select")]
    own = options[: next((i for i, e in enumerate(options) if e.tag == "select"), len(options))]
    option = next(o for o in own if "selected" in o.attrs)
    return option.get("value"), option.text


@pytest.fixture
def recall(trainer, session):
    client, org = trainer
    return client, make_scenario(session, org, RECALL)


def test_each_injects_condition_is_shown_in_peoples_words(recall):
    client, row = recall
    html = client.get(URL.format(row.id)).text
    assert chosen(html, "injects.0.when.kind") == ("", "At its time, whatever the team does")
    no_statement = ("no_statement", "No public statement by its time")
    assert chosen(html, "injects.2.when.kind") == no_statement
    assert chosen(html, "injects.6.when.kind")[0] == "unanswered"
    value, words = chosen(html, "injects.6.when.inject")
    assert value == "magazine-questions"
    assert words.startswith("T+") and "Hannah Reyes" in words and "magazine" not in words
    assert find_all(html, "script", src="/static/js/conditions.js")


def test_a_condition_is_set_changed_and_removed(recall, session):
    client, row = recall
    before = document(session, row)["injects"]
    saved = post(
        client,
        row,
        **{
            "injects.0.when.kind": "rumour_uncorrected",
            "injects.0.when.rumour": "baby-death",
            "injects.0.when.fact": "recall-scope",  # another kind's select: not read
            "injects.2.when.kind": "fact_denied",
            "injects.2.when.fact": "no-confirmed-case",
            "injects.6.when.kind": "",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    injects = document(session, row)["injects"]
    assert injects[0]["when"] == {"kind": "rumour_uncorrected", "rumour": "baby-death"}
    assert injects[2]["when"] == {"kind": "fact_denied", "fact": "no-confirmed-case"}
    assert injects[6]["when"] is None
    untouched = [i for i in range(len(before)) if i not in (0, 2, 6)]
    assert [injects[i] for i in untouched] == [before[i] for i in untouched]
    assert {k: v for k, v in injects[6].items() if k != "when"} == {
        k: v for k, v in before[6].items() if k != "when"
    }


def test_a_new_inject_is_added_with_its_condition(recall, session):
    client, row = recall
    count = len(document(session, row)["injects"])
    saved = post(
        client,
        row,
        **{
            f"injects.{count}.id": "ceo-blamed",
            f"injects.{count}.at": "20m",
            f"injects.{count}.actor.name": "Dana",
            f"injects.{count}.content.en": "Nobody answered me.",
            f"injects.{count}.content.fr": "Personne ne m’a répondu.",
            f"injects.{count}.when.kind": "unanswered",
            f"injects.{count}.when.inject": "feverish-toddler",
        },
    )
    assert saved.status_code == 303, saved.text[:2000]
    added = document(session, row)["injects"][count]
    assert added["when"] == {"kind": "unanswered", "inject": "feverish-toddler"}


REFUSED = [
    ({"when.kind": "rumour_uncorrected", "when.rumour": "moon-landing"}, "when.rumour"),
    ({"when.kind": "fact_denied", "when.fact": ""}, "when.fact"),
    ({"when.kind": "unanswered", "when.inject": "recall-news"}, "when.inject"),
    ({"when.kind": "sometimes"}, "when"),
]


@pytest.mark.parametrize(("changes", "field"), REFUSED)
def test_a_bad_condition_is_refused_beside_its_select_and_nothing_saved(
    recall, session, changes, field
):
    client, row = recall
    refused = post(client, row, **{f"injects.0.{name}": value for name, value in changes.items()})
    assert refused.status_code == 422
    anchor = f"f-injects-0-{field.replace('.', '-')}"
    assert by_id(refused.text, f"{anchor}-error").text.strip()
    assert f"injects.0.{field}" in by_id(refused.text, "error-summary").text
    session.refresh(row)
    assert row.version == 1


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Fires when", "A rumour not corrected by its time", "The fact (for a text")),
        ("fr", ("Se déclenche si", "Aucune déclaration publique à son heure", "Sans condition")),
    ],
)
def test_the_condition_fields_speak_the_readers_language(
    client_for, session, factory, language, words
):
    org = factory.org()
    row = make_scenario(session, org, RECALL)
    client = client_for(factory.member(org, Role.trainer, language=language))
    html = client.get(URL.format(row.id)).text
    for word in words:
        assert word in html
