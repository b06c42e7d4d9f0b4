"""Typography and wording of the generated posts: closers join the marks a text ends with, a
synonym swap never breaks agreement or syntax, French articles never double (docs/storm.md,
Variety). Checked on every library scenario in both languages, and as properties."""

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.library import list_scenarios, load_scenario
from app.storm import Action, Storm
from app.storm.variation import CLOSERS, SYNONYMS, _synonyms, closed

LIBRARY = [summary.id for summary in list_scenarios()]
STATEMENT = {
    "en": "We are deeply sorry. Here is what we know so far. Next update in 20 minutes.",
    "fr": "Nous sommes sincèrement désolés. Voici ce que nous savons. Prochain point à 10 h.",
}
# A closer of marks only set apart after the marks a text ends with: « hand? ?? », « eux ?? ... ».
MARKS_AFTER_MARKS = re.compile(r"[?!] +(\?+|!+|\.\.\.)(?=\s|$)")
SPACED_MARKS_EN = re.compile(r"\w +(\?+|!+)(?=\s|$)")  # « brilliant !! » is French typography
DOUBLED_ARTICLE_FR = re.compile(r"(?<![\w'])(la|le|les|du|des|au|aux)\s+(le|la|les|l')(?![\w])")
CLOSERS_OF = {
    language: sorted({c for v in by_mood.values() for c in v.split("|")})
    for language, by_mood in CLOSERS.items()
}


@pytest.mark.parametrize("scenario_id", LIBRARY)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_library_posts_have_clean_closers_and_articles(scenario_id, language):
    """Two seeds, 30 minutes with a statement at 5 (ambient posts and reactions alike): none of
    the defects, which before the fix were in 1-5% of the posts of every scenario."""
    scenario = load_scenario(scenario_id)
    actions = [Action(at_s=300, kind="statement", text=STATEMENT[language])]
    for seed in (1, 2):
        posts = Storm(scenario, seed, None, language).posts(actions, 0, 1800)
        texts = [p.text for p in posts]
        assert [t for t in texts if MARKS_AFTER_MARKS.search(t)] == []
        if language == "en":
            assert [t for t in texts if SPACED_MARKS_EN.search(t)] == []
        else:
            assert [t for t in texts if DOUBLED_ARTICLE_FR.search(t)] == []


def test_a_closer_of_marks_adds_to_the_marks_the_text_ends_with():
    assert closed("did nobody raise a hand?", "??", "en") == "did nobody raise a hand???"
    assert closed("c'était eux ??", "...", "fr") == "c'était eux ??"
    assert closed("honestly brilliant", "!!", "en") == "honestly brilliant!!"
    assert closed("n'importe quoi.", "...", "fr") == "n'importe quoi..."
    assert closed("je le jette", "??", "fr") == "je le jette ??"
    assert closed("still nothing.", "smh", "en") == "still nothing smh"


words = st.text(alphabet="abcdefghij ", min_size=1, max_size=20).map(str.strip).filter(bool)


@given(words, st.sampled_from(["", ".", "?", "??", "!", "!!", " ?", "..."]))
def test_closers_never_set_marks_apart_from_marks(text, ending):
    text += ending
    for language, closers in CLOSERS_OF.items():
        for closer in closers:
            result = closed(text, closer, language)
            assert result.startswith(text.rstrip(".").rstrip())
            assert not MARKS_AFTER_MARKS.search(result)
            if language == "en" and not text.endswith(" ?"):
                assert not SPACED_MARKS_EN.search(result)


@pytest.mark.parametrize(
    ("language", "text", "kept"),
    [
        ("fr", "je l'ai lu sur le groupe de la famille", "groupe"),  # not « le société »
        ("fr", "une réponse lamentable", "lamentable|catastrophique|pitoyable"),  # not « honteux »
        ("fr", "une vidéo qui indigne la France", "indigne"),  # the verb
        ("fr", "super matinée sur la ligne", "super"),  # not « génial matinée »
        ("fr", "de nombreux signalements", "signalements|témoignages"),  # « nombreux remontées »
        ("en", "we asked who approved it", "asked"),  # not « pressed who »
        ("en", "it lands in the family group chat", "group"),  # not « family firm chat »
        ("en", "a reader reports a second case", "reports|claims"),  # not « a reader accounts »
        ("en", "the notice says one thing", "says|states|confirms"),  # not « tells us one thing »
        ("en", "name the staff involved", "involved"),  # not « the staff affected »
        ("en", "checked mine, it's not affected", "affected|impacted"),  # not « not involved »
    ],
)
def test_synonym_swaps_keep_agreement_syntax_and_meaning(language, text, kept):
    allowed = set(kept.split("|"))
    index = text.split(" ").index(kept.split("|")[0])
    for seed in range(64):
        swapped = _synonyms(text, language, True, random.Random(seed)).split(" ")
        assert swapped[index] in allowed, swapped


def test_a_word_belongs_to_one_synonym_group_of_its_language():
    for language in ("en", "fr"):
        groups = [g for register in SYNONYMS.values() for g in register[language]]
        words = [w for g in groups for w in g.split("|")]
        assert len(words) == len(set(words))
