"""One text read against a frame: stances, commitments, voice, form and the quotable spans."""

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache

from app.analysis.commitments import clocks_in, find_commitments
from app.analysis.form import placeholders
from app.analysis.frame import Frame, claim_terms, topic_keys
from app.analysis.lexicon import ABSOLUTE, ADVICE, STOPWORDS
from app.analysis.speech import Voice, read_voice
from app.analysis.stance import read_sentences, stance
from app.analysis.tokens import PREFIX_MATCH, clean, fold, same_key, seen_at, sentences, tokens
from app.analysis.types import Commitment, Span, Stance

QUOTABLE = 3
TOPICAL_KEYS = 2  # content words shared with the crisis's vocabulary that make a text topical
# A figure says something checkable when it counts or names a thing ("12,000 pots", "3pm",
# "batch L2304", "15 %"); a bare "+1" or "1/3" does not.
_FIGURE = re.compile(r"\d[\d,.:h]*\s?(?:%|[a-z]{2,})|\b[a-z]{2,} ?\d|[a-z]\d")
# Why a sentence would be quoted back, most quotable first.
_QUOTE_ORDER = ("contempt", "sarcasm", "refusal", "blame", "apology", "stance", "absolute")


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis reads in one text; spans index into `text`."""

    text: str
    language: str
    stances: tuple[Stance, ...]
    commitments: tuple[Commitment, ...]
    voice: Voice
    placeholders: tuple[Span, ...]
    advice: bool
    absolutes: tuple[Span, ...]
    clocks: frozenset[str]
    folded: str
    quotable: tuple[Span, ...]
    topical: bool

    def stance_of(self, claim_id: str) -> Stance:
        """The stance toward one claim (silent when the frame does not hold it)."""
        return next((s for s in self.stances if s.claim_id == claim_id), Stance(claim_id, "silent"))

    @property
    def substantive(self) -> bool:
        """Says something checkable: on topic, a stance, advice, a timed promise, numbers."""
        timed = any(c.within_s or c.clock for c in self.commitments)
        stated = any(s.label != "silent" for s in self.stances)
        figures = _FIGURE.search(self.folded) is not None
        return stated or self.topical or self.advice or timed or figures


def detect_language(folded: str, default: str) -> str:
    """French or English by stop words; the default unless the other clearly dominates."""
    words = re.findall(r"[a-z]+", folded)
    scores = {lang: sum(w in STOPWORDS[lang] for w in words) for lang in ("en", "fr")}
    other = "fr" if default == "en" else "en"
    return other if scores[other] >= 3 and scores[other] > 2 * scores[default] else default


@lru_cache(maxsize=8192)
def analyse(text: str, frame: Frame) -> Analysis:
    """Read one public text against the frame; cached, so each text is read once per frame.

    The text is read as a reader sees it (`clean`); its spans index into the text as given.
    """
    seen = clean(text)
    if seen != text:
        return _spans_into(analyse(seen, frame), text)
    folded = fold(text)
    language = detect_language(folded, frame.language)
    words = tokens(text, language)
    read = read_sentences(folded, sentences(folded), words, language)
    clause_marks = [(c.start, c.end, c.negated) for s in read for c in s.clauses]
    claims = claim_terms(frame)
    rumours = tuple(terms for c, props in claims if c.kind == "rumour" for terms in props)
    stances = tuple(
        stance(c.id, props, read, text, rumours if c.kind == "fact" else ()) for c, props in claims
    )
    voice = read_voice(folded, text, clause_marks, language)
    absolutes = tuple(
        Span(m.start(), m.end(), text[m.start() : m.end()], "absolute")
        for m in re.finditer(ABSOLUTE[language], folded)
    )
    return Analysis(
        text=text,
        language=language,
        stances=stances,
        commitments=find_commitments(folded, text, sentences(folded), language),
        voice=voice,
        placeholders=placeholders(text),
        advice=re.search(ADVICE[language], folded) is not None,
        absolutes=absolutes,
        clocks=clocks_in(folded, language),
        folded=folded,
        quotable=_quotable(text, voice, stances, absolutes),
        topical=_topical(words, topic_keys(frame)),
    )


def _spans_into(value, original: str, at: list[int] | None = None):
    """`value` (an analysis of `clean(original)`, or a part of it) with every span moved to the
    same words in `original`, hidden characters and lookalike letters included."""
    at = at if at is not None else seen_at(original)
    if isinstance(value, Span):
        start = at[value.start]
        end = at[value.end - 1] + 1 if value.end > value.start else start
        return replace(value, start=start, end=end, text=original[start:end])
    if is_dataclass(value):
        moved = {f.name: _spans_into(getattr(value, f.name), original, at) for f in fields(value)}
        if isinstance(value, Analysis):
            moved["text"] = original
        return replace(value, **moved)
    if isinstance(value, tuple):
        return tuple(_spans_into(item, original, at) for item in value)
    if isinstance(value, dict):
        return {key: _spans_into(item, original, at) for key, item in value.items()}
    return value


def _topical(words, vocabulary: frozenset[str]) -> bool:
    """Whether a text uses enough of the crisis's own words to be about it."""
    keys = {t.key for t in words if t.content}
    # Keys that match without being equal share their first PREFIX_MATCH letters.
    shared = [
        k
        for k in keys
        if k in vocabulary
        or any(same_key(k, v) for v in vocabulary if v[:PREFIX_MATCH] == k[:PREFIX_MATCH])
    ]
    return len(shared) >= TOPICAL_KEYS


def _quotable(text: str, voice: Voice, stances: tuple[Stance, ...], absolutes) -> tuple[Span, ...]:
    """The sentences an audience would quote back, most quotable first."""
    candidates: list[Span] = []
    for reason in _QUOTE_ORDER:
        if reason == "stance":
            found = [s.evidence for s in stances if s.evidence is not None and not s.hedged]
        elif reason == "absolute":
            found = list(absolutes)
        elif reason == "blame":
            found = [voice.evidence[k] for k in voice.evidence if k.startswith("blame_")]
        else:
            found = [voice.evidence[reason]] if reason in voice.evidence else []
        candidates += [Span(s.start, s.end, s.text, reason) for s in found]
    chosen: list[Span] = []
    for span in candidates:
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    return tuple(chosen[:QUOTABLE])
