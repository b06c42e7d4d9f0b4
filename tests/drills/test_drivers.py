"""Drivers: supervised, stopped with their consoles, and resumed exactly by a takeover."""

import asyncio
import json
import math
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.drills import sse
from app.drills.broker import InMemoryBroker
from app.drills.events import Event
from app.drills.feed import Feed
from app.drills.live import DriverHub
from app.storm.types import Action
from tests.drills import test_live
from tests.drills.test_live import PEAK_S, START, FakeSource, clock_from, posts_of, run_feed, take

# Real-time hubs with lock TTLs of a fraction of a second: run after the parallel part of
# `make test`, with a core of their own, so that a lock lapses when a test means it to.
pytestmark = [pytest.mark.anyio, pytest.mark.serial]
storm = test_live.storm  # the sample storm fixture, twenty times its volume


def render(post) -> str:
    return f'<article id="{post.id}" data-at="{post.at_s}"></article>'


def hub_on(storm, broker, source=None, **options) -> DriverHub:
    source = source or FakeSource(storm, START)
    return DriverHub(broker, lambda _: source, render, now=clock_from(START), **options)


@settings(max_examples=15, deadline=None)
@given(cut=st.integers(1, 25), rate=st.integers(2, 12))
def test_a_resumed_feed_neither_skips_nor_repeats_a_post(cut, rate):
    storm = test_live.small_storm()
    source = FakeSource(storm, START)
    first = Feed(storm, PEAK_S, max_per_s=rate)
    before = run_feed(first, source, cut * 0.2)
    resumed = Feed.resume(storm, json.loads(json.dumps(first.progress())), max_per_s=rate)
    after = [e for e in run_feed(resumed, source, 8) if e[1] > first.shown_s]
    shown = [p.id for p in posts_of(before) + posts_of(after)]
    until = after[-1][1]
    assert len(shown) == len(set(shown))
    hidden = resumed.summary(until)["hidden_total"]
    assert len(shown) + hidden == len(storm.posts([], PEAK_S, until))


async def test_closing_the_frames_closes_the_subscription_at_once():
    closed: list[int] = []

    class Source:
        async def subscribe(self, drill_id: int, last_event_id: str | None):
            try:
                while True:
                    yield Event("1", "post", "x")
                    await asyncio.sleep(0)
            finally:
                closed.append(drill_id)

    frames = sse.frames(sse.OneByOne(Source()), 4, None)
    await anext(frames)
    await frames.aclose()
    assert closed == [4]


@dataclass
class Flaky(FakeSource):
    """A drill whose clock cannot be read the first `failures` times."""

    failures: int = 1

    def clock_reading(self, now):
        if self.failures:
            self.failures -= 1
            raise LookupError("drill not loaded yet")
        return super().clock_reading(now)


async def test_a_failed_driver_is_restarted(storm):
    hub = hub_on(storm, InMemoryBroker(), Flaky(storm, START))
    console = hub.subscribe(1, None)
    try:
        got = await take(console, 5)
        assert "clock" in {e.name for e in got} and hub.active() == {1}
    finally:
        await console.aclose()
        await hub.close()


async def test_a_driver_stops_with_the_last_console_of_its_process(storm):
    hub = hub_on(storm, InMemoryBroker())
    console = hub.subscribe(2, None)
    await take(console, 3)
    await console.aclose()
    await asyncio.sleep(0.05)
    assert hub.drivers == {} and hub.active() == set()


async def all_events_until(stream, sim_s: float) -> list[Event]:
    """The events of a stream up to the first clock event at or after `sim_s`."""
    seen: list[Event] = []
    while True:
        event = (await take(stream, 1, timeout=6))[0]
        seen.append(event)
        if event.name == "clock" and json.loads(event.data)["sim_s"] >= sim_s:
            return seen


@pytest.mark.parametrize("departure", ["killed", "last console left"])
async def test_a_takeover_resumes_from_the_last_second_published(storm, broker_of_redis, departure):
    now = clock_from(START)
    hubs = [
        DriverHub(broker_of_redis, lambda _: FakeSource(storm, START), render, now=now,
                  lock_ttl_ms=600)
        for _ in range(2)
    ]  # fmt: skip
    driving = hubs[0].subscribe(5, None)
    await take(driving, 1)
    standby = hubs[1].subscribe(5, "0-0")  # from the stream's first event
    try:
        seen = await all_events_until(standby, PEAK_S + 10)
        if departure == "killed":
            hubs[0].broker = Crashed(broker_of_redis)
            hubs[0].drivers[5].cancel()  # as kill -9: the lock stays until its TTL
        else:
            await driving.aclose()  # its driver stops and gives the lock back
        seen += await all_events_until(standby, PEAK_S + 40)
        assert hubs[1].takeovers == 1 and 5 in hubs[1].drivers
    finally:
        for console in (driving, standby):
            await console.aclose()
        for hub in hubs:
            await hub.close()
    clocks = [json.loads(e.data) for e in seen if e.name == "clock"]
    summaries = [json.loads(e.data) for e in seen if e.name == "feed-summary"]
    shown = [e.data for e in seen if e.name == "post"]
    until = clocks[-1]["sim_s"]
    assert len(shown) == len(set(shown)) and summaries[-1]["sim_s"] == until
    everything = storm.posts([], clocks[0]["sim_s"], until)
    assert len(shown) + summaries[-1]["hidden_total"] == len(everything)
    assert [c["sim_s"] for c in clocks] == sorted(c["sim_s"] for c in clocks)


class Crashed:
    """A broker as seen by a killed process: it never gives its lock back."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    async def release(self, drill_id: int, token: str) -> None:
        """A killed process releases nothing."""


class Counting:
    """A broker that counts the lock claims made through it."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.claims = 0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    async def claim(self, drill_id: int, token: str, ttl_ms: int) -> bool:
        self.claims += 1
        return await self.inner.claim(drill_id, token, ttl_ms)


async def test_a_standby_driver_leaves_the_broker_alone_while_the_holder_publishes(
    storm, broker_of_redis
):
    """The holder publishes a clock event every second; the other process's driver tried the
    lock every second all the same (three Redis commands each, per drill). It now waits for
    the drill's stream to fall quiet."""
    hubs = [hub_on(storm, broker_of_redis) for _ in range(2)]
    driving = hubs[0].subscribe(6, None)
    await take(driving, 1)
    counting = hubs[1].broker = Counting(broker_of_redis)
    standby = hubs[1].subscribe(6, None)
    try:
        clocks = 0
        while clocks < 6:
            clocks += (await take(standby, 1, timeout=6))[0].name == "clock"
        assert counting.claims <= 2  # its first try, and at most one after a slow second
        assert hubs[1].takeovers == 0
    finally:
        for console in (driving, standby):
            await console.aclose()
        for hub in hubs:
            await hub.close()


@settings(max_examples=25, deadline=None)
@given(
    starts=st.lists(st.floats(0, 5, allow_nan=False), min_size=2, max_size=4),
    late=st.floats(0, 0.3, allow_nan=False),
)
def test_every_drills_clock_goes_out_on_the_same_whole_seconds(starts, late):
    storm = test_live.small_storm()
    sent: list[list[float]] = []
    for start in starts:
        feed, times, now = Feed(storm, PEAK_S), [], 1_000.0 + start
        while now < 1_012:
            if any(name == "clock" for name, _ in feed.step(now, "running", PEAK_S, 10, [])):
                times.append(now)
            now += 0.05 + late * (len(times) % 2)  # steps come late now and then
        sent.append([t for t in times if t >= 1_007])  # after the first, shifted one
    for times in sent:
        assert all(0.5 <= b - a <= 1.5 for a, b in zip(times, times[1:], strict=False))
        assert {math.floor(t) for t in times} == {math.floor(t) for t in sent[0]}


def test_a_feed_says_when_a_step_will_regenerate_its_lookahead():
    feed = Feed(test_live.small_storm(), PEAK_S)
    note = Action(at_s=PEAK_S, kind="note", text="internal")
    statement = Action(at_s=PEAK_S + 1, kind="statement", text="We are sorry.", id="act-2")
    assert not feed.will_regenerate([])
    assert not feed.will_regenerate([note])  # the audience never sees a note
    feed.step(1_000.0, "running", PEAK_S + 2, 10, [note])
    assert feed.will_regenerate([note, statement])
    assert feed.will_regenerate([note], {"inject-1": PEAK_S})  # an inject fired early
    feed.step(1_000.2, "running", PEAK_S + 4, 10, [note, statement])
    assert not feed.will_regenerate([note, statement])
