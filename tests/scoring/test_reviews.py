"""Review services: the review is scored once from the drill record and cached."""

import pytest
from sqlmodel import select

from app.core.errors import Conflict
from app.scoring import reviews
from app.scoring.models import DrillReview
from tests.drills.helpers import make_team
from tests.scoring.review_helpers import ended_team


def test_review_of_scores_once_and_caches(session, factory, monkeypatch):
    team = ended_team(session, factory)
    review = reviews.review_of(session=session, drill=team.drill)
    assert review.report["format"] == "stormdrill.score/1"
    assert set(review.report["dimensions"]) >= {"responsiveness", "outcome"}
    timeline = review.timeline
    assert len(timeline["volume"]) == len(timeline["sentiment"]) == len(timeline["minutes"])
    assert sum(timeline["volume"]) > 0
    assert [a["kind"] for a in timeline["actions"]] == ["note", "statement", "checklist_done"]
    assert timeline["actions"][1]["id"] == "action:1"

    def fail(**_kwargs):
        raise AssertionError("scored twice")

    monkeypatch.setattr(reviews, "compute", fail)
    again = reviews.review_of(session=session, drill=team.drill)
    assert again.id == review.id
    assert len(session.exec(select(DrillReview)).all()) == 1


def test_review_of_a_drill_still_running_is_a_conflict(session, factory):
    team = make_team(session, factory)
    with pytest.raises(Conflict):
        reviews.review_of(session=session, drill=team.drill)
