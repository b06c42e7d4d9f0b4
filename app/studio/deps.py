"""Studio lookups and roles: authors read, trainers (and admins) write, members see nothing."""

from typing import Annotated

from fastapi import Depends

from app.accounts.deps import OrgContext, TrainerDep, require_role
from app.accounts.models import Role
from app.core.deps import SessionDep
from app.studio import bank, service
from app.studio.models import InjectBankEntry, OrgScenario

ReaderDep = Annotated[OrgContext, Depends(require_role(Role.author, Role.trainer))]


def valid_scenario_id(scenario_id: int, ctx: ReaderDep, session: SessionDep) -> OrgScenario:
    """The caller's organisation's scenario with this id (404 for any other)."""
    return service.get_scenario(session=session, org=ctx.org, scenario_id=scenario_id)


ScenarioDep = Annotated[OrgScenario, Depends(valid_scenario_id)]


def valid_entry_id(entry_id: int, ctx: TrainerDep, session: SessionDep) -> InjectBankEntry:
    """The caller's organisation's bank entry with this id (404 for any other)."""
    return bank.get_entry(session=session, org=ctx.org, entry_id=entry_id)


BankEntryDep = Annotated[InjectBankEntry, Depends(valid_entry_id)]
