"""The facilitator's read model: inject states, excerpts, placeholders filled."""

import pytest

from app.drills.monitor import excerpt, filler, inject_state
from tests.drills.helpers import make_drill

ENTRY = {"id": "ask", "at_s": 60.0, "expects_response": True, "deadline_s": 180.0}


@pytest.mark.parametrize(
    ("sim_s", "answered", "state"),
    [
        (30, set(), "pending"),
        (60, set(), "fired"),
        (180, set(), "fired"),
        (181, set(), "overdue"),
        (181, {"ask"}, "answered"),
        (90, {"ask"}, "answered"),
        (30, {"ask"}, "pending"),
    ],
)
def test_inject_state(sim_s, answered, state):
    assert inject_state(ENTRY, sim_s=sim_s, answered=answered) == state


def test_an_inject_expecting_nothing_is_never_overdue():
    entry = {**ENTRY, "expects_response": False, "deadline_s": None}
    assert inject_state(entry, sim_s=10_000, answered=set()) == "fired"


def test_excerpt_cuts_at_a_word():
    assert excerpt("short  text\n") == "short text"
    cut = excerpt("word " * 100, length=22)
    assert cut == "word word word word…"


def test_filler_fills_the_drills_brand_as_the_feed_does_and_keeps_per_post_slots(session, factory):
    drill = make_drill(session, factory.org(), scenario_id="tutorial", brand="Maison Dupont")
    fill = filler(drill)
    assert fill("Chez {brand} à {time} #{brand_tag}") == "Chez Maison Dupont à {time} #MaisonDupont"
