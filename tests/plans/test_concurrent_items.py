"""Items added to one plan at the same moment: none fails (SQLite writers wait their turn) and
each gets its own position (the plan's row is held while the next one is numbered)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import Session

from app.accounts.models import Role
from app.core.db import make_engine
from app.plans import items, transfer
from app.plans.models import Plan
from app.plans.schemas import RoleCreate
from app.plans.sections import SECTIONS
from tests.conftest import TEST_DATABASE_URL
from tests.drills.helpers import PLAN_DOCUMENT
from tests.drills.real_server import migrated_database
from tests.factories import Factory

pytestmark = pytest.mark.database  # a scratch database on the suite's server

ADDERS = 6


def test_roles_added_at_once_are_all_stored_at_distinct_positions():
    with migrated_database(TEST_DATABASE_URL) as url:
        engine = make_engine(url)
        with Session(engine, expire_on_commit=False) as session:
            factory = Factory(session)
            org = factory.org()
            author = factory.member(org, Role.author)
            plan = transfer.import_document(
                session=session, org=org, user=author, data=PLAN_DOCUMENT
            )
        barrier = threading.Barrier(ADDERS)

        def add(index: int) -> None:
            with Session(engine, expire_on_commit=False) as session:
                mine = session.get(Plan, plan.id)
                barrier.wait()
                items.create_item(
                    session=session, org=org, user=author, plan=mine,
                    section=SECTIONS["roles"], data=RoleCreate(name=f"Role {index}"),
                )  # fmt: skip

        with ThreadPoolExecutor(ADDERS) as pool:
            list(pool.map(add, range(ADDERS)))
        with Session(engine) as session:
            stored = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])
            names = {row.name for row in stored}
            positions = [row.position for row in stored]
        engine.dispose()

    assert {f"Role {index}" for index in range(ADDERS)} <= names
    assert positions == list(range(1, len(PLAN_DOCUMENT["roles"]) + ADDERS + 1))
