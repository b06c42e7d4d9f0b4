"""The six sections of a plan, described once: table, schemas, form fields, URL and labels.

Services, routes, the API and templates all walk this registry instead of repeating
themselves six times.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlmodel import SQLModel

from app.core.i18n import gettext, lazy_gettext
from app.plans import models, schemas
from app.plans.catalogue import METRIC_LABELS


@dataclass(frozen=True)
class FormField:
    """One input of a section's form.

    `kind`: text, tel (a phone number), textarea, lines (one value per line), bool, int, number,
    select, multiselect, template (a key-message text with counter and preview). `choices` names
    a list the route supplies (roles, audiences, members, kinds, languages, metrics, levels).
    """

    name: str
    label: Any
    kind: str = "text"
    hint: Any = ""
    choices: str = ""
    required: bool = False


@dataclass(frozen=True)
class Section:
    """A section of a plan and everything needed to edit it."""

    slug: str
    param: str
    document_key: str
    model: type[SQLModel]
    create: type[BaseModel]
    update: type[BaseModel]
    public: type[BaseModel]
    key_attr: str
    label: Any
    add_label: Any
    fields: tuple[FormField, ...] = field(default_factory=tuple)

    def describe(self, item: Any) -> str:
        """A short human name for one item of this section."""
        if hasattr(item, "metric"):
            return str(METRIC_LABELS.get(item.metric, item.metric))
        for attr in ("name", "title"):
            if hasattr(item, attr):
                return str(getattr(item, attr))
        return str(getattr(item, self.key_attr))


HOLDER_HINT = lazy_gettext("A member of the organisation, or the name of an external contact.")
PHONE_HINT = lazy_gettext("Optional. For example +33 6 12 34 56 78.")

SECTIONS: dict[str, Section] = {
    section.slug: section
    for section in (
        Section(
            "roles",
            "role_id",
            "roles",
            models.PlanRole,
            schemas.RoleCreate,
            schemas.RoleUpdate,
            schemas.RolePublic,
            "key",
            lazy_gettext("Roles"),
            lazy_gettext("Add a role"),
            (
                FormField("name", lazy_gettext("Name"), required=True),
                FormField(
                    "responsibilities",
                    lazy_gettext("Responsibilities"),
                    "lines",
                    lazy_gettext("One per line."),
                ),
                FormField(
                    "holder_member",
                    lazy_gettext("Holder (member)"),
                    "select",
                    HOLDER_HINT,
                    "members",
                ),
                FormField("holder_contact", lazy_gettext("Holder (external contact)")),
                FormField("holder_phone", lazy_gettext("Holder's phone"), "tel", PHONE_HINT),
                FormField(
                    "backup_member", lazy_gettext("Backup (member)"), "select", "", "members"
                ),
                FormField("backup_contact", lazy_gettext("Backup (external contact)")),
                FormField("backup_phone", lazy_gettext("Backup's phone"), "tel", PHONE_HINT),
                FormField("may_publish", lazy_gettext("May publish statements"), "bool"),
                FormField("approves_statements", lazy_gettext("Approves statements"), "bool"),
            ),
        ),
        Section(
            "severities",
            "severity_id",
            "severity_levels",
            models.PlanSeverity,
            schemas.SeverityCreate,
            schemas.SeverityUpdate,
            schemas.SeverityPublic,
            "level",
            lazy_gettext("Severity levels"),
            lazy_gettext("Add a severity level"),
            (
                FormField(
                    "level",
                    lazy_gettext("Level"),
                    "int",
                    lazy_gettext("1 is the mildest."),
                    required=True,
                ),
                FormField("name", lazy_gettext("Name"), required=True),
                FormField("criteria", lazy_gettext("Criteria"), "textarea"),
                FormField("tone", lazy_gettext("Tone guidance"), "textarea"),
                FormField(
                    "response_minutes",
                    lazy_gettext("First public response within (minutes)"),
                    "int",
                    required=True,
                ),
                FormField("needs_approval", lazy_gettext("Statements need approval"), "bool"),
                FormField("alert_roles", lazy_gettext("Roles alerted"), "multiselect", "", "roles"),
            ),
        ),
        Section(
            "audiences",
            "audience_id",
            "audiences",
            models.PlanAudience,
            schemas.AudienceCreate,
            schemas.AudienceUpdate,
            schemas.AudiencePublic,
            "key",
            lazy_gettext("Audiences"),
            lazy_gettext("Add an audience"),
            (
                FormField("name", lazy_gettext("Name"), required=True),
                FormField("description", lazy_gettext("Description"), "textarea"),
                FormField(
                    "channels", lazy_gettext("Channels"), "lines", lazy_gettext("One per line.")
                ),
            ),
        ),
        Section(
            "messages",
            "message_id",
            "key_messages",
            models.PlanMessage,
            schemas.MessageCreate,
            schemas.MessageUpdate,
            schemas.MessagePublic,
            "key",
            lazy_gettext("Key messages"),
            lazy_gettext("Add a key message"),
            (
                FormField("title", lazy_gettext("Title"), required=True),
                FormField("kind", lazy_gettext("Kind"), "select", "", "kinds", required=True),
                FormField(
                    "language", lazy_gettext("Language"), "select", "", "languages", required=True
                ),
                FormField("audiences", lazy_gettext("Audiences"), "multiselect", "", "audiences"),
                FormField("min_severity", lazy_gettext("From severity"), "select", "", "levels"),
                FormField("max_severity", lazy_gettext("Up to severity"), "select", "", "levels"),
                FormField("text", lazy_gettext("Text"), "template", "", required=True),
            ),
        ),
        Section(
            "checklist",
            "action_id",
            "checklist",
            models.PlanAction,
            schemas.ActionCreate,
            schemas.ActionUpdate,
            schemas.ActionPublic,
            "key",
            lazy_gettext("Checklist"),
            lazy_gettext("Add an action"),
            (
                FormField("title", lazy_gettext("Action"), required=True),
                FormField("owner_role", lazy_gettext("Owner role"), "select", "", "roles"),
                FormField(
                    "due_minutes",
                    lazy_gettext("Due (minutes after the crisis starts)"),
                    "int",
                    required=True,
                ),
                FormField(
                    "from_severity", lazy_gettext("Applies from severity"), "select", "", "levels"
                ),
            ),
        ),
        Section(
            "kpis",
            "kpi_id",
            "kpis",
            models.PlanKpi,
            schemas.KpiCreate,
            schemas.KpiUpdate,
            schemas.KpiPublic,
            "metric",
            lazy_gettext("KPIs"),
            lazy_gettext("Add a KPI"),
            (
                FormField("metric", lazy_gettext("Metric"), "select", "", "metrics", required=True),
                FormField(
                    "target",
                    lazy_gettext("Target"),
                    "number",
                    lazy_gettext(
                        "Shares in per cent (80 for 80 %), times in minutes above 0, "
                        "sentiment between -1 and 1."
                    ),
                    required=True,
                ),
                FormField(
                    "weight", lazy_gettext("Weight"), "number", lazy_gettext("Above 0, at most 10.")
                ),
            ),
        ),
    )
}

BY_DOCUMENT_KEY = {section.document_key: section for section in SECTIONS.values()}

PLAN_FIELD_LABELS = {
    "title": lazy_gettext("Title"),
    "description": lazy_gettext("Description"),
    "languages": lazy_gettext("Languages"),
    "drill_every_days": lazy_gettext("Drill every (days)"),
}


def field_words(path: Sequence[str | int]) -> str:
    """Where a plan document's field is, in people's words: `checklist.0.due_minutes` becomes
    “Checklist, item 1, Due (minutes after the crisis starts)”."""
    parts = [str(part) for part in path]
    if not parts:
        return gettext("The file")
    section = BY_DOCUMENT_KEY.get(parts[0])
    if section is None:
        return str(PLAN_FIELD_LABELS.get(parts[0], parts[0].replace("_", " ")))
    words = [str(section.label)]
    rest = parts[1:]
    if rest and rest[0].isdigit():
        words.append(gettext("item %(number)s", number=int(rest[0]) + 1))
        rest = rest[1:]
    if rest:
        named = next((f for f in section.fields if f.name == rest[0]), None)
        words.append(str(named.label) if named else rest[0].replace("_", " "))
    return ", ".join(words)


def field_label(section: str, name: str) -> str:
    """One field's name: of the plan itself (section "plan") or of an item of a section."""
    return field_words([name] if section == "plan" else [section, name]).split(", ")[-1]
