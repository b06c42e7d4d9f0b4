"""Two real `stormdrill serve` processes on a fresh PostgreSQL database and a Redis of their own
(issue 10, part 4): the same events reach consoles on both, a kill -9 of the process driving a
drill skips and doubles nothing, neither does a stop of it (SIGTERM, as systemd sends), which
exits at once, and a Redis restart answers no 500 and loses no action.

PostgreSQL must answer on 127.0.0.1:5432 (or at STORMDRILL_TEST_DATABASE_URL's server) and
redis-server must be installed: without them these tests skip, or fail when CI=true.
"""

import asyncio
import signal
import time
from collections.abc import Iterator

import pytest

from tests.live.harness.clients import Console, Participant, close_all, open_consoles
from tests.live.harness.cluster import Cluster, cluster
from tests.live.harness.loop import run_bounded
from tests.live.harness.measure import Action, action_delays, lost_and_doubled
from tests.live.harness.servers import AppServer
from tests.live.harness.takeover import Takeover, end_the_driver

SPEED = 30  # the tutorial's 600 simulated seconds in 20 real ones, every post shown
TAKEOVER_S = 5.0
STOP_S = 5.0  # SIGTERM to exit: streams closed, drivers and readers stopped, lock released
WATCH_S = 6.0  # after a stop: the takeover and the new driver's first posts
OUTAGE_S = 5.0  # as long as the outage issue 10 measured
DELIVERY_S = 10.0
TEST_BOUND_S = 50.0
SERVER_ERRORS = set(range(500, 600)) - {503}  # 503: refused and not stored, as allowed


@pytest.fixture(scope="module")
def pg() -> Iterator[Cluster]:
    """Two processes on PostgreSQL + Redis, with one tutorial drill per test."""
    with cluster("postgres", drills=4, scenario_id="tutorial", speed=SPEED) as deployment:
        yield deployment


def run(scenario):
    """Run one async scenario, bounded in time; its result."""
    return run_bounded(scenario, TEST_BOUND_S)


async def note(person: Participant, base: str, drill_id: int, marker: str) -> Action:
    """Post a decision note (not public, so the storm is unchanged) through the real API."""
    url = f"{base}/api/drills/{drill_id}/actions"
    return Action(drill_id, marker, await person.post(url, {"kind": "note", "text": marker}))


def test_the_same_events_reach_consoles_on_both_processes(pg: Cluster):
    run(same_events(pg))


async def same_events(pg: Cluster) -> None:
    app1, app2 = pg.servers
    drill = pg.seeded.drill_ids[0]
    trainer = await pg.sign_in(pg.seeded.trainer, app1)
    member = await pg.sign_in(pg.seeded.members[drill][0], app2)
    await pg.start_drill(trainer, drill, app1)
    stop = asyncio.Event()
    consoles = [Console(member, server.base, drill) for server in (app1, app2, app1, app2)]
    tasks = await open_consoles(consoles, stop)
    actions = []
    for number in range(6):
        server = pg.servers[number % 2]
        actions.append(await note(member, server.base, drill, f"same-events-{number}"))
        await asyncio.sleep(0.3)
    await asyncio.sleep(3)
    await close_all(stop, tasks, trainer, member)
    refused = [
        (a.marker, a.answer.status, a.answer.body[:200]) for a in actions if a.answer.status != 201
    ]
    assert not refused, f"actions refused: {refused}; server exceptions: {pg.exceptions()}"
    _, missing = action_delays(actions, consoles)
    assert not missing, f"team-action events that never reached a console: {missing}"
    lost, doubled = lost_and_doubled(consoles, key=lambda c: c.drill_id)
    assert (lost, doubled) == (0, 0), (
        f"consoles of one drill on two processes disagree: {lost} events missing on one console "
        f"that another got in the same span, {doubled} received twice"
    )


def test_a_kill_9_of_the_driving_process_skips_and_doubles_nothing(pg: Cluster):
    app1 = pg.servers[0]
    try:
        seen = run(end_the_driver(pg, pg.seeded.drill_ids[1], 600 / SPEED))
    finally:
        if not app1.alive:
            app1.start()
    for view in seen:
        check_takeover(view)


def test_a_stop_of_the_driving_process_is_prompt_and_skips_nothing(pg: Cluster):
    """`systemctl stop` (or restart) of the process driving a drill, consoles open on both:
    it exits cleanly at once, and the other process's driver goes on with no gap."""
    app1, ended = pg.servers[0], {}

    def stop(server: AppServer) -> None:
        ended["status"], ended["seconds"] = server.stop_as_systemd(within_s=3 * STOP_S)

    try:
        seen = run(end_the_driver(pg, pg.seeded.drill_ids[3], 600 / SPEED, stop, WATCH_S))
    finally:
        if not app1.alive:
            app1.start()
    # uvicorn re-raises the signal once it has shut down: ended by SIGTERM, which systemd
    # counts as a clean exit of a service it stopped.
    assert ended["status"] in (0, -signal.SIGTERM), (
        f"SIGTERM: exit status {ended['status']}\n{pg.logs()}"
    )
    assert ended["seconds"] < STOP_S, f"SIGTERM: exited after {ended['seconds']:.1f} s"
    for view in seen:
        check_takeover(view, to_the_end=False)


def check_takeover(view: Takeover, *, to_the_end: bool = True) -> None:
    """Resumed within TAKEOVER_S, clock never backwards, every storm post once (to the end,
    unless `to_the_end` is False: then up to the last event received)."""
    where = view.console
    assert view.waited_s is not None, f"{where}: no event at all after the driver stopped"
    assert view.waited_s < TAKEOVER_S, f"{where}: first event {view.waited_s:.1f} s after the stop"
    assert not view.backwards, f"{where}: the clock went backwards: {view.backwards}"
    if to_the_end:
        assert view.ended, f"{where}: the feed stopped at T+{view.sims[-1]:.0f}s, never ended"
    assert not view.counter_drops, f"{where}: 'posts not shown' went down: {view.counter_drops}"
    assert view.skipped == 0, (
        f"{where}: {view.skipped} of {view.expected} posts and injects due between "
        f"T+{view.hidden[0][0]:.0f}s and T+{view.hidden[-1][0]:.0f}s neither reached the console "
        f"nor were counted as not shown (the driving process stopped at about "
        f"T+{view.killed_sim:.0f}s); "
        f"not received: {view.missing}, counted as not shown: "
        f"{view.hidden[-1][1] - view.hidden[0][1]}"
    )
    assert not view.doubled, f"{where}: posts or injects sent twice: {view.doubled}"


def test_a_redis_restart_answers_no_500_and_loses_no_action(pg: Cluster):
    try:
        run(redis_restart(pg))
    finally:
        if not pg.redis.answers():
            pg.redis.start()


async def redis_restart(pg: Cluster) -> None:
    app1, app2 = pg.servers
    drill = pg.seeded.drill_ids[2]
    trainer = await pg.sign_in(pg.seeded.trainer, app1)
    member = await pg.sign_in(pg.seeded.members[drill][0], app1)
    await pg.start_drill(trainer, drill, app1)
    stop = asyncio.Event()
    consoles = [Console(member, server.base, drill) for server in (app1, app2)]
    tasks = await open_consoles(consoles, stop)
    actions = [await note(member, app1.base, drill, "before-outage")]
    pg.redis.kill()
    outage_end = time.monotonic() + OUTAGE_S
    number = 0
    while time.monotonic() < outage_end:
        server = pg.servers[number % 2]
        actions.append(await note(member, server.base, drill, f"during-outage-{number}"))
        number += 1
        await asyncio.sleep(0.2)
    newcomer = Participant(pg.seeded.members[drill][1])
    sign_in = await newcomer.sign_in(app2.base, pg.seeded.password)
    pg.redis.start()
    actions.append(await note(member, app2.base, drill, "after-outage"))
    await wait_for_delivery(actions, consoles)
    stored = await stored_notes(member, app1.base, drill)
    await close_all(stop, tasks, trainer, member, newcomer)
    check_outage(pg, actions, consoles, stored, sign_in)


async def wait_for_delivery(actions: list[Action], consoles: list[Console]) -> None:
    """Wait up to DELIVERY_S for every acknowledged action's event on every console."""
    deadline = time.monotonic() + DELIVERY_S
    while action_delays(actions, consoles)[1] and time.monotonic() < deadline:
        await asyncio.sleep(0.2)


async def stored_notes(person: Participant, base: str, drill_id: int) -> list[str]:
    """The texts of the drill's stored actions, through the API."""
    answer = await person.client.get(f"{base}/api/drills/{drill_id}/actions")
    assert answer.status_code == 200, f"listing the actions: {answer.status_code} {answer.text}"
    return [row["text"] for row in answer.json()]


def check_outage(pg, actions: list[Action], consoles, stored: list[str], sign_in: int) -> None:
    """No 5xx but 503; acknowledged means stored once and delivered; 503 means not stored."""
    errors = [a for a in actions if a.answer.status == 0 or a.answer.status in SERVER_ERRORS]
    acked = [a.marker for a in actions if a.answer.status == 201]
    refused = [a.marker for a in actions if a.answer.status == 503]
    undelivered = action_delays(actions, consoles)[1]
    checks = [
        (not errors, f"{len(errors)} of {len(actions)} actions answered a server error other "
         f"than 503 (0: no answer), {sum(a.marker in stored for a in errors)} of them stored all "
         f"the same: {[(a.marker, a.answer.status) for a in errors]}"),
        (sign_in != 0 and sign_in not in SERVER_ERRORS,
         f"a sign-in during the Redis outage answered {sign_in or 'nothing'}"),
        (not any(500 in c.statuses for c in consoles),
         f"the events route answered 500: {[c.url for c in consoles if 500 in c.statuses]}"),
        (len(stored) == len(set(stored)),
         f"actions stored twice: {sorted({t for t in stored if stored.count(t) > 1})}"),
        (set(acked) <= set(stored),
         f"actions acknowledged (201) but not stored: {sorted(set(acked) - set(stored))}"),
        (not set(refused) & set(stored),
         f"actions refused with 503 but stored: {sorted(set(refused) & set(stored))}"),
        (not undelivered, f"acknowledged actions whose event reached no console "
         f"{DELIVERY_S:.0f} s after Redis came back: {undelivered}"),
    ]  # fmt: skip
    failed = [message for ok, message in checks if not ok]
    failed += [f"server exceptions: {pg.exceptions()}"] if failed else []
    assert not failed, "after a Redis restart:\n- " + "\n- ".join(failed)


COLD_DRILLS = 6
COLD_CONSOLES = 12  # per drill, all on the process that did not start the drills


def test_actions_are_answered_while_a_team_opens_its_consoles_on_the_other_process():
    """The process that did not start the drills has none of their storms built. Its consoles
    used to build one each while holding the admission slots (150 consoles: tens of seconds),
    and every action sent to it got no answer until they were done. Now the driver builds each
    storm once, off any request, and streams wait in a lane of half the slots."""
    with cluster(
        "postgres", drills=COLD_DRILLS, scenario_id="service-outage", speed=10
    ) as deployment:
        run(cold_process(deployment))


async def cold_process(deployment: Cluster) -> None:
    app1, app2 = deployment.servers
    drills = deployment.seeded.drill_ids
    trainer = await deployment.sign_in(deployment.seeded.trainer, app1)
    members = {d: await deployment.sign_in(deployment.seeded.members[d][0], app2) for d in drills}
    for drill in drills:
        await deployment.start_drill(trainer, drill, app1)
    stop = asyncio.Event()
    consoles = [Console(members[d], app2.base, d) for d in drills for _ in range(COLD_CONSOLES)]
    tasks = [asyncio.create_task(console.run(stop)) for console in consoles]
    await asyncio.sleep(0.5)  # the consoles' requests are in (or queued) before the actions
    actions = await asyncio.gather(
        *(note(members[d], app2.base, d, f"cold-{d}-{n}") for d in drills for n in range(2))
    )
    await asyncio.sleep(DELIVERY_S / 2)
    await close_all(stop, tasks, trainer, *members.values())
    statuses = sorted(action.answer.status for action in actions)
    assert statuses == [201] * len(actions), (
        f"actions answered {statuses} (0: none within the client's 10 s) while "
        f"{len(consoles)} consoles opened; exceptions: {deployment.exceptions()}"
    )
    assert all(console.events for console in consoles), "a console got no event"
    assert not deployment.exceptions(), deployment.exceptions()
