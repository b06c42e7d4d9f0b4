"""One real `stormdrill serve` process on a SQLite file, the default set-up (issue 10, part 4):
more consoles open than a connection pool holds, and a team posting at the same moment, with
no error, every action shown on every console, and other requests still answered."""

import asyncio
import time

from tests.live.harness.clients import Console, close_all, open_consoles
from tests.live.harness.cluster import Cluster, cluster
from tests.live.harness.loop import run_bounded
from tests.live.harness.measure import Action, action_delays, lost_and_doubled

CONSOLES = 20  # past the ~16 open consoles that stalled a SQLite process in issue 10
NOTES_EACH = 15
ANSWER_S = 2.0
TEST_BOUND_S = 50.0


def test_a_team_posting_at_once_on_sqlite_with_many_consoles_open_gets_no_error():
    with cluster("sqlite", scenario_id="tutorial", speed=30) as deployment:
        run_bounded(crowded(deployment), TEST_BOUND_S)


async def crowded(deployment: Cluster) -> None:
    server = deployment.servers[0]
    drill = deployment.seeded.drill_ids[0]
    trainer = await deployment.sign_in(deployment.seeded.trainer, server)
    team = [await deployment.sign_in(e, server) for e in deployment.seeded.members[drill][:2]]
    await deployment.start_drill(trainer, drill, server)
    stop = asyncio.Event()
    consoles = [Console(team[n % 2], server.base, drill) for n in range(CONSOLES)]
    tasks = await open_consoles(consoles, stop)
    url = f"{server.base}/api/drills/{drill}/actions"

    async def note(person, marker: str) -> Action:
        return Action(drill, marker, await person.post(url, {"kind": "note", "text": marker}))

    notes = [note(p, f"at-once-{n}-{k}") for k in range(NOTES_EACH) for n, p in enumerate(team)]
    actions = await asyncio.gather(*notes)
    asked = time.monotonic()
    reading = await trainer.client.get(f"{server.base}/api/drills/{drill}")
    answered_in = time.monotonic() - asked
    await asyncio.sleep(2)
    await close_all(stop, tasks, trainer, *team)
    failed = [
        (a.marker, a.answer.status, a.answer.body[:120]) for a in actions if a.answer.status != 201
    ]
    assert not failed, (
        f"{len(failed)} of {len(actions)} simultaneous actions failed: {failed}; "
        f"server exceptions: {deployment.exceptions()}"
    )
    assert reading.status_code == 200 and answered_in < ANSWER_S, (
        f"with {CONSOLES} consoles open, reading the drill answered {reading.status_code} "
        f"in {answered_in:.1f} s"
    )
    _, missing = action_delays(actions, consoles)
    assert not missing, f"{len(missing)} (action, console) pairs never delivered: {missing[:5]}"
    assert lost_and_doubled(consoles) == (0, 0), "consoles of the drill disagree on its events"


STAMPEDE = 120  # consoles opening at the same moment: past the 40 threads and 30 connections


def test_more_consoles_opening_at_once_than_threads_and_connections_all_get_their_stream():
    """Each synchronous dependency takes a thread and the request's session a connection: with
    more requests in flight than either, they used to wait for each other until the pool's
    timeout turned every request into a 500. The admission gate makes them queue instead."""
    with cluster("sqlite", scenario_id="tutorial", speed=30) as deployment:
        run_bounded(stampede(deployment), TEST_BOUND_S)


async def stampede(deployment: Cluster) -> None:
    server = deployment.servers[0]
    drill = deployment.seeded.drill_ids[0]
    trainer = await deployment.sign_in(deployment.seeded.trainer, server)
    member = await deployment.sign_in(deployment.seeded.members[drill][0], server)
    await deployment.start_drill(trainer, drill, server)
    stop = asyncio.Event()
    consoles = [Console(member, server.base, drill) for _ in range(STAMPEDE)]
    tasks = await open_consoles(consoles, stop)
    asked = time.monotonic()
    reading = await trainer.client.get(f"{server.base}/api/drills/{drill}")
    answered_in = time.monotonic() - asked
    await close_all(stop, tasks, trainer, member)
    assert reading.status_code == 200 and answered_in < ANSWER_S, (
        f"with {STAMPEDE} consoles open, reading the drill answered {reading.status_code} "
        f"in {answered_in:.1f} s; server exceptions: {deployment.exceptions()}"
    )
    assert not deployment.exceptions(), deployment.exceptions()
