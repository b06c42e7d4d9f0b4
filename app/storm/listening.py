"""Listening: the audience's reactions quote the team's own words, chosen by what they say.

Pure. For each public action, `reaction_texts` reads its analysis (`app.analysis`) and the
earlier actions' ones, finds what a reader would react to (a contradiction of an earlier
statement or of the facts, a confirmed rumour, contempt, a refusal, blame, a non-apology, an
apology, a denial, a promise, else what it said), and fills the templates of `phrases` with the
span of the text that says it. `missed_promises` finds the updates promised by a delay or a
clock time that no public word kept; `follow_up` is the question a journalist sends about a
statement.
"""

import random
import re
from dataclasses import dataclass

from app.analysis import Analysis
from app.analysis.commitments import GRACE_S
from app.analysis.tokens import sentences
from app.analysis.types import Span
from app.scenarios.grammar import expand, parse
from app.storm.phrases import EXPERT, PRESS, QUESTIONS, QUOTE_MARKS, REACTIONS
from app.storm.text import french
from app.storm.variation import LOUD, vary

QUOTE_CHARS = 100  # a longer span is cut at a word boundary, with an ellipsis
KINDS_PER_TONE = 2  # reactions of one tone draw from the two most salient kinds that apply
TONES = ("good", "bad")
FRAMES_PER_KIND = 64  # readings of a kind's grammars per action, tone and voice
READING_TRIES = 4  # draws per reading wanted, before settling for fewer
# The voices that quote the team, and the account type whose way of writing bends the crowd's.
VOICES = ("crowd", "loud", "press", "expert")
VARIED = {"crowd": "angry_customer", "loud": "influencer"}
SILENT_VOICES = frozenset({"regulator", "bot"})
_TRIM = " \t\n.,;:!?…\"'“”«»()"


def excerpt(text: str, span: Span | tuple[int, int]) -> str:
    """The words of `text` in `span`, trimmed, cut to QUOTE_CHARS at a word boundary; always a
    substring of `text` (the ellipsis goes outside the quotation marks)."""
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    piece = text[start:end].strip(_TRIM)
    if len(piece) > QUOTE_CHARS:
        cut = piece.rfind(" ", 0, QUOTE_CHARS)
        piece = piece[: cut if cut > 0 else QUOTE_CHARS].rstrip(_TRIM)
    return piece


def quoted(text: str, span: Span | tuple[int, int], language: str) -> str:
    """A span in the language's quotation marks, an ellipsis inside when it was cut."""
    opening, closing = QUOTE_MARKS[language]
    piece = excerpt(text, span)
    whole = text[span.start : span.end] if isinstance(span, Span) else text[span[0] : span[1]]
    more = "…" if len(piece) < len(whole.strip(_TRIM)) else ""
    return f"{opening}{piece}{more}{closing}"


def _sentence_of(reading: Analysis, span: Span) -> tuple[int, int]:
    """The sentence of the text that holds a span (a clause alone can lose its condition)."""
    for start, end in sentences(reading.folded):
        if start <= span.start < end:
            return start, end
    return span.start, span.end


def _first_sentence(reading: Analysis) -> tuple[int, int]:
    """The first sentence with words: what a reader quotes of a text with nothing salient."""
    for start, end in sentences(reading.folded):
        if re.search(r"\w", reading.text[start:end]):
            return start, end
    return 0, len(reading.text)


@dataclass(frozen=True)
class Said:
    """What one public text says to its readers: the kinds that apply, most salient first, each
    with the span a reaction quotes, and the earlier text it contradicts (if any)."""

    kinds: tuple[tuple[str, tuple[int, int]], ...]
    earlier: str = ""  # the earlier text's words, already in quotation marks


def contradiction(reading: Analysis, earlier: list[Analysis]) -> tuple[Span, Analysis, Span] | None:
    """The first claim this text and an earlier one take opposite, unhedged stances on."""
    for stance in reading.stances:
        if stance.label == "silent" or stance.hedged or stance.evidence is None:
            continue
        for before in reversed(earlier):
            other = before.stance_of(stance.claim_id)
            if other.label not in ("silent", stance.label) and not other.hedged:
                if other.evidence is not None:
                    return stance.evidence, before, other.evidence
    return None


def read_said(
    reading: Analysis, earlier: list[Analysis], excused: frozenset[str] = frozenset()
) -> Said:
    """What a reader of this text reacts to, in order of salience; `excused`: the facts it is
    not read as denying (it corrects a rumour that contradicts them)."""
    voice, evidence = reading.voice, reading.voice.evidence
    kinds: list[tuple[str, Span | tuple[int, int]]] = []
    earlier_words = ""
    found = contradiction(reading, earlier)
    if found is not None:
        span, before, before_span = found
        kinds.append(("contradiction", span))
        earlier_words = quoted(before.text, before_span, reading.language)
    unhedged = [s for s in reading.stances if not s.hedged and s.evidence is not None]
    rumours = [s for s in unhedged if s.claim_id.startswith("rumour:")]
    facts = [s for s in unhedged if s.claim_id.startswith("fact:") and s.claim_id not in excused]
    kinds += [("affirms_rumour", s.evidence) for s in rumours if s.label == "affirms"][:1]
    kinds += [("contradicts_fact", s.evidence) for s in facts if s.label == "denies"][:1]
    for kind, key in (
        ("contempt", "contempt"),
        ("contempt", "sarcasm"),
        ("refusal", "refusal"),
        ("victims", "blame_victims"),
        ("third_party", "blame_third_party"),
    ):
        if key in evidence and kind not in (k for k, _s in kinds):
            kinds.append((kind, evidence[key]))
    if voice.denies_responsibility:
        kinds.append(("denies_responsibility", _first_sentence(reading)))
    if voice.apology != "none":
        kind = "conditional" if voice.apology == "conditional" else "apology"
        kinds.append((kind, _sentence_of(reading, evidence["apology"])))
    kinds += [("denial", s.evidence) for s in rumours if s.label == "denies"][:1]
    kinds += [("promise", c.evidence) for c in reading.commitments][:1]
    quotable = reading.quotable[0] if reading.quotable else _first_sentence(reading)
    kinds.append(("said", quotable))
    spans = tuple(
        (kind, (s.start, s.end) if isinstance(s, Span) else s)
        for kind, s in kinds  # type: ignore[misc]
    )
    return Said(spans, earlier_words)


def reaction_kinds(said: Said, language: str) -> dict[str, tuple[tuple[str, tuple[int, int]], ...]]:
    """Per tone, the (kind, span) pairs its reactions draw from: the KINDS_PER_TONE most salient
    kinds that have the crowd's words for that tone."""
    table = REACTIONS[language]
    return {
        tone: tuple((k, s) for k, s in said.kinds if table[k].get(tone))[:KINDS_PER_TONE]
        for tone in TONES
    }


def voice_of(persona: str) -> str | None:
    """How an account reacts to the team's words: None for those who never quote them
    (institutions keep to their own bulletins, bots to their spam)."""
    if persona in SILENT_VOICES:
        return None
    if persona in ("journalist", "expert"):
        return "press" if persona == "journalist" else "expert"
    return "loud" if persona in LOUD else "crowd"


def _grammars(voice: str, kind: str, tone: str, language: str) -> tuple[str, ...]:
    """The grammars a voice reacts with to one kind of words in one tone."""
    if voice == "press":
        return PRESS[language]
    if voice == "expert":
        return EXPERT[language][tone]
    return REACTIONS[language][kind][tone]


def reaction_texts(
    reading: Analysis, said: Said, brand: str
) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Every reaction text to one text, keyed (tone, voice, kind), quotes filled in: up to
    FRAMES_PER_KIND distinct readings of the kind's grammars per voice, the crowd's bent by its
    way of writing (`app.storm.variation`), so the accounts reacting in one minute seldom share
    a frame. Seeded by the text: the same words always get the same reactions."""
    language = reading.language if reading.language in REACTIONS else "en"
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for tone, kinds in reaction_kinds(said, language).items():
        sentiment = "positive" if tone == "good" else "negative"
        for voice in VOICES:
            rng = random.Random(f"{tone}:{voice}:{reading.text}")
            for kind, span in kinds:
                grammars = [parse(g) for g in _grammars(voice, kind, tone, language)]
                quote = quoted(reading.text, span, language)
                found: dict[str, None] = {}
                for _ in range(READING_TRIES * FRAMES_PER_KIND):
                    words = expand(grammars[rng.randrange(len(grammars))], rng, False)
                    if voice in VARIED:
                        words = vary(words, VARIED[voice], sentiment, language, [], rng, ends=False)
                    words = named(words, brand, language)
                    found[words.format(quote=quote, earlier=said.earlier)] = None
                    if len(found) == FRAMES_PER_KIND:
                        break
                out[tone, voice, kind] = tuple(found)
    return out


def follow_up(reading: Analysis, said: Said, brand: str) -> str:
    """The question a journalist sends about a statement: on its most salient point."""
    language = reading.language if reading.language in QUESTIONS else "en"
    kind, span = said.kinds[0]
    template = named(QUESTIONS[language][kind][0], brand, language)
    return template.format(quote=quoted(reading.text, span, language), earlier=said.earlier)


def named(template: str, brand: str, language: str) -> str:
    """A reaction template with the brand filled in (before the team's words, which are quoted
    as written), its prepositions agreeing with the name in French (« d'Orvane »)."""
    words = template.replace("{brand}", brand)
    return french(words) if language == "fr" else words


@dataclass(frozen=True)
class Missed:
    """An update promised for `due_s` (seconds since the start) that no public word kept."""

    due_s: float
    promised_s: float  # when the update was promised for (the time the call-outs name)
    ref: str  # the action that promised it
    until_s: float  # the team's next public word after the due time: the call-outs stop


def missed_promises(
    promises: list[tuple[float, str, Analysis]], times: list[float], start_minute: int
) -> list[Missed]:
    """Updates promised within a delay or by a clock time (`promises`: (at_s, ref, analysis) of
    public actions) that no later public action (`times`) made by the due time plus the grace."""
    found = []
    for at_s, ref, reading in promises:
        for commitment in reading.commitments:
            if commitment.kind != "update":
                continue
            if commitment.within_s is not None:
                promised = at_s + commitment.within_s
            elif commitment.clock is not None:
                hour, minute = (int(p) for p in commitment.clock.split(":"))
                promised = ((hour * 60 + minute - start_minute) % 1440) * 60.0
                if promised <= at_s:
                    continue  # a time already past (or tomorrow's): not judged
            else:
                continue
            due = promised + GRACE_S
            if not any(at_s < t <= due for t in times):
                until = next((t for t in times if t > due), float("inf"))
                found.append(Missed(due, promised, ref, until))
            break  # one promised update per text
    return found
