"""One blocking read per process for every followed stream (app.drills.redis_reader)."""

import asyncio

import pytest

from app.drills.redis_reader import StreamReader

pytestmark = pytest.mark.anyio


class Streams:
    """In-memory streams answering XREAD as Redis would (entries after each position)."""

    def __init__(self) -> None:
        self.entries: dict[str, list[tuple[str, dict]]] = {}
        self.reads: list[dict[str, str]] = []
        self.changed = asyncio.Event()

    def add(self, key: str, entry_id: str) -> None:
        self.entries.setdefault(key, []).append((entry_id, {"n0": "post", "d0": entry_id}))
        self.changed.set()

    async def xread(self, positions: dict[str, str], count: int, block_ms: int):
        self.reads.append(dict(positions))
        while True:
            found = [
                (key, [e for e in self.entries.get(key, []) if _pair(e[0]) > _pair(after)])
                for key, after in positions.items()
            ]
            found = [(key, entries) for key, entries in found if entries]
            if found:
                return found
            self.changed.clear()
            await self.changed.wait()


def _pair(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq)


async def next_ids(subscription) -> list[str]:
    entries = await asyncio.wait_for(subscription.entries.get(), 2)
    return [entry_id for entry_id, _ in entries]


async def test_one_read_covers_every_followed_stream():
    streams = Streams()
    reader = StreamReader(streams.xread, block_ms=100, count=10)
    subscriptions = [reader.follow(f"drill:{n}", "0-0") for n in range(5)]
    await asyncio.sleep(0.01)
    for n in range(5):
        streams.add(f"drill:{n}", f"{n + 1}-0")
    for n, subscription in enumerate(subscriptions):
        assert await next_ids(subscription) == [f"{n + 1}-0"]
    assert all(len(positions) == 5 for positions in streams.reads)
    await reader.close()


async def test_a_new_subscription_does_not_wait_for_a_blocked_read():
    streams = Streams()
    reader = StreamReader(streams.xread, block_ms=60_000, count=10)
    reader.follow("quiet", "0-0")
    await asyncio.sleep(0.01)
    joined = reader.follow("busy", "0-0")
    streams.add("busy", "7-0")
    assert await next_ids(joined) == ["7-0"]
    await reader.close()


async def test_a_subscription_joining_further_back_gets_its_whole_range():
    streams = Streams()
    for entry in ("1-0", "2-0", "3-0"):
        streams.add("drill", entry)
    reader = StreamReader(streams.xread, block_ms=100, count=10)
    ahead = reader.follow("drill", "2-0")
    assert await next_ids(ahead) == ["3-0"]
    reader._hand_out([("drill", [("4-0", {})])], {"drill": "3-0"})  # a read begun at 3-0…
    behind = reader.follow("drill", "0-0")  # …then one joins from the start
    reader._hand_out([("drill", [("4-0", {})])], {"drill": "3-0"})
    assert behind.entries.empty()  # not given 4-0 alone: it would never see 1-0 to 3-0
    assert await next_ids(behind) == ["1-0", "2-0", "3-0"]
    await reader.close()


async def test_the_reader_stops_with_the_last_subscription():
    streams = Streams()
    reader = StreamReader(streams.xread, block_ms=60_000, count=10)
    subscription = reader.follow("drill", "0-0")
    await asyncio.sleep(0.01)
    reader.leave(subscription)
    await asyncio.wait_for(reader._task, 1)
    assert reader._task.done() and len(streams.reads) == 1
