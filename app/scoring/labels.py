"""Names people read for the score report's keys, and its values formatted for them."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.i18n import (
    LanguageTable,
    current_language,
    format_minutes,
    format_number,
    format_percent,
    lazy_gettext,
)
from app.core.i18n import gettext as _
from app.drills.labels import action_kinds, channels
from app.plans.catalogue import KIND_LABELS
from app.scoring.core.overrides import metric_key
from app.scoring.core.phrases import METRIC_NAMES, VALUE_WORDS
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

DETAIL_LABELS = {
    "in_reply_to": lazy_gettext("In reply to"),
    "rumour": lazy_gettext("Rumour"),
    "to_role": lazy_gettext("Escalated to"),
    "item": lazy_gettext("Checklist item"),
    "post": lazy_gettext("Post"),
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


TRANSPARENCY_LABELS = {
    "known": lazy_gettext("what is known"),
    "unknown": lazy_gettext("what is not known yet"),
    "next_update": lazy_gettext("when the next update comes"),
}


def transparency(aspects: list[str]) -> str:
    """What a statement was open about, in the reader's words."""
    return ", ".join(label(TRANSPARENCY_LABELS, aspect) for aspect in aspects)


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
        words = VALUE_WORDS.get(current_language.get(), VALUE_WORDS["en"]).get(name, {})
        return words.get(value) or value.replace("_", " ")
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


def channel(key: str) -> str:
    """An inject channel's name in the reader's language."""
    return channels().get(key, _("Message"))


def sim_time(seconds: float) -> str:
    """A moment of the drill as the console shows it: T+05:29 (T+1:05:29 past the hour)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"T+{hours}:{minutes:02d}:{secs:02d}" if hours else f"T+{minutes:02d}:{secs:02d}"


def quoted(text: str, length: int = 90) -> str:
    """A text in quotes, cut at a word past `length` characters."""
    text = " ".join(text.split())
    if len(text) > length:
        text = text[:length].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


@dataclass
class Names:
    """People's words for every id a review shows (actions, injects, rumours, facts, key
    messages, roles, checklist items), so that no page prints an internal identifier."""

    ids: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)

    def of(self, key: str) -> str:
        """The readable name of an evidence or target id; its kind's name when unknown."""
        if key in self.ids:
            return self.ids[key]
        kind, _sep, rest = key.partition(":")
        if kind == "minute" and rest.isdigit():
            return _("Minute %(minute)s", minute=rest)
        return str(TARGET_LABELS.get(kind, _("Evidence")))

    def listed(self, kind: str, keys: list[str]) -> str:
        """Several ids of one kind, named and joined."""
        return ", ".join(self.of(f"{kind}:{key}") for key in keys)

    def metric(self, key: str) -> str:
        """An override or annotation key (`dimension.metric@subject`) as people read it."""
        dimension, _sep, rest = key.partition(".")
        if not rest:
            return label(DIMENSION_LABELS, dimension)
        name, _at, subject = rest.partition("@")
        shown = label(METRIC_LABELS, name)
        return f"{shown} ({self.of(subject)})" if subject else shown

    def role(self, key: str | None) -> str:
        """A plan role's name."""
        return self.roles.get(key or "", _("a role no longer in the plan")) if key else ""

    def details(self, action: Mapping[str, Any]) -> list[tuple[str, str]]:
        """An action's targets as (what, which), in people's words (an approval's ref left out,
        its statement is quoted beside it)."""
        found = []
        for name, value in (action.get("detail") or {}).items():
            if name == "ref":
                continue
            if name == "in_reply_to":
                shown = self.ids.get(f"inject:{value}") or self.ids.get(f"post:{value}")
            elif name == "rumour":
                shown = self.ids.get(f"rumour:{value}")
            elif name == "to_role":
                shown = self.role(value)
            elif name == "item":
                shown = self.items.get(value)
            else:
                shown = self.ids.get(f"post:{value}")
            found.append((str(DETAIL_LABELS[name]), shown or str(DETAIL_LABELS[name]).lower()))
        return found


def action_name(kind: str, *, role: str = "", at_s: float = 0.0, message_kind: str = "") -> str:
    """“Holding statement by the Spokesperson at T+05:29”: what an action was, who, when."""
    what = str(KIND_LABELS.get(message_kind) or action_kinds().get(kind, _("Action")))
    if role:
        return _("%(what)s by the %(role)s at %(time)s", what=what, role=role, time=sim_time(at_s))
    return _("%(what)s at %(time)s", what=what, time=sim_time(at_s))


def review_names(
    *,
    timeline: Mapping[str, Any],
    statements: Mapping[str, Mapping[str, Any]],
    plan: Mapping[str, Any],
    claims: Mapping[str, str],
) -> Names:
    """The names of a review's ids, from its timeline, its statements, the plan's roles,
    key messages and checklist, and the scenario's claims (`rumour:id` / `fact:id` → text)."""
    roles = {role["id"]: role.get("name") or role["id"] for role in plan.get("roles", [])}
    messages = {m["id"]: m for m in plan.get("key_messages", [])}
    names = Names(
        roles=roles, items={i["id"]: i.get("title") or "" for i in plan.get("checklist", [])}
    )
    names.ids.update({key: quoted(text) for key, text in claims.items()})
    for key, message in messages.items():
        kind = str(KIND_LABELS.get(message.get("kind"), ""))
        title = message.get("title") or quoted(message.get("text") or "", 60)
        names.ids[f"key_message:{key}"] = f"{kind} · {title}" if kind else title
    where = channels()
    for inject in timeline.get("injects", []):
        channel = where.get(inject.get("channel") or "", "")
        names.ids[f"inject:{inject['id']}"] = _(
            "%(actor)s's message at %(time)s", actor=inject.get("actor") or channel,
            time=sim_time(inject["at_s"]),
        )  # fmt: skip
    for post in timeline.get("posts", []):
        names.ids[f"post:{post['id']}"] = _(
            "%(author)s's post at %(time)s", author=post.get("name"), time=sim_time(post["at_s"])
        )
    for action in timeline.get("actions", []):
        matched = (statements.get(action["id"]) or {}).get("key_messages") or []
        kinds = [messages[k]["kind"] for k in matched if k in messages]
        names.ids[action["id"]] = action_name(
            action["kind"],
            role=roles.get(action.get("role") or "", ""),
            at_s=action["at_s"],
            message_kind=kinds[0] if kinds else "",
        )
    return names
