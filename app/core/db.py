"""The database engine and sessions; one naming convention for every constraint."""

from collections.abc import AsyncIterator
from datetime import datetime
from functools import lru_cache

import anyio
from fastapi import Request
from sqlalchemy import event, make_url, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import ORMExecuteState
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from app.core import dbclock
from app.core.settings import Settings, get_settings

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, on the deployment's clock (the database's)."""
    return dbclock.DEPLOYMENT.now()


# A writer waits this long for SQLite's single write lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "stormdrill_write"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and BEGIN IMMEDIATE; SQLAlchemy
    # emits BEGIN itself (`_sqlite_begin`).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A deferred transaction that read and then writes cannot wait for the lock (SQLite
    # answers "database is locked" at once), so writers take it up front; readers never do.
    immediate = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10) -> Engine:
    """An engine for `url` with this pool; SQLite gets foreign keys, WAL and a busy timeout."""
    pool = {"pool_size": pool_size, "max_overflow": max_overflow}
    if url.startswith("sqlite"):
        if make_url(url).database in (None, "", ":memory:"):
            pool = {}  # one connection per thread (SingletonThreadPool): nothing to size
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Stated, not left to the server's default: `begin_write` relies on it.
    return create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED", **pool)


def engine_for(settings: Settings) -> Engine:
    """The engine `settings` describe: their database URL and pool size."""
    return make_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
    )


def database_answers(engine: Engine) -> bool:
    """Whether the database answers a trivial query (for the readiness check)."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    return engine_for(get_settings())


WROTE = "stormdrill_wrote"  # session.info: the transaction that sent a change
WRITER = "stormdrill_writer"  # session.info: the transaction begun or gone on as a writer


@event.listens_for(Session, "after_flush")
def _note_flush(session: Session, _context: object) -> None:
    session.info[WROTE] = session.get_transaction()


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE] = state.session.get_transaction()


def _has_written(session: Session) -> bool:
    """Whether the transaction in progress sent a change already: flushed objects (a query's
    autoflush too) or an insert, update or delete statement. `session.new`, `dirty` and
    `deleted` no longer show those, and a commit must not skip them."""
    return session.info.get(WROTE) is session.get_transaction()


def begin_write(session: Session) -> None:
    """Start the session's next transaction as a writer: on SQLite it holds the write lock.

    On SQLite, ends the read transaction in progress first (committing what is pending in
    it), so that the reads of the write transaction see every write committed before it;
    inside a write transaction already, does nothing. Other databases read what was
    committed before each statement (read committed) and lock rows as they write, so a read
    transaction with nothing pending simply goes on as the writer: no commit, no new
    connection checked out (three round trips saved on every write request).
    """
    if session.in_transaction():
        if session.info.get(WRITER) is session.get_transaction():
            return
        pending = session.new or session.dirty or session.deleted or _has_written(session)
        if session.connection().dialect.name != "sqlite" and not pending:
            session.info[WRITER] = session.get_transaction()
            return
        session.commit()
    session.connection(execution_options={WRITE_OPTION: True})
    session.info[WRITER] = session.get_transaction()


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request, on the engine of the application serving it.

    Opened on the event loop: a session connects only when first used, in the worker thread
    of the route or dependency using it. A sync generator would cost two thread hops per
    request (about 0.2 ms of CPU each) just to open and close it. Closing one that began a
    transaction rolls it back and returns the connection: database work, done in a worker
    thread, shielded so that a client leaving early cannot leave the connection checked out.
    """
    session = Session(request.app.state.engine, expire_on_commit=False)
    try:
        yield session
    finally:
        if session.in_transaction():
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(session.close)
        else:
            session.close()
