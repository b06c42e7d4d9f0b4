"""pydantic's errors on a scenario as `Message`s: the English text pydantic writes, with a
template a page renders in its reader's language.

Each known error type has its template here, filled from the error's context; should pydantic
ever word one differently, its own text is kept (English), so the command line's output never
changes with this table.
"""

from collections.abc import Callable
from typing import Any

from pydantic_core import ErrorDetails

from app.scenarios.messages import N_, Message

Context = dict[str, Any]


def _plural(one: Message, many: Message, key: str) -> Callable[[Context], Message]:
    """The singular or plural template (each marked with `N_`), filled from the context."""
    return lambda ctx: N_((one if ctx[key] == 1 else many).template, **ctx)


def _choices(ctx: Context) -> Message:
    """`'a', 'b' or 'c'` as pydantic lists the values it expects, its `or` translatable."""
    first, _or, last = str(ctx["expected"]).rpartition(" or ")
    expected = N_("%(first)s or %(last)s", first=first, last=last) if first else last
    return N_("Input should be %(expected)s", expected=expected)


_FIELD_TYPES = {"List": N_("List"), "Dictionary": N_("Dictionary")}


def _items(one: Message, many: Message, key: str) -> Callable[[Context], Message]:
    """A list's or a mapping's too few or too many items (pydantic names it `List`…)."""
    plural = _plural(one, many, key)
    return lambda ctx: plural(
        {**ctx, "field_type": _FIELD_TYPES.get(ctx["field_type"], ctx["field_type"])}
    )


TEMPLATES: dict[str, Callable[[Context], Message]] = {
    "string_too_short": _plural(
        N_("String should have at least %(min_length)s character"),
        N_("String should have at least %(min_length)s characters"),
        "min_length",
    ),
    "string_too_long": _plural(
        N_("String should have at most %(max_length)s character"),
        N_("String should have at most %(max_length)s characters"),
        "max_length",
    ),
    "too_short": _items(
        N_(
            "%(field_type)s should have at least %(min_length)s item after validation, "
            "not %(actual_length)s"
        ),
        N_(
            "%(field_type)s should have at least %(min_length)s items after validation, "
            "not %(actual_length)s"
        ),
        "min_length",
    ),
    "too_long": _items(
        N_(
            "%(field_type)s should have at most %(max_length)s item after validation, "
            "not %(actual_length)s"
        ),
        N_(
            "%(field_type)s should have at most %(max_length)s items after validation, "
            "not %(actual_length)s"
        ),
        "max_length",
    ),
    "greater_than_equal": lambda ctx: N_("Input should be greater than or equal to %(ge)s", **ctx),
    "greater_than": lambda ctx: N_("Input should be greater than %(gt)s", **ctx),
    "less_than_equal": lambda ctx: N_("Input should be less than or equal to %(le)s", **ctx),
    "less_than": lambda ctx: N_("Input should be less than %(lt)s", **ctx),
    "literal_error": _choices,
    "enum": _choices,
    "union_tag_invalid": lambda ctx: N_(
        "Input tag '%(tag)s' found using %(discriminator)s does not match any of the expected "
        "tags: %(expected_tags)s",
        **ctx,
    ),
    "union_tag_not_found": lambda ctx: N_(
        "Unable to extract tag using discriminator %(discriminator)s", **ctx
    ),
    "string_pattern_mismatch": lambda ctx: N_("String should match pattern '%(pattern)s'", **ctx),
    "int_parsing": lambda ctx: N_(
        "Input should be a valid integer, unable to parse string as an integer"
    ),
    "int_from_float": lambda ctx: N_(
        "Input should be a valid integer, got a number with a fractional part"
    ),
    "float_parsing": lambda ctx: N_(
        "Input should be a valid number, unable to parse string as a number"
    ),
    "bool_parsing": lambda ctx: N_("Input should be a valid boolean, unable to interpret input"),
    "int_type": lambda ctx: N_("Input should be a valid integer"),
    "float_type": lambda ctx: N_("Input should be a valid number"),
    "bool_type": lambda ctx: N_("Input should be a valid boolean"),
    "string_type": lambda ctx: N_("Input should be a valid string"),
    "dict_type": lambda ctx: N_("Input should be a valid dictionary"),
    "list_type": lambda ctx: N_("Input should be a valid list"),
    "model_type": lambda ctx: N_(
        "Input should be a valid dictionary or instance of %(class_name)s", **ctx
    ),
    "finite_number": lambda ctx: N_("Input should be a finite number"),
}


def schema_message(detail: ErrorDetails) -> str:
    """The English message of one pydantic error: a translatable `Message` when its type is
    known (or a model's own check raised one), pydantic's own words otherwise."""
    english = detail["msg"].removeprefix("Value error, ")
    context = dict(detail.get("ctx") or {})
    if detail["type"] == "value_error":
        reason = getattr(context.get("error"), "args", (None,))[0]
        message = reason if isinstance(reason, Message) else None
    else:
        template = TEMPLATES.get(detail["type"])
        message = template(context) if template else None
    return message if message is not None and message == english else english
