"""The trainer dashboard: every drill with its score, trends, KPIs most often missed, plans due.

Scores come from the cached reviews (`DrillReview.report`), with the trainer's overrides of the
overall score or of a dimension applied; an ended drill not scored yet is reported as pending and
scored by its own request (`score_drill`), so one long drill never blocks the page.

A "team" is the set of people who held roles in a drill (its roster, whatever the roles): the
same people drilling again make the same team, so its trend shows whether that group improves.
A drill nobody was assigned to belongs to no team.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from app.accounts.models import Organisation, User
from app.core.db import utcnow
from app.drills import service as drills
from app.drills.clock import ClockStatus
from app.drills.models import Drill, DrillParticipant
from app.plans import service as plans
from app.plans.models import Plan, PlanVersion
from app.scoring import reviews
from app.scoring.core.overrides import apply_overrides
from app.scoring.models import DrillReview, MetricOverride

DIMENSIONS = ("responsiveness", "message_quality", "rumour_control", "process", "outcome")


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score and HSEEP rating, after any override."""

    key: str
    score: float | None
    rating: str | None
    overridden: bool = False


@dataclass(frozen=True)
class Scored:
    """What the dashboard shows of a drill's review."""

    overall: float
    rating: str
    overridden: bool
    dimensions: dict[str, DimensionScore]
    kpis: list[dict]


@dataclass
class DrillRow:
    """One drill of the organisation with its status, team and (when ended and scored) score."""

    drill: Drill
    plan_title: str
    status: str
    team: tuple[int, ...]
    team_label: str
    scored: Scored | None = None
    counts: bool = True  # a rehearsal that ran long enough: it belongs in the trends

    @property
    def pending(self) -> bool:
        """Ended but not scored yet."""
        return self.status == ClockStatus.ended and self.scored is None

    @property
    def when(self) -> datetime:
        """When the drill happened: its end, or its creation."""
        return drills.aware(self.drill.ended_at or self.drill.created_at)


def scored_of(report: dict, overrides: Sequence[MetricOverride]) -> Scored:
    """The report with the trainer's overrides applied exactly as the review applies them.

    An overridden metric changes its dimension and the overall, so the dashboard, the trends
    and the exports show the score the review shows, marked as overridden.
    """
    applied = apply_overrides(report, {o.metric: o.value for o in overrides})
    dimensions = {
        key: DimensionScore(key, dim.get("score"), dim.get("rating"), "computed_score" in dim)
        for key, dim in applied.get("dimensions", {}).items()
    }
    return Scored(
        overall=applied["overall"],
        rating=applied["rating"],
        overridden="computed_overall" in applied,
        dimensions=dimensions,
        kpis=applied.get("kpis", []),
    )


def scored_for(*, session: Session, review: DrillReview) -> Scored:
    """A cached review as the dashboard shows it."""
    overrides = session.exec(
        select(MetricOverride).where(MetricOverride.drill_id == review.drill_id)
    ).all()
    return scored_of(review.report, overrides)


def teams(*, session: Session, drill_ids: Sequence[int]) -> dict[int, tuple[tuple[int, ...], str]]:
    """Per drill: its team (sorted user ids of the roster) and the team's names."""
    rows = session.exec(
        select(DrillParticipant, User)
        .join(User, User.id == DrillParticipant.user_id)
        .where(col(DrillParticipant.drill_id).in_(drill_ids))
    ).all()
    people: dict[int, dict[int, str]] = defaultdict(dict)
    for participant, user in rows:
        people[participant.drill_id][user.id] = user.display_name
    return {
        drill_id: (tuple(sorted(names)), ", ".join(sorted(names.values())))
        for drill_id, names in people.items()
    }


def drill_rows(
    *, session: Session, org: Organisation, now: datetime | None = None, only: Drill | None = None
) -> list[DrillRow]:
    """Every drill of `org` (or `only` that one), newest first, with their cached scores."""
    now = now or utcnow()
    found = [only] if only else drills.list_drills(session=session, org=org)
    titles = dict(
        session.exec(select(Plan.id, Plan.title).where(Plan.organisation_id == org.id)).all()
    )
    by_drill = teams(session=session, drill_ids=[d.id for d in found])
    cached = {
        review.drill_id: review
        for review in session.exec(
            select(DrillReview).where(col(DrillReview.drill_id).in_([d.id for d in found]))
        )
    }
    rows = []
    for drill in found:
        team, label = by_drill.get(drill.id, ((), ""))
        current = drills.reading(session=session, drill=drill, now=now)
        review = cached.get(drill.id)
        scored = scored_for(session=session, review=review) if review else None
        row = DrillRow(drill, titles.get(drill.plan_id, ""), current.status, team, label, scored)
        row.counts = drills.counts_at(drill, current.sim_s)
        rows.append(row)
    return sorted(rows, key=lambda row: row.when, reverse=True)


def score_drill(*, session: Session, drill: Drill) -> Scored:
    """Score an ended drill now (cached for next time); Conflict if it has not ended."""
    return scored_for(session=session, review=reviews.review_of(session=session, drill=drill))


@dataclass
class Series:
    """One line of the trend chart: a plan's, a team's or the organisation's scores over time."""

    label: str
    points: list[tuple[datetime, float, Drill]] = field(default_factory=list)
    overridden: set[int] = field(default_factory=set)  # drills whose score a trainer overrode


def trend(rows: Sequence[DrillRow], all_label: str) -> dict[str, list[Series]]:
    """Scored drills that count grouped three ways: all, per plan, per team (oldest first)."""
    groups: dict[str, dict[object, Series]] = {"all": {}, "plan": {}, "team": {}}
    for row in sorted((r for r in rows if r.scored and r.counts), key=lambda r: r.when):
        point = (row.when, row.scored.overall, row.drill)
        keys = {"all": ("all", all_label), "plan": (row.drill.plan_id, row.plan_title)}
        if row.team:
            keys["team"] = (row.team, row.team_label)
        for group, (key, label) in keys.items():
            series = groups[group].setdefault(key, Series(label))
            series.points.append(point)
            if row.scored.overridden:
                series.overridden.add(row.drill.id)
    return {name: list(series.values()) for name, series in groups.items()}


def chart_data(groups: dict[str, list[Series]]) -> dict:
    """The trend as uPlot wants it per group: shared x (epoch seconds), one y list per series."""
    data = {}
    for name, series_list in groups.items():
        xs = sorted({int(p[0].timestamp()) for s in series_list for p in s.points})
        columns = []
        for series in series_list:
            by_x = {int(p[0].timestamp()): p[1] for p in series.points}
            columns.append([by_x.get(x) for x in xs])
        data[name] = {"labels": [s.label for s in series_list], "x": xs, "y": columns}
    return data


@dataclass
class MissedKpi:
    """A KPI and how often the organisation's scored drills missed it."""

    metric: str
    missed: int
    total: int
    latest: Drill | None = None
    latest_at: datetime | None = None


def missed_kpis(rows: Sequence[DrillRow]) -> list[MissedKpi]:
    """KPIs assessed in the scored drills that count (rehearsals, as in the trends), most often
    missed first (never-missed ones left out)."""
    found: dict[str, MissedKpi] = {}
    for row in sorted((r for r in rows if r.scored and r.counts), key=lambda r: r.when):
        for kpi in row.scored.kpis:
            if not kpi.get("assessed"):
                continue
            entry = found.setdefault(kpi["metric"], MissedKpi(kpi["metric"], 0, 0))
            entry.total += 1
            if not kpi.get("met"):
                entry.missed += 1
                entry.latest, entry.latest_at = row.drill, row.when
    ranked = [entry for entry in found.values() if entry.missed]
    return sorted(ranked, key=lambda e: (-e.missed / e.total, -e.missed, e.metric))


@dataclass(frozen=True)
class DuePlan:
    """A plan overdue for a drill, with where to set one up."""

    plan: Plan
    due_at: datetime
    last_drilled_at: datetime | None
    version_id: int | None


def overdue_plans(
    *, session: Session, org: Organisation, now: datetime | None = None
) -> list[DuePlan]:
    """The organisation's plans past their drill interval (never drilled: since creation)."""
    now = now or utcnow()
    due = []
    for plan in plans.list_plans(session=session, org=org):
        if not plans.is_overdue(plan, now):
            continue
        version_id = session.exec(
            select(PlanVersion.id)
            .where(PlanVersion.plan_id == plan.id)
            .order_by(col(PlanVersion.number).desc())
        ).first()
        last = plan.last_drilled_at and plans.as_aware(plan.last_drilled_at)
        due.append(DuePlan(plan, plans.next_drill_due(plan), last, version_id))
    return sorted(due, key=lambda d: d.due_at)
