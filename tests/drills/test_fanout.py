"""One broker reader per drill per process, fanned out to that process's consoles."""

import asyncio
import json

import pytest
from redis import exceptions as redis_errors

from app.drills.broker import InMemoryBroker
from app.drills.fanout import Fanout
from app.drills.live import DriverHub
from tests.drills import test_live
from tests.drills.brokers import redis_broker, started, take
from tests.drills.test_live import PEAK_S, START, FakeSource, clock_from

pytestmark = pytest.mark.anyio
storm = test_live.storm  # the sample storm fixture, twenty times its volume


class Counting:
    """A broker that counts the stream readers opened on it."""

    def __init__(self, inner) -> None:
        self.inner, self.readers, self.histories = inner, 0, 0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def subscribe(self, drill_id: int, last_event_id: str | None):
        self.readers += 1
        return self.inner.subscribe(drill_id, last_event_id)

    async def history(self, drill_id: int, after: str):
        self.histories += 1
        return await self.inner.history(drill_id, after)


def hub_on(storm, broker, end_s: float = 3600.0, **options) -> DriverHub:
    source = FakeSource(storm, START, end_s=end_s)
    render = lambda p: f"<article>{p.id}</article>"  # noqa: E731
    return DriverHub(broker, lambda _: source, render, now=clock_from(START), **options)


async def test_six_consoles_of_a_drill_share_one_broker_reader(storm, broker):
    counting = Counting(broker)
    hub = hub_on(storm, counting)
    consoles = [hub.subscribe(1, None) for _ in range(6)]
    try:
        got = await asyncio.gather(*(take(console, 10) for console in consoles))
        ids = [[event.id for event in events] for events in got]
        common = set.intersection(*(set(found) for found in ids))
        assert counting.readers == 1 and hub.fanout.listeners(1) == 6
        assert len(common) >= 5 and all(found == sorted(found, key=ids[0].index) for found in ids)
    finally:
        for console in consoles:
            await console.aclose()
        await hub.close()
    assert hub.fanout.locals == {} and hub.drivers == {}


async def test_a_replay_older_than_the_local_buffer_comes_from_the_broker(broker):
    counting = Counting(broker)
    fanout = Fanout(counting, buffer_size=3)
    first = [await broker.publish(1, "post", f"p{n}") for n in range(2)]
    live = await started(fanout, 1)
    later = [await broker.publish(1, "post", f"p{n}") for n in range(2, 8)]
    assert [e.data for e in await take(live, 6)] == [f"p{n}" for n in range(2, 8)]
    recent = await take(fanout.subscribe(1, later[-3]), 2)
    assert [e.data for e in recent] == ["p6", "p7"] and counting.histories == 0
    old = await take(fanout.subscribe(1, first[0]), 6)
    assert [e.id for e in old] == [first[1], *later[:5]] and counting.histories == 1
    await live.aclose()
    await fanout.close()


async def test_a_console_too_slow_for_its_queue_catches_up_in_order():
    broker = InMemoryBroker()
    fanout = Fanout(broker, queue_size=3)
    slow, fast = await started(fanout, 1), await started(fanout, 1)
    for n in range(20):
        await broker.publish(1, "post", str(n))
        assert [e.data for e in await take(fast, 1)] == [str(n)]
    assert [e.data for e in await take(slow, 20)] == [str(n) for n in range(20)]
    await fanout.close()


async def test_the_stream_of_an_ended_drill_expires(storm, broker_of_redis):
    hub = hub_on(storm, broker_of_redis, end_s=PEAK_S + 3, retention_s=60)
    console = hub.subscribe(3, None)
    seen: list = []
    while not seen or seen[-1].name != "clock" or '"ended"' not in seen[-1].data:
        seen.extend(await take(console, 1))
    await asyncio.sleep(0.1)
    ttl_ms = await broker_of_redis.redis.pttl(broker_of_redis.key(3))
    assert 0 < ttl_ms <= 60_000 and json.loads(seen[-1].data)["status"] == "ended"
    await console.aclose()
    await hub.close()


async def test_a_reader_stops_even_if_its_cancellation_surfaces_as_a_read_timeout(
    broker_of_redis,
):
    async def slow_read(*args, **kwargs):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            raise redis_errors.TimeoutError("Timeout reading from socket") from None

    broker_of_redis.redis.xread = slow_read
    fanout = Fanout(broker_of_redis)
    console = fanout.subscribe(1, None)
    waiting = asyncio.ensure_future(anext(console))
    await asyncio.sleep(0.1)
    waiting.cancel()
    await asyncio.wait_for(fanout.close(), 2)
    assert fanout.locals == {}


async def test_a_change_another_process_made_is_passed_on_and_its_own_is_not(
    broker_of_redis, redis_url
):
    other = redis_broker(redis_url, broker_of_redis.prefix)
    changed: list[int] = []
    fanout = Fanout(broker_of_redis, changed=changed.append)
    try:
        console = await started(fanout, 16)
        await broker_of_redis.publish(16, "team-action", "mine")
        await other.publish(16, "team-action", "theirs")
        assert [e.data for e in await take(console, 2)] == ["mine", "theirs"]
        assert changed == [16]
        await console.aclose()
    finally:
        await other.close()
        await fanout.close()


async def test_events_ready_together_reach_a_console_in_one_list():
    broker = InMemoryBroker()
    fanout = Fanout(broker)
    batches = fanout.batches(5, None)
    first = asyncio.ensure_future(anext(batches))
    await asyncio.sleep(0.05)
    assert await broker.claim(5, "driver", 1000)
    await broker.publish_batch(5, [("post", "a"), ("clock", "b")], token="driver", progress="{}")
    assert [e.data for e in await asyncio.wait_for(first, 2)] == ["a", "b"]
    await batches.aclose()
    await fanout.close()
