"""The review page of a 2-hour drill (300 actions, about 500,000 posts) renders in < 300 ms.

The drill's review is computed once (cold: scoring the record and streaming the storm into
per-minute buckets) and cached; the page then renders from the cache. Both are timed: the
cold figure is scoring the scoring benchmark's record plus building the timeline from a storm
scaled to the storm benchmark's volume; the page figure is a TestClient GET on a migrated
SQLite database, signed in as the demo trainer.
"""

import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app import demo
from app.accounts.models import Organisation, User
from app.core import migrate
from app.core.db import make_engine, utcnow
from app.core.settings import Settings
from app.drills import service as drills
from app.drills.clock import ClockEventKind
from app.drills.models import DrillCreate
from app.main import create_app
from app.plans import service as plans
from app.scoring.core import parse_record, score_record
from app.scoring.models import DrillReview
from app.scoring.timeline import build_timeline
from app.storm import Storm
from app.storm.types import action_from_record
from benchmarks.bench_scoring import big_record
from benchmarks.bench_storm import DRILL_S
from benchmarks.table import Result
from tests.factories import csrf_from
from tests.storm.sample import sample_scenario

GOAL_MS = 300
SCALE = 110  # the storm sample with these 300 actions: about 500,000 posts in 2 hours
RUNS = 7
TRAINER = "trainer@demo.stormdrill.test"


def cold_review() -> tuple[dict, dict, float, int]:
    """Score the big record and build its timeline: (report, timeline, seconds, posts)."""
    record = big_record()
    record["duration_s"] = DRILL_S
    start = time.perf_counter()
    report = score_record(parse_record(record)).model_dump(mode="json")
    storm = Storm(sample_scenario(), 7, volume_scale=SCALE)
    actions = [action_from_record(a) for a in record["actions"]]
    timeline = build_timeline(storm=storm, storm_actions=actions, record=record, duration_s=DRILL_S)
    return report, timeline, time.perf_counter() - start, sum(timeline["volume"])


def reviewed_drill(url: str, report: dict, timeline: dict) -> int:
    """A demo drill, ended, whose cached review is the big one."""
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        demo.load_demo(session)
        org = session.exec(select(Organisation)).one()
        trainer = session.exec(select(User).where(User.email.startswith("trainer@"))).one()
        plan = plans.list_plans(session=session, org=org)[0]
        version = plans.list_versions(session=session, plan=plan)[0]
        drill_in = DrillCreate(plan_version_id=version.id, scenario_id="data-breach", seed=7)
        drill = drills.create_drill(session=session, org=org, user=trainer, drill_in=drill_in)
        start = utcnow() - timedelta(hours=3)
        drills.control(session=session, drill=drill, kind=ClockEventKind.start, now=start)
        drills.control(session=session, drill=drill, kind=ClockEventKind.end, now=utcnow())
        session.add(DrillReview(drill_id=drill.id, report=report, timeline=timeline))
        session.commit()
        drill_id = drill.id
    engine.dispose()
    return drill_id


def page_ms(url: str, drill_id: int) -> float:
    """Median wall time of GET /drills/{id}/review, after one warm-up request."""
    settings = Settings(environment="test", secret_key="bench", database_url=url)
    with TestClient(create_app(settings)) as client:
        token = csrf_from(client.get("/login").text)
        login = {"email": TRAINER, "password": demo.DEMO_PASSWORD, "csrf_token": token}
        client.post("/login", data=login, follow_redirects=False)
        assert client.get(f"/drills/{drill_id}/review").status_code == 200
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(f"/drills/{drill_id}/review")
            timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def run() -> list[Result]:
    """The cold review time and the cached review page's render time."""
    report, timeline, cold_s, posts = cold_review()
    with tempfile.TemporaryDirectory(prefix="stormdrill-bench-") as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        migrate.upgrade(url)
        median_ms = page_ms(url, reviewed_drill(url, report, timeline))
    return [
        Result(
            benchmark="review",
            metric=f"first review, cold: score + {posts:,} posts bucketed",
            value=cold_s * 1000,
            unit="ms",
            goal="(reported)",
            ok=True,
        ),
        Result(
            benchmark="review",
            metric="review page render, 300 actions (median)",
            value=median_ms,
            unit="ms",
            goal=f"< {GOAL_MS} ms",
            ok=median_ms < GOAL_MS,
        ),
    ]
