"""Translated names of the scenario and drill vocabulary (crisis types, personas…) for pages."""

from app.core.i18n import gettext as _


def crisis_types() -> dict[str, str]:
    """Each crisis type's name in the reader's language."""
    return {
        "product_recall": _("Product recall"),
        "data_breach": _("Data breach"),
        "service_outage": _("Service outage"),
        "executive_misconduct": _("Executive misconduct"),
        "offensive_advertisement": _("Offensive advertisement"),
        "industrial_accident": _("Industrial accident"),
        "social_conflict": _("Social conflict"),
        "viral_customer_incident": _("Viral customer incident"),
        "disinformation": _("Disinformation"),
        "natural_disaster": _("Natural disaster"),
        "tutorial": _("Tutorial"),
    }


def personas() -> dict[str, str]:
    """Each persona's name in the reader's language."""
    return {
        "angry_customer": _("Angry customer"),
        "worried_customer": _("Worried customer"),
        "journalist": _("Journalist"),
        "influencer": _("Influencer"),
        "troll": _("Troll"),
        "bot": _("Bot"),
        "employee": _("Employee"),
        "regulator": _("Regulator"),
        "supporter": _("Supporter"),
        "activist": _("Activist"),
        "local_resident": _("Local resident"),
        "expert": _("Expert"),
    }


def activity_verbs() -> dict[str, str]:
    """What each team action did, as the console's activity line says it (and who, if unknown)."""
    return {
        "statement": _("published a statement"),
        "reply": _("replied"),
        "correct_rumour": _("corrected a rumour"),
        "flag_rumour": _("flagged a rumour"),
        "escalate": _("escalated"),
        "request_approval": _("submitted a statement for approval"),
        "approve": _("approved a statement"),
        "reject": _("rejected a statement"),
        "checklist_done": _("ticked a checklist item"),
        "note": _("logged a decision"),
        "someone": _("Someone"),
    }


def channels() -> dict[str, str]:
    """Each inject channel's name in the reader's language."""
    return {
        "social_post": _("Social post"),
        "news_article": _("News article"),
        "journalist_dm": _("Journalist's direct message"),
        "email": _("Email"),
        "phone_call": _("Phone call"),
        "internal_message": _("Internal message"),
    }


def priorities() -> dict[str, str]:
    """Each priority's name in the reader's language."""
    return {
        "low": _("Low"),
        "normal": _("Normal"),
        "high": _("High"),
        "critical": _("Critical"),
    }


def inject_states() -> dict[str, str]:
    """Where an inject stands, as the facilitator reads it."""
    return {
        "pending": _("Pending"),
        "armed": _("Armed"),
        "spared": _("Will not fire"),
        "fired": _("Fired"),
        "overdue": _("Overdue"),
        "answered": _("Answered"),
    }


def action_kinds() -> dict[str, str]:
    """Each team action kind's name in the reader's language."""
    return {
        "statement": _("Statement"),
        "reply": _("Reply"),
        "correct_rumour": _("Rumour correction"),
        "flag_rumour": _("Rumour flagged"),
        "escalate": _("Escalation"),
        "request_approval": _("Approval request"),
        "approve": _("Approval"),
        "reject": _("Rejection"),
        "checklist_done": _("Checklist item done"),
        "note": _("Decision logged"),
    }


def drill_modes() -> dict[str, str]:
    """Practice or rehearsal, in the reader's language."""
    return {"rehearsal": _("Rehearsal"), "practice": _("Practice")}


def all_labels() -> dict[str, dict[str, str]]:
    """Every vocabulary above, for a template context."""
    return {
        "crisis_types": crisis_types(),
        "personas": personas(),
        "channels": channels(),
        "priorities": priorities(),
        "inject_states": inject_states(),
        "action_kinds": action_kinds(),
        "drill_modes": drill_modes(),
    }
