"""Studio services: an organisation's scenarios created, versioned, edited, deleted, resolved.

Every document goes through the library loader's checks (`validate_data` / `parse_scenario`),
so a scenario saved here is one `stormdrill scenarios validate` accepts. A save never changes a
version: it writes the next one.
"""

from typing import Any

from sqlmodel import Session, col, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction
from app.accounts.models import Organisation, User
from app.core.db import utcnow
from app.core.errors import Invalid, NotFound
from app.core.i18n import gettext as _
from app.core.memo import Memo
from app.drills.models import Drill
from app.plans.service import as_aware, atomic, claim_version
from app.scenarios import library
from app.scenarios.loader import ScenarioError, parse_scenario, validate_data
from app.scenarios.messages import in_language
from app.scenarios.models import Scenario
from app.studio import spreadsheet
from app.studio.models import (
    CloneIn,
    ImportIn,
    OrgScenario,
    ScenarioChoice,
    ScenarioChoices,
    ScenarioDetail,
    ScenarioPublic,
    ScenarioUpdate,
    ScenarioVersion,
)
from app.studio.msel import free_id

SLUG_LENGTH = 60
_documents: Memo[Scenario] = Memo()


def refused(error: ScenarioError, *, from_file: bool) -> Invalid:
    """The loader's problems as one Invalid naming each field, in the reader's language; a
    file's also name it and the line (a document from a form or JSON has no lines to name)."""
    problems = []
    for problem in error.problems:
        text = in_language(problem.message, _)
        problems.append((problem.path, problem.located(text) if from_file else text))
    message = "\n".join(text if from_file else f"{path}: {text}" for path, text in problems)
    return Invalid(message, field=problems[0][0], problems=problems)


def validated(data: Any, *, label: str) -> Scenario:
    """A Scenario from decoded data, checked exactly as a library file is."""
    if not isinstance(data, dict):
        raise Invalid(_("A scenario is a mapping of fields (id, title…)."), field="document")
    try:
        return validate_data(data, label=label)
    except ScenarioError as error:
        raise refused(error, from_file=False) from None


def document_of(version: ScenarioVersion) -> Scenario:
    """The version's scenario; parsed once per version (a version never changes)."""
    key = (version.id, version.created_at.isoformat())
    return _documents.get(key, lambda: Scenario.model_validate(version.document))


def list_scenarios(
    *, session: Session, org: Organisation
) -> list[tuple[OrgScenario, ScenarioVersion]]:
    """The organisation's scenarios with their latest version, by slug."""
    rows = session.exec(
        select(OrgScenario, ScenarioVersion)
        .join(
            ScenarioVersion,
            (ScenarioVersion.scenario_id == OrgScenario.id)
            & (ScenarioVersion.number == OrgScenario.version),
        )
        .where(OrgScenario.organisation_id == org.id)
        .order_by(OrgScenario.slug)
    ).all()
    return [(row, version) for row, version in rows]


def get_scenario(*, session: Session, org: Organisation, scenario_id: int) -> OrgScenario:
    """One of the organisation's scenarios; NotFound for any other id."""
    row = session.get(OrgScenario, scenario_id)
    if row is None or row.organisation_id != org.id:
        raise NotFound(_("This scenario does not exist."))
    return row


def latest_version(*, session: Session, row: OrgScenario) -> ScenarioVersion:
    """The scenario's current version."""
    return session.exec(
        select(ScenarioVersion).where(
            ScenarioVersion.scenario_id == row.id, ScenarioVersion.number == row.version
        )
    ).one()


def slug_taken(*, session: Session, org: Organisation, slug: str) -> bool:
    """Whether a library scenario or one of the organisation's already has this id."""
    if any(summary.id == slug for summary in library.list_scenarios()):
        return True
    return (
        session.exec(
            select(OrgScenario.id).where(
                OrgScenario.organisation_id == org.id, OrgScenario.slug == slug
            )
        ).first()
        is not None
    )


def free_slug(*, session: Session, org: Organisation, base: str) -> str:
    """`base-2`, `base-3`… whichever is free first among the library's and the organisation's."""
    taken = {summary.id for summary in library.list_scenarios()}
    taken |= set(
        session.exec(select(OrgScenario.slug).where(OrgScenario.organisation_id == org.id)).all()
    )
    return free_id(taken, base, SLUG_LENGTH)


def create_scenario(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    scenario: Scenario,
    origin: str,
    action: AuditAction = AuditAction.scenario_created,
) -> OrgScenario:
    """A new organisation scenario whose version 1 is `scenario`; its id must be free.
    The audit log records it as `action` (created, cloned, imported)."""
    if slug_taken(session=session, org=org, slug=scenario.id):
        raise Invalid(
            _(
                "The id “%(id)s” is already used by a library scenario or one of yours.",
                id=scenario.id,
            ),
            field="id",
        )
    with atomic(session):
        row = OrgScenario(
            organisation_id=org.id, slug=scenario.id, created_by_id=user.id if user else None
        )
        session.add(row)
        session.flush()
        session.add(new_version(row=row, user=user, scenario=scenario, origin=origin))
        _audit(session=session, row=row, user=user, action=action, detail=origin)
    session.refresh(row)
    return row


def _audit(
    *, session: Session, row: OrgScenario, user: User | None, action: AuditAction, detail: str = ""
) -> None:
    audit.record(
        session=session,
        org_id=row.organisation_id,
        action=action,
        target=row.slug,
        detail=detail,
        actor=user,
    )


def new_version(
    *, row: OrgScenario, user: User | None, scenario: Scenario, origin: str
) -> ScenarioVersion:
    """The version row `row.version` holding `scenario`."""
    return ScenarioVersion(
        organisation_id=row.organisation_id,
        scenario_id=row.id,
        number=row.version,
        document=scenario.model_dump(mode="json"),
        origin=origin,
        created_by_id=user.id if user else None,
    )


def clone_library(
    *, session: Session, org: Organisation, user: User | None, clone_in: CloneIn
) -> OrgScenario:
    """A copy of a library scenario, under the given id or a free one made from its id."""
    try:
        source = library.load_scenario(clone_in.library_id)
    except (NotFound, ScenarioError):
        raise Invalid(
            _("No scenario “%(id)s” in the library.", id=clone_in.library_id),
            field="library_id",
        ) from None
    slug = clone_in.slug or free_slug(session=session, org=org, base=source.id)
    data = source.model_dump(mode="json")
    scenario = validated({**data, "id": slug}, label=clone_in.library_id)
    return create_scenario(
        session=session,
        org=org,
        user=user,
        scenario=scenario,
        origin=f"library:{source.id}",
        action=AuditAction.scenario_cloned,
    )


def import_yaml(
    *, session: Session, org: Organisation, user: User | None, import_in: ImportIn
) -> OrgScenario:
    """A new scenario from a scenario file's text; every problem names the line and field."""
    try:
        scenario = parse_scenario(import_in.yaml, label=import_in.filename)
    except ScenarioError as error:
        raise refused(error, from_file=True) from None
    return create_scenario(
        session=session,
        org=org,
        user=user,
        scenario=scenario,
        origin="import",
        action=AuditAction.scenario_imported,
    )


def update_scenario(
    *,
    session: Session,
    user: User | None,
    row: OrgScenario,
    update: ScenarioUpdate,
    action: AuditAction = AuditAction.scenario_edited,
) -> ScenarioVersion:
    """Save `update.document` as the next version; Conflict when `update.version` is stale.
    The audit log records it as `action` (an edit, or a bank inject added)."""
    scenario = validated(update.document, label=row.slug)
    if scenario.id != row.slug:
        raise Invalid(
            _("A scenario keeps its id (“%(id)s”); clone it to give it another.", id=row.slug),
            field="id",
        )
    with atomic(session):
        claim_version(session=session, row=row, expected=update.version)
        row.updated_at = utcnow()
        session.add(row)
        version = new_version(row=row, user=user, scenario=scenario, origin="edit")
        session.add(version)
        _audit(session=session, row=row, user=user, action=action, detail=f"v{row.version}")
    session.refresh(version)
    return version


def import_injects(
    *,
    session: Session,
    user: User | None,
    row: OrgScenario,
    drafts: list[dict[str, Any]],
    replace: bool,
    version: int,
) -> ScenarioVersion:
    """Save the spreadsheet's injects instead of the scenario's (`replace`) or after them,
    as the next version; an id already taken gets a free one."""
    document = dict(latest_version(session=session, row=row).document)
    kept = [] if replace else list(document.get("injects", []))
    added = spreadsheet.injects_of(drafts, {inject["id"] for inject in kept})
    update = ScenarioUpdate(version=version, document={**document, "injects": kept + added})
    return update_scenario(session=session, user=user, row=row, update=update)


def delete_scenario(
    *, session: Session, row: OrgScenario, version: int, user: User | None = None
) -> None:
    """Delete the scenario; the versions a drill ran are kept (without it) for its review."""
    with atomic(session):
        claim_version(session=session, row=row, expected=version)
        _audit(session=session, row=row, user=user, action=AuditAction.scenario_deleted)
        used = set(
            session.exec(
                select(Drill.scenario_version_id).where(
                    col(Drill.scenario_version_id).is_not(None),
                    Drill.organisation_id == row.organisation_id,
                )
            ).all()
        )
        versions = session.exec(
            select(ScenarioVersion).where(ScenarioVersion.scenario_id == row.id)
        ).all()
        for version_row in versions:
            if version_row.id in used:
                version_row.scenario_id = None
                session.add(version_row)
            else:
                session.delete(version_row)
        session.flush()
        session.delete(row)


def find_scenario(*, session: Session, org: Organisation, slug: str) -> OrgScenario | None:
    """The organisation's scenario with this id (slug), if it has one."""
    return session.exec(
        select(OrgScenario).where(OrgScenario.organisation_id == org.id, OrgScenario.slug == slug)
    ).first()


def resolve(
    *, session: Session, org: Organisation, reference: str
) -> tuple[Scenario, ScenarioVersion | None]:
    """The scenario a drill set-up names: one of the organisation's (its latest version),
    else the library's; NotFound when neither has it."""
    row = find_scenario(session=session, org=org, slug=reference)
    if row is None:
        return library.load_scenario(reference), None
    version = latest_version(session=session, row=row)
    return document_of(version), version


def current_documents(*, session: Session, org: Organisation) -> list[Scenario]:
    """The latest version of each of the organisation's scenarios, by id."""
    return [document_of(version) for _row, version in list_scenarios(session=session, org=org)]


def drill_choices(*, session: Session, org: Organisation) -> ScenarioChoices:
    """The organisation's scenarios, then the library's: what a drill can run."""
    own = [
        ScenarioChoice(
            origin="organisation", summary=summary_of(document_of(version)), version=row.version
        )
        for row, version in list_scenarios(session=session, org=org)
    ]
    shared = [
        ScenarioChoice(origin="library", summary=summary) for summary in library.list_scenarios()
    ]
    return ScenarioChoices(data=own + shared, count=len(own) + len(shared))


def summary_of(scenario: Scenario) -> library.ScenarioSummary:
    """What a list of scenarios shows of this one."""
    return library.ScenarioSummary.model_validate(scenario, from_attributes=True)


def scenario_public(row: OrgScenario, version: ScenarioVersion) -> ScenarioPublic:
    """The API's view of a scenario and its latest version."""
    return ScenarioPublic(
        id=row.id,
        slug=row.slug,
        version=row.version,
        version_id=version.id,
        summary=summary_of(document_of(version)),
        updated_at=as_aware(row.updated_at),
    )


def scenario_detail(row: OrgScenario, version: ScenarioVersion) -> ScenarioDetail:
    """The API's view of a scenario with its whole document."""
    return ScenarioDetail(**scenario_public(row, version).model_dump(), document=version.document)
