"""Commitments: promised updates by a time or within a delay, and whether later texts kept them."""

import pytest

from app.analysis import analyse, check_commitments
from tests.analysis.frames import EN, FR


@pytest.mark.parametrize(
    ("frame", "text", "within_s", "clock"),
    [
        (EN, "Next update at 3pm.", None, "15:00"),
        (EN, "We will update you within the hour.", 3600.0, None),
        (EN, "We will share more in 30 minutes.", 1800.0, None),
        (EN, "Next update at 15:30.", None, "15:30"),
        (FR, "Prochain point d'ici 15 h.", None, "15:00"),
        (FR, "Nous reviendrons vers vous dans 30 minutes.", 1800.0, None),
        (FR, "Nous ferons un point dans l'heure.", 3600.0, None),
        (FR, "Prochain point à 16h30.", None, "16:30"),
    ],
)
def test_a_promised_update_and_its_time(frame, text, within_s, clock):
    [commitment] = analyse(text, frame).commitments
    assert (commitment.kind, commitment.within_s, commitment.clock) == ("update", within_s, clock)


def test_no_promise_no_commitment():
    assert analyse("Batch L2304 may contain listeria.", EN).commitments == ()


def timeline(*posts):
    return [(at, f"action:{i}", analyse(text, EN)) for i, (at, text) in enumerate(posts)]


def test_a_delay_is_kept_by_a_later_post_within_it_and_broken_otherwise():
    kept = check_commitments(
        timeline(
            (0, "More within the hour, we will update you."), (3000, "Update: still no illness.")
        ),
        7200,
    )
    late = check_commitments(
        timeline((0, "We will update you within the hour."), (5000, "Update: still no illness.")),
        7200,
    )
    assert [(c.kept, c.kept_by) for c in kept] == [(True, "action:1")]
    assert [(c.kept, c.kept_by) for c in late] == [(False, None)]


def test_a_clock_time_is_kept_by_the_post_naming_it():
    checks = check_commitments(
        timeline((0, "Next update at 3pm."), (1000, "A reply."), (2000, "Update 3pm: all clear.")),
        7200,
    )
    assert [(c.kept, c.kept_by) for c in checks] == [(True, "action:2")]


def test_a_promise_the_drill_ended_before_is_not_judged():
    checks = check_commitments(timeline((7000, "We will update you within the hour.")), 7200)
    tomorrow = check_commitments(timeline((0, "Next update tomorrow at 9am.")), 7200)
    assert [c.kept for c in checks + tomorrow] == [None, None]


def test_a_french_promise_in_minutes_falls_due_after_them():
    posts = [(0, "Nous reviendrons vers vous dans 30 minutes."), (4000, "Point : service rétabli.")]
    checks = check_commitments(
        [(a, f"action:{i}", analyse(t, FR)) for i, (a, t) in enumerate(posts)], 7200
    )
    assert [c.kept for c in checks] == [False]
