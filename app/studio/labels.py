"""People's words for the scenario format's values the editor offers (in the reader's language).

Crisis types, personas, channels and priorities are named in `app.drills.labels`, the KPI
metrics in `app.plans.catalogue`; this adds the values only the editor shows.
"""

from app.core.i18n import gettext as _
from app.drills import labels as drill_labels
from app.plans.catalogue import METRIC_LABELS, Metric


def responsibilities() -> dict[str, str]:
    """How much the public blames the organisation (Coombs' clusters), as a trainer says it."""
    return {
        "victim": _("Victim: the organisation suffers the crisis too"),
        "accident": _("Accident: unintended, little blame"),
        "preventable": _("Preventable: the organisation could have avoided it"),
    }


def severities() -> dict[str, str]:
    """Severity levels 1 to 4, named as a plan names them by default."""
    return {
        "1": _("1 · Minor"),
        "2": _("2 · Moderate"),
        "3": _("3 · Serious"),
        "4": _("4 · Critical"),
    }


def sentiments() -> dict[str, str]:
    """A post's mood."""
    return {"negative": _("Negative"), "neutral": _("Neutral"), "positive": _("Positive")}


def contexts() -> dict[str, str]:
    """When a post template is used."""
    return {
        "storm": _("The storm itself"),
        "rumour": _("Spreading a rumour"),
        "reply_good": _("Reacting to a good answer from the team"),
        "reply_bad": _("Reacting to a poor answer from the team"),
        "silence": _("Reacting to the team's silence"),
    }


def answers() -> dict[str, str]:
    """What a reaction template presumes the team's statement said (blank: any statement)."""
    return {
        "apology": _("An apology"),
        "conditional": _("A conditional apology (“if anyone was offended”)"),
        "promise": _("A promise"),
        "denial": _("A denial"),
        "refusal": _("A refusal to comment"),
        "third_party": _("Blame on a partner or supplier"),
        "victims": _("Blame on the victims"),
        "denies_responsibility": _("A denial of responsibility"),
        "contempt": _("Contempt or sarcasm"),
        "contradiction": _("A contradiction of an earlier statement"),
        "affirms_rumour": _("Words that confirm a rumour"),
        "contradicts_fact": _("Words that deny a known fact"),
    }


def genders() -> dict[str, str]:
    """Whom a template's words fit (blank: any author)."""
    return {"": _("Any author"), "female": _("A woman"), "male": _("A man")}


def shapes() -> dict[str, str]:
    """How a phase's volume moves from its start rate to its end rate."""
    return {
        "linear": _("Steady rise or fall"),
        "exponential": _("Snowballing (exponential)"),
        "plateau": _("Holds, then changes at the end"),
        "decay": _("Drops fast, then settles"),
    }


def countries() -> dict[str, str]:
    """Where a language's storm happens."""
    return {
        "FR": _("France"),
        "BE": _("Belgium"),
        "CH": _("Switzerland"),
        "CA": _("Canada"),
        "GB": _("United Kingdom"),
        "US": _("United States"),
        "IE": _("Ireland"),
    }


def number_units() -> dict[str, str]:
    """How a number slot is written."""
    return {
        "plain": _("A plain number"),
        "percent": _("A percentage"),
        "money": _("An amount of money"),
        "days": _("Days"),
        "hours": _("Hours"),
        "minutes": _("Minutes"),
    }


def metrics() -> dict[str, str]:
    """The KPI metrics an expectation can measure."""
    return {metric.value: str(METRIC_LABELS.get(metric, metric)) for metric in Metric}


def editor_labels() -> dict[str, dict[str, str]]:
    """Every vocabulary the editor's selects offer, for a template context."""
    return {
        **drill_labels.all_labels(),
        "responsibilities": responsibilities(),
        "severities": severities(),
        "sentiments": sentiments(),
        "contexts": contexts(),
        "genders": genders(),
        "answers": answers(),
        "shapes": shapes(),
        "countries": countries(),
        "metrics": metrics(),
        "number_units": number_units(),
    }
