"""The inject bank's JSON API under /api/studio/bank (the same services as its page)."""

from fastapi import APIRouter, Response

from app.accounts.deps import TrainerDep
from app.core.contract import error_responses
from app.core.deps import SessionDep
from app.studio import bank, service
from app.studio.deps import BankEntryDep
from app.studio.models import (
    BankEntriesPublic,
    BankEntryIn,
    BankEntryPublic,
    BankUseIn,
    ScenarioDetail,
)

router = APIRouter(prefix="/api/studio/bank", tags=["scenarios"])


@router.get("", response_model=BankEntriesPublic)
def list_entries(ctx: TrainerDep, session: SessionDep) -> BankEntriesPublic:
    """The organisation's inject bank, newest first."""
    data = [bank.entry_public(entry) for entry in bank.list_entries(session=session, org=ctx.org)]
    return BankEntriesPublic(data=data, count=len(data))


@router.post("", response_model=BankEntryPublic, status_code=201)
def save_inject(entry_in: BankEntryIn, ctx: TrainerDep, session: SessionDep) -> BankEntryPublic:
    """Save an inject of one of the organisation's scenarios (its latest version) to the bank."""
    entry = bank.save_inject(session=session, org=ctx.org, user=ctx.user, entry_in=entry_in)
    return bank.entry_public(entry)


@router.delete("/{entry_id}", status_code=204)
def delete_entry(entry: BankEntryDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Remove an inject from the bank; scenarios it was added to keep their copy."""
    bank.delete_entry(session=session, entry=entry, user=ctx.user)
    return Response(status_code=204)


@router.post("/{entry_id}/use", response_model=ScenarioDetail, responses=error_responses(409))
def use_entry(
    entry: BankEntryDep, use_in: BankUseIn, ctx: TrainerDep, session: SessionDep
) -> ScenarioDetail:
    """Add the inject to a scenario at `at_minutes`, as its next version (under a free id);
    409 when `version` is stale, 422 when the scenario lacks the inject's rumour."""
    row, version = bank.use_entry(
        session=session, org=ctx.org, user=ctx.user, entry=entry, use_in=use_in
    )
    return service.scenario_detail(row, version)
