"""People's words for a review's ids: actions, injects, claims, key messages, roles, items."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import i18n
from app.scoring import labels

PLAN = {
    "roles": [{"id": "spokesperson", "name": "Spokesperson"}],
    "key_messages": [{"id": "km-hold", "kind": "holding", "title": "First word", "text": "We…"}],
    "checklist": [{"id": "open-cell", "title": "Open the crisis cell"}],
}
TIMELINE = {
    "actions": [
        {"id": "action:0", "at_s": 329, "kind": "statement", "role": "spokesperson",
         "detail": {}},
        {"id": "action:1", "at_s": 400, "kind": "correct_rumour", "role": None,
         "detail": {"rumour": "r-hack", "in_reply_to": "forum"}},
        {"id": "action:2", "at_s": 500, "kind": "checklist_done", "role": "spokesperson",
         "detail": {"item": "open-cell", "ref": "stmt-1"}},
    ],
    "injects": [{"id": "forum", "at_s": 300, "actor": "Lou Bites", "channel": "social_post"}],
    "posts": [],
}  # fmt: skip
STATEMENTS = {"action:0": {"key_messages": ["km-hold"]}}
CLAIMS = {"rumour:r-hack": "The bank was hacked overnight."}


@pytest.fixture
def names():
    token = i18n.current_language.set("en")
    yield labels.review_names(timeline=TIMELINE, statements=STATEMENTS, plan=PLAN, claims=CLAIMS)
    i18n.current_language.reset(token)


def test_an_action_is_named_by_what_who_and_when(names):
    assert names.of("action:0") == "Holding statement by the Spokesperson at T+05:29"
    assert names.of("action:1") == "Rumour correction at T+06:40"


def test_targets_are_named_by_their_words_never_their_ids(names):
    assert names.of("rumour:r-hack") == "“The bank was hacked overnight.”"
    assert names.of("inject:forum") == "Lou Bites's message at T+05:00"
    assert names.of("key_message:km-hold") == "Holding statement · First word"
    assert names.of("inject:gone") == "Inject"  # unknown: its kind's name, not the id
    assert names.details(TIMELINE["actions"][1]) == [
        ("Rumour", "“The bank was hacked overnight.”"),
        ("In reply to", "Lou Bites's message at T+05:00"),
    ]
    assert names.details(TIMELINE["actions"][2]) == [("Checklist item", "Open the crisis cell")]


def test_a_metric_key_reads_as_the_metric_and_its_subject(names):
    assert names.metric("rumour_control") == "Rumour control"
    assert (
        names.metric("rumour_control.rumour_correction_s@rumour:r-hack")
        == "Time to correct a rumour (“The bank was hacked overnight.”)"
    )


def test_french_names_read_naturally():
    token = i18n.current_language.set("fr")
    try:
        names = labels.review_names(
            timeline=TIMELINE, statements=STATEMENTS, plan=PLAN, claims=CLAIMS
        )
        assert names.of("action:0").endswith("(Spokesperson, T+05:29)")
        assert names.of("inject:forum") == "Message de Lou Bites à T+05:00"
    finally:
        i18n.current_language.reset(token)


@given(st.floats(min_value=0, max_value=7 * 24 * 3600, allow_nan=False))
def test_a_drill_moment_reads_as_the_console_clock(seconds):
    shown = labels.sim_time(seconds)
    assert re.fullmatch(r"T\+(\d+:)?\d{2}:\d{2}", shown)
    parts = [int(p) for p in shown[2:].split(":")]
    total = sum(value * 60**power for power, value in enumerate(reversed(parts)))
    assert total == max(0, round(seconds))


@pytest.mark.parametrize(
    ("language", "value", "said"),
    [("en", "preventable", "preventable"), ("fr", "preventable", "évitable"),
     ("fr", "accident", "accidentelle"), ("fr", "unknown", "responsabilité inconnue")],
)  # fmt: skip
def test_a_metric_value_that_is_a_word_is_shown_in_the_pages_language(language, value, said):
    """The strategy-fit metric's value (an SCCT responsibility cluster) in the review's table."""
    token = i18n.current_language.set(language)
    try:
        assert labels.metric_value("strategy_fit", value) == said
    finally:
        i18n.current_language.reset(token)
