"""What each page of the scenario editor shows: its fields filled from the document, the
problems beside them (or linked to the page that shows them), the vocabularies of its selects.
"""

from typing import Any

from app.core.i18n import current_language
from app.core.i18n import gettext as _
from app.drills.conditions import condition_kinds
from app.scenarios.models import LANGUAGES, format_duration
from app.studio import forms
from app.studio import labels as studio_labels
from app.studio.models import OrgScenario
from app.studio.sections import Section

PAGES = {
    None: "studio/edit.html",
    Section.phases: "studio/edit_phases.html",
    Section.posts: "studio/edit_posts.html",
    Section.injects: "studio/edit_injects.html",
    Section.expectations: "studio/edit_expectations.html",
}
# The page that edits each part of the document (the first page edits the rest).
PAGE_OF_PART = {
    "brand.placeholders": Section.posts,
    "duration": Section.phases,
    "start_time": Section.phases,
    "phases": Section.phases,
    "templates": Section.posts,
    "numbers": Section.posts,
    "injects": Section.injects,
    "expectations": Section.expectations,
}


def page_url(row: OrgScenario, section: Section | None) -> str:
    """The address of one page of the scenario's editor."""
    base = f"/studio/scenarios/{row.id}"
    return f"{base}/edit/{section.value}" if section else base


def section_names() -> list[tuple[Section | None, str]]:
    """The editor's pages, named for the tab list."""
    return [
        (None, _("Overview, brand, facts and rumours")),
        (Section.phases, _("Timing, phases and volume")),
        (Section.posts, _("Posts and their slots")),
        (Section.injects, _("Injects")),
        (Section.expectations, _("Expectations")),
    ]


def _named(items: list[dict[str, Any]], text_key: str) -> dict[str, str]:
    """Facts or rumours by id, named by their text in the reader's language (cut at 80)."""
    language = current_language.get()
    names = {}
    for item in items:
        text = (item.get(text_key) or {}).get(language) or item.get("id", "")
        names[item.get("id", "")] = text if len(text) <= 80 else text[:79] + "…"
    return names


def rumour_names(document: dict[str, Any]) -> dict[str, str]:
    """The rumours a post or an inject can be about, by their claim ("" for none)."""
    return {"": _("None"), **_named(document.get("rumours", []), "claim")}


def condition_choices(document: dict[str, Any]) -> dict[str, dict[str, str]]:
    """What the injects page offers for a condition: when an inject fires, then the rumour,
    fact or message (one expecting an answer, by its time and sender) the condition is about."""
    messages = {}
    for inject in document.get("injects", []):
        if inject.get("expects_response"):
            at, actor = inject.get("at"), inject.get("actor") or {}
            at = format_duration(at) if isinstance(at, int) else at
            messages[str(inject.get("id", ""))] = f"T+{at} · {actor.get('name', '')}"
    return {
        "fires": {"": _("At its time, whatever the team does"), **condition_kinds()},
        "condition_rumours": {"": "—", **_named(document.get("rumours", []), "claim")},
        "condition_facts": {"": "—", **_named(document.get("facts", []), "text")},
        "condition_injects": {"": "—", **messages},
    }


def editor_context(
    *,
    editable: bool,
    row: OrgScenario,
    saved: dict[str, Any],
    document: dict[str, Any],
    version: int | str,
    problems: list[tuple[str, str]] = (),
    section: Section | None = None,
    inject_origins: list[str] | None = None,
) -> dict[str, Any]:
    """What the editor shows: the document (as saved, or as the trainer last posted it), and
    each problem beside its field (or linked to the page that shows it); the ids of saved
    facts and rumours are no longer edited."""
    errors = forms.field_errors(list(problems))

    def problem_link(path: str) -> str:
        owners = [p for part, p in PAGE_OF_PART.items() if f"{path}.".startswith(f"{part}.")]
        # A stale version is this page's own problem, whatever page is open.
        page = section if path == "version" else next(iter(owners), None)
        here = "" if page == section else page_url(row, page)
        return f"{here}#f-{path.replace('.', '-')}"

    return {
        "row": row,
        "doc": document,
        "version": version,
        "can_edit": editable,
        "languages": LANGUAGES,
        "language_names": {"en": _("English"), "fr": _("French")},
        "section": section,
        "sections": section_names(),
        "page_url": lambda page: page_url(row, page),
        "problem_link": problem_link,
        "saved_fact_ids": {fact["id"] for fact in saved.get("facts", [])},
        "saved_rumour_ids": {rumour["id"] for rumour in saved.get("rumours", [])},
        "duration": lambda value: format_duration(value) if isinstance(value, int) else value,
        "errors": errors,
        "first_error": lambda prefix: next(
            (path for path in errors if path == prefix or path.startswith(prefix + ".")), None
        ),
        "problems": problems,
        "rumour_names": rumour_names(document),
        **condition_choices(document),
        "inject_origins": inject_origins,
        "saved": False,
        **studio_labels.editor_labels(),
    }
