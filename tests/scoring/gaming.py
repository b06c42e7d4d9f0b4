"""Cheating logs for the gaming suite: each replays the honest log of a fixture with one trick."""

import copy
from collections.abc import Callable
from typing import Any

from tests.scoring.records import fixture

PUBLIC = ("statement", "reply", "correct_rumour", "request_approval")
STUFFING = {
    "en": "We are sincerely sorry, we take full responsibility, we are transparent and we care "
    "deeply about you. Your safety comes first. We understand your concern. Thank you for your "
    "patience, next update soon.",
    "fr": "Nous sommes sincèrement désolés, nous assumons l'entière responsabilité, nous sommes "
    "transparents et nous comprenons votre inquiétude. Votre sécurité passe avant tout. Merci "
    "pour votre patience, prochain point bientôt.",
}
AFFIRMED = {
    "en": "Yes, all the Brightwater yoghurts are contaminated with listeria and a yoghurt killed "
    "a child in Leeds.",
    "fr": "Oui, Banque Azur a été piratée et les données des clients ont été volées.",
}
CONTRADICTION = {
    "en": "Our yoghurts are perfectly safe: listeria has been ruled out and no batch is affected.",
    "fr": "Aucune panne : l'application fonctionne normalement et aucune mise à jour n'a eu lieu.",
}
NON_APOLOGY = {
    "en": "We are sorry if anyone was offended, and we regret that some chose to eat yoghurt "
    "past its date. The fault lies entirely with our supplier.",
    "fr": "Nous nous excusons si la gêne a pu paraître excessive à certains. La faute incombe "
    "entièrement à notre prestataire.",
}
REFUSAL = {
    "en": "No comment. On the advice of our lawyers we will not discuss ongoing legal "
    "proceedings. We reserve all our rights.",
    "fr": "Pas de commentaire. Procédure judiciaire en cours : sur les conseils de nos avocats, "
    "nous ne commentons pas. Nous nous réservons le droit d'agir.",
}
REPEAT = {"en": "We are looking into it. More soon.", "fr": "Nous regardons. Plus d'infos bientôt."}


def _retext(actions: list[dict], text_for: Callable[[dict], str | None]) -> list[dict]:
    """The actions with each public (or submitted) text replaced where `text_for` says."""
    out = copy.deepcopy(actions)
    for action in out:
        if action["kind"] in PUBLIC and (new := text_for(action)) is not None:
            action["text"] = new
    return out


def _templates(record: dict) -> list[str]:
    """The plan's key messages, pasted as written: placeholders unfilled."""
    return [km["text"] for km in record["plan"]["key_messages"]]


def _spam(actions: list[dict], lang: str) -> list[dict]:
    """The honest log plus forty cue-laden posts in the first ten minutes after the first post."""
    first = next(a["at_s"] for a in actions if a["kind"] == "statement")
    posts = [
        {
            "at_s": first + 15 * i,
            "kind": "statement",
            "role": "spokesperson",
            "text": STUFFING[lang],
        }
        for i in range(1, 41)
    ]
    return sorted(actions + posts, key=lambda a: a["at_s"])


def _repeats(actions: list[dict], lang: str) -> list[dict]:
    """Every public text replaced by one content-free line, posted again every minute."""
    kept = _retext(actions, lambda _a: REPEAT[lang])
    extra = [
        {"at_s": 60.0 * i, "kind": "statement", "role": "spokesperson", "text": REPEAT[lang]}
        for i in range(1, 61)
    ]
    return sorted(kept + extra, key=lambda a: a["at_s"])


def cheats(base: str) -> dict[str, tuple[list[dict], bool]]:
    """Name -> (cheating actions, whether it commits a critical error) for a fixture's log."""
    record = fixture(base)
    lang, honest = record["language"], record["actions"]
    templates = _templates(record)
    rotation = {id(a): templates[i % len(templates)] for i, a in enumerate(honest)}
    by_index = [rotation[id(a)] for a in honest]
    pasted = copy.deepcopy(honest)
    for action, template in zip(pasted, by_index, strict=True):
        if action["kind"] in PUBLIC:
            action["text"] = template
    return {
        "cue stuffing": (_retext(honest, lambda _a: STUFFING[lang]), False),
        "spam": (_spam(honest, lang), False),
        "unfilled placeholders": (pasted, True),
        "affirming a rumour in a declared correction": (
            _retext(honest, lambda a: AFFIRMED[lang] if a.get("rumour") else None),
            True,
        ),
        "confident contradictions": (
            _retext(honest, lambda a: None if a.get("rumour") else CONTRADICTION[lang]),
            lang == "en",
        ),
        "non-apologies": (
            _retext(honest, lambda a: None if a.get("rumour") else NON_APOLOGY[lang]),
            False,
        ),
        "legal refusals": (_retext(honest, lambda _a: REFUSAL[lang]), False),
        "fast content-free repeats": (_repeats(honest, lang), False),
    }


def record_with(base: str, actions: list[dict]) -> dict[str, Any]:
    """The fixture with other actions and without its audience outcome."""
    record = copy.deepcopy(fixture(base))
    record.pop("audience_outcome", None)
    record["actions"] = actions
    return record
