"""The demo data: `stormdrill demo` twice loads once, with reviewed drills the dashboard shows."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app import cli
from app.accounts.models import Organisation
from app.core import migrate
from app.core.db import make_engine
from app.drills.models import Drill, DrillAction, DrillParticipant
from app.plans import service as plans
from app.scoring import dashboard, improvements
from app.scoring.models import DrillReview, ImprovementItem, MetricOverride, ReviewAnnotation


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Session]:
    """A fresh database where `stormdrill demo` ran twice."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('demo')) / 'demo.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    patch = pytest.MonkeyPatch()
    patch.setattr("app.core.db.get_engine", lambda: engine)
    runner = CliRunner()
    first = runner.invoke(cli.app, ["demo"])
    second = runner.invoke(cli.app, ["demo"])
    assert first.exit_code == 0 and "trainer@demo.stormdrill.test" in first.output, first.output
    assert "demo not loaded" in second.output
    with Session(engine) as session:
        yield session
    patch.undo()
    engine.dispose()


def count(session: Session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_demo_loads_once_with_four_reviewed_drills(demo_db):
    assert count(demo_db, Organisation) == 1
    assert count(demo_db, Drill) == 4
    assert count(demo_db, DrillReview) == 4
    assert count(demo_db, DrillParticipant) == 12
    assert count(demo_db, DrillAction) > 30
    assert count(demo_db, ReviewAnnotation) == 2 and count(demo_db, MetricOverride) == 1
    assert all(r.summary for r in demo_db.exec(select(DrillReview)))
    drills = demo_db.exec(select(Drill)).all()
    assert {d.language for d in drills} == {"en", "fr"}
    assert len({d.scenario_id for d in drills}) == 3 and len({d.seed for d in drills}) == 4


def test_demo_dashboard_shows_a_rising_trend_an_overdue_plan_and_items(demo_db):
    org = demo_db.exec(select(Organisation)).one()
    rows = dashboard.drill_rows(session=demo_db, org=org)
    assert len(rows) == 4 and all(row.scored for row in rows)
    scores = [row.scored.overall for row in sorted(rows, key=lambda r: r.when)]
    assert scores[-1] > scores[0] + 20
    assert len(dashboard.trend(rows, "All")["team"]) == 2
    assert dashboard.missed_kpis(rows)
    [due] = dashboard.overdue_plans(session=demo_db, org=org)
    assert due.plan.languages == ["fr"]
    for plan in plans.list_plans(session=demo_db, org=org):
        last = max(r.drill.ended_at for r in rows if r.drill.plan_id == plan.id)
        assert plans.as_aware(plan.last_drilled_at) == plans.as_aware(last)
    statuses = sorted(
        (i.status, i.done_change_id is not None) for i in demo_db.exec(select(ImprovementItem))
    )
    assert statuses == [("done", True), ("open", False), ("open", False)]
    overdue = sum(
        late for _open, late in improvements.open_counts(session=demo_db, org=org).values()
    )
    assert overdue == 1
