"""HTML forms: raw form data into schema input, and validation errors into translated messages."""

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from app.core.errors import DomainError
from app.core.i18n import gettext as _
from app.plans.sections import FormField

M = TypeVar("M", bound=BaseModel)


class FormErrors(Exception):
    """Input refused by a schema: {field: message}, shown next to each field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_fields(form: FormData, fields: tuple[FormField, ...]) -> dict[str, Any]:
    """The submitted values of `fields`; empty optional inputs are left out (defaults apply)."""
    values: dict[str, Any] = {}
    for field in fields:
        if field.kind == "bool":
            values[field.name] = form.get(field.name) in ("on", "true", "1")
        elif field.kind == "multiselect":
            values[field.name] = [v for v in form.getlist(field.name) if isinstance(v, str) and v]
        elif field.kind == "lines":
            text = str(form.get(field.name) or "")
            values[field.name] = [line.strip() for line in text.splitlines() if line.strip()]
        else:
            value = str(form.get(field.name) or "").strip()
            if value or field.required:
                values[field.name] = value
    return values


def message_for(error: dict[str, Any]) -> str:
    """A pydantic error as a sentence in the reader's language."""
    ctx = error.get("ctx") or {}
    kind = error["type"]
    messages = {
        "missing": lambda: _("This field is required."),
        "string_too_short": lambda: _("This field cannot be empty."),
        "string_too_long": lambda: _("At most %(max)s characters.", max=ctx.get("max_length")),
        "int_parsing": lambda: _("Enter a whole number."),
        "int_from_float": lambda: _("Enter a whole number."),
        "float_parsing": lambda: _("Enter a number."),
        "finite_number": lambda: _("Enter a finite number."),
        "greater_than_equal": lambda: _("Must be at least %(min)s.", min=ctx.get("ge")),
        "greater_than": lambda: _("Must be above %(min)s.", min=ctx.get("gt")),
        "less_than_equal": lambda: _("Must be at most %(max)s.", max=ctx.get("le")),
        "enum": lambda: _("Choose one of the listed values."),
        "literal_error": lambda: _("Choose one of the listed values."),
        "string_pattern_mismatch": lambda: _("This value does not have the expected shape."),
        "too_long": lambda: _("Too many entries."),
        "too_short": lambda: _("Choose at least one."),
        "extra_forbidden": lambda: _("This field is not part of a plan."),
    }
    return messages[kind]() if kind in messages else error["msg"]


def validate(schema: type[M], values: dict[str, Any]) -> M:
    """`values` checked by `schema`, or FormErrors naming each refused field."""
    try:
        return schema.model_validate(values)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "_form"
            errors.setdefault(field, message_for(error))
        raise FormErrors(errors) from None


def errors_of(exc: DomainError) -> dict[str, str]:
    """A service's refusal as form errors, under its field (or the whole form)."""
    return {exc.field or "_form": exc.message}
