"""A scenario told about another brand: no trace of the fictional one, nothing else changed."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios import library
from app.scenarios.rebrand import rebranded

OUTAGE = library.load_scenario("service-outage")
brands = st.from_regex(r"[A-Z][a-z]{2,10}( [A-Z][a-z]{2,8})?", fullmatch=True).filter(
    lambda name: "Kovalia" not in name
)
handles = st.from_regex(r"@?[A-Za-z][A-Za-z0-9_]{2,20}", fullmatch=True)


def texts(scenario) -> str:
    return json.dumps(scenario.model_dump(mode="json", exclude={"brand"}), ensure_ascii=False)


def test_the_fictional_brand_is_named_in_plain_words_before():
    assert "Kovalia" in texts(OUTAGE)


@settings(max_examples=15, deadline=None)
@given(brands, handles)
def test_every_text_names_the_drills_brand(name, handle):
    moved = rebranded(OUTAGE, name, handle)
    assert "Kovalia" not in texts(moved)
    assert moved.brand.name == name
    assert moved.brand.handle == (handle if handle.startswith("@") else "@" + handle)
    assert [r.id for r in moved.rumours] == [r.id for r in OUTAGE.rumours]
    assert [i.at for i in moved.injects] == [i.at for i in OUTAGE.injects]
    assert name in moved.rumours[0].claim.en and name in moved.rumours[0].claim.fr


def test_the_same_brand_gives_the_same_scenario():
    assert rebranded(OUTAGE, "Kovalia", "Kovalia") is OUTAGE


def test_a_brand_in_plain_words_is_replaced_and_the_slots_are_kept():
    tutorial = library.load_scenario("tutorial")
    moved = rebranded(tutorial, "Brew & Co", "@brewco")
    assert moved.brand.name == "Brew & Co"
    assert "Café Cerise" not in texts(moved)
    assert "#{brand_tag}" in moved.hashtags.en
