"""Plans as files: export to a document (YAML or JSON), import one back, exactly."""

import json
from typing import Any

import yaml
from pydantic import ValidationError
from sqlmodel import Session, select

from app.accounts.models import Organisation, User
from app.core import limits
from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.plans import items
from app.plans.document import PlanDocument
from app.plans.forms import message_for
from app.plans.models import Plan, PlanMessage
from app.plans.schemas import DOCUMENT_FORMAT, PlanCreate
from app.plans.sections import SECTIONS, field_words
from app.plans.service import atomic, new_plan_row, record_change
from app.scenarios.loader import LineMap

FORMATS = ("yaml", "json")


def has_key_messages(*, session: Session, plan: Plan) -> bool:
    """Whether the plan has at least one key message (a drill needs one)."""
    return (
        session.exec(select(PlanMessage.id).where(PlanMessage.plan_id == plan.id)).first()
        is not None
    )


def export_document(*, session: Session, plan: Plan) -> dict[str, Any]:
    """The whole plan as a plain document: the export format and the frozen snapshot."""
    document: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "title": plan.title,
        "description": plan.description,
        "languages": list(plan.languages),
        "drill_every_days": plan.drill_every_days,
    }
    for section in SECTIONS.values():
        document[section.document_key] = [
            item_document(session=session, section=section, row=row)
            for row in items.list_items(session=session, plan=plan, section=section)
        ]
    return document


def item_document(*, session: Session, section: Any, row: Any) -> dict[str, Any]:
    """One item as the document writes it: validated, without empty optional fields."""
    values = items.item_values(session=session, section=section, row=row)
    return section.create(**values).model_dump(mode="json", exclude_none=True)


def dumps(document: dict[str, Any], fmt: str) -> str:
    """The document as YAML or JSON text, keys in the format's order."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def loads(text: str | bytes, fmt: str, max_bytes: int = limits.MAX_DOCUMENT_BYTES) -> Any:
    """Parse YAML or JSON text within the document limits; an error names the line or limit."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if fmt == "json":
            return limits.load_json(text, max_bytes)
        return limits.load_yaml(text, max_bytes)
    except UnicodeDecodeError as exc:
        raise Invalid(
            _("The file is not UTF-8 text (byte %(position)s).", position=exc.start),
            field="file",
        ) from None
    except limits.LimitExceeded as exc:
        raise Invalid(exc.message, field="file") from None
    except json.JSONDecodeError as exc:
        raise Invalid(
            _("Not valid JSON (line %(line)s): %(error)s.", line=exc.lineno, error=exc.msg),
            field="file",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        raise Invalid(
            _(
                "Not valid YAML (line %(line)s): %(error)s.",
                line=line,
                error=getattr(exc, "problem", None) or exc,
            ),
            field="file",
        ) from None


def document_lines(text: str | bytes) -> LineMap | None:
    """The line of each field of a YAML or JSON file (JSON reads as YAML), or None if unreadable."""
    try:
        loader = limits.LimitedLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, limits.LimitExceeded, UnicodeDecodeError):
        return None
    return LineMap(node) if node is not None else None


def refusal(problems: list[tuple[str, str]], *, label: str, lines: LineMap | None) -> Invalid:
    """Every problem of a file at once, each naming the file, its line and its field."""
    located = []
    for path, message in problems:
        loc = tuple(int(part) if part.isdigit() else part for part in path.split("."))
        field = field_words(loc)
        if lines is None:  # a request body, not a file: the field says where
            located.append((path, f"{field}: {message}"))
            continue
        where = _("%(file)s, line %(line)s", file=label, line=lines.line(loc))
        located.append((path, f"{where}, {field}: {message}"))
    return Invalid(
        "\n".join(message for _path, message in located), field=located[0][0], problems=located
    )


def validation_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """A document's validation errors as (field path, message), cross-checks included."""
    problems = []
    for error in exc.errors():
        nested = (error.get("ctx") or {}).get("problems")
        if nested:
            problems += nested
        else:
            path = ".".join(str(part) for part in error["loc"]) or "file"
            problems.append((path, message_for(error)))
    return problems


def parse_document(data: Any, *, label: str = "file", lines: LineMap | None = None) -> PlanDocument:
    """Validate a loaded document; Invalid lists every problem, e.g. roles.2.name, by line."""
    if not isinstance(data, dict):
        raise Invalid(_("A plan file holds a mapping of fields (title, roles…)."), field="file")
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        raise refusal(validation_problems(exc), label=label, lines=lines) from None


def plan_titled(*, session: Session, org: Organisation, title: str) -> Plan | None:
    """The organisation's plan with this title, if there is one (an import warns of it)."""
    return session.exec(
        select(Plan).where(Plan.organisation_id == org.id, Plan.title == title)
    ).first()


def free_title(*, session: Session, org: Organisation, title: str) -> str:
    """`title`, or `title (2)`, `title (3)`… whichever no plan of the organisation has."""
    taken = set(session.exec(select(Plan.title).where(Plan.organisation_id == org.id)).all())
    candidate, n = title, 1
    while candidate in taken:
        n += 1
        candidate = f"{title} ({n})"
    return candidate


def import_document(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    data: Any,
    label: str = "file",
    lines: LineMap | None = None,
    title: str | None = None,
) -> Plan:
    """A new draft plan from a document (titled `title` if given); nothing is saved if any
    part is refused, and the refusal lists every problem."""
    document = parse_document(data, label=label, lines=lines)
    rows, problems = [], []
    for section in SECTIONS.values():
        for position, item in enumerate(getattr(document, section.document_key), start=1):
            try:
                values = items.column_values(session=session, org=org, section=section, data=item)
            except Invalid as exc:
                path = f"{section.document_key}.{position - 1}.{exc.field}"
                problems.append((path, exc.message))
                continue
            rows.append((section, position, values))
    if problems:
        raise refusal(problems, label=label, lines=lines)
    plan_in = PlanCreate(**document.model_dump(include=set(PlanCreate.model_fields)))
    if title:
        plan_in.title = title
    with atomic(session):
        plan = new_plan_row(session=session, org=org, user=user, plan_in=plan_in)
        for section, position, values in rows:
            session.add(section.model(plan_id=plan.id, position=position, **values))
        record_change(session=session, plan=plan, user=user, action="imported", summary=plan.title)
    return plan
