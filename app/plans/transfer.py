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


def parse_document(data: Any) -> PlanDocument:
    """Validate a loaded document; the first error names its path, e.g. roles.2.name."""
    if not isinstance(data, dict):
        raise Invalid(_("A plan file holds a mapping of fields (title, roles…)."), field="file")
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        path = ".".join(str(part) for part in error["loc"]) or "file"
        raise Invalid(f"{field_words(error['loc'])}: {message_for(error)}", field=path) from None


def import_document(*, session: Session, org: Organisation, user: User | None, data: Any) -> Plan:
    """A new draft plan from a document; nothing is saved if any part is refused."""
    document = parse_document(data)
    plan_in = PlanCreate(**document.model_dump(include=set(PlanCreate.model_fields)))
    with atomic(session):
        plan = new_plan_row(session=session, org=org, user=user, plan_in=plan_in)
        for section in SECTIONS.values():
            for position, item in enumerate(getattr(document, section.document_key), start=1):
                try:
                    values = items.column_values(
                        session=session, org=org, section=section, data=item
                    )
                except Invalid as exc:
                    where = (section.document_key, position - 1, exc.field or "")
                    path = ".".join(str(part) for part in where)
                    raise Invalid(f"{field_words(where)}: {exc.message}", field=path) from None
                session.add(section.model(plan_id=plan.id, position=position, **values))
        record_change(session=session, plan=plan, user=user, action="imported", summary=plan.title)
    return plan
