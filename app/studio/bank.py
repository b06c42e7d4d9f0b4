"""The inject bank: an organisation's injects saved from one scenario to reuse in others.

An entry keeps the inject as it was (its times included). Adding it to a scenario places it
at the chosen time (its deadline moves with it, as on the timeline), gives it an id the
scenario does not use yet and saves the scenario's next version, with the same checks and
optimistic locking as any edit. An inject about a rumour is refused by a scenario without
that rumour: a link dropped silently would change what the inject means.
"""

import copy
from typing import Any

from sqlmodel import Session, col, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction
from app.accounts.models import Organisation, User
from app.core.errors import Invalid, NotFound
from app.core.i18n import current_language
from app.core.i18n import gettext as _
from app.plans.service import as_aware, atomic
from app.studio import msel, service
from app.studio.models import (
    BankEntryIn,
    BankEntryPublic,
    BankUseIn,
    InjectBankEntry,
    OrgScenario,
    ScenarioUpdate,
    ScenarioVersion,
)


def list_entries(*, session: Session, org: Organisation) -> list[InjectBankEntry]:
    """The organisation's bank, newest first."""
    return list(
        session.exec(
            select(InjectBankEntry)
            .where(InjectBankEntry.organisation_id == org.id)
            .order_by(col(InjectBankEntry.id).desc())
        ).all()
    )


def get_entry(*, session: Session, org: Organisation, entry_id: int) -> InjectBankEntry:
    """One of the organisation's bank entries; NotFound for any other id."""
    entry = session.get(InjectBankEntry, entry_id)
    if entry is None or entry.organisation_id != org.id:
        raise NotFound(_("This inject is not in your bank."))
    return entry


def _scenario(*, session: Session, org: Organisation, scenario_id: int) -> OrgScenario:
    try:
        return service.get_scenario(session=session, org=org, scenario_id=scenario_id)
    except NotFound:
        raise Invalid(_("Choose one of your scenarios."), field="scenario_id") from None


def save_inject(
    *, session: Session, org: Organisation, user: User | None, entry_in: BankEntryIn
) -> InjectBankEntry:
    """Save an inject of one of the organisation's scenarios (its latest version) to the bank."""
    row = _scenario(session=session, org=org, scenario_id=entry_in.scenario_id)
    document = service.latest_version(session=session, row=row).document
    inject = next((i for i in document.get("injects", []) if i["id"] == entry_in.inject_id), None)
    if inject is None:
        raise Invalid(_("Choose one of the scenario’s injects."), field="inject_id")
    rumour = next((r for r in document.get("rumours", []) if r["id"] == inject.get("rumour")), None)
    with atomic(session):
        entry = InjectBankEntry(
            organisation_id=org.id,
            inject=copy.deepcopy(inject),
            source_title=dict(document["title"]),
            rumour_claim=dict(rumour["claim"]) if rumour else None,
            created_by_id=user.id if user else None,
        )
        session.add(entry)
        audit.record(
            session=session,
            org_id=org.id,
            action=AuditAction.bank_inject_saved,
            target=row.slug,
            detail=inject["id"],
            actor=user,
        )
    session.refresh(entry)
    return entry


def delete_entry(*, session: Session, entry: InjectBankEntry, user: User | None) -> None:
    """Remove an inject from the bank (scenarios it was added to keep their copy)."""
    with atomic(session):
        audit.record(
            session=session,
            org_id=entry.organisation_id,
            action=AuditAction.bank_inject_deleted,
            detail=entry.inject["id"],
            actor=user,
        )
        session.delete(entry)


def placed(entry: InjectBankEntry, document: dict[str, Any], at_s: int) -> dict[str, Any]:
    """The entry's inject at `at_s` (deadline moved alike) under an id `document` does not
    use yet; Invalid when it is about a rumour the scenario does not have."""
    inject = entry.inject
    rumour = inject.get("rumour")
    if rumour and rumour not in {r["id"] for r in document.get("rumours", [])}:
        language = current_language.get()
        claim = (entry.rumour_claim or {}).get(language) or rumour
        raise Invalid(
            _(
                "This inject is about the rumour “%(claim)s”, which “%(scenario)s” does not "
                "have. Add that rumour to the scenario first.",
                claim=claim,
                scenario=document["title"].get(language, ""),
            ),
            field="scenario_id",
        )
    moved = msel.shift({"injects": [inject]}, at_s - inject["at"])["injects"][0]
    return msel.unused_id(document, moved)


def use_entry(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    entry: InjectBankEntry,
    use_in: BankUseIn,
) -> tuple[OrgScenario, ScenarioVersion]:
    """Add the bank inject to a scenario as its next version; Conflict when `version` is stale."""
    row = _scenario(session=session, org=org, scenario_id=use_in.scenario_id)
    document = copy.deepcopy(service.latest_version(session=session, row=row).document)
    inject = placed(entry, document, use_in.at_minutes * 60)
    document.setdefault("injects", []).append(inject)
    update = ScenarioUpdate(version=use_in.version, document=document)
    version = service.update_scenario(
        session=session, user=user, row=row, update=update, action=AuditAction.bank_inject_used
    )
    return row, version


def entry_public(entry: InjectBankEntry) -> BankEntryPublic:
    """The API's view of a bank entry."""
    return BankEntryPublic(
        id=entry.id,
        inject=entry.inject,
        source_title=entry.source_title,
        rumour_claim=entry.rumour_claim,
        created_at=as_aware(entry.created_at),
    )
