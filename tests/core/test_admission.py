"""The admission gate: a bounded number of requests at once, streams leave at their headers."""

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.admission import RESERVE, UNGATED, AdmissionGate, slots_for


class Recorder:
    """An ASGI app that notes how many requests are inside it at once."""

    def __init__(self, content_type: bytes = b"text/html", hold_s: float = 0.01) -> None:
        self.inside = self.most = 0
        self.content_type = content_type
        self.hold_s = hold_s

    async def __call__(self, scope, receive, send) -> None:
        self.inside += 1
        self.most = max(self.most, self.inside)
        await asyncio.sleep(self.hold_s)
        headers = [(b"content-type", self.content_type)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        self.inside -= 1
        await asyncio.sleep(self.hold_s)  # a stream keeps sending after its headers
        await send({"type": "http.response.body", "body": b""})


async def nothing() -> dict:
    return {"type": "http.request"}


async def ignore(message) -> None:
    """A client that reads nothing back: the gate's behaviour does not depend on it."""


def call(gate: AdmissionGate, path: str = "/drills", requests: int = 20) -> None:
    async def all_at_once() -> None:
        scope = {"type": "http", "path": path}
        await asyncio.gather(*(gate(scope, nothing, ignore) for _ in range(requests)))

    asyncio.run(all_at_once())


def test_no_more_requests_inside_than_slots():
    app = Recorder()
    gate = AdmissionGate(app, slots=3)
    call(gate)
    assert app.most == 3


def test_a_stream_gives_its_slot_back_once_its_headers_are_out():
    """One slot, twenty streams: each waits only for the one before to send its headers."""
    app = Recorder(content_type=b"text/event-stream; charset=utf-8", hold_s=0.05)
    gate = AdmissionGate(app, slots=1)
    call(gate)
    assert app.most == 1
    assert gate.semaphore.value == 1


def test_liveness_and_static_files_never_wait():
    for prefix in UNGATED:
        app = Recorder()
        call(AdmissionGate(app, slots=1), path=f"{prefix}x")
        assert app.most == 20


def test_a_failing_request_gives_its_slot_back():
    async def broken(scope, receive, send) -> None:
        raise RuntimeError("boom")

    gate = AdmissionGate(broken, slots=2)

    async def twice() -> None:
        for _ in range(3):
            with pytest.raises(RuntimeError):
                await gate({"type": "http", "path": "/x"}, nothing, ignore)

    asyncio.run(twice())
    assert gate.semaphore.value == 2


@given(st.integers(1, 500), st.integers(1, 500))
def test_slots_leave_the_reserve_and_never_reach_zero(connections, threads):
    slots = slots_for(connections, threads)
    assert slots >= 1
    assert slots <= max(1, min(connections, threads) - RESERVE)
    if min(connections, threads) > RESERVE:
        assert slots + RESERVE == min(connections, threads)


STREAM_ASKED = [(b"accept", b"text/event-stream")]


def test_consoles_opening_at_once_leave_slots_to_other_requests():
    """Streams waiting inside (a drill loading) fill their lane, never the whole gate."""
    release = asyncio.Event()
    inside: list[str] = []

    async def app(scope, receive, send) -> None:
        inside.append(scope["path"])
        if scope["path"] == "/events":
            await release.wait()
        headers = [(b"content-type", b"text/event-stream" if scope["path"] == "/events" else b"")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})

    gate = AdmissionGate(app, slots=4)

    async def scenario() -> None:
        stream = {"type": "http", "path": "/events", "headers": STREAM_ASKED}
        consoles = [asyncio.create_task(gate(stream, nothing, ignore)) for _ in range(10)]
        await asyncio.sleep(0)
        await asyncio.wait_for(gate({"type": "http", "path": "/action"}, nothing, ignore), 10)
        assert inside.count("/events") == gate.stream_slots == 2
        release.set()
        await asyncio.gather(*consoles)

    asyncio.run(scenario())
    assert inside.count("/events") == 10
    assert gate.semaphore.value == 4 and gate.stream_lane.value == 2


def test_a_stream_cancelled_while_waiting_gives_back_what_it_took():
    async def app(scope, receive, send) -> None:
        await asyncio.sleep(0.05)

    gate = AdmissionGate(app, slots=2)  # a lane of one slot

    async def scenario() -> None:
        stream = {"type": "http", "path": "/events", "headers": STREAM_ASKED}
        blocking = asyncio.create_task(gate({"type": "http", "path": "/x"}, nothing, ignore))
        others = [asyncio.create_task(gate({"type": "http", "path": "/y"}, nothing, ignore))]
        await asyncio.sleep(0)
        waiting = asyncio.create_task(gate(stream, nothing, ignore))  # holds the lane, waits
        await asyncio.sleep(0)
        waiting.cancel()
        await asyncio.gather(blocking, *others, waiting, return_exceptions=True)

    asyncio.run(scenario())
    assert gate.semaphore.value == 2 and gate.stream_lane.value == 1
