"""Action rules shared by live drills and headless runs: the fields each kind needs, who may act."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from app.core.errors import Conflict, Forbidden, Invalid
from app.core.i18n import gettext as _

PUBLIC_KINDS = frozenset({"statement", "reply", "correct_rumour"})
# Each entry is a field, or a tuple of fields of which one is enough.
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "statement": ("text",),
    "reply": ("text", "in_reply_to"),
    "correct_rumour": ("rumour", "text"),
    "flag_rumour": (("rumour", "post"),),
    "escalate": ("to_role",),
    "request_approval": ("text",),
    "approve": ("ref",),
    "reject": ("ref",),
    "checklist_done": ("item",),
    "note": ("text",),
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
RECORD_FIELDS = ("text", "in_reply_to", "rumour", "post", "to_role", "ref", "item", "audience")


def check_fields(action: Mapping[str, Any]) -> None:
    """Refuse an unknown kind, or a kind without a field it needs (the error names the field)."""
    kind = action.get("kind")
    if kind not in REQUIRED:
        raise Invalid(_("Unknown action kind “%(kind)s”.", kind=kind), field="kind")
    for needed in REQUIRED[kind]:
        options = needed if isinstance(needed, tuple) else (needed,)
        if all(not str(action.get(name) or "").strip() for name in options):
            raise Invalid(
                _("A %(kind)s action needs “%(field)s”.", kind=kind, field=options[0]),
                field=options[0],
            )
    check_placeholders(action)


def unfilled(text: str | None) -> list[str]:
    """The placeholders left in a text, as written (`{next_update}`), each once, in order."""
    return list(dict.fromkeys(match.group(0) for match in PLACEHOLDER.finditer(text or "")))


def check_placeholders(action: Mapping[str, Any]) -> None:
    """Refuse a public text (or one submitted for approval) that still holds a placeholder."""
    if action.get("kind") not in PUBLIC_KINDS | {"request_approval"}:
        return
    left = unfilled(action.get("text"))
    if left:
        names = ", ".join(left)
        raise Invalid(
            _("Fill in every placeholder before this goes public: %(names)s.", names=names),
            field="text",
        )


def check_audience(action: Mapping[str, Any], known: Sequence[str] | None) -> None:
    """An audience only on what the public reads, and one of the plan's (the error names it).

    `known` None skips the second check: a headless run's plan file may list no audiences.
    """
    audience = action.get("audience")
    if not audience:
        return
    if action.get("kind") not in PUBLIC_KINDS | {"request_approval"}:
        raise Invalid(_("Only a public message has an audience."), field="audience")
    if known is not None and audience not in known:
        raise Invalid(
            _("“%(audience)s” is not one of the plan's audiences.", audience=audience),
            field="audience",
        )


def check_role(
    *,
    kind: str,
    roles: Sequence[Mapping[str, Any]],
    privileged: bool,
    approval_required: bool,
) -> None:
    """Who may do what: publishing needs a publishing role (or a trainer), deciding an approver.

    Under `approval_required` every public kind (statement, reply, rumour correction) goes
    through request_approval, for everyone: an approval then publishes it.
    """
    if kind in PUBLIC_KINDS and approval_required:
        raise Conflict(
            _(
                "This plan requires approval at this severity: submit every public message "
                "(statement, reply or rumour correction) for approval first."
            ),
            field="kind",
        )
    if kind in PUBLIC_KINDS | {"request_approval"} and not privileged:
        if not any(role.get("can_publish") for role in roles):
            raise Forbidden(_("Your role may not publish for the organisation."), field="role")
    if kind in ("approve", "reject") and not any(role.get("approves") for role in roles):
        raise Forbidden(_("Only a role that approves statements may decide."), field="role")


def pending_request(actions: Sequence[Mapping[str, Any]], ref: str) -> Mapping[str, Any]:
    """The request_approval named `ref` that nobody has decided yet; Conflict otherwise."""
    request = next(
        (a for a in actions if a["kind"] == "request_approval" and a.get("ref") == ref), None
    )
    if request is None:
        raise Invalid(_("No statement awaits approval as “%(ref)s”.", ref=ref), field="ref")
    if any(a["kind"] in ("approve", "reject") and a.get("ref") == ref for a in actions):
        raise Conflict(_("This statement was already decided."), field="ref")
    return request


def published_on_approval(request: Mapping[str, Any]) -> dict[str, Any]:
    """What approving a request publishes: a rumour correction, a reply or a statement.

    The request's `rumour` or `in_reply_to` says which, so a correction or a reply submitted
    for approval goes out as such, with the same ref (the scoring matches it to its approval).
    """
    published: dict[str, Any] = {
        "kind": "statement",
        "text": request["text"],
        "ref": request["ref"],
    }
    if request.get("audience"):
        published["audience"] = request["audience"]
    if request.get("rumour"):
        published.update(kind="correct_rumour", rumour=request["rumour"])
    elif request.get("in_reply_to"):
        published.update(kind="reply", in_reply_to=request["in_reply_to"])
    return published
