"""Stance toward each fact and rumour: affirms, denies or silent, read clause by clause."""

import re
from dataclasses import dataclass

from app.analysis.frame import ClaimTerms, is_negated, numbers_of
from app.analysis.lexicon import (
    ANTONYMS,
    ATTRIBUTION,
    COMPLEMENT,
    DENIAL,
    DENIAL_OF_CLAUSE,
    HEDGE,
    NEGATED_DENIAL,
    PARTIAL,
    SAFETY_GROUPS,
    UNIVERSAL,
)
from app.analysis.tokens import Token, clauses, same_key
from app.analysis.types import Span, Stance

ABOUT_SHARE = 0.5  # weighted share of a claim's key terms a sentence must carry to be about it
DISTINCTIVE_WEIGHT = 2.0  # a key term no other claim has counts double
NUMBERS_KEYS = 2  # other numbers deny only in a clause this close to the claim (and 60 % of it)
BARE_DENIAL_WORDS = 6  # "This is false." / « C'est faux. »: short enough to point back
BARE_DENIAL_KEYS = 2  # a denying clause with more key terms says its own thing ("removed today")
# Where the reach of "it is false that…" ends (folded text, both languages).
SCOPE_BREAK = re.compile(
    r":(?!\d)|;|\s(?:but|however|whereas|although|mais|cependant|toutefois|alors que"
    r"|tandis que)\s"
)


@dataclass(frozen=True)
class Clause:
    """One clause: its keys and what its words do to what it says."""

    start: int
    end: int
    keys: tuple[str, ...]
    negated: bool
    denial: bool
    hedged: bool
    universal: bool
    complement: bool
    numbers: frozenset[str]
    denied: bool  # inside "it is false that…": the denial takes what this clause says


@dataclass(frozen=True)
class Sentence:
    """A sentence, its clauses and the sentence-wide markers (quantifiers, attribution)."""

    start: int
    end: int
    clauses: tuple[Clause, ...]
    universal: bool
    partial: bool
    attributed: bool
    denial: bool
    bare_denial: bool  # a clause that only denies ("C'est faux :"): it answers the sentence
    words: int


def read_sentences(
    folded: str, spans: list[tuple[int, int]], words: tuple[Token, ...], language: str
) -> list[Sentence]:
    """Each sentence of folded text read into clauses with their markers. A negated denial
    ("not false that") is blanked first, once for the whole text: two negations assert."""
    plain = re.sub(NEGATED_DENIAL[language], lambda m: " " * len(m.group(0)), folded)
    return [read_sentence(plain, start, end, words, language) for start, end in spans]


def read_sentence(folded: str, start: int, end: int, words: tuple[Token, ...], language: str):
    """A sentence of folded text read into clauses with their markers."""
    scopes = denial_scopes(folded, start, end, language)
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
                universal=re.search(UNIVERSAL[language], piece) is not None,
                complement=re.search(COMPLEMENT[language], piece) is not None,
                numbers=numbers_of(piece),
                denied=any(a < scope_end and scope_start < b for scope_start, scope_end in scopes),
            )
        )
    text = folded[start:end]
    return Sentence(
        start=start,
        end=end,
        clauses=tuple(found),
        universal=re.search(UNIVERSAL[language], text) is not None,
        partial=re.search(PARTIAL[language], text) is not None,
        # Reported speech and questions ("Is it true that…?") assert nothing.
        attributed=re.search(ATTRIBUTION[language], text) is not None
        or re.match(r"\s*\?", folded[end : end + 3]) is not None,
        denial=any(c.denial for c in found),
        bare_denial=any(c.denial and len(c.keys) <= BARE_DENIAL_KEYS for c in found),
        words=sum(1 for t in words if start <= t.start < end),
    )


def denial_scopes(folded: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """The spans a clause-taking denial ("it is false that…", « il est faux que… ») denies:
    from it to the next colon, semicolon or contrast ("but"), else the sentence's end (a
    bracket or a dash may hold part of what is denied). What comes after the break is said in
    the team's own voice: "It is false that the water is contaminated: our tests are compliant"
    affirms the tests."""
    found = []
    for marker in re.finditer(DENIAL_OF_CLAUSE[language], folded[start:end]):
        # A break must close some words: "not true that but…" denies what follows the "but".
        after = SCOPE_BREAK.search(folded, start + marker.end() + 1, end)
        found.append((start + marker.start(), after.start() if after else end))
    return found


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


def _about(terms: ClaimTerms, matched: set[str]) -> bool:
    """Whether matched keys make a piece of text about a proposition of a claim."""
    count, total = len(matched), len(terms.keys)
    if terms.novel and not matched & terms.novel:
        return False  # a rumour is about its falsehood, not the topic words it shares with facts
    if terms.specific and not matched & terms.specific:
        return False  # "the bank" and "accounts" alone: topic words many claims share
    if total <= 2:
        return count == total
    share = sum(_weight(terms, k) for k in matched) / sum(_weight(terms, k) for k in terms.keys)
    # A fact about safety is also "about" a sentence naming its hazard and one other term:
    # "perfectly safe, listeria ruled out" against "batch L2304 may contain listeria".
    safety = terms.claim.kind == "fact" and any(k in SAFETY_GROUPS for k in matched)
    return count >= 2 and (share >= ABOUT_SHARE or safety)


def _matches(terms: ClaimTerms, clause: Clause) -> tuple[set[str], float, bool]:
    """The claim keys a clause carries, their weight, and whether one came as an antonym."""
    matched, weight, flipped = set(), 0.0, False
    for key in terms.keys:
        hit = _hit(key, clause.keys)
        if hit:
            matched.add(key)
            weight += _weight(terms, key)
            flipped |= hit == "opposite"
    return matched, weight, flipped


def _deciding(terms: ClaimTerms, sentence: Sentence) -> tuple[Clause, bool, set[str]] | None:
    """The clause that decides, whether it flips, and the keys matched; None if not about.

    A clause about the claim on its own decides (the heaviest); else the sentence as a whole
    must be about it, and its heaviest clause decides ("Ce n'est pas une cyberattaque : la
    panne…" spreads one claim over two clauses).
    """
    read = [(clause, *_matches(terms, clause)) for clause in sentence.clauses]
    alone = [r for r in read if _about(terms, r[1])]
    if alone:
        clause, matched, _weight_, flipped = max(alone, key=lambda r: r[2])
        return clause, flipped, matched
    matched = set().union(*(r[1] for r in read))
    heaviest = max(read, key=lambda r: r[2])
    if not _about(terms, matched) or heaviest[2] == 0:
        return None
    return heaviest[0], heaviest[3], matched


@dataclass(frozen=True)
class Reach:
    """What a clause-taking denial outside the deciding clause may reach: the propositions of
    the claim read, and those of the rumours, whose denial it rather is when a fact is read."""

    claim: tuple[ClaimTerms, ...] = ()
    rumours: tuple[ClaimTerms, ...] = ()


def _denied_here(terms: ClaimTerms, sentence: Sentence, best: Clause, reach: Reach) -> bool:
    """Whether a clause-taking denial reaches the claim: its deciding clause lies in the denial's
    reach, or what lies there is about one of the claim's propositions and no rumour's.

    "Not true that the pipe burst at 7:05; the shop is closed" denies the fact of both; "false
    that savings will be seized: deposits are guaranteed" denies the rumour and leaves the fact
    standing, however many words the two share."""
    if best.denied:
        return True
    reached = [clause for clause in sentence.clauses if clause.denied]

    def about(part: ClaimTerms) -> bool:
        return _about(part, set().union(*(_matches(part, clause)[0] for clause in reached)))

    claim = reach.claim or (terms,)
    return bool(reached) and any(map(about, claim)) and not any(map(about, reach.rumours))


def _decide(
    terms: ClaimTerms, sentence: Sentence, reach: Reach = Reach()
) -> tuple[str, bool] | None:
    """The label and hedging of one sentence toward a proposition, or None if not about it."""
    found = _deciding(terms, sentence)
    if found is None or (sentence.attributed and not sentence.denial):
        return None
    best, flipped, matched = found
    if terms.complement != best.complement and not terms.universal:
        return None  # "other yoghurts are safe" is not about the batch the text names
    negated = best.negated != flipped
    # A bare denial elsewhere in the sentence ("C'est faux : …") answers a rumour, or a positive
    # fact; "false: no illness has been reported" still affirms the fact "no illness". A denial
    # that takes the clause after it ("it is false that…") denies what lies in its reach.
    answered = sentence.bare_denial and (terms.claim.kind == "rumour" or not terms.negated)
    if best.denial or answered or _denied_here(terms, sentence, best, reach):
        negated = not terms.negated
    label = "affirms" if negated == terms.negated else "denies"
    close = len(matched) >= NUMBERS_KEYS and len(matched) >= 0.6 * len(terms.keys)
    if close and terms.numbers and best.numbers and not terms.numbers & best.numbers:
        label = "denies"  # "1,200 pots" against "12,000 pots", in the deciding clause
    if label == "denies" and best.universal and not terms.universal and not flipped:
        return None  # "not all yoghurts are contaminated" leaves "this batch may be" standing
    if terms.universal and label == "affirms" and not sentence.universal:
        if not sentence.partial:
            return None  # about some of them, not all: neither confirms nor denies
        label = "denies"
    if label == "denies" and terms.claim.kind == "fact" and not matched & terms.own:
        return None  # only words other facts share ("the stores", "water"): about one of those
    return label, best.hedged


# Which decision stands when sentences disagree: for a rumour a denial; for a fact, a text that
# also restates it is not read as contradicting it (a fact may have several parts).
_ORDER = {
    "rumour": (("denies", False), ("affirms", False), ("denies", True), ("affirms", True)),
    "fact": (("affirms", False), ("denies", False), ("affirms", True), ("denies", True)),
}


def stance(
    claim_id: str, propositions, sentences: list[Sentence], raw: str, rumours: tuple = ()
) -> Stance:
    """The text's stance toward one claim (any of its propositions), with the deciding sentence;
    `rumours`: the frame's rumours' propositions, when the claim is a fact."""
    decisions: dict[tuple[str, bool], Span] = {}
    reach = Reach(tuple(propositions), rumours)
    for terms in propositions:
        _read_proposition(terms, sentences, raw, decisions, reach)
    kind = propositions[0].claim.kind if propositions else "fact"
    for key in _ORDER[kind]:
        if key in decisions:
            return Stance(claim_id, key[0], key[1], decisions[key])  # type: ignore[arg-type]
    return Stance(claim_id, "silent")


def _read_proposition(
    terms: ClaimTerms, sentences: list[Sentence], raw: str, decisions, reach: Reach
) -> None:
    """Add each sentence's decision about one proposition to `decisions` (first span kept)."""
    for index, sentence in enumerate(sentences):
        decided = _decide(terms, sentence, reach)
        if decided is None and sentence.denial and sentence.words <= BARE_DENIAL_WORDS:
            # "Some say a child died. This is false.": the bare denial points back.
            earlier = sentences[index - 1] if index else None
            reported = _reported(terms, earlier) if earlier and earlier.attributed else None
            if earlier is not None and reported == "affirms":
                decided = ("denies", False)
                sentence = Sentence(**{**sentence.__dict__, "start": earlier.start})
        if decided is not None:
            span = Span(sentence.start, sentence.end, raw[sentence.start : sentence.end])
            decisions.setdefault(decided, span)


def _reported(terms: ClaimTerms, sentence: Sentence) -> str | None:
    """What a reported sentence ("posts claim that…") says of the claim, read as if asserted:
    "This is false." after it denies the claim only if the report affirmed it."""
    plain = Sentence(**{**sentence.__dict__, "attributed": False})
    decided = _decide(terms, plain)
    return decided[0] if decided else None
