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
