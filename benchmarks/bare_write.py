"""The live benchmark's floor for an action: the least a signed-in write costs in this stack.

A FastAPI app with a signed session cookie (Starlette's SessionMiddleware, as the app) and one
sync route, run in a worker thread as the app's are, that reads the signed-in person and
inserts one row with SQLModel on PostgreSQL, then commits; served by uvicorn. No organisation,
role or drill check, no clock, no numbering, no event published: what the real note request
does beyond this is the app's own cost. The benchmark signs in once, posts notes one after
another on a kept-alive connection and divides the server's CPU time by their number.

Run as `python -m benchmarks.bare_write PORT DATABASE_URL`.
"""

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

import uvicorn
from fastapi import Depends, FastAPI, Request
from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, create_engine
from starlette.middleware.sessions import SessionMiddleware

SECRET = "bare-write-benchmark-secret-key-of-32-bytes"


class Writer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


class Note(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    writer_id: int = Field(foreign_key="writer.id")
    text: str
    at: datetime


def bare_app(engine: Engine) -> FastAPI:
    """Sign-in (`GET /sign-in`) and the write (`POST /notes`)."""
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Writer(name="bench"))
        session.commit()

    def database() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    app = FastAPI()
    app.add_middleware(SessionMiddleware, secret_key=SECRET)

    @app.get("/sign-in")
    async def sign_in(request: Request) -> dict:
        request.session["writer"] = 1
        return {}

    @app.post("/notes", status_code=201)
    def write(
        request: Request, payload: dict, session: Annotated[Session, Depends(database)]
    ) -> dict:
        writer = session.get(Writer, request.session["writer"])
        note = Note(writer_id=writer.id, text=str(payload["text"]), at=datetime.now(UTC))
        session.add(note)
        session.commit()
        return {"id": note.id}

    return app


if __name__ == "__main__":
    port, url = int(sys.argv[1]), sys.argv[2]
    uvicorn.run(
        bare_app(create_engine(url)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
