"""Studio factories: an organisation scenario cloned from the library, and its edits."""

from typing import Any

from sqlmodel import Session

from app.accounts.models import Organisation
from app.studio import bank, service
from app.studio.models import BankEntryIn, CloneIn, OrgScenario, ScenarioUpdate
from tests.factories import Factory


def make_scenario(
    session: Session, org: Organisation, library_id: str = "tutorial", slug: str | None = None
) -> OrgScenario:
    """A copy of a library scenario in `org`."""
    return service.clone_library(
        session=session, org=org, user=None, clone_in=CloneIn(library_id=library_id, slug=slug)
    )


def document(session: Session, row: OrgScenario) -> dict[str, Any]:
    """The latest document of `row`, as a fresh dict to edit."""
    return dict(service.latest_version(session=session, row=row).document)


def edit(session: Session, row: OrgScenario, **changes: Any) -> None:
    """Save the latest document with `changes` applied at its top level."""
    data = {**document(session, row), **changes}
    service.update_scenario(
        session=session,
        user=None,
        row=row,
        update=ScenarioUpdate(version=row.version, document=data),
    )


def scenario_id(session: Session, factory: Factory, org: Organisation) -> int:
    """An organisation scenario of `org` (for the route walk)."""
    return make_scenario(session, org).id


def bank_entry_id(session: Session, factory: Factory, org: Organisation) -> int:
    """An inject of `org`'s bank, saved from one of its scenarios (for the route walk)."""
    row = make_scenario(session, org)
    inject_id = document(session, row)["injects"][0]["id"]
    entry_in = BankEntryIn(scenario_id=row.id, inject_id=inject_id)
    return bank.save_inject(session=session, org=org, user=None, entry_in=entry_in).id
