"""Dashboard aggregates: scores with overrides, trend series, KPIs most often missed, plans due."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.drills import service as drills
from app.drills.models import AssignIn, Assignment, Drill
from app.plans import service as plans
from app.scoring import dashboard, review_items, reviews, view
from app.scoring.core.overrides import metric_key
from app.scoring.models import MetricOverride, OverrideCreate
from tests.plans.helpers import make_plan
from tests.scoring.review_helpers import ended_team, report, reviewed_drill

# Seven months ago: the drills and their trend end before today, whatever today is.
EARLIER = datetime.now(UTC).replace(microsecond=0) - timedelta(days=210)


def test_rows_carry_cached_scores_with_overrides_applied(session, factory):
    org = factory.org()
    drill = reviewed_drill(
        session, org, report_=report(62.0, responsiveness=90.0, process=50.0), ended=EARLIER
    )
    session.add(
        MetricOverride(drill_id=drill.id, metric="process", value=85.0, justification="x" * 12)
    )
    session.commit()
    [row] = dashboard.drill_rows(session=session, org=org)
    assert row.status == "ended" and not row.pending
    # The overall is the dimensions' weighted mean again, the overridden one included.
    assert (row.scored.overall, row.scored.rating, row.scored.overridden) == (87.5, "P", True)
    assert row.scored.dimensions["responsiveness"].rating == "P"
    assert not row.scored.dimensions["responsiveness"].overridden
    process = row.scored.dimensions["process"]
    assert (process.score, process.rating, process.overridden) == (85.0, "P", True)


def test_the_dashboard_shows_the_scores_the_review_shows_after_a_metric_override(session, factory):
    team = ended_team(session, factory)
    review = reviews.review_of(session=session, drill=team.drill)
    dimension, metric = next(
        (name, m) for name, d in review.report["dimensions"].items() for m in d["metrics"]
    )
    points = 0.0 if metric["points"] > 50 else 100.0
    review_items.set_override(
        session=session,
        drill=team.drill,
        user=team.trainer,
        override_in=OverrideCreate(
            metric=metric_key(dimension, metric), value=points, justification="Seen on the log"
        ),
    )
    shown = view.effective_report(session=session, drill=team.drill)
    [row] = dashboard.drill_rows(session=session, org=team.org)
    assert shown["overall"] != shown["computed_overall"]
    assert (row.scored.overall, row.scored.rating) == (shown["overall"], shown["rating"])
    assert row.scored.overridden and row.scored.dimensions[dimension].overridden
    [series] = dashboard.trend([row], "All")["all"]
    assert series.points[0][1] == shown["overall"] and team.drill.id in series.overridden


def test_an_ended_drill_without_review_is_pending_until_scored(session, factory):
    org = factory.org()
    drill = reviewed_drill(session, org, report_=report(50.0), ended=EARLIER)
    session.delete(reviews.cached_review(session=session, drill=drill))
    session.commit()
    [row] = dashboard.drill_rows(session=session, org=org)
    assert row.pending and row.scored is None
    scored = dashboard.score_drill(session=session, drill=drill)
    assert 0 <= scored.overall <= 100
    assert not dashboard.drill_rows(session=session, org=org)[0].pending


def test_trend_groups_scores_per_plan_and_per_team_oldest_first(session, factory):
    org = factory.org()
    people = [factory.member(org) for _ in range(2)]
    early = reviewed_drill(session, org, report_=report(40.0), ended=EARLIER)
    late = reviewed_drill(session, org, report_=report(80.0), ended=EARLIER + timedelta(days=60))
    other = reviewed_drill(session, org, report_=report(55.0), ended=EARLIER + timedelta(days=30))
    for drill in (early, late):
        drills.assign(
            session=session,
            org=org,
            drill=drill,
            assign_in=AssignIn(
                assignments=[Assignment(user_id=p.id, role_key="monitor") for p in people]
            ),
        )
    groups = dashboard.trend(dashboard.drill_rows(session=session, org=org), all_label="All")
    assert [p[1] for p in groups["all"][0].points] == [40.0, 55.0, 80.0]
    assert len(groups["plan"]) == 3  # make_drill imports a plan per drill
    [team] = groups["team"]
    assert [p[1] for p in team.points] == [40.0, 80.0]
    assert team.label == ", ".join(sorted(p.display_name for p in people))
    assert other.id not in [p[2].id for p in team.points]


def test_chart_data_aligns_every_series_on_shared_dates():
    plan_a = dashboard.Series(
        "A", [(EARLIER, 40.0, None), (EARLIER + timedelta(days=2), 60.0, None)]
    )
    plan_b = dashboard.Series("B", [(EARLIER + timedelta(days=1), 50.0, None)])
    data = dashboard.chart_data({"plan": [plan_a, plan_b]})["plan"]
    assert data["labels"] == ["A", "B"]
    assert len(data["x"]) == 3 and data["x"] == sorted(data["x"])
    assert data["y"] == [[40.0, None, 60.0], [None, 50.0, None]]


def test_missed_kpis_rank_by_share_missed_and_link_the_latest_miss(session, factory):
    org = factory.org()
    kpis = [
        {"rumour_correction_s": False, "priority_reply_rate": True},
        {"rumour_correction_s": False, "priority_reply_rate": False},
        {"rumour_correction_s": True, "priority_reply_rate": True},
    ]
    made = [
        reviewed_drill(session, org, report_=report(50.0, k), ended=EARLIER + timedelta(days=i))
        for i, k in enumerate(kpis)
    ]
    missed = dashboard.missed_kpis(dashboard.drill_rows(session=session, org=org))
    assert [(m.metric, m.missed, m.total) for m in missed] == [
        ("rumour_correction_s", 2, 3),
        ("priority_reply_rate", 1, 3),
    ]
    assert missed[0].latest.id == made[1].id and missed[1].latest.id == made[1].id


def test_missed_kpis_count_only_rehearsals_like_the_trends(session, factory):
    org = factory.org()
    missed_in = [
        reviewed_drill(session, org, report_=report(50.0, {"tone": False}), ended=EARLIER),
        reviewed_drill(
            session, org, report_=report(50.0, {"tone": True}), ended=EARLIER + timedelta(days=1)
        ),
    ]
    missed_in[0].mode = "practice"
    session.add(missed_in[0])
    session.commit()
    rows = dashboard.drill_rows(session=session, org=org)
    assert [row.counts for row in rows if row.drill.id == missed_in[0].id] == [False]
    assert dashboard.missed_kpis(rows) == []  # the only miss was in a practice
    trend_points = dashboard.trend(rows, "All")["all"][0].points
    assert [point[2].id for point in trend_points] == [missed_in[1].id]


def test_overdue_plans_include_never_drilled_plans_older_than_their_interval(session, factory):
    org = factory.org()
    now = datetime.now(UTC)
    stale = make_plan(session, org, title="Stale")
    fresh = make_plan(session, org, title="Fresh")
    never = make_plan(session, org, title="Never drilled")
    never.created_at = now - timedelta(days=200)
    session.add(never)
    plans.mark_drilled(session=session, plan_id=stale.id, at=now - timedelta(days=120))
    plans.mark_drilled(session=session, plan_id=fresh.id, at=now - timedelta(days=5))
    session.commit()
    due = dashboard.overdue_plans(session=session, org=org, now=now)
    assert [d.plan.title for d in due] == ["Never drilled", "Stale"]
    assert due[0].last_drilled_at is None and due[1].last_drilled_at is not None


def test_rows_are_the_organisations_own_drills_only(session, factory):
    org, other = factory.org(), factory.org()
    trainer = factory.member(other, Role.trainer)
    reviewed_drill(session, other, report_=report(70.0), ended=EARLIER, user=trainer)
    assert dashboard.drill_rows(session=session, org=org) == []


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 400), st.floats(0, 100)), min_size=1, max_size=6),
        min_size=1,
        max_size=4,
    )
)
def test_chart_data_keeps_every_point_at_its_date(series_points):
    series = [
        dashboard.Series(
            f"S{i}", [(EARLIER + timedelta(days=d), score, None) for d, score in points]
        )
        for i, points in enumerate(series_points)
    ]
    data = dashboard.chart_data({"g": series})["g"]
    assert data["x"] == sorted(set(data["x"]))
    for column, points in zip(data["y"], series_points, strict=True):
        assert len(column) == len(data["x"])
        by_x = dict(zip(data["x"], column, strict=True))
        for day, score in dict(points).items():
            assert by_x[int((EARLIER + timedelta(days=day)).timestamp())] == score


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.booleans()), st.booleans()),
        max_size=6,
    )
)
def test_missed_kpis_count_within_totals_most_missed_first(drilled):
    rows = [
        dashboard.DrillRow(
            drill=Drill(
                id=i, title=f"D{i}", ended_at=EARLIER + timedelta(days=i), created_at=EARLIER
            ),
            plan_title="P",
            status="ended",
            team=(),
            team_label="",
            scored=dashboard.scored_of(report(50.0, kpis), []),
            counts=counts,
        )
        for i, (kpis, counts) in enumerate(drilled)
    ]
    kpi_sets = [kpis for kpis, counts in drilled if counts]  # practices never count
    missed = dashboard.missed_kpis(rows)
    assert all(0 < m.missed <= m.total for m in missed)
    shares = [m.missed / m.total for m in missed]
    assert shares == sorted(shares, reverse=True)
    for m in missed:
        assert m.total == sum(m.metric in kpis for kpis in kpi_sets)
