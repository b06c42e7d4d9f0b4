"""The editor pages' forms into a document (pure): an inject keeps the keys the form does not
know, whatever they are and even when renamed; a page changes only its own part."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import FormData

from app.scenarios import library
from app.scenarios.loader import validate_data
from app.scenarios.models import Inject
from app.studio.sections import INJECT_FIELDS, Section, edited_section, inject_origins
from tests.studio.helpers import form_fields, make_scenario

TUTORIAL = library.load_scenario("tutorial").model_dump(mode="json")
NOT_FIELDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
    lambda key: key not in INJECT_FIELDS
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


def page_form(trainer, session, path: str) -> FormData:
    """The fields of one editor page of a fresh tutorial clone, as a browser posts them."""
    client, org = trainer
    row = make_scenario(session, org)
    html = client.get(f"/studio/scenarios/{row.id}/edit/{path}").text
    return FormData([(k, v) for k, values in form_fields(html).items() for v in values])


def test_an_inject_keeps_every_key_the_form_does_not_know(trainer, session):
    form = page_form(trainer, session, "injects")

    @settings(max_examples=40, deadline=None)
    @given(
        extra=st.dictionaries(NOT_FIELDS, JSON, min_size=1, max_size=3),
        index=st.integers(0, len(TUTORIAL["injects"]) - 1),
    )
    def check(extra: dict, index: int) -> None:
        base = copy.deepcopy(TUTORIAL)
        base["injects"][index].update(copy.deepcopy(extra))
        inject = edited_section(base, Section.injects, form)["injects"][index]
        assert {key: inject[key] for key in extra} == extra
        known = {key: value for key, value in inject.items() if key not in extra}
        assert Inject.model_validate(known) == Inject.model_validate(TUTORIAL["injects"][index])

    check()


def test_a_renamed_inject_keeps_its_unknown_keys_and_a_removed_one_goes(trainer, session):
    form = page_form(trainer, session, "injects")
    unknown = {"source": "another tool", "tags": ["press"]}
    base = copy.deepcopy(TUTORIAL)
    base["injects"][1]["notes"] = unknown
    changes = {"injects.1.id": "renamed", "injects.0.remove": "1"}
    posted = FormData([(k, v) for k, v in form.multi_items() if k not in changes])
    posted = FormData([*posted.multi_items(), *changes.items()])
    edited = edited_section(base, Section.injects, posted)
    assert [i["id"] for i in edited["injects"]][:1] == ["renamed"]
    assert edited["injects"][0]["notes"] == unknown
    assert inject_origins(base, posted)[0] == TUTORIAL["injects"][1]["id"]


def test_a_page_changes_only_its_own_part(trainer, session):
    form = page_form(trainer, session, "expectations")
    changed = FormData([*form.multi_items(), ("expectations.0.remove", "1")])
    edited = edited_section(TUTORIAL, Section.expectations, changed)
    assert {k: v for k, v in edited.items() if k != "expectations"} == {
        k: v for k, v in TUTORIAL.items() if k != "expectations"
    }
    scenario = validate_data(edited, label="form")
    assert scenario.expectations == library.load_scenario("tutorial").expectations[1:]


@settings(max_examples=30, deadline=None)
@given(
    text=st.text(alphabet="abc [|]<>{}\n", max_size=40),
    persona=st.sampled_from(["troll", "journalist", "bot"]),
)
def test_a_new_post_row_is_taken_as_typed_or_not_at_all(text, persona):
    form = FormData(
        [
            ("templates.en.0.persona", persona),
            ("templates.en.0.sentiment", "neutral"),
            ("templates.en.0.text", text),
        ]
    )
    edited = edited_section(TUTORIAL, Section.posts, form)["templates"]["en"]
    if text.strip():
        assert edited == [
            {
                "persona": persona,
                "sentiment": "neutral",
                "context": "storm",
                "gender": None,
                "rumour": None,
                "text": text.strip(),
            }
        ]
    else:
        assert edited == []
