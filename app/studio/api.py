"""The studio's JSON API: the scenarios a drill can use, and the organisation's own ones
under /api/studio/scenarios (the same services as the pages)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.accounts.deps import TrainerDep
from app.core.contract import error_responses
from app.core.deps import SessionDep
from app.studio import document, service
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.models import (
    CloneIn,
    ImportIn,
    ScenarioChoices,
    ScenarioDetail,
    ScenariosPublic,
    ScenarioUpdate,
)

router = APIRouter(prefix="/api", tags=["scenarios"])


@router.get("/scenarios", response_model=ScenarioChoices)
def list_choices(ctx: ReaderDep, session: SessionDep) -> ScenarioChoices:
    """Every scenario a drill can run: the organisation's own, then the library's."""
    return service.drill_choices(session=session, org=ctx.org)


@router.get("/studio/scenarios", response_model=ScenariosPublic)
def list_scenarios(ctx: ReaderDep, session: SessionDep) -> ScenariosPublic:
    """The organisation's own scenarios, each at its latest version."""
    rows = service.list_scenarios(session=session, org=ctx.org)
    data = [service.scenario_public(row, version) for row, version in rows]
    return ScenariosPublic(data=data, count=len(data))


@router.post("/studio/scenarios/clone", response_model=ScenarioDetail, status_code=201)
def clone(clone_in: CloneIn, ctx: TrainerDep, session: SessionDep) -> ScenarioDetail:
    """A copy of a library scenario (under a free id when none is given)."""
    row = service.clone_library(session=session, org=ctx.org, user=ctx.user, clone_in=clone_in)
    return service.scenario_detail(row, service.latest_version(session=session, row=row))


@router.post("/studio/scenarios/import", response_model=ScenarioDetail, status_code=201)
def import_file(import_in: ImportIn, ctx: TrainerDep, session: SessionDep) -> ScenarioDetail:
    """A new scenario from a scenario file's YAML; 422 lists every problem by line and field."""
    row = service.import_yaml(session=session, org=ctx.org, user=ctx.user, import_in=import_in)
    return service.scenario_detail(row, service.latest_version(session=session, row=row))


@router.get("/studio/scenarios/{scenario_id}", response_model=ScenarioDetail)
def get_scenario(row: ScenarioDep, session: SessionDep) -> ScenarioDetail:
    """One scenario with its latest document."""
    return service.scenario_detail(row, service.latest_version(session=session, row=row))


@router.put(
    "/studio/scenarios/{scenario_id}",
    response_model=ScenarioDetail,
    responses=error_responses(409),
)
def update_scenario(
    row: ScenarioDep, update: ScenarioUpdate, ctx: TrainerDep, session: SessionDep
) -> ScenarioDetail:
    """Save a whole new document as the next version; 409 when `version` is stale."""
    version = service.update_scenario(session=session, user=ctx.user, row=row, update=update)
    return service.scenario_detail(row, version)


@router.delete("/studio/scenarios/{scenario_id}", status_code=204, responses=error_responses(409))
def delete_scenario(
    row: ScenarioDep,
    ctx: TrainerDep,
    session: SessionDep,
    version: Annotated[int, Query(ge=1)],
) -> Response:
    """Delete the scenario (drills that ran it keep their version); 409 when `version` is stale."""
    service.delete_scenario(session=session, row=row, version=version, user=ctx.user)
    return Response(status_code=204)


@router.get("/studio/scenarios/{scenario_id}/export")
def export_scenario(row: ScenarioDep, session: SessionDep) -> Response:
    """The latest version as a library file (YAML), to download."""
    scenario = service.document_of(service.latest_version(session=session, row=row))
    return Response(
        document.to_yaml(scenario),
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{document.file_name(scenario)}"'},
    )
