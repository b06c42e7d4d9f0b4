"""The live feed: display sampling (pure), the driver hub, and the SSE helper in a demo app."""

import asyncio
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from unittest.mock import patch

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sse_starlette import EventSourceResponse
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Route

from app.drills.broker import Broker, InMemoryBroker
from app.drills.live import DriverHub, Feed, priority
from app.drills.sse import OneByOne, event_stream
from app.storm import Storm
from app.storm.types import Action, Author, Post
from tests.drills.brokers import reachable_redis, redis_broker
from tests.drills.sse_client import read_sse
from tests.storm.sample import sample_scenario

START = datetime.now(UTC).replace(microsecond=0)
PEAK_S = 2400.0
REPLY = Action(at_s=PEAK_S + 20, kind="statement", text="We are recalling lots 4 and 5.")


@pytest.fixture(scope="module")
def storm() -> Storm:
    """The sample storm, twenty times its volume, so the display has to choose."""
    return Storm(sample_scenario(), 7, "Laiterie Morvan", "en", volume_scale=20)


@dataclass
class FakeSource:
    """A drill whose clock runs from `offset_s` at `speed` since `start`, until `end_s`."""

    storm_: Storm
    start: datetime
    speed: float = 10.0
    offset_s: float = PEAK_S
    end_s: float = 3600.0
    acts: list[Action] = field(default_factory=list)
    early: dict[str, float] = field(default_factory=dict)

    def clock_reading(self, now: datetime) -> tuple[str, float, float]:
        sim_s = self.offset_s + (now - self.start).total_seconds() * self.speed
        if sim_s >= self.end_s:
            return "ended", self.end_s, self.speed
        return "running", sim_s, self.speed

    def actions(self) -> list[Action]:
        return self.acts

    def fired(self) -> dict[str, float]:
        return self.early

    def storm(self) -> Storm:
        return self.storm_


def run_feed(
    feed: Feed, source: FakeSource, seconds: float, tick: float = 0.2, act=None, fire=None
):
    """Step a feed every `tick` real seconds; return (real time, sim time, name, payload)s.

    `act` = (step, action) adds an action at that step, `fire` = (step, inject id) fires that
    scenario inject then, at the simulated time of that step."""
    out = []
    for n in range(round(seconds / tick) + 1):
        now = START + timedelta(seconds=n * tick)
        if act is not None and n == act[0]:
            source.acts.append(act[1])
        status, sim_s, speed = source.clock_reading(now)
        if fire is not None and n == fire[0]:
            source.early[fire[1]] = sim_s
        due = feed.step(now.timestamp(), status, sim_s, speed, source.acts, source.fired())
        for name, payload in due:
            out.append((n * tick, sim_s, name, payload))
    return out


def posts_of(events) -> list[Post]:
    return [payload for _, _, name, payload in events if name == "post"]


def test_display_keeps_at_most_ten_posts_per_real_second_and_counts_the_rest(storm):
    source = FakeSource(storm, START)
    feed = Feed(storm, PEAK_S)
    events = run_feed(feed, source, 10)
    shown = posts_of(events)
    per_second = Counter(int(real) for real, _, name, _ in events if name == "post")
    assert 90 <= len(shown) <= 102 and max(per_second.values()) <= 12
    everything = storm.posts([], PEAK_S, PEAK_S + 100)
    summaries = [p for _, _, name, p in events if name == "feed-summary"]
    assert summaries[-1]["hidden_total"] + len(shown) == len(everything)
    assert 0 < summaries[-1]["hidden_last_minute"] < len(everything)


def test_a_post_is_published_once_the_clock_reaches_it(storm):
    events = run_feed(Feed(storm, PEAK_S), FakeSource(storm, START), 3)
    for _, sim_s, name, post in events:
        if name == "post":
            assert PEAK_S <= post.at_s < sim_s <= post.at_s + 2 + 1e-9


def test_same_clock_readings_give_the_same_events(storm):
    first = run_feed(Feed(storm, PEAK_S), FakeSource(storm, START), 4)
    second = run_feed(Feed(storm, PEAK_S), FakeSource(storm, START), 4)
    assert first == second
    assert [n for _, _, n, _ in first].count("clock") == 5


def test_an_action_regenerates_the_posts_after_it(storm):
    source = FakeSource(storm, START)
    feed = Feed(storm, PEAK_S, max_per_s=1e9)
    shown = posts_of(run_feed(feed, source, 6, act=(10, REPLY)))
    expected = storm.posts([REPLY], PEAK_S, PEAK_S + 60)
    assert [p.id for p in shown] == [p.id for p in expected]
    assert [p.id for p in shown] != [p.id for p in storm.posts([], PEAK_S, PEAK_S + 60)]


def test_an_inject_fired_early_shows_when_fired_and_not_at_its_time(storm):
    source = FakeSource(storm, START, offset_s=1400.0)
    feed = Feed(storm, 1400.0, max_per_s=1e9)
    shown = posts_of(run_feed(feed, source, 15, fire=(10, "article")))
    fired_at = source.early["article"]
    assert 1400 < fired_at < 1500 < source.clock_reading(START + timedelta(seconds=15))[1]
    articles = [p for p in shown if p.inject == "article"]
    assert [p.at_s for p in articles] == [fired_at]
    expected = storm.posts([], 1400.0, shown[-1].at_s + 0.001, {"article": fired_at})
    assert [p.id for p in shown] == [p.id for p in expected]


@cache
def small_storm() -> Storm:
    """A second sample storm, another seed and half the volume."""
    return Storm(sample_scenario(), 3, None, "en", volume_scale=10)


@settings(max_examples=10, deadline=None)
@given(
    speed=st.sampled_from([1.0, 5.0, 10.0, 60.0]),
    tick=st.sampled_from([0.1, 0.2, 0.35]),
    rate=st.integers(1, 20),
)
def test_displayed_and_hidden_posts_add_up_to_the_storm(speed, tick, rate):
    storm = small_storm()
    source = FakeSource(storm, START, speed=speed)
    feed = Feed(storm, PEAK_S, max_per_s=rate, tick_s=tick)
    events = run_feed(feed, source, 4, tick=tick)
    until = source.clock_reading(START + timedelta(seconds=round(4 / tick) * tick))[1]
    shown = posts_of(events)
    summary = feed.summary(until)
    assert len(shown) + summary["hidden_total"] == len(storm.posts([], PEAK_S, until))
    assert len(shown) <= rate * 4 + max(1, rate * tick) + 1
    assert [p.at_ms for p in shown] == sorted(p.at_ms for p in shown)


@settings(max_examples=40, deadline=None)
@given(
    start_off=st.floats(-0.49, 0.49).filter(lambda ms: abs(ms) > 0.01),
    end_off=st.floats(-0.49, 0.49).filter(lambda ms: abs(ms) > 0.01),
    pick=st.integers(0, 1200),
)
def test_the_posts_counted_are_those_between_the_clocks_reported(start_off, end_off, pick):
    """Real clocks read a fraction of a millisecond off the grid the posts sit on, before or
    after a post; the seconds a feed reports (rounded to the millisecond) bound exactly the
    posts it showed or counted, from its first reading to its last."""
    storm = small_storm()
    posts = storm.posts([], PEAK_S, PEAK_S + 60)
    first, last = posts[pick % 20], posts[20 + pick % 60]
    start_s, end_s = first.at_s + start_off / 1000, last.at_s + end_off / 1000
    feed = Feed(storm, start_s, max_per_s=3)
    readings = [start_s, *sim_steps(start_s, end_s), end_s]
    events = [feed.step(n, "running", s, 10.0, []) for n, s in enumerate(readings)]
    clocks = [p["sim_s"] for batch in events for name, p in batch if name == "clock"]
    shown = [p for batch in events for name, p in batch if name == "post"]
    counted = len(shown) + feed.summary(clocks[-1])["hidden_total"]
    assert counted == len(storm.posts([], clocks[0], clocks[-1]))


def sim_steps(start_s: float, end_s: float) -> list[float]:
    """Simulated seconds a driver steps at between two readings, two per simulated second."""
    return [start_s + n / 2 for n in range(1, int((end_s - start_s) * 2))]


def author(persona: str = "troll", followers: int = 10, verified: bool = False) -> Author:
    return Author("A", "@a", persona, followers, verified)


def post(a: Author, rumour: str | None = None, reply_to: str | None = None) -> Post:
    return Post("p", 0, a, "t", "en", "negative", "storm", reply_to=reply_to, rumour=rumour)


def test_priority_puts_journalists_then_reach_then_rumours_then_replies_to_the_team():
    refs = frozenset({"a-1"})
    ranked = [
        post(author("journalist")),
        post(author(verified=True), rumour="r"),
        post(author(followers=50_000)),
        post(author(), rumour="r", reply_to="a-1"),
        post(author(), rumour="r"),
        post(author(), reply_to="a-1"),
        post(author()),
    ]
    scores = [priority(p, refs) for p in ranked]
    assert scores == sorted(scores, reverse=True) and scores[-1] == 0 and scores[-2] == 1


def clock_from(start: datetime):
    """A `now` for the hub: real elapsed time, counted from a fixed start."""
    origin = datetime.now(UTC)
    return lambda: start + (datetime.now(UTC) - origin)


async def take(stream, count: int, timeout: float = 5.0):
    async def collect():
        return [await anext(stream) for _ in range(count)]

    return await asyncio.wait_for(collect(), timeout)


def hub_for(storm: Storm, broker: Broker, end_s: float = 3600.0) -> DriverHub:
    source = FakeSource(storm, START, end_s=end_s)
    return DriverHub(
        broker, lambda _: source, lambda p: f"<article>{p.id}</article>", now=clock_from(START)
    )


@pytest.mark.anyio
async def test_the_hub_drives_while_listened_to_and_stops_after(storm, anyio_backend):
    broker = InMemoryBroker()
    hub = hub_for(storm, broker)
    one, two = hub.subscribe(1, None), hub.subscribe(1, None)
    first = await take(one, 12)
    assert set(hub.drivers) == {1}
    assert {"post", "clock", "feed-summary"} <= {e.name for e in first}
    assert all(e.data.startswith("<article>") for e in first if e.name == "post")
    await one.aclose()
    await two.aclose()
    await asyncio.sleep(0.05)
    assert hub.drivers == {} and await broker.claim(1, "someone-else", 100)
    await hub.close()


@pytest.mark.anyio
async def test_two_hubs_on_one_broker_drive_a_drill_once(storm, anyio_backend):
    broker = InMemoryBroker()
    first, second = hub_for(storm, broker), hub_for(storm, broker)
    a, b = first.subscribe(2, None), second.subscribe(2, None)
    got_a, got_b = await asyncio.gather(take(a, 20), take(b, 15))
    start = got_a.index(got_b[0])
    shared = min(len(got_a) - start, len(got_b))
    assert shared >= 5 and got_a[start : start + shared] == got_b[:shared]
    clocks = [json.loads(e.data)["sim_s"] for e in got_a if e.name == "clock"]
    assert clocks == sorted(set(clocks))
    await a.aclose()
    await b.aclose()
    await first.close()
    await second.close()


@pytest.mark.anyio
async def test_the_driver_stops_when_the_drill_ends(storm, anyio_backend):
    broker = InMemoryBroker()
    hub = hub_for(storm, broker, end_s=PEAK_S + 5)
    stream = hub.subscribe(3, None)
    seen = []
    while not seen or seen[-1].name != "clock" or '"ended"' not in seen[-1].data:
        seen.extend(await take(stream, 1))
    await asyncio.sleep(0.05)
    assert 3 in hub.ended and 3 not in hub.drivers
    assert json.loads(seen[-1].data) == {"status": "ended", "sim_s": PEAK_S + 5, "speed": 10.0}
    await stream.aclose()


def demo_app(broker: InMemoryBroker) -> Starlette:
    """The tiny app the drills routes will mirror: one SSE endpoint per drill."""

    async def events(request: Request):
        last_id = request.headers.get("last-event-id")
        drill_id = int(request.path_params["drill_id"])
        return event_stream(OneByOne(broker), drill_id, last_id, ping_s=1)

    return Starlette(routes=[Route("/drills/{drill_id:int}/events", events)])


@pytest.mark.anyio
async def test_the_sse_endpoint_resumes_after_last_event_id(anyio_backend):
    broker = InMemoryBroker(first_id=10)
    app = demo_app(broker)
    for n in range(3):
        await broker.publish(1, "feed-summary", f"<p>+{n} posts</p>")
    body = await read_sse(app, "/drills/1/events", [(b"last-event-id", b"11")], b"+2 posts")
    assert b"id: 12\r\nevent: feed-summary\r\ndata: <p>+1 posts</p>\r\n\r\n" in body
    assert b"+0 posts" not in body and b"id: 13\r\n" in body


@pytest.mark.anyio
async def test_the_sse_endpoint_pings_while_idle(anyio_backend):
    body = await read_sse(demo_app(InMemoryBroker()), "/drills/5/events", [], b": ping")
    assert body.startswith(b": ping")


@pytest.mark.anyio
async def test_the_sse_endpoint_sends_without_a_timeout_scope_unless_asked(anyio_backend):
    """The override of sse-starlette's per-send step must keep existing and working: a
    library upgrade that renamed it would silently bring the cost back."""
    assert "_send_with_timeout" in vars(EventSourceResponse)
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    response = event_stream(OneByOne(InMemoryBroker()), 1, None)
    message = {"type": "http.response.body", "body": b"x", "more_body": True}
    with patch.object(anyio, "move_on_after", side_effect=AssertionError("a scope")):
        await response._send_with_timeout(send, message)
    assert sent == [message]
    response.send_timeout = 5
    await response._send_with_timeout(send, message)  # sse-starlette's own, with its scope
    assert sent == [message, message]


@pytest.fixture
def anyio_backend() -> str:
    """The live layer runs on asyncio."""
    return "asyncio"


@pytest.mark.anyio
async def test_with_redis_one_of_two_processes_drives_a_drill(storm, anyio_backend):
    redis_url = reachable_redis()
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    brokers = [redis_broker(redis_url, prefix), redis_broker(redis_url, prefix)]
    hubs = [hub_for(storm, broker) for broker in brokers]
    a, b = hubs[0].subscribe(7, None), hubs[1].subscribe(7, None)
    try:
        got_a, got_b = await asyncio.gather(take(a, 20), take(b, 15))
        start = got_a.index(got_b[0])
        shared = min(len(got_a) - start, len(got_b))
        assert shared >= 5 and got_a[start : start + shared] == got_b[:shared]
        clocks = [json.loads(e.data)["sim_s"] for e in got_a if e.name == "clock"]
        assert clocks == sorted(set(clocks))
    finally:
        await a.aclose()
        await b.aclose()
        for hub in hubs:
            await hub.close()
        async for key in brokers[0].redis.scan_iter(match=prefix + "*"):
            await brokers[0].redis.delete(key)
        for broker in brokers:
            await broker.close()


def test_the_summary_carries_the_audience_models_mood(storm):
    """The console's sentiment gauge shows the simulated audience, as the review will."""
    source = FakeSource(storm, START)
    events = run_feed(Feed(storm, PEAK_S), source, 3, act=(5, REPLY))
    summaries = [(sim_s, p) for _, sim_s, name, p in events if name == "feed-summary"]
    for sim_s, summary in summaries:
        acts = [REPLY] if sim_s > REPLY.at_s else []
        audience = storm.audience(acts, sim_s)
        assert (summary["sentiment"], summary["anger"]) == (audience.sentiment, audience.anger)
        assert -1 <= summary["sentiment"] <= 1
