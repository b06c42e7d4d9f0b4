"""The plan document: a whole plan as one validated file (export, import, frozen snapshot)."""

from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from app.core.i18n import gettext as _
from app.plans.schemas import (
    DOCUMENT_FORMAT,
    ActionCreate,
    AudienceCreate,
    KpiCreate,
    MessageCreate,
    PlanBase,
    RoleCreate,
    SeverityCreate,
    slugify,
    unique_key,
)

MAX_ITEMS = 500  # per section: far above any real plan, and bounds the rows an import writes


class PlanDocument(PlanBase):
    """A whole plan as a file: export, import and the frozen snapshot of a version."""

    format: Literal["stormdrill.plan/1"] = DOCUMENT_FORMAT
    roles: list[RoleCreate] = Field(default_factory=list, max_length=MAX_ITEMS)
    severity_levels: list[SeverityCreate] = Field(default_factory=list, max_length=MAX_ITEMS)
    audiences: list[AudienceCreate] = Field(default_factory=list, max_length=MAX_ITEMS)
    key_messages: list[MessageCreate] = Field(default_factory=list, max_length=MAX_ITEMS)
    checklist: list[ActionCreate] = Field(default_factory=list, max_length=MAX_ITEMS)
    kpis: list[KpiCreate] = Field(default_factory=list, max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _keys_and_references(self) -> "PlanDocument":
        problems = self._key_problems() + self._reference_problems()
        if problems:
            path, message = problems[0]
            raise PydanticCustomError("document", f"{path}: {message}", {"problems": problems})
        return self

    def _key_problems(self) -> list[tuple[str, str]]:
        """Keys given to unnamed items; a key, level or metric used twice in its section."""
        problems = []
        for section in ("roles", "audiences", "key_messages", "checklist"):
            taken: set[str] = set()
            for index, item in enumerate(getattr(self, section)):
                item.key = item.key or unique_key(
                    slugify(getattr(item, "name", None) or item.title), taken
                )
                if item.key in taken:
                    message = _("The key “%(key)s” is used twice.", key=item.key)
                    problems.append((f"{section}.{index}.key", message))
                taken.add(item.key)
        for section, attr in {"severity_levels": "level", "kpis": "metric"}.items():
            seen: set[Any] = set()
            for index, item in enumerate(getattr(self, section)):
                if getattr(item, attr) in seen:
                    message = _("Each %(field)s may appear only once.", field=attr)
                    problems.append((f"{section}.{index}.{attr}", message))
                seen.add(getattr(item, attr))
        return problems

    def _reference_problems(self) -> list[tuple[str, str]]:
        """Each reference to a role or an audience the document does not have."""
        roles = {role.key for role in self.roles}
        audiences = {audience.key for audience in self.audiences}
        refs = [
            (f"severity_levels.{i}.alert_roles", key, roles)
            for i, level in enumerate(self.severity_levels)
            for key in level.alert_roles
        ]
        refs += [
            (f"key_messages.{i}.audiences", key, audiences)
            for i, message in enumerate(self.key_messages)
            for key in message.audiences
        ]
        refs += [
            (f"checklist.{i}.owner_role", action.owner_role, roles)
            for i, action in enumerate(self.checklist)
            if action.owner_role
        ]
        return [
            (path, _("Nothing has the key “%(key)s”.", key=key))
            for path, key, known in refs
            if key not in known
        ]
