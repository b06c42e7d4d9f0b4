"""Form: unfilled placeholders, near-duplicates of earlier posts, bursts of posts (spam)."""

import re

from rapidfuzz import fuzz

from app.analysis.types import Span

# A slot in brackets names what to fill; "[UPDATE]" or "[THREAD]" are real posts' tags.
_SLOT = (
    r"(?:[A-ZÀ-Ý0-9'-]+[ _])*(?:NAME|NOM|DATE|TIME|HEURE|BRAND|MARQUE|PRODUCT|PRODUIT|LINK|LIEN"
    r"|URL|NUMBER|NUM[EÉ]RO|LOCATION|LIEU|INSERT|INS[EÉ]RER|COMPL[EÉ]TER|TBD|XX)"
    r"(?:[ _][A-ZÀ-Ý0-9'-]+)*"
)
PLACEHOLDER = re.compile(
    rf"\{{\{{?[^{{}}\n]{{0,40}}\}}\}}?|\[{_SLOT}\]|<{_SLOT}>"
    r"|\b[Xx]{1,2}[:h][Xx]{2}\b|\bX{2,}\b|\b(?:TBD|TBC|TODO|lorem ipsum)\b"
)
NEAR_DUPLICATE = 88  # rapidfuzz token-sort ratio at which a post repeats an earlier one
BURST_WINDOW_S = 600.0
BURST_POSTS = 5  # more public posts than this within the window is a burst


def placeholders(raw: str) -> tuple[Span, ...]:
    """Template slots left unfilled: {brand}, [NOM], <DATE>, XX:XX, TBD."""
    return tuple(
        Span(m.start(), m.end(), m.group(0), "placeholder") for m in PLACEHOLDER.finditer(raw)
    )


def near_duplicate(folded: str, earlier: list[str]) -> int | None:
    """The index of the earlier post this one nearly repeats, if any."""
    for index, other in enumerate(earlier):
        if fuzz.token_sort_ratio(folded, other) >= NEAR_DUPLICATE:
            return index
    return None


def spam_bursts(times: list[float]) -> set[int]:
    """Indexes of posts beyond BURST_POSTS within any BURST_WINDOW_S (times in order)."""
    flagged, first = set(), 0
    for index, at_s in enumerate(times):
        while times[first] < at_s - BURST_WINDOW_S:
            first += 1
        if index - first + 1 > BURST_POSTS:
            flagged.add(index)
    return flagged
