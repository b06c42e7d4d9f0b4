"""The pure parts of validation: durations and template slots."""

from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.checks import placeholder_problems
from app.scenarios.models import SLOTS, brand_tag, format_duration, parse_duration


@given(st.integers(min_value=0, max_value=10 * 3600))
def test_a_formatted_duration_parses_back_to_the_same_seconds(seconds: int):
    assert parse_duration(format_duration(seconds)) == seconds


def test_durations_are_written_as_scenarios_write_them():
    assert [format_duration(s) for s in (0, 45, 720, 3600, 3905)] == [
        "0s",
        "45s",
        "12m",
        "1h00m",
        "1h05m5s",
    ]


@given(st.lists(st.sampled_from(SLOTS)), st.text(alphabet="abc !?#@é\n", max_size=20))
def test_text_using_only_defined_slots_has_no_problem(slots: list[str], filler: str):
    text = filler.join(f"{{{slot}}}" for slot in slots) or filler
    assert placeholder_problems(text, set(SLOTS)) == []


def test_slot_problems_are_named():
    assert placeholder_problems("{x} {brand}", {"brand"})[0].startswith("unknown placeholder {x}")
    assert "malformed" in placeholder_problems("oops }", {"brand"})[0]
    assert "not a plain slot" in placeholder_problems("{brand:>5}", {"brand"})[0]
    assert "not a plain slot" in placeholder_problems("{0}", {"brand"})[0]


def test_brand_tag_makes_one_hashtag_token_of_a_brand_name():
    assert brand_tag("Maison Dupont") == "MaisonDupont"
    assert brand_tag("Café Cerise") == "CafeCerise"
    assert brand_tag("Maréville") == "Mareville"
    assert brand_tag("l'Atelier d'Émile") == "LAtelierDEmile"
    assert brand_tag("7-Eleven") == "7Eleven"
    assert brand_tag("Cirrane_Air") == "CirraneAir"
    assert brand_tag("!!") == ""


@given(st.text(max_size=40))
def test_a_brand_tag_is_letters_and_digits_only_and_stable(name: str):
    tag = brand_tag(name)
    assert all(c.isalnum() for c in tag)
    assert brand_tag(tag) == tag
