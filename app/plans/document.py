"""The plan document: a whole plan as one validated file (export, import, frozen snapshot)."""

from typing import Literal

from pydantic import Field, model_validator

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
    refused,
    slugify,
    unique_key,
)
from app.plans.sections import field_words

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
        for section in ("roles", "audiences", "key_messages", "checklist"):
            taken: set[str] = set()
            for item in getattr(self, section):
                item.key = item.key or unique_key(
                    slugify(getattr(item, "name", None) or item.title), taken
                )
                if item.key in taken:
                    raise refused(
                        "duplicate",
                        _(
                            "%(path)s: the key “%(key)s” is used twice.",
                            path=field_words([section]),
                            key=item.key,
                        ),
                    )
                taken.add(item.key)
        unique_checks = {"severity_levels": "level", "kpis": "metric"}
        for section, attr in unique_checks.items():
            values = [getattr(item, attr) for item in getattr(self, section)]
            if len(values) != len(set(values)):
                raise refused(
                    "duplicate",
                    _(
                        "%(path)s: each %(field)s may appear only once.",
                        path=field_words([section]),
                        field=field_words([section, attr]).split(", ")[-1],
                    ),
                )
        self._check_references()
        return self

    def _check_references(self) -> None:
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
        for path, key, known in refs:
            if key not in known:
                raise refused(
                    "reference",
                    _(
                        "%(path)s: nothing has the key “%(key)s”.",
                        path=field_words(path.split(".")),
                        key=key,
                    ),
                )
