"""The live-event brokers: replay after an id, fan-out order, slow subscribers, the driver lock."""

import asyncio
import uuid

import pytest
from redis import exceptions as redis_errors

from app.drills.broker import Event, InMemoryBroker, RedisBroker, make_broker
from app.drills.redis_broker import PROGRESS_PAGE
from tests.drills.brokers import redis_broker, started, take

pytestmark = pytest.mark.anyio


async def test_ids_increase(broker):
    ids = [await broker.publish(1, "post", f"<p>{n}</p>") for n in range(5)]
    key = (lambda i: tuple(map(int, i.split("-")))) if "-" in ids[0] else int
    assert sorted(ids, key=key) == ids and len(set(ids)) == 5


async def test_replay_after_last_event_id_then_live_without_gap_or_duplicate(broker):
    ids = [await broker.publish(1, "post", f"p{n}") for n in range(4)]
    stream = broker.subscribe(1, ids[1])
    replayed = await take(stream, 2)
    assert [e.data for e in replayed] == ["p2", "p3"]
    assert [e.id for e in replayed] == ids[2:]
    await broker.publish(1, "clock", "tick")
    live = await take(stream, 1)
    assert (live[0].name, live[0].data) == ("clock", "tick")
    await stream.aclose()


async def test_two_subscribers_get_the_same_events_in_the_same_order(broker):
    first, second = await started(broker, 3), await started(broker, 3)
    sent = [await broker.publish(3, name, str(n)) for n, name in enumerate(["post", "kpi"] * 4)]
    got_first, got_second = await take(first, 8), await take(second, 8)
    assert got_first == got_second
    assert [e.id for e in got_first] == sent
    assert [e.name for e in got_first] == ["post", "kpi"] * 4


async def test_a_new_subscriber_without_an_id_gets_only_live_events(broker):
    await broker.publish(4, "post", "old")
    stream = await started(broker, 4)
    await broker.publish(4, "post", "new")
    assert [e.data for e in await take(stream, 1)] == ["new"]


async def test_the_driver_lock_has_one_owner_until_released(broker):
    assert await broker.claim(5, "a", 1000)
    assert await broker.claim(5, "a", 1000)
    assert not await broker.claim(5, "b", 1000)
    await broker.release(5, "b")
    assert not await broker.claim(5, "b", 1000)
    await broker.release(5, "a")
    assert await broker.claim(5, "b", 1000)


async def test_a_slow_subscriber_resumes_from_the_buffer_and_blocks_nobody():
    broker = InMemoryBroker(buffer_size=1000, queue_size=5)
    slow, fast = await started(broker, 1), await started(broker, 1)
    fast_seen: list[Event] = []
    for n in range(50):
        await broker.publish(1, "post", str(n))
        fast_seen.extend(await take(fast, 1))
    assert [e.data for e in fast_seen] == [str(n) for n in range(50)]
    assert [e.data for e in await take(slow, 50)] == [str(n) for n in range(50)]


async def test_a_replay_older_than_the_buffer_gives_what_is_held():
    broker = InMemoryBroker(buffer_size=3, first_id=100)
    ids = [await broker.publish(1, "post", str(n)) for n in range(6)]
    assert ids == ["101", "102", "103", "104", "105", "106"]
    assert [e.data for e in await take(broker.subscribe(1, "101"), 3)] == ["3", "4", "5"]
    assert [e.data for e in await take(broker.subscribe(1, "bogus"), 0)] == []
    future = await started(broker, 1, "999999")
    await broker.publish(1, "post", "next")
    assert [e.data for e in await take(future, 1)] == ["next"]


async def test_ids_from_a_new_process_follow_the_old_ones():
    old = InMemoryBroker()
    before = await old.publish(1, "post", "x")
    await asyncio.sleep(0.002)  # a restarted process starts later, not in the same microsecond
    new = InMemoryBroker()
    await new.publish(1, "post", "y")
    assert [e.data for e in await take(new.subscribe(1, before), 1)] == ["y"]


def test_an_event_is_encoded_as_an_sse_frame_once():
    event = Event("7", "feed-summary", "<p>a</p>\n<p>b</p>")
    wire = event.wire
    assert wire == b"id: 7\r\nevent: feed-summary\r\ndata: <p>a</p>\r\ndata: <p>b</p>\r\n\r\n"
    assert event.wire is wire


async def test_two_redis_brokers_share_events_like_two_processes(redis_url):
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    one, two = redis_broker(redis_url, prefix), redis_broker(redis_url, prefix)
    try:
        listener = await started(two, 9)
        first = await one.publish(9, "post", "from one")
        second = await two.publish(9, "action", "from two")
        got = await take(listener, 2)
        assert [(e.id, e.data) for e in got] == [(first, "from one"), (second, "from two")]
        assert await one.claim(9, "process-1", 1000)
        assert not await two.claim(9, "process-2", 1000)
        replay = await take(one.subscribe(9, first), 1)
        assert replay[0].data == "from two"
    finally:
        async for key in one.redis.scan_iter(match=prefix + "*"):
            await one.redis.delete(key)
        await one.close()
        await two.close()


def test_make_broker_picks_redis_only_with_a_url():
    assert isinstance(make_broker(None), InMemoryBroker)
    assert isinstance(make_broker("redis://127.0.0.1:6379/15"), RedisBroker)


def test_the_blocking_read_is_shorter_than_the_socket_timeout():
    broker = RedisBroker.from_url("redis://127.0.0.1:6379/2")
    timeout_s = broker.redis.connection_pool.connection_kwargs["socket_timeout"]
    assert timeout_s and broker.block_ms < timeout_s * 1000


async def test_a_quiet_drill_stays_open_past_the_socket_timeout(redis_url):
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    broker = RedisBroker.from_url(redis_url, prefix=prefix, socket_timeout=0.4)
    try:
        stream = await started(broker, 1)
        await asyncio.sleep(1.0)
        await broker.publish(1, "post", "after the quiet")
        assert [e.data for e in await take(stream, 1)] == ["after the quiet"]
    finally:
        await broker.redis.delete(broker.key(1))
        await broker.close()


async def test_a_read_timeout_is_not_fatal(broker_of_redis):
    real_xread, failures = broker_of_redis.redis.xread, []

    async def flaky(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise redis_errors.TimeoutError("Timeout reading from socket")
        return await real_xread(*args, **kwargs)

    broker_of_redis.redis.xread = flaky
    stream = await started(broker_of_redis, 2)
    await broker_of_redis.publish(2, "post", "still here")
    assert [e.data for e in await take(stream, 1)] == ["still here"] and failures


async def test_a_driver_batch_is_one_entry_read_back_as_its_events(broker_of_redis):
    broker = broker_of_redis
    listener = await started(broker, 11)
    assert await broker.claim(11, "driver", 1000)
    events = [("post", "a"), ("feed-summary", "b"), ("clock", "c")]
    ids = await broker.publish_batch(11, events, token="driver", progress='{"sim_s":1}')
    assert await broker.redis.xlen(broker.key(11)) == 1
    assert ids == [ids[0], f"{ids[0]}-1", f"{ids[0]}-2"]
    got = await take(listener, 3)
    expected = [(i, *e) for i, e in zip(ids, events, strict=True)]
    assert [(e.id, e.name, e.data) for e in got] == expected
    assert await broker.tail(11) == ids[-1]
    assert [e.data for e in await broker.history(11, ids[0])] == ["b", "c"]
    assert [e.data for e in await take(broker.subscribe(11, ids[1]), 1)] == ["c"]
    assert await broker.progress(11) == '{"sim_s":1}'


async def test_a_token_without_the_lock_publishes_nothing(broker_of_redis):
    assert await broker_of_redis.claim(12, "holder", 1000)
    published = await broker_of_redis.publish_batch(
        12, [("post", "x")], token="other", progress="{}"
    )
    assert published is None
    assert await broker_of_redis.redis.xlen(broker_of_redis.key(12)) == 0


async def test_the_last_progress_is_found_behind_many_newer_entries(broker_of_redis):
    broker = broker_of_redis
    assert await broker.claim(13, "driver", 1000)
    await broker.publish_batch(13, [("clock", "1")], token="driver", progress='{"sim_s":5}')
    for number in range(3 * PROGRESS_PAGE):
        await broker.publish(13, "team-action", str(number))
    assert await broker.progress(13) == '{"sim_s":5}'
    assert await broker.progress(14) is None


async def test_one_blocking_read_serves_every_drill_a_process_follows(broker_of_redis):
    broker, calls = broker_of_redis, []
    real_xread = broker.reader.xread

    async def counted(positions, count, block_ms):
        calls.append(sorted(positions))
        return await real_xread(positions, count, block_ms)

    broker.reader.xread = counted
    drills = range(20, 26)
    listeners = [await started(broker, drill) for drill in drills]
    calls.clear()
    for drill in drills:
        await broker.publish(drill, "post", f"to {drill}")
    for drill, listener in zip(drills, listeners, strict=True):
        assert [e.data for e in await take(listener, 1)] == [f"to {drill}"]
    assert calls and all(keys == sorted(broker.key(d) for d in drills) for keys in calls)
    assert len(calls) < len(drills)
    for listener in listeners:
        await listener.aclose()
    await asyncio.sleep(0.05)
    assert not broker.reader.subscriptions


async def test_events_of_a_change_the_driver_reads_name_the_process_that_made_it(
    broker_of_redis,
):
    listener = await started(broker_of_redis, 15)
    await broker_of_redis.publish(15, "team-action", "<li>statement</li>")
    await broker_of_redis.publish(15, "team-action", "<li>note</li>", reload=False)
    assert await broker_of_redis.claim(15, "driver", 1000)
    await broker_of_redis.publish_batch(15, [("clock", "{}")], token="driver", progress="{}")
    change, note, tick = await take(listener, 3)
    assert change.origin == broker_of_redis.origin != ""
    assert note.origin == "" and tick.origin == ""


async def test_an_entry_written_before_the_upgrade_is_still_read(broker_of_redis):
    old = await broker_of_redis.redis.xadd(broker_of_redis.key(16), {"name": "post", "data": "x"})
    await broker_of_redis.publish(16, "clock", "y")
    assert [(e.id, e.data) for e in await broker_of_redis.history(16, "-")][0] == (old, "x")
    assert await broker_of_redis.tail(16) != old
