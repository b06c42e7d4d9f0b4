"""The post templates' live sample: the storm's own reading of a template (pure), and the route
the editor asks as the trainer types (both languages, bad grammar beside the field, 404 for
another organisation)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.scenarios import library
from app.scenarios.models import PostTemplate
from app.studio.samples import SampleError, sample_posts
from tests.plans.html import find_all
from tests.studio.helpers import make_scenario

TUTORIAL = library.load_scenario("tutorial")
LIBRARY = [library.load_scenario(summary.id) for summary in library.list_scenarios()]


def template(text: str, **fields: str) -> PostTemplate:
    return PostTemplate(
        persona=fields.get("persona", "worried_customer"),
        sentiment=fields.get("sentiment", "neutral"),
        gender=fields.get("gender"),
        text=text,
    )


def test_samples_fill_the_slots_under_the_scenarios_brand_and_repeat_for_the_same_seeds():
    posts = sample_posts(TUTORIAL, template("[Is|Why is] {brand} closed? {hashtag}"), "en")
    assert posts and all(TUTORIAL.brand.name in post for post in posts)
    assert not any("{" in post or "[" in post for post in posts)
    assert posts == sample_posts(TUTORIAL, template("[Is|Why is] {brand} closed? {hashtag}"), "en")


def test_a_template_written_for_a_woman_agrees_with_her():
    written = template("je suis <inquiet|inquiète>", gender="female", persona="journalist")
    posts = sample_posts(TUTORIAL, written, "fr")
    assert posts and all("inquiète" in post for post in posts)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("[never closed", "bad grammar"), ("hello {nobody_knows}", "unknown placeholder")],
)
def test_a_template_that_cannot_be_read_names_its_problem(text, problem):
    with pytest.raises(SampleError, match=problem):
        sample_posts(TUTORIAL, template(text), "en")


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_library_template_gives_posts_with_every_slot_filled(data):
    scenario = data.draw(st.sampled_from(LIBRARY))
    language = data.draw(st.sampled_from(["en", "fr"]))
    chosen = data.draw(st.sampled_from(scenario.templates.get(language)))
    posts = sample_posts(scenario, chosen, language)
    assert posts
    slots = ("{brand", "{hashtag}", "{time}", "{number}", "{author_city}", "{elapsed}")
    assert not any(slot in post for post in posts for slot in slots)


def ask(client, row, path: str, text: str, **fields: str):
    params = {
        "path": path,
        f"{path}.text": text,
        f"{path}.persona": fields.get("persona", "journalist"),
        f"{path}.sentiment": fields.get("sentiment", "neutral"),
    }
    return client.get(f"/studio/scenarios/{row.id}/sample", params=params)


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "[Why is|Is] {brand} shut today?", "shut"),
        ("fr", "[Pourquoi|Est-ce que] {brand} est fermé ?", "fermé"),
    ],
)
def test_the_sample_route_reads_a_template_as_typed_in_each_language(
    trainer, session, language, text, word
):
    client, org = trainer
    row = make_scenario(session, org)
    answer = ask(client, row, f"templates.{language}.3", text)
    assert answer.status_code == 200
    posts = [li.text for li in find_all(answer.text, "li")]
    assert posts and all(word in post and TUTORIAL.brand.name in post for post in posts)


def test_the_sample_route_puts_a_bad_grammar_beside_the_field(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    answer = ask(client, row, "templates.en.0", "[oops {brand}")
    assert answer.status_code == 422
    assert "bad grammar" in find_all(answer.text, "p", class_="field-error")[0].text
    assert ask(client, row, "facts.0", "whatever").status_code == 422
    answer = ask(client, row, "templates.fr.0", "ok", persona="nobody")
    assert answer.status_code == 422 and "persona" in answer.text


def test_the_posts_page_asks_for_samples_of_each_template_beside_its_text(trainer, session):
    client, org = trainer
    row = make_scenario(session, org)
    html = client.get(f"/studio/scenarios/{row.id}/edit/posts").text
    text = find_all(html, "textarea", name="templates.fr.2.text")[0]
    assert "sample-templates-fr-2" in text.get("aria-describedby")
    asks = [b for b in find_all(html, "button") if b.get("hx-target") == "#sample-templates-fr-2"]
    assert asks and asks[0].get("hx-get").endswith("/sample?path=templates.fr.2")
    assert find_all(html, id="sample-templates-fr-2")[0].get("aria-live") == "polite"


def test_another_organisations_scenario_gives_no_sample(client_for, session, factory):
    row = make_scenario(session, factory.org())
    outsider = client_for(factory.member(factory.org(), Role.trainer))
    assert ask(outsider, row, "templates.en.0", "hello").status_code == 404
