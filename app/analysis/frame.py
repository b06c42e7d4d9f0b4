"""What a text is read against: the language, the brand, the scenario's facts and rumours."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from app.analysis.lexicon import (
    COMPLEMENT,
    NEGATION,
    NOT_NEGATION,
    PARTIAL,
    SAFETY_GROUPS,
    UNIVERSAL,
)
from app.analysis.tokens import Token, clauses, fold, sentences, tokens

COMMON_CLAIMS = 3  # a key this many claims share is a topic word ("bank", "accounts")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Clock times and durations are not quantities a claim states: "update at 3pm", "15 h 30".
_TIME = re.compile(
    r"\d{1,2}\s?h\s?\d{2}|\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b|\d{1,2}\s?h\b"
)


@dataclass(frozen=True)
class Claim:
    """A fact (true) or a rumour (false) of the scenario, by id."""

    id: str
    text: str
    kind: Literal["fact", "rumour"]


@dataclass(frozen=True)
class Frame:
    """The context of a reading; hashable, so a text is analysed once per frame."""

    language: str
    brand: str = ""
    claims: tuple[Claim, ...] = ()
    topics: tuple[str, ...] = ()  # other texts of the crisis (injects): its vocabulary


@dataclass(frozen=True)
class ClaimTerms:
    """One proposition of a claim: its key terms (from the claim itself), polarity, quantifier."""

    claim: Claim
    keys: tuple[str, ...]
    distinctive: frozenset[str]
    novel: frozenset[str]  # a rumour's keys no fact has: the falsehood itself
    specific: frozenset[str]  # keys fewer than COMMON_CLAIMS claims share (not topic words)
    own: frozenset[str]  # a fact's keys no other fact has: what a denial of it must be about
    negated: bool
    universal: bool
    complement: bool
    safety: bool
    numbers: frozenset[str]


def is_negated(folded: str, language: str) -> bool:
    """Whether a piece of folded text carries a negation of its language."""
    cleaned = re.sub(NOT_NEGATION[language], " ", folded)
    return re.search(NEGATION[language], cleaned) is not None


def numbers_of(folded: str) -> frozenset[str]:
    """The quantities a text states, 12,000 and 12000 alike; clock times left out."""
    quantities = _TIME.sub(" ", folded)
    return frozenset(n.replace(",", "").replace(".", "") for n in _NUMBER.findall(quantities))


def _keys(words: tuple[Token, ...], brand_keys: frozenset[str], a: int, b: int) -> tuple[str, ...]:
    """The content keys of words a..b of a claim, in order, without the brand's or repeats."""
    keys: list[str] = []
    for token in words:
        if a <= token.start < b and token.content and token.key not in brand_keys:
            if token.key not in keys:
                keys.append(token.key)
    return tuple(keys)


def _propositions(claim: Claim, language: str, brand_keys: frozenset[str]):
    """(keys, folded text) of each clause of a claim that has key terms."""
    folded, words = fold(claim.text), tokens(claim.text, language)
    found: list[tuple[tuple[str, ...], str]] = []
    leading: tuple[str, ...] = ()  # a fragment opening the claim ("During the night, …")
    leading_text = ""
    for start, end in sentences(folded):
        for a, b in clauses(folded, start, end):
            keys = _keys(words, brand_keys, a, b)
            if len(keys) < 2 and found:
                # A fragment ("…, not from the river") belongs to the proposition before it.
                before, text = found[-1]
                found[-1] = (before + tuple(k for k in keys if k not in before), text)
            elif len(keys) < 2:
                leading += tuple(k for k in keys if k not in leading)  # …or to the one after it
                leading_text = leading_text or (folded[a:b] if keys else "")
            else:
                found.append((leading + tuple(k for k in keys if k not in leading), folded[a:b]))
                leading = ()
    return found or [(leading, leading_text or folded)]


@lru_cache(maxsize=256)
def claim_terms(frame: Frame) -> tuple[tuple[Claim, tuple[ClaimTerms, ...]], ...]:
    """Every claim of the frame as its propositions; a key no other claim has is distinctive."""
    language = frame.language
    brand_keys = frozenset(t.key for t in tokens(frame.brand, language) if t.content)
    split = [(c, _propositions(c, language, brand_keys)) for c in frame.claims]
    prepared = []
    facts = {k for c, props in split if c.kind == "fact" for keys, _f in props for k in keys}
    fact_keys = Counter(
        k for c, props in split if c.kind == "fact" for k in {k for keys, _f in props for k in keys}
    )
    claims_with = Counter(k for _c, props in split for k in {k for keys, _f in props for k in keys})
    common = {k for k, n in claims_with.items() if n >= COMMON_CLAIMS}
    for claim, propositions in split:
        others = {k for c, props in split if c is not claim for keys, _f in props for k in keys}
        shared = (others, facts, common, fact_keys)
        props = tuple(_proposition(claim, k, f, shared, language) for k, f in propositions)
        prepared.append((claim, props))
    return tuple(prepared)


def _proposition(claim: Claim, keys, folded: str, shared, language: str) -> ClaimTerms:
    """One clause of a claim, prepared for stance reading; `shared`: other claims' keys, the
    facts' keys, the common keys and how many facts have each key."""
    others, facts, common, fact_keys = shared
    rumour = claim.kind == "rumour"
    return ClaimTerms(
        claim=claim,
        keys=keys,
        distinctive=frozenset(k for k in keys if k not in others),
        novel=frozenset(k for k in keys if k not in facts) if rumour else frozenset(),
        specific=frozenset(k for k in keys if k not in common),
        own=frozenset() if rumour else frozenset(k for k in keys if fact_keys[k] == 1),
        negated=is_negated(folded, language),
        universal=re.search(UNIVERSAL[language], folded) is not None
        and re.search(PARTIAL[language], folded) is None,
        complement=re.search(COMPLEMENT[language], folded) is not None,
        safety=any(k in SAFETY_GROUPS for k in keys),
        numbers=numbers_of(folded),
    )


def safety_claims(frame: Frame) -> frozenset[str]:
    """Ids of the facts about safety (illness, contamination, danger): denying one is critical."""
    return frozenset(
        claim.id
        for claim, propositions in claim_terms(frame)
        if claim.kind == "fact" and any(p.safety for p in propositions)
    )


@lru_cache(maxsize=256)
def topic_keys(frame: Frame) -> frozenset[str]:
    """The crisis's vocabulary: the content keys of its claims and topic texts, brand left out."""
    brand = frozenset(t.key for t in tokens(frame.brand, frame.language) if t.content)
    texts = [c.text for c in frame.claims] + list(frame.topics)
    return (
        frozenset(t.key for text in texts for t in tokens(text, frame.language) if t.content)
        - brand
    )
