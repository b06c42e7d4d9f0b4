"""KPI targets as people type and read them: shares in per cent, times in minutes.

The drill record keeps a share as 0–1 and a time in seconds; only the pages convert, so the API
and the record format stay as they are.
"""

import math
import re
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal

from app.core.i18n import current_language, format_minutes, format_number, format_percent
from app.core.i18n import gettext as _
from app.plans.catalogue import METRIC_KINDS, METRIC_LABELS, Metric
from app.plans.forms import FormErrors

_UNIT_MARKS = re.compile(r"\s|%|min\.?$", re.IGNORECASE)
# How many record units one typed unit is worth: 80 % is 0.8, 15 min is 900 s.
_SCALE = {"rate": 0.01, "seconds": 60.0, "sentiment": 1.0}


def parse_number(text: str) -> float:
    """A number typed the current language's way ("80,5" in French), unit marks left out.

    Raises ValueError when the text is no number.
    """
    plain = _UNIT_MARKS.sub("", text)
    try:
        value = float(parse_decimal(plain, locale=current_language.get(), strict=True))
    except (NumberFormatError, ValueError):
        raise ValueError(text) from None
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _refused(metric: str) -> str:
    name = METRIC_LABELS.get(metric, metric)
    kind = METRIC_KINDS.get(Metric(metric)) if metric in METRIC_KINDS else None
    if kind == "rate":
        return _("The target of “%(metric)s” is a percentage from 0 to 100.", metric=name)
    if kind == "seconds":
        return _("The target of “%(metric)s” is a number of minutes above 0.", metric=name)
    return _("The target of “%(metric)s” is between -1 and 1.", metric=name)


def target_from_form(metric: str, text: str) -> float:
    """The typed target in the record's unit, or FormErrors naming the target field."""
    if metric not in METRIC_KINDS:
        raise FormErrors({"metric": _("Choose one of the listed values.")})
    kind = METRIC_KINDS[Metric(metric)]
    try:
        typed = parse_number(text)
    except ValueError:
        raise FormErrors({"target": _("Enter a number.")}) from None
    allowed = {"rate": 0 <= typed <= 100, "seconds": typed > 0, "sentiment": -1 <= typed <= 1}
    if not allowed[kind]:
        raise FormErrors({"target": _refused(metric)})
    return round(typed * _SCALE[kind], 6)


def read_kpi_form(values: dict[str, Any]) -> dict[str, Any]:
    """The KPI form's values with the target in the record's unit (the section's input hook)."""
    if not values.get("target") or not values.get("metric"):
        return values
    return {**values, "target": target_from_form(values["metric"], values["target"])}


def target_for_form(metric: str, target: float | None) -> str:
    """A stored target as it is typed in the form: 80 for 0.8, 15 for 900 s."""
    if target is None or metric not in METRIC_KINDS:
        return "" if target is None else format_number(target)
    return format_number(round(target / _SCALE[METRIC_KINDS[Metric(metric)]], 4))


def show_kpi_values(values: dict[str, Any]) -> dict[str, Any]:
    """A stored KPI's values as the form shows them (the section's display hook)."""
    return {**values, "target": target_for_form(str(values.get("metric")), values.get("target"))}


def target_text(metric: str, target: float | None) -> str:
    """A target as people read it: "80 %", "15 min", "0.2"."""
    kind = METRIC_KINDS.get(Metric(metric)) if metric in METRIC_KINDS else None
    if kind == "rate":
        return format_percent(target, digits=1)
    if kind == "seconds":
        return format_minutes(target)
    return format_number(target)
