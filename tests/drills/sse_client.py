"""Read a server-sent-events response by calling the ASGI app directly, in the test's loop."""

import asyncio


async def read_sse(app, path: str, headers: list, until: bytes, timeout_s: float = 5) -> bytes:
    """The response body of GET `path`, collected until `until` appears (then disconnect)."""
    body, done = bytearray(), asyncio.Event()
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "headers": headers, "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }  # fmt: skip

    async def receive():
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        body.extend(message.get("body", b""))
        if until in body:
            done.set()

    await asyncio.wait_for(app(scope, receive, send), timeout_s)
    return bytes(body)
