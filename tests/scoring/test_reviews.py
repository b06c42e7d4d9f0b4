"""Review services: cached scoring, annotations, overrides, summary lock, improvement items."""

import pytest
from sqlmodel import select

from app.accounts.models import Role
from app.core.errors import Conflict, Invalid, NotFound
from app.scoring import review_items, reviews, view
from app.scoring.models import (
    AnnotationCreate,
    DrillReview,
    ImprovementCreate,
    ImprovementItem,
    MetricOverride,
    OverrideCreate,
    ReviewAnnotation,
    SummaryUpdate,
)
from tests.drills.helpers import make_team
from tests.scoring.review_helpers import ended_team, in_days


@pytest.fixture
def team(session, factory):
    return ended_team(session, factory)


def rows(session, model):
    return session.exec(select(model)).all()


def test_review_of_scores_once_and_caches(session, team, monkeypatch):
    review = reviews.review_of(session=session, drill=team.drill)
    assert review.report["format"] == "stormdrill.score/1"
    assert set(review.report["dimensions"]) >= {"responsiveness", "outcome"}
    timeline = review.timeline
    assert len(timeline["volume"]) == len(timeline["sentiment"]) == len(timeline["minutes"])
    assert sum(timeline["volume"]) > 0 and sum(timeline["negative"]) <= sum(timeline["volume"])
    assert [a["kind"] for a in timeline["actions"]] == ["note", "statement", "checklist_done"]
    assert timeline["actions"][1]["id"] == "action:1"
    assert timeline["injects"] and timeline["injects"][0]["id"] == "manager-alert"

    def fail(**_kwargs):
        raise AssertionError("scored twice")

    monkeypatch.setattr(reviews, "compute", fail)
    assert reviews.review_of(session=session, drill=team.drill).id == review.id
    assert len(rows(session, DrillReview)) == 1


def test_review_of_a_drill_still_running_is_a_conflict(session, factory):
    team = make_team(session, factory)
    with pytest.raises(Conflict):
        reviews.review_of(session=session, drill=team.drill)
    assert rows(session, DrillReview) == []


def annotate(session, team, kind, target, body="Good call", at_s=None):
    note = AnnotationCreate(target_kind=kind, target_id=target, body=body, at_s=at_s)
    return review_items.add_annotation(
        session=session, drill=team.drill, user=team.trainer, annotation_in=note
    )


def test_annotations_take_their_target_time_and_refuse_unknown_targets(session, team):
    on_action = annotate(session, team, "action", "action:1")
    assert on_action.at_s == 60.0 and on_action.author_id == team.trainer.id
    assert annotate(session, team, "inject", "inject:manager-alert").at_s is not None
    assert annotate(session, team, "metric", "responsiveness").at_s is None
    assert annotate(session, team, "post", "p-00042", at_s=95).at_s == 95
    for kind, target in [("action", "action:99"), ("inject", "inject:nope"), ("metric", "x.y")]:
        with pytest.raises(Invalid) as refused:
            annotate(session, team, kind, target)
        assert refused.value.field == "target_id"
    listed = review_items.list_annotations(session=session, drill=team.drill)
    assert len(listed) == len(rows(session, ReviewAnnotation)) == 4
    review_items.delete_annotation(session=session, drill=team.drill, annotation_id=on_action.id)
    assert len(rows(session, ReviewAnnotation)) == 3
    with pytest.raises(NotFound):
        review_items.delete_annotation(
            session=session, drill=team.drill, annotation_id=on_action.id
        )


def override(session, team, metric, value, why="Seen on the debrief video"):
    override_in = OverrideCreate(metric=metric, value=value, justification=why)
    return review_items.set_override(
        session=session, drill=team.drill, user=team.trainer, override_in=override_in
    )


def test_overrides_recompute_the_overall_and_keep_the_computed_values(session, team):
    computed = reviews.review_of(session=session, drill=team.drill).report
    key = "responsiveness.priority_reply_rate"
    override(session, team, key, 100)
    override(session, team, key, 90)  # replaces, one live override per metric
    assert [row.value for row in rows(session, MetricOverride)] == [90]
    report = view.effective_report(session=session, drill=team.drill)
    metric = next(
        m
        for m in report["dimensions"]["responsiveness"]["metrics"]
        if m["name"] == "priority_reply_rate"
    )
    old = next(
        m
        for m in computed["dimensions"]["responsiveness"]["metrics"]
        if m["name"] == "priority_reply_rate"
    )
    assert metric["points"] == 90 and metric["computed_points"] == old["points"]
    assert (
        report["dimensions"]["responsiveness"]["computed_score"]
        == computed["dimensions"]["responsiveness"]["score"]
    )
    assert report["computed_overall"] == computed["overall"]
    assert report["overall"] > computed["overall"]
    row = override(session, team, "process", 0)
    report = view.effective_report(session=session, drill=team.drill)
    assert (
        report["dimensions"]["process"]["score"] == 0
        and report["dimensions"]["process"]["rating"] == "U"
    )
    review_items.remove_override(session=session, drill=team.drill, override_id=row.id)
    assert (
        view.effective_report(session=session, drill=team.drill)["dimensions"]["process"]["score"]
        == (computed["dimensions"]["process"]["score"])
    )


def test_an_override_of_an_unknown_metric_writes_nothing(session, team):
    with pytest.raises(Invalid) as refused:
        override(session, team, "responsiveness.nonsense", 50)
    assert refused.value.field == "metric"
    assert rows(session, MetricOverride) == []


def test_a_stale_summary_is_a_conflict_and_keeps_the_saved_one(session, team):
    review = reviews.review_of(session=session, drill=team.drill)
    first = SummaryUpdate(summary="Fast, but the tone slipped.", version=review.version)
    saved = review_items.save_summary(
        session=session, drill=team.drill, user=team.trainer, summary_in=first
    )
    assert saved.version == 2 and saved.updated_by_id == team.trainer.id
    stale = SummaryUpdate(summary="Another view", version=1)
    with pytest.raises(Conflict):
        review_items.save_summary(
            session=session, drill=team.drill, user=team.trainer, summary_in=stale
        )
    assert (
        reviews.review_of(session=session, drill=team.drill).summary
        == "Fast, but the tone slipped."
    )


def improvement(**overrides):
    values = {
        "section": "messages",
        "title": "Add a rumour-correction message",
        "due_on": in_days(30),
    }
    return ImprovementCreate(**{**values, **overrides})


def test_improvement_items_need_a_known_section_and_an_owner_of_the_organisation(
    session, factory, team
):
    item = review_items.add_improvement(
        session=session,
        drill=team.drill,
        user=team.trainer,
        item_in=improvement(owner_id=team.monitor.id),
    )
    assert (item.plan_id, item.drill_id, item.status) == (team.drill.plan_id, team.drill.id, "open")
    stranger = factory.member(factory.org(), Role.trainer)
    for bad, field in [
        ({"section": "nowhere"}, "section"),
        ({"owner_id": stranger.id}, "owner_id"),
    ]:
        with pytest.raises(Invalid) as refused:
            review_items.add_improvement(
                session=session, drill=team.drill, user=team.trainer, item_in=improvement(**bad)
            )
        assert refused.value.field == field
    assert [row.id for row in rows(session, ImprovementItem)] == [item.id]
