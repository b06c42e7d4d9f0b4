"""Studio factories: an organisation scenario cloned from the library, and its edits."""

from typing import Any

from sqlmodel import Session

from app.accounts.models import Organisation
from app.studio import bank, service
from app.studio.models import BankEntryIn, CloneIn, OrgScenario, ScenarioUpdate
from tests.factories import Factory
from tests.plans.html import parse


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


def form_fields(html: str) -> dict[str, list[str]]:
    """The fields of a page's forms as a browser posts them untouched: text as it is, ticked
    boxes only, each select's chosen options (a single select's first one when none is)."""
    data: dict[str, list[str]] = {}
    select: str | None = None
    first: list[str] = []  # a single select's first option: what it sends when none is chosen
    multiple = False

    def close() -> None:
        if select and not multiple and not data[select]:
            data[select] = first[:1]

    for element in parse(html):
        name, kind = element.get("name"), element.get("type")
        if element.tag != "option":
            close()
            select, first, multiple = None, [], False
        if element.tag == "input" and name and kind not in ("checkbox", "file"):
            data.setdefault(name, []).append(element.get("value") or "")
        elif element.tag == "input" and name and "checked" in element.attrs:
            data.setdefault(name, []).append(element.get("value") or "on")
        elif element.tag == "textarea" and name:
            data.setdefault(name, []).append("".join(element.parts))
        elif element.tag == "select" and name:
            data.setdefault(name, [])
            select, multiple = name, "multiple" in element.attrs
        elif element.tag == "option" and select is not None:
            value = element.get("value") or ""
            first = first or [value]
            if "selected" in element.attrs:
                data[select].append(value)
    close()
    return data
