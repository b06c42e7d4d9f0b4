"""French names meet their prepositions as they should: « d'Orvane », « au Havre »."""

from hypothesis import given
from hypothesis import strategies as st

from app.storm import Storm
from app.storm.text import french
from tests.storm.test_realism import scenario_with


def test_elision_and_contraction_before_names():
    assert french("le PDG de Orvane et ce que Orvane dit") == "le PDG d'Orvane et ce qu'Orvane dit"
    assert french("à Le Havre, de Les Sables, DE Orvane") == "au Havre, des Sables, D'Orvane"
    assert french("de Lille, de les voir, de Yann") == "de Lille, de les voir, de Yann"


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=8).map(str.title)


@given(names, st.sampled_from(["de", "que", "à"]))
def test_a_name_is_elided_exactly_when_it_starts_with_a_vowel(name, word):
    out = french(f"dit {word} {name}.")
    if word != "à" and name[0] in "AEIOUÉ":
        assert out == f"dit {word[:-1]}'{name}."
    else:
        assert out == f"dit {word} {name}."


def test_the_authors_town_and_a_vowel_brand_agree_in_the_feed():
    template = {
        "persona": "angry_customer",
        "sentiment": "negative",
        "text": "j'habite à {author_city}, à côté de {author_city}, et {brand} se tait",
    }
    storm = Storm(scenario_with([template]), 2, "Orvane", "fr", volume_scale=3)
    posts = [p for p in storm.posts([], 0, 3600) if "côté" in p.text]
    assert any("côté d'" in p.text for p in posts)  # a town starting with a vowel came up
    for post in posts:
        assert " de A" not in post.text and " à Le " not in post.text and " de Le " not in post.text
    feed = " ".join(p.text for p in storm.posts([], 0, 3600))
    assert " de Orvane" not in feed and " que Orvane" not in feed
