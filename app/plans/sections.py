"""The six sections of a plan, described once: table, schemas, form fields, URL and labels.

Services, routes, the API and templates all walk this registry instead of repeating
themselves six times.
"""

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlmodel import SQLModel

from app.core.i18n import lazy_gettext as _l
from app.plans import models, schemas


@dataclass(frozen=True)
class FormField:
    """One input of a section's form.

    `kind`: text, textarea, lines (one value per line), bool, int, number, select, multiselect,
    template (a key-message text with counter and preview). `choices` names a list the route
    supplies (roles, audiences, members, kinds, languages, metrics, levels).
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
        for attr in ("name", "title", "metric"):
            if hasattr(item, attr):
                return str(getattr(item, attr))
        return str(getattr(item, self.key_attr))


HOLDER_HINT = _l("A member of the organisation, or the name of an external contact.")

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
            _l("Roles"),
            _l("Add a role"),
            (
                FormField("name", _l("Name"), required=True),
                FormField("responsibilities", _l("Responsibilities"), "lines", _l("One per line.")),
                FormField("holder_member", _l("Holder (member)"), "select", HOLDER_HINT, "members"),
                FormField("holder_contact", _l("Holder (external contact)")),
                FormField("backup_member", _l("Backup (member)"), "select", "", "members"),
                FormField("backup_contact", _l("Backup (external contact)")),
                FormField("may_publish", _l("May publish statements"), "bool"),
                FormField("approves_statements", _l("Approves statements"), "bool"),
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
            _l("Severity levels"),
            _l("Add a severity level"),
            (
                FormField("level", _l("Level"), "int", _l("1 is the mildest."), required=True),
                FormField("name", _l("Name"), required=True),
                FormField("criteria", _l("Criteria"), "textarea"),
                FormField("tone", _l("Tone guidance"), "textarea"),
                FormField(
                    "response_minutes",
                    _l("First public response within (minutes)"),
                    "int",
                    required=True,
                ),
                FormField("needs_approval", _l("Statements need approval"), "bool"),
                FormField("alert_roles", _l("Roles alerted"), "multiselect", "", "roles"),
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
            _l("Audiences"),
            _l("Add an audience"),
            (
                FormField("name", _l("Name"), required=True),
                FormField("description", _l("Description"), "textarea"),
                FormField("channels", _l("Channels"), "lines", _l("One per line.")),
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
            _l("Key messages"),
            _l("Add a key message"),
            (
                FormField("title", _l("Title"), required=True),
                FormField("kind", _l("Kind"), "select", "", "kinds", required=True),
                FormField("language", _l("Language"), "select", "", "languages", required=True),
                FormField("audiences", _l("Audiences"), "multiselect", "", "audiences"),
                FormField("min_severity", _l("From severity"), "select", "", "levels"),
                FormField("max_severity", _l("Up to severity"), "select", "", "levels"),
                FormField("text", _l("Text"), "template", "", required=True),
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
            _l("Checklist"),
            _l("Add an action"),
            (
                FormField("title", _l("Action"), required=True),
                FormField("owner_role", _l("Owner role"), "select", "", "roles"),
                FormField(
                    "due_minutes", _l("Due (minutes after the crisis starts)"), "int", required=True
                ),
                FormField("from_severity", _l("Applies from severity"), "select", "", "levels"),
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
            _l("KPIs"),
            _l("Add a KPI"),
            (
                FormField("metric", _l("Metric"), "select", "", "metrics", required=True),
                FormField(
                    "target",
                    _l("Target"),
                    "number",
                    _l(
                        "Shares between 0 and 1, times in seconds above 0, "
                        "sentiment between -1 and 1."
                    ),
                    required=True,
                ),
                FormField("weight", _l("Weight"), "number", _l("Above 0, at most 10.")),
            ),
        ),
    )
}

BY_DOCUMENT_KEY = {section.document_key: section for section in SECTIONS.values()}
