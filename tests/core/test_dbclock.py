"""One clock for the deployment: processes whose machines disagree still read the same time."""

import time
from datetime import UTC, datetime, timedelta

from app.core import db, dbclock
from app.drills import service
from app.drills.clock import ClockEventKind
from tests.drills.helpers import make_team

SKEW_S = 7.5


def test_two_skewed_machines_agree_once_synchronised(engine):
    right = dbclock.DeploymentClock()
    skewed = dbclock.DeploymentClock(local=lambda: time.time() + SKEW_S)
    assert abs(skewed.sync(engine) + SKEW_S) < 0.5 and abs(right.sync(engine)) < 0.5
    assert abs((skewed.now() - right.now()).total_seconds()) < 0.2


def test_a_skewed_machine_reads_a_drill_at_the_same_simulated_second(engine, session, factory):
    team = make_team(session, factory)
    start = db.utcnow() - timedelta(seconds=30)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=start)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.speed, speed=60)
    right, skewed = dbclock.DeploymentClock(), dbclock.DeploymentClock(lambda: time.time() - SKEW_S)
    right.sync(engine), skewed.sync(engine)
    readings = [
        service.reading(session=session, drill=team.drill, now=c.now()) for c in (right, skewed)
    ]
    assert abs(readings[0].sim_s - readings[1].sim_s) < 60 * 0.2


def test_utcnow_is_the_deployment_clock(monkeypatch):
    monkeypatch.setattr(dbclock.DEPLOYMENT, "offset_s", 120.0)
    ahead = (db.utcnow() - datetime.now(UTC)).total_seconds()
    assert 119 < ahead < 121


def test_a_stalled_round_trip_does_not_skew_the_offset(engine):
    """A process descheduled between the query and its second stamp (a busy machine) would
    read the database as seconds behind; the shortest of several round trips is kept."""
    stalls = iter([0.0, 3.0])  # the first round trip's second stamp comes 3 s late
    stalled = dbclock.DeploymentClock(local=lambda: time.time() + next(stalls, 0.0))
    assert abs(stalled.sync(engine)) < 0.5
