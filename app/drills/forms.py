"""Drill HTML forms: raw form data into the service inputs, refusals naming the field."""

import random
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field, model_validator
from sqlmodel import SQLModel
from starlette.datastructures import FormData

from app.core.i18n import gettext as _
from app.core.timezones import MissingLocalTime, parse_local
from app.drills.models import AssignIn, Assignment, DrillCreate, InjectCreate
from app.plans.forms import FormErrors, validate
from app.scenarios.models import Channel, Persona, Priority

SETUP_FIELDS = (
    "plan_version_id",
    "scenario_id",
    "language",
    "seed",
    "speed",
    "title",
    "scheduled_at",
    "brand",
    "brand_handle",
    "mode",
)
ADHOC_FIELDS = ("channel", "persona", "actor_name", "content", "deadline_minutes", "priority")


def random_seed() -> int:
    """A fresh seed to pre-fill the set-up form with (shown, editable, reusable)."""
    return random.SystemRandom().randrange(2**31)


def form_values(form: FormData, names: tuple[str, ...]) -> dict[str, str]:
    """The submitted text of each named field, trimmed (kept to show the form again)."""
    return {name: str(form.get(name) or "").strip() for name in names}


def parse_schedule(text: str, *, now: datetime, zone: ZoneInfo) -> datetime | None:
    """A datetime-local value typed in the user's `zone`, in the future (UTC), or None if empty."""
    if not text:
        return None
    try:
        moment = parse_local(text, zone)
    except MissingLocalTime:
        message = _("This time does not exist that day (the clocks go forward): choose another.")
        raise FormErrors({"scheduled_at": message}) from None
    except ValueError:
        raise FormErrors({"scheduled_at": _("Enter a date and a time.")}) from None
    if moment <= now:
        raise FormErrors({"scheduled_at": _("Choose a start time in the future.")})
    return moment


def setup_input(values: dict[str, str], *, now: datetime, zone: ZoneInfo) -> DrillCreate:
    """The set-up form as a DrillCreate; every refused field is named at once."""
    errors: dict[str, str] = {}
    scheduled_at = None
    try:
        scheduled_at = parse_schedule(values.get("scheduled_at", ""), now=now, zone=zone)
    except FormErrors as exc:
        errors.update(exc.errors)
    given = {k: v for k, v in values.items() if v and k != "scheduled_at"}
    try:
        drill_in = validate(DrillCreate, {**given, "scheduled_at": scheduled_at})
    except FormErrors as exc:
        raise FormErrors({**exc.errors, **errors}) from None
    if errors:
        raise FormErrors(errors)
    return drill_in


def role_field(role_key: str) -> str:
    """The form field holding the people given one plan role."""
    return f"role-{role_key}"


def roster_input(form: FormData, role_keys: list[str]) -> tuple[AssignIn, dict[str, list[str]]]:
    """The roster form as an AssignIn, and the chosen user ids per role (to show it again)."""
    chosen = {key: [str(v) for v in form.getlist(role_field(key))] for key in role_keys}
    assignments = []
    for key, user_ids in chosen.items():
        for user_id in user_ids:
            if not user_id.isdigit():
                raise FormErrors({role_field(key): _("Choose people from the list.")})
            assignments.append(Assignment(user_id=int(user_id), role_key=key))
    return AssignIn(assignments=assignments), chosen


class AdhocInjectForm(SQLModel):
    """The facilitator's ad-hoc inject as typed: a deadline in minutes, needed to expect a reply."""

    channel: Channel = Channel.social_post
    persona: Persona = Persona.journalist
    actor_name: str = Field(min_length=1, max_length=120)
    content: str = Field(min_length=1, max_length=2000)
    expects_response: bool = False
    deadline_minutes: int | None = Field(default=None, ge=1, le=600)
    priority: Priority = Priority.normal

    @model_validator(mode="after")
    def _deadline_when_expected(self) -> "AdhocInjectForm":
        if self.expects_response and self.deadline_minutes is None:
            raise ValueError("deadline")
        return self


def adhoc_values(form: FormData) -> dict[str, Any]:
    """The ad-hoc inject form as typed (to validate, or to show the form again)."""
    values: dict[str, Any] = form_values(form, ADHOC_FIELDS)
    values["expects_response"] = form.get("expects_response") in ("on", "true", "1")
    return values


def adhoc_input(values: dict[str, Any]) -> InjectCreate:
    """The ad-hoc inject form's values as an InjectCreate."""
    given = {k: v for k, v in values.items() if v != ""}
    try:
        typed = validate(AdhocInjectForm, given)
    except FormErrors as exc:
        errors = dict(exc.errors)
        if "_form" in errors:
            errors.pop("_form")
            errors["deadline_minutes"] = _("An inject that expects a response needs a deadline.")
        raise FormErrors(errors) from None
    minutes = typed.deadline_minutes
    return InjectCreate(
        **typed.model_dump(exclude={"deadline_minutes"}),
        deadline_s=None if minutes is None else minutes * 60,
    )
