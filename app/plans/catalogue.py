"""Fixed vocabularies of a plan: statuses, message kinds, placeholders, KPI metrics, defaults."""

import re
from enum import StrEnum

from app.core.i18n import LanguageTable, lazy_gettext
from app.scoring.core.phrases import METRIC_NAMES


class PlanStatus(StrEnum):
    """Where a plan is in its life: written, reviewed, approved, retired."""

    draft = "draft"
    in_review = "in_review"
    approved = "approved"
    archived = "archived"


STATUS_LABELS = {
    PlanStatus.draft: lazy_gettext("Draft"),
    PlanStatus.in_review: lazy_gettext("In review"),
    PlanStatus.approved: lazy_gettext("Approved"),
    PlanStatus.archived: lazy_gettext("Archived"),
}

# Which status each status may move to; approving is the only way to "approved".
TRANSITIONS: dict[PlanStatus, tuple[PlanStatus, ...]] = {
    PlanStatus.draft: (PlanStatus.in_review, PlanStatus.archived),
    PlanStatus.in_review: (PlanStatus.draft, PlanStatus.approved, PlanStatus.archived),
    PlanStatus.approved: (PlanStatus.draft, PlanStatus.archived),
    PlanStatus.archived: (PlanStatus.draft,),
}


class MessageKind(StrEnum):
    """The kinds of key message, as the drill record names them."""

    holding = "holding"
    apology = "apology"
    update = "update"
    rumour_correction = "rumour_correction"
    resolution = "resolution"
    other = "other"


KIND_LABELS = {
    MessageKind.holding: lazy_gettext("Holding statement"),
    MessageKind.apology: lazy_gettext("Apology"),
    MessageKind.update: lazy_gettext("Update"),
    MessageKind.rumour_correction: lazy_gettext("Rumour correction"),
    MessageKind.resolution: lazy_gettext("Resolution"),
    MessageKind.other: lazy_gettext("Other"),
}

PLACEHOLDERS = {
    "brand": lazy_gettext("the organisation's public name"),
    "incident": lazy_gettext("a short description of the incident"),
    "product": lazy_gettext("the product or service concerned"),
    "date": lazy_gettext("the date of the statement"),
    "time": lazy_gettext("the time of the statement"),
    "next_update": lazy_gettext("when the next update will come"),
    "contact": lazy_gettext("where people can get help (phone, email)"),
    "website": lazy_gettext("the page with the latest information"),
    "spokesperson": lazy_gettext("the name of the spokesperson"),
    "batch": lazy_gettext("batch or lot numbers concerned"),
}

SAMPLE_VALUES = {
    "brand": "",
    "incident": lazy_gettext("a quality issue on one of our products"),
    "product": lazy_gettext("our product"),
    "date": "23/11/2026",
    "time": "14:30",
    "next_update": lazy_gettext("within 2 hours"),
    "contact": "0 800 000 000",
    "website": "example.com/info",
    "spokesperson": "Camille Dupont",
    "batch": "L2026-47",
}

POST_LIMIT = 280
_BRACES = re.compile(r"\{([^{}]*)\}")


def placeholder_problems(text: str) -> list[str]:
    """Unknown placeholder names in `text`, and unmatched braces as "{" or "}"."""
    problems = [name for name in _BRACES.findall(text) if name not in PLACEHOLDERS]
    leftover = _BRACES.sub("", text)
    problems.extend(brace for brace in "{}" if brace in leftover)
    return problems


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """`text` with each known placeholder replaced by its value (unknown ones kept)."""
    return _BRACES.sub(lambda m: values.get(m.group(1), m.group(0)), text)


class Metric(StrEnum):
    """KPI metrics, from the drill-record catalogue."""

    time_to_first_response_s = "time_to_first_response_s"
    priority_reply_rate = "priority_reply_rate"
    median_reply_latency_s = "median_reply_latency_s"
    rumour_correction_s = "rumour_correction_s"
    key_message_coverage = "key_message_coverage"
    checklist_on_time_rate = "checklist_on_time_rate"
    final_sentiment = "final_sentiment"


# One name per metric, everywhere: the scoring core's table, read in the reader's language.
METRIC_LABELS = LanguageTable(METRIC_NAMES, keys=tuple(Metric))

# Each metric's kind decides the range its target must fall in.
METRIC_KINDS = {
    Metric.time_to_first_response_s: "seconds",
    Metric.priority_reply_rate: "rate",
    Metric.median_reply_latency_s: "seconds",
    Metric.rumour_correction_s: "seconds",
    Metric.key_message_coverage: "rate",
    Metric.checklist_on_time_rate: "rate",
    Metric.final_sentiment: "sentiment",
}

LANGUAGES = ("fr", "en")

DEFAULT_SEVERITIES = {
    "en": [
        (
            "Minor",
            "A few isolated complaints, no safety issue, no media interest.",
            "Friendly, helpful, one-to-one replies.",
            240,
            False,
        ),
        (
            "Moderate",
            "Growing complaints, a local journalist asks, a limited operational issue.",
            "Factual and empathetic; acknowledge quickly, promise an update.",
            120,
            False,
        ),
        (
            "Serious",
            "National media, possible harm to people, data or money; trending topic.",
            "Transparent and empathetic; verified facts only; regular updates.",
            60,
            True,
        ),
        (
            "Critical",
            "Danger to health or safety, regulator involved, mass coverage.",
            "Grave, human, responsible; put people first; leadership speaks.",
            30,
            True,
        ),
    ],
    "fr": [
        (
            "Mineure",
            "Quelques plaintes isolées, aucun enjeu de sécurité, pas d'intérêt médiatique.",
            "Aimable, serviable, réponses individuelles.",
            240,
            False,
        ),
        (
            "Modérée",
            "Plaintes en hausse, un journaliste local se renseigne, incident limité.",
            "Factuel et empathique ; accuser réception vite, promettre un point.",
            120,
            False,
        ),
        (
            "Grave",
            "Médias nationaux, préjudice possible (personnes, données, argent), sujet tendance.",
            "Transparent et empathique ; faits vérifiés seulement ; points réguliers.",
            60,
            True,
        ),
        (
            "Critique",
            "Danger pour la santé ou la sécurité, autorité saisie, couverture massive.",
            "Grave, humain, responsable ; les personnes d'abord ; la direction s'exprime.",
            30,
            True,
        ),
    ],
}
