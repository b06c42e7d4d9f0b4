"""The live cache holds the drills being played, and lets go of the others."""

import asyncio

import pytest
from sqlmodel import Session

from app.drills.export import storm_for
from app.drills.livecache import FRESH_S, IDLE_S, LiveCache, Reloads, refresh_forever
from tests.drills.helpers import make_team


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_idle_drill_is_forgotten_and_a_driven_one_kept(session: Session, factory):
    clock = Clock()
    cache = LiveCache(clock=clock)
    played = make_team(session, factory).drill
    left = make_team(session, factory).drill
    cache.load(session=session, drill=played)
    cache.load(session=session, drill=left)

    clock.now += IDLE_S / 2
    assert cache.prune({played.id}) == []  # both still within the grace period

    clock.now += IDLE_S
    assert cache.prune({played.id}) == [left.id]
    assert set(cache.snapshots) == {played.id}
    assert cache.source(played.id).storm() is storm_for(played)


def test_a_reload_restarts_the_grace_period(session: Session, factory):
    clock = Clock()
    cache = LiveCache(clock=clock)
    drill = make_team(session, factory).drill
    cache.load(session=session, drill=drill)
    clock.now += IDLE_S - 1
    cache.load(session=session, drill=drill)
    clock.now += IDLE_S - 1
    assert cache.prune(set()) == []
    clock.now += 2
    assert cache.prune(set()) == [drill.id]
    assert cache.snapshots == {} and cache.loaded_at == {}


def test_a_console_joining_a_followed_drill_costs_no_load(session: Session, factory):
    clock = Clock()
    cache = LiveCache(clock=clock)
    drill = make_team(session, factory).drill
    cache.ensure(session=session, drill=drill, followed=True)  # missing: loaded
    first = cache.snapshots[drill.id]

    clock.now += 10 * FRESH_S
    cache.ensure(session=session, drill=drill, followed=True)  # kept current by what it hears
    assert cache.snapshots[drill.id] is first

    cache.ensure(session=session, drill=drill, followed=False)  # may have changed unheard
    assert cache.snapshots[drill.id] is not first
    assert cache.loaded_at[drill.id] == clock.now


def test_a_drill_not_followed_is_loaded_again_only_once_stale(session: Session, factory):
    clock = Clock()
    cache = LiveCache(clock=clock)
    drill = make_team(session, factory).drill
    cache.ensure(session=session, drill=drill, followed=False)
    first = cache.snapshots[drill.id]
    clock.now += FRESH_S / 2
    cache.ensure(session=session, drill=drill, followed=False)
    assert cache.snapshots[drill.id] is first
    clock.now += FRESH_S
    cache.ensure(session=session, drill=drill, followed=False)
    assert cache.snapshots[drill.id] is not first


@pytest.mark.anyio
async def test_the_refresh_loop_reloads_driven_drills_and_prunes_the_rest():
    calls: list[tuple] = []

    class Recording:
        def prune(self, driven: set[int]) -> list[int]:
            calls.append(("prune", driven))
            return []

        def reload(self, engine, ids: list[int]) -> None:
            calls.append(("reload", ids))

    driven = [{3, 1}, set()]
    task = asyncio.create_task(
        refresh_forever(Recording(), None, lambda: driven[0] if len(calls) < 2 else driven[1], 0)
    )
    while len(calls) < 3:
        await asyncio.sleep(0.01)
    task.cancel()
    assert calls[:3] == [("prune", {1, 3}), ("reload", [1, 3]), ("prune", set())]


@pytest.mark.anyio
async def test_changes_heard_together_are_reloaded_together_once():
    reloaded: list[list[int]] = []

    class Recording:
        def reload(self, engine, ids: list[int]) -> None:
            reloaded.append(ids)

    reloads = Reloads(Recording(), None)
    for drill_id in (4, 2, 4):
        reloads.request(drill_id)
    task = asyncio.create_task(reloads.forever())
    while not reloaded:
        await asyncio.sleep(0.01)
    reloads.request(7)
    while len(reloaded) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    assert reloaded == [[2, 4], [7]]
