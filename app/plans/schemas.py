"""Validated shapes of plans and their sections: what the API, the forms and files accept."""

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from app.core.i18n import gettext as _
from app.core.i18n import ngettext
from app.core.schemas import UtcDatetime
from app.plans.catalogue import (
    METRIC_KINDS,
    METRIC_LABELS,
    PLACEHOLDERS,
    MessageKind,
    Metric,
    PlanStatus,
    placeholder_problems,
)

DOCUMENT_FORMAT = "stormdrill.plan/1"
Language = Literal["fr", "en"]
Key = Annotated[str, StringConstraints(max_length=60, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Contact = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Level = Annotated[int, Field(ge=1, le=9)]
PHONE_SHAPE = re.compile(r"\+?[0-9 .()-]+")


def phone_number(value: str) -> str:
    """A phone number as people write it: an optional leading +, digits and separators."""
    digits = sum(char in "0123456789" for char in value)
    if not PHONE_SHAPE.fullmatch(value) or not 6 <= digits <= 20:
        raise refused(
            "phone",
            _("Enter a phone number: 6 to 20 digits, spaces or dashes, an optional + first."),
        )
    return value


Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=30), AfterValidator(phone_number)
]
# Members are matched against the accounts table, so a plain shape check is enough here
# (and keeps reserved test domains such as .test usable).
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
]


def slugify(text: str) -> str:
    """A lowercase ASCII key for `text`, as used to cross-reference plan items."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50] or "item"


def unique_key(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not yet in `taken`."""
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def refused(code: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown as is, without pydantic's prefix."""
    return PydanticCustomError(code, message)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain_text(value: Any) -> Any:
    """Text as plain UTF-8: one kind of line break, no control characters.

    Exotic breaks (NEL, U+2028) would not survive a YAML round trip unchanged.
    """
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        return _CONTROL.sub("", text.replace("\r", "\n").replace("\x85", "\n"))
    if isinstance(value, list):
        return [plain_text(item) for item in value]
    return value


class Strict(BaseModel):
    """Strips text, refuses unknown fields (a typo in an import names itself)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return plain_text(value)


class RoleCreate(Strict):
    """A role as written by an author; the holder is a member's email or a contact's name."""

    key: Key | None = None
    name: str = Field(min_length=1, max_length=120)
    responsibilities: list[Line] = Field(default_factory=list, max_length=30)
    holder_member: Email | None = None
    holder_contact: Contact | None = None
    holder_phone: Phone | None = None
    backup_member: Email | None = None
    backup_contact: Contact | None = None
    backup_phone: Phone | None = None
    may_publish: bool = False
    approves_statements: bool = False

    @field_validator("holder_contact", "backup_contact")
    @classmethod
    def _one_holder(cls, value: str | None, info: ValidationInfo) -> str | None:
        member = info.data.get(info.field_name.replace("_contact", "_member"))
        if value and member:
            raise refused("one_holder", _("Choose a member or an external contact, not both."))
        return value


class SeverityCreate(Strict):
    """A severity level of the plan."""

    level: Level
    name: str = Field(min_length=1, max_length=80)
    criteria: str = Field(default="", max_length=2000)
    tone: str = Field(default="", max_length=2000)
    response_minutes: int = Field(default=60, ge=1, le=10080)
    needs_approval: bool = False
    alert_roles: list[Key] = Field(default_factory=list)


class AudienceCreate(Strict):
    """An audience and the channels that reach it."""

    key: Key | None = None
    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    channels: list[Line] = Field(default_factory=list, max_length=20)


class MessageCreate(Strict):
    """A key message template; only the documented placeholders are accepted."""

    key: Key | None = None
    title: str = Field(min_length=1, max_length=120)
    kind: MessageKind
    audiences: list[Key] = Field(default_factory=list)
    min_severity: Level = 1
    max_severity: Level = 4
    language: Language = "en"
    text: str = Field(min_length=1, max_length=2000)

    @field_validator("max_severity")
    @classmethod
    def _range(cls, value: int, info: ValidationInfo) -> int:
        if value < info.data.get("min_severity", 1):
            raise refused("severity_range", _("Must be at least the lowest severity."))
        return value

    @field_validator("text")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        problems = placeholder_problems(value)
        unknown = list(dict.fromkeys(p for p in problems if p not in "{}"))
        if unknown:
            raise refused(
                "placeholder",
                ngettext(
                    "Unknown placeholder %(names)s. Allowed: %(allowed)s.",
                    "Unknown placeholders %(names)s. Allowed: %(allowed)s.",
                    len(unknown),
                    names=", ".join(f"{{{name}}}" for name in unknown),
                    allowed=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                ),
            )
        for brace in problems:
            raise refused(
                "brace", _("Unmatched “%(brace)s”: write placeholders as {name}.", brace=brace)
            )
        return value


class ActionCreate(Strict):
    """A checklist action."""

    key: Key | None = None
    title: str = Field(min_length=1, max_length=200)
    owner_role: Key | None = None
    due_minutes: int = Field(default=60, ge=0, le=10080)
    from_severity: Level = 1


class KpiCreate(Strict):
    """A KPI; its target must make sense for its metric."""

    metric: Metric
    target: float
    weight: float = Field(default=1.0, gt=0, le=10)

    @field_validator("target")
    @classmethod
    def _target_range(cls, value: float, info: ValidationInfo) -> float:
        kind = METRIC_KINDS.get(info.data.get("metric"))
        metric = METRIC_LABELS.get(info.data.get("metric"), info.data.get("metric"))
        if kind == "rate" and not 0 <= value <= 1:
            raise refused(
                "rate", _("The target of “%(metric)s” is a share between 0 and 1.", metric=metric)
            )
        if kind == "seconds" and value <= 0:
            raise refused(
                "seconds",
                _("The target of “%(metric)s” is a number of seconds above 0.", metric=metric),
            )
        if kind == "sentiment" and not -1 <= value <= 1:
            raise refused(
                "sentiment", _("The target of “%(metric)s” is between -1 and 1.", metric=metric)
            )
        return value


class Versioned(BaseModel):
    """The version the editor started from; a stale one is refused with 409."""

    version: int = Field(ge=1)


class RoleUpdate(RoleCreate, Versioned):
    """A role's new values (its key never changes)."""


class SeverityUpdate(SeverityCreate, Versioned):
    """A severity level's new values."""


class AudienceUpdate(AudienceCreate, Versioned):
    """An audience's new values (its key never changes)."""


class MessageUpdate(MessageCreate, Versioned):
    """A key message's new values (its key never changes)."""


class ActionUpdate(ActionCreate, Versioned):
    """A checklist action's new values (its key never changes)."""


class KpiUpdate(KpiCreate, Versioned):
    """A KPI's new values."""


class ItemPublic(BaseModel):
    """What every section item shows besides its own fields."""

    id: int
    position: int
    version: int


class RolePublic(RoleCreate, ItemPublic):
    key: str


class SeverityPublic(SeverityCreate, ItemPublic):
    """A severity level as the API returns it."""


class AudiencePublic(AudienceCreate, ItemPublic):
    key: str


class MessagePublic(MessageCreate, ItemPublic):
    key: str


class ActionPublic(ActionCreate, ItemPublic):
    key: str


class KpiPublic(KpiCreate, ItemPublic):
    """A KPI as the API returns it."""


class PlanBase(Strict):
    """What an author writes about the plan itself."""

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    languages: list[Language] = Field(default_factory=lambda: ["en"], min_length=1, max_length=2)
    drill_every_days: int = Field(default=90, ge=1, le=730)

    @field_validator("languages")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        return sorted(set(value), key=value.index)


class PlanCreate(PlanBase):
    """A new plan; it starts as a draft with the four default severity levels."""


class PlanUpdate(Strict):
    """Changes to a plan's own fields; `version` is the one the editor started from."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=4000)
    languages: list[Language] | None = Field(default=None, min_length=1, max_length=2)
    drill_every_days: int | None = Field(default=None, ge=1, le=730)
    version: int = Field(ge=1)

    @field_validator("title", "description", "languages", "drill_every_days")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        """A field may be left out to keep it, but not set to null: the plan needs a value."""
        if value is None:
            raise refused("null", _("This field may be left out but cannot be null."))
        return value


class PlanPublic(PlanBase):
    """A plan as listed: its fields, status and drill cadence."""

    id: int
    status: PlanStatus
    version: int
    last_drilled_at: UtcDatetime | None
    next_drill_due_at: UtcDatetime | None
    overdue: bool
    created_at: UtcDatetime
    updated_at: UtcDatetime


class PlansPublic(BaseModel):
    data: list[PlanPublic]
    count: int


class StatusChange(BaseModel):
    """A move to another status (approving freezes a new version)."""

    status: PlanStatus
    version: int = Field(ge=1)


class VersionPublic(BaseModel):
    id: int
    plan_id: int
    number: int
    created_at: UtcDatetime
    approved_by_id: int | None


class VersionsPublic(BaseModel):
    data: list[VersionPublic]
    count: int


class ChangePublic(BaseModel):
    id: int
    user_id: int | None
    action: str
    summary: str
    detail: dict
    created_at: UtcDatetime
