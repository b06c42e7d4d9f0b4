"""Names people read for the score report's keys, and its values formatted for them."""

import re
from typing import Any

from app.core.i18n import (
    LanguageTable,
    format_minutes,
    format_number,
    format_percent,
    lazy_gettext,
)
from app.scoring.core.overrides import metric_key
from app.scoring.core.phrases import METRIC_NAMES
from app.scoring.core.tone import NEGATIVE
from app.scoring.core.voice import NON_APOLOGY

PENALTIES = (*NEGATIVE, NON_APOLOGY)

__all__ = ["PENALTIES", "metric_key"]

DIMENSION_LABELS = {
    "responsiveness": lazy_gettext("Responsiveness"),
    "message_quality": lazy_gettext("Message quality"),
    "rumour_control": lazy_gettext("Rumour control"),
    "process": lazy_gettext("Process"),
    "outcome": lazy_gettext("Outcome"),
}

# The scoring core's own names, so the review, the exports and the plan editor agree.
METRIC_LABELS = LanguageTable(METRIC_NAMES)

RATING_LABELS = {
    "P": lazy_gettext("Performed without challenges"),
    "S": lazy_gettext("Performed with some challenges"),
    "M": lazy_gettext("Performed with major challenges"),
    "U": lazy_gettext("Unable to be performed"),
}

TONE_LABELS = {
    "empathy": lazy_gettext("empathy"),
    "accountability": lazy_gettext("accountability"),
    "transparency": lazy_gettext("transparency"),
    "advice": lazy_gettext("concrete advice"),
    "respect": lazy_gettext("respect"),
    "defensive": lazy_gettext("defensiveness"),
    "blame": lazy_gettext("blame-shifting"),
    "no_comment": lazy_gettext("“no comment”"),
    "jargon": lazy_gettext("jargon"),
    "legalese": lazy_gettext("legalese"),
    "disrespect": lazy_gettext("disrespect"),
    NON_APOLOGY: lazy_gettext("conditional non-apology"),
}

TARGET_LABELS = {
    "action": lazy_gettext("Action"),
    "post": lazy_gettext("Post"),
    "inject": lazy_gettext("Inject"),
    "metric": lazy_gettext("Metric"),
}

ACTION_LABELS = {
    "statement": lazy_gettext("Statement"),
    "reply": lazy_gettext("Reply"),
    "correct_rumour": lazy_gettext("Rumour correction"),
    "flag_rumour": lazy_gettext("Rumour flagged"),
    "escalate": lazy_gettext("Escalation"),
    "request_approval": lazy_gettext("Approval requested"),
    "approve": lazy_gettext("Approved"),
    "reject": lazy_gettext("Rejected"),
    "checklist_done": lazy_gettext("Checklist item done"),
    "note": lazy_gettext("Note"),
}

SERIES_LABELS = {
    "minute": lazy_gettext("Minute"),
    "volume": lazy_gettext("Posts per minute"),
    "negative": lazy_gettext("Negative posts per minute"),
    "sentiment": lazy_gettext("Audience sentiment (−1 to 1)"),
    "anger": lazy_gettext("Audience anger (0 to 1)"),
    "mood": lazy_gettext("Sentiment and anger"),
    "actions": lazy_gettext("Team actions"),
    "injects": lazy_gettext("Injects"),
    "annotations": lazy_gettext("Annotations"),
}

SHARE_METRICS = {"priority_reply_rate", "key_message_coverage", "network_fit", "repetition"}
SHARE_METRICS |= {"commitments_kept"}
SHARE_METRICS |= {"approvals", "roles", "checklist_on_time_rate"}


def label(table: dict[str, Any], key: str) -> str:
    """The readable name of a key, the key itself when the table does not know it."""
    return str(table.get(key, key.replace("_", " ")))


def clock(seconds: float | None) -> str:
    """Simulated seconds as m:ss, or h:mm:ss past the hour."""
    if seconds is None:
        return "–"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def metric_value(name: str, value: Any) -> str:
    """A metric's value in the unit people expect: minutes, per cent, or plain numbers."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value.replace("_", " ")
    if name.endswith("_s"):
        return format_minutes(value)
    if name in SHARE_METRICS:
        return format_percent(value, digits=1)
    return str(format_number(value))


def anchor(kind: str, target_id: str) -> str:
    """The HTML id of a review item (action, post, inject, metric), safe in a URL fragment."""
    plain = target_id.removeprefix(f"{kind}:")
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "-", plain)


def evidence_link(evidence: str) -> tuple[str, float | None]:
    """Where a finding's evidence id points: an item's anchor, or the timeline at a minute."""
    kind, _sep, rest = evidence.partition(":")
    if kind in ("action", "inject"):
        return anchor(kind, evidence), None
    if kind == "minute" and rest.isdigit():
        return "review-timeline", int(rest) * 60.0
    return "review-timeline", None
