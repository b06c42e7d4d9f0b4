"""The database pool is sized by the settings, and SQLite writers take the lock up front."""

import uuid

import pytest
from pydantic import ValidationError
from sqlalchemy import event, update
from sqlmodel import Session, select, text

from app.accounts.models import Organisation
from app.core.db import begin_write, engine_for, make_engine
from app.core.settings import Settings


@pytest.mark.parametrize(("size", "overflow"), [(1, 0), (3, 7)])
def test_the_pool_follows_the_settings(monkeypatch, tmp_path, size, overflow):
    monkeypatch.setenv("STORMDRILL_DB_POOL_SIZE", str(size))
    monkeypatch.setenv("STORMDRILL_DB_MAX_OVERFLOW", str(overflow))
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'pool.db'}")
    engine = engine_for(settings)
    assert (engine.pool.size(), engine.pool._max_overflow) == (size, overflow)
    engine.dispose()


def test_an_empty_pool_is_refused_with_the_field_named():
    with pytest.raises(ValidationError, match="db_pool_size"):
        Settings(_env_file=None, db_pool_size=0)


def test_sqlite_readers_begin_deferred_and_writers_immediate(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'begin.db'}")
    begun: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: begun.append(a[2]))
    with Session(engine) as session:
        session.exec(text("SELECT 1")).one()
        begin_write(session)
        begin_write(session)  # already a writer: the same transaction goes on
        session.exec(text("SELECT 1")).one()
        session.commit()
    engine.dispose()
    assert [sql for sql in begun if sql.startswith("BEGIN")] == ["BEGIN", "BEGIN IMMEDIATE"]


def test_a_writer_goes_on_from_a_read_transaction_with_nothing_pending(engine):
    """Where reads see every committed write (PostgreSQL), a read transaction with nothing
    pending becomes the writer as it is; SQLite ends it to take the write lock; a transaction
    with pending changes is committed first everywhere."""
    commits: list[object] = []
    listener = commits.append
    event.listen(engine, "commit", listener)
    slug = f"pending-{uuid.uuid4().hex[:8]}"
    try:
        with Session(engine) as session:
            session.exec(text("SELECT 1")).one()
            begin_write(session)
            session.exec(text("SELECT 2")).one()
            clean = len(commits)
            session.add(Organisation(name="Inside", slug=f"inside-{slug}"))
            begin_write(session)  # a writer already: nothing is committed half-way
            assert len(commits) == clean
            session.rollback()
        with Session(engine) as session:
            session.exec(text("SELECT 1")).one()
            session.add(Organisation(name="Pending", slug=slug))
            begin_write(session)
            session.rollback()
        pending = len(commits) - clean
        with Session(engine) as session:
            kept = session.exec(select(Organisation).where(Organisation.slug == slug)).one()
            session.delete(kept)
            session.commit()
    finally:
        event.remove(engine, "commit", listener)
    assert clean == (1 if engine.dialect.name == "sqlite" else 0)
    assert pending == 1  # committed before the write transaction, not lost with it


@pytest.mark.parametrize("change", ["autoflushed", "statement"])
def test_a_write_already_sent_is_committed_before_the_write_transaction(engine, change):
    """A change no longer pending because it was sent already (a query's autoflush, an
    update statement) is still committed first: the write transaction's rollback must not
    take it away."""
    slug = f"sent-{uuid.uuid4().hex[:8]}"
    with Session(engine) as session:
        session.add(Organisation(name="Before", slug=slug))
        session.commit()
    commits: list[object] = []
    listener = commits.append
    event.listen(engine, "commit", listener)
    try:
        with Session(engine) as session:
            org = session.exec(select(Organisation).where(Organisation.slug == slug)).one()
            if change == "autoflushed":
                org.name = "After"
                session.exec(select(Organisation).where(Organisation.slug == slug)).one()
                assert not session.dirty  # sent by the autoflush, no longer pending
            else:
                session.exec(
                    update(Organisation).where(Organisation.slug == slug).values(name="After")
                )
            begin_write(session)
            session.rollback()
        assert len(commits) == 1
        with Session(engine) as session:
            kept = session.exec(select(Organisation).where(Organisation.slug == slug)).one()
            assert kept.name == "After"
            session.delete(kept)
            session.commit()
    finally:
        event.remove(engine, "commit", listener)
