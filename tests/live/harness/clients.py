"""HTTP clients of the real app, as a browser uses it: sign in through the form (CSRF token
from the page), post actions, and keep `/drills/{id}/events` consoles open like EventSource
(reconnecting with Last-Event-ID), recording every event with its arrival time."""

import asyncio
import re
import time
from dataclasses import dataclass, field

import httpx2

from tests.factories import csrf_from

CONNECT_TIMEOUT_S = 5.0
RECONNECT_S = 0.5  # EventSource waits about this long before reconnecting
OPEN_TIMEOUT_S = 10.0
LIMITS = httpx2.Limits(max_connections=None, max_keepalive_connections=None)
AT_S = re.compile(r'data-at-s="([\d.]+)"')
POST_ID = re.compile(r'<article id="post-([^"]+)"')


@dataclass(frozen=True)
class Received:
    """One server-sent event as a console got it."""

    id: str
    name: str
    data: str
    arrival: float


@dataclass(frozen=True)
class Answer:
    """What an action request got: its status (0: no answer) and when the answer arrived."""

    status: int
    acked: float
    body: str


class Participant:
    """A signed-in person: one cookie jar, its CSRF token, many requests and streams."""

    def __init__(self, email: str, **options) -> None:
        """`options` go to the HTTP client (a transport bound to a source address, headers)."""
        self.email = email
        self.client = httpx2.AsyncClient(timeout=httpx2.Timeout(10.0), limits=LIMITS, **options)
        self.csrf = ""

    async def sign_in(self, base: str, password: str) -> int:
        """The sign-in form, as a browser posts it; the status of the page or of the post
        (303 when signed in; 0: no answer)."""
        try:
            page = await self.client.get(f"{base}/login")
            if page.status_code != 200:
                return page.status_code
            self.csrf = csrf_from(page.text)
            form = {"email": self.email, "password": password, "csrf_token": self.csrf}
            status = (await self.client.post(f"{base}/login", data=form)).status_code
            if status == 303:  # signing in gives the session a new CSRF token
                landing = await self.client.get(f"{base}/", follow_redirects=True)
                self.csrf = csrf_from(landing.text)
            return status
        except httpx2.TransportError:
            return 0

    async def post(self, url: str, payload: dict | None = None) -> Answer:
        """A JSON POST with the CSRF header; a refused connection answers status 0."""
        try:
            answer = await self.client.post(
                url, json=payload or {}, headers={"X-CSRF-Token": self.csrf}
            )
        except httpx2.TransportError as exc:
            return Answer(0, time.time(), repr(exc))
        return Answer(answer.status_code, time.time(), answer.text)

    async def close(self) -> None:
        """Close its connections."""
        await self.client.aclose()


def split_frames(pending: bytes, chunk: bytes) -> tuple[list[bytes], bytes]:
    """The complete SSE frames in what was pending plus a new chunk, and the rest; a chunk may
    end anywhere, even between the CR and the LF of a line break."""
    *frames, rest = (pending + chunk).replace(b"\r\n", b"\n").split(b"\n\n")
    return frames, rest


@dataclass
class Console:
    """One open console of a drill on one server, recording what it receives."""

    participant: Participant
    base: str
    drill_id: int
    events: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    connects: int = 0
    drop_at: float | None = None  # a real time to drop the connection once and resume

    @property
    def url(self) -> str:
        """The drill's events route on this console's server."""
        return f"{self.base}/drills/{self.drill_id}/events"

    async def run(self, stop: asyncio.Event) -> None:
        """Listen until `stop`, the drill's end, or a 204; reconnect after drops like
        EventSource, resuming after the last id received."""
        while not stop.is_set() and not self.ended:
            try:
                await self._listen(stop)
            except (httpx2.TransportError, httpx2.StreamError):
                pass  # a dropped stream: reconnect below, as EventSource does
            if self.statuses and self.statuses[-1] == 204:
                return
            if not stop.is_set():
                await asyncio.sleep(RECONNECT_S)

    async def _listen(self, stop: asyncio.Event) -> None:
        headers = {"Accept": "text/event-stream"}
        if self.events:
            headers["Last-Event-ID"] = self.events[-1].id
        timeout = httpx2.Timeout(CONNECT_TIMEOUT_S, read=None)
        request = self.participant.client.stream("GET", self.url, headers=headers, timeout=timeout)
        async with request as response:
            self.connects += 1
            self.statuses.append(response.status_code)
            if response.status_code != 200:
                return
            pending = b""
            async for chunk in response.aiter_bytes():
                arrival = time.time()
                frames, pending = split_frames(pending, chunk)
                for frame in frames:
                    self._record(frame.decode(), arrival)
                if stop.is_set() or self.ended:
                    return
                if self.drop_at is not None and arrival >= self.drop_at:
                    self.drop_at = None
                    return

    def _record(self, frame: str, arrival: float) -> None:
        fields: dict[str, list[str]] = {}
        for line in frame.split("\n"):
            name, _, value = line.partition(": ")
            fields.setdefault(name, []).append(value)
        if "id" in fields:
            name = fields.get("event", ["message"])[0]
            data = "\n".join(fields.get("data", []))
            self.events.append(Received(fields["id"][0], name, data, arrival))

    @property
    def ended(self) -> bool:
        """Whether the console saw the drill's clock end."""
        return any(e.name == "clock" and '"status":"ended"' in e.data for e in self.events[-3:])

    def named(self, name: str) -> list[Received]:
        """The events of one name, in arrival order."""
        return [event for event in self.events if event.name == name]

    def post_ids(self) -> list[str]:
        """The ids of the feed posts received, in order (repeats kept)."""
        return [m.group(1) for e in self.named("post") if (m := POST_ID.search(e.data))]


async def open_consoles(consoles: list[Console], stop: asyncio.Event) -> list[asyncio.Task]:
    """Open the consoles and wait until each has received an event; fail naming the silent."""
    tasks = [asyncio.create_task(console.run(stop)) for console in consoles]
    deadline = time.monotonic() + OPEN_TIMEOUT_S
    while not all(c.events for c in consoles) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    silent = [c for c in consoles if not c.events]
    assert not silent, (
        f"{len(silent)} of {len(consoles)} consoles got no event {OPEN_TIMEOUT_S:.0f} s after "
        f"opening {sorted({c.url for c in silent})}; answers so far: {[c.statuses for c in silent]}"
    )
    return tasks


async def close_all(stop: asyncio.Event, tasks: list[asyncio.Task], *people: Participant) -> None:
    """Stop the consoles (bounded: cancelled after 5 s) and close the clients."""
    stop.set()
    await asyncio.wait(tasks, timeout=5)
    for task in tasks:
        task.cancel()
    for person in people:
        await person.close()
