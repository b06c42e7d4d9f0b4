"""The lint over reaction texts that presume what the team said (app.scenarios.presumptions)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.models import Scenario
from app.scenarios.presumptions import presumptions
from tests.storm.sample import sample_data

PRESUMING = {
    "en": [
        ("apology", "at least they said sorry like they meant it"),
        ("blame", "Blaming the drivers in your statement. Classy."),
        ("promise", "We note the commitment on jobs. Now sign it."),
        ("denial", "so the video is fake, fine, but the queues are real"),
        ("refusal", "No comment with 20,000 people stuck is a choice."),
        ("their words", "{brand} says the fish 'may have died of other causes'. Sure."),
        ("their words", "They confirm the lots and the refund. thanks"),
    ],
    "fr": [
        ("apology", "au moins de vraies excuses cette fois"),
        ("blame", "Donc c'est la faute des chauffeurs ? ok"),
        ("promise", "Nous prenons acte de l'engagement sur l'emploi."),
        ("denial", "{brand} dément, mais les files d'attente sont bien réelles"),
        ("refusal", "Pas de commentaire avec 20 000 personnes bloquées ?"),
        ("their words", "« Un incident mineur » mdr on voyait la fumée d'ici"),
        ("their words", "Ils confirment que les lots sont rappelés. merci"),
    ],
}
PLAIN = {
    "en": [
        "[is that it?|that's all?] we still don't know what happened. {brand_handle}",
        "the statement says nothing about refunds. so what now??",
        "Our question to {brand}: when did the tests find it? Still waiting.",
    ],
    "fr": [
        "[c'est tout ?|c'est ça ?] on sait toujours pas ce qui s'est passé. {brand_handle}",
        "le communiqué dit [même pas|toujours pas] ce qui a été volé ??",
        "le t-shirt « {slogan} » est toujours en vente ? Notre question à {brand}.",
    ],
}


def with_reactions(language: str, texts: list[str], answers: list[str] | None = None) -> Scenario:
    """The sample scenario with these `reply_bad` texts added in `language`."""
    data = sample_data()
    data["templates"] = {
        lang: [t for t in templates if t.get("context") not in ("reply_good", "reply_bad")]
        for lang, templates in data["templates"].items()
    }
    for text in texts:
        template = {"persona": "angry_customer", "sentiment": "negative", "text": text}
        template |= {"context": "reply_bad", "answers": answers or []}
        data["templates"][language].append(template)
    return Scenario.model_validate(data)


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [(language, kind, text) for language, cases in PRESUMING.items() for kind, text in cases],
)
def test_a_reaction_that_presumes_a_content_is_found_with_its_kind(language, kind, text):
    found = list(presumptions(with_reactions(language, [text])))
    assert [(p.language, p.kind) for p in found] == [(language, kind)]
    assert found[0].words.casefold() in text.casefold()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_reaction_that_presumes_nothing_or_says_what_it_answers_is_not_found(language):
    assert list(presumptions(with_reactions(language, PLAIN[language]))) == []
    presuming = [text for _kind, text in PRESUMING[language]]
    assert list(presumptions(with_reactions(language, presuming, ["apology"]))) == []


@given(
    st.sampled_from([(lang, text) for lang, cases in PRESUMING.items() for _kind, text in cases]),
    st.text(alphabet="abcdefghij ,.!?", max_size=30),
    st.text(alphabet="abcdefghij ,.!?", max_size=30),
)
def test_a_presumption_is_found_whatever_surrounds_it(case, before, after):
    language, text = case
    found = list(presumptions(with_reactions(language, [f"{before} {text} {after}"])))
    assert len(found) == 1
