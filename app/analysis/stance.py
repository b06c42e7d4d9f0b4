"""Stance toward each fact and rumour: affirms, denies or silent, read clause by clause."""

import re
from dataclasses import dataclass

from app.analysis.frame import ClaimTerms, is_negated, numbers_of
from app.analysis.lexicon import (
    ANTONYMS,
    ATTRIBUTION,
    COMPLEMENT,
    DENIAL,
    HEDGE,
    PARTIAL,
    SAFETY_GROUPS,
    UNIVERSAL,
)
from app.analysis.tokens import Token, clauses, same_key
from app.analysis.types import Span, Stance

ABOUT_SHARE = 0.5  # weighted share of a claim's key terms a sentence must carry to be about it
DISTINCTIVE_WEIGHT = 2.0  # a key term no other claim has counts double
BARE_DENIAL_WORDS = 6  # "This is false." / « C'est faux. »: short enough to point back


@dataclass(frozen=True)
class Clause:
    """One clause: its keys and what its words do to what it says."""

    start: int
    end: int
    keys: tuple[str, ...]
    negated: bool
    denial: bool
    hedged: bool


@dataclass(frozen=True)
class Sentence:
    """A sentence, its clauses and the sentence-wide markers (quantifiers, attribution)."""

    start: int
    end: int
    clauses: tuple[Clause, ...]
    universal: bool
    partial: bool
    complement: bool
    attributed: bool
    denial: bool
    numbers: frozenset[str]
    words: int


def read_sentence(folded: str, start: int, end: int, words: tuple[Token, ...], language: str):
    """A sentence of folded text read into clauses with their markers."""
    found = []
    for a, b in clauses(folded, start, end):
        piece = folded[a:b]
        found.append(
            Clause(
                start=a,
                end=b,
                keys=tuple(t.key for t in words if a <= t.start < b and t.content),
                negated=is_negated(piece, language),
                denial=re.search(DENIAL[language], piece) is not None,
                hedged=re.search(HEDGE[language], piece) is not None,
            )
        )
    text = folded[start:end]
    return Sentence(
        start=start,
        end=end,
        clauses=tuple(found),
        universal=re.search(UNIVERSAL[language], text) is not None,
        partial=re.search(PARTIAL[language], text) is not None,
        complement=re.search(COMPLEMENT[language], text) is not None,
        attributed=re.search(ATTRIBUTION[language], text) is not None,
        denial=any(c.denial for c in found),
        numbers=numbers_of(text),
        words=sum(1 for t in words if start <= t.start < end),
    )


def _hit(key: str, keys: tuple[str, ...]) -> str | None:
    """'same' if a clause has the claim's key, 'opposite' if it has its antonym, else None."""
    if any(same_key(key, k) for k in keys):
        return "same"
    if any(frozenset({key, k}) in ANTONYMS for k in keys):
        return "opposite"
    return None


def _weight(terms: ClaimTerms, key: str) -> float:
    """How much a key term says which claim a sentence is about."""
    return DISTINCTIVE_WEIGHT if key in terms.distinctive else 1.0


def _decide(terms: ClaimTerms, sentence: Sentence) -> tuple[str, bool] | None:
    """The label and hedging of one sentence toward a claim, or None if not about it."""
    matched, best, best_weight, best_flip = set(), None, 0.0, False
    for clause in sentence.clauses:
        weight, flipped = 0.0, False
        for key in terms.keys:
            hit = _hit(key, clause.keys)
            if hit:
                matched.add(key)
                weight += _weight(terms, key)
                flipped |= hit == "opposite"
        if weight > best_weight:
            best, best_weight, best_flip = clause, weight, flipped
    count, total = len(matched), len(terms.keys)
    share = sum(_weight(terms, k) for k in matched) / sum(_weight(terms, k) for k in terms.keys)
    safety = any(k in SAFETY_GROUPS for k in matched)
    about = count == total if total <= 2 else count >= 2 and (share >= ABOUT_SHARE or safety)
    if best is None or not about or (sentence.attributed and not sentence.denial):
        return None
    if terms.complement and not sentence.complement:
        return None  # "other yoghurts are safe" is not about the batch the text names
    negated = best.negated != best_flip
    if best.denial or (sentence.denial and not terms.negated):
        negated = not terms.negated
    label = "affirms" if negated == terms.negated else "denies"
    if terms.numbers and sentence.numbers and not terms.numbers & sentence.numbers:
        label = "denies"
    if label == "denies" and sentence.universal and not terms.universal and not best_flip:
        return None  # "not all yoghurts are contaminated" leaves "this batch may be" standing
    if terms.universal and label == "affirms" and not sentence.universal:
        if not sentence.partial:
            return None  # about some of them, not all: neither confirms nor denies
        label = "denies"
    return label, best.hedged


_ORDER = (("denies", False), ("affirms", False), ("denies", True), ("affirms", True))


def stance(claim_id: str, propositions, sentences: list[Sentence], raw: str) -> Stance:
    """The text's stance toward one claim (any of its propositions), with the deciding sentence."""
    decisions: dict[tuple[str, bool], Span] = {}
    for terms in propositions:
        _read_proposition(terms, sentences, raw, decisions)
    for key in _ORDER:
        if key in decisions:
            return Stance(claim_id, key[0], key[1], decisions[key])  # type: ignore[arg-type]
    return Stance(claim_id, "silent")


def _read_proposition(terms: ClaimTerms, sentences: list[Sentence], raw: str, decisions) -> None:
    """Add each sentence's decision about one proposition to `decisions` (first span kept)."""
    for index, sentence in enumerate(sentences):
        decided = _decide(terms, sentence)
        if decided is None and sentence.denial and sentence.words <= BARE_DENIAL_WORDS:
            # "Some say a child died. This is false.": the bare denial points back.
            earlier = sentences[index - 1] if index else None
            if earlier is not None and earlier.attributed and _decide_reported(terms, earlier):
                decided = ("denies", False)
                sentence = Sentence(**{**sentence.__dict__, "start": earlier.start})
        if decided is not None:
            span = Span(sentence.start, sentence.end, raw[sentence.start : sentence.end])
            decisions.setdefault(decided, span)


def _decide_reported(terms: ClaimTerms, sentence: Sentence) -> bool:
    """Whether a reported sentence ("posts claim that…") speaks about the claim."""
    plain = Sentence(**{**sentence.__dict__, "attributed": False})
    return _decide(terms, plain) is not None
