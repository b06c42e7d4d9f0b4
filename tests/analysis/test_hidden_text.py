"""Hidden text: invisible characters and Latin lookalikes hide nothing from the analysis."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis import analyse
from app.analysis.tokens import clean
from tests.analysis.frames import EN, FR

STATEMENTS = [
    (EN, "Calm down, people who ate expired yoghurt only have themselves to blame."),
    (EN, "The claim that Brightwater yoghurt killed a child in Leeds is false."),
    (EN, "We are sorry if anyone was offended. The fault lies with our supplier."),
    (EN, "No comment. Our lawyers will not discuss ongoing legal proceedings."),
    (FR, "Calmez-vous, c'est la faute de notre prestataire."),
    (FR, "C'est faux : la panne n'est pas due à une cyberattaque."),
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u202e"]
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "s": "ѕ"}


def reading(frame, text):
    found = analyse(text, frame)
    voice = found.voice
    return (
        [(s.claim_id, s.label, s.hedged) for s in found.stances],
        (voice.apology, voice.blames, voice.contempt, voice.refusal, voice.accountable),
        found.substantive,
    )


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(STATEMENTS), st.data())
def test_hidden_characters_and_lookalikes_change_no_reading(statement, data):
    frame, text = statement
    disguised = []
    for char in text:
        if char.lower() in LOOKALIKE and data.draw(st.booleans()):
            char = LOOKALIKE[char.lower()]
        disguised.append(char + data.draw(st.sampled_from(["", "", *INVISIBLE])))
    disguised = "".join(disguised)
    assert reading(frame, disguised) == reading(frame, text)
    # Its spans point into the text as written, at the same words as the plain text's (the
    # lookalikes above are lower case).
    shown = spans(analyse(disguised, frame))
    assert all(disguised[s.start : s.end] == s.text for s in shown)
    plain = spans(analyse(text, frame))
    assert [clean(s.text).lower() for s in shown] == [s.text.lower() for s in plain]


def spans(found):
    """Every span of an analysis, in a fixed order."""
    return [
        *(s.evidence for s in found.stances if s.evidence),
        *(c.evidence for c in found.commitments),
        *found.quotable,
        *found.placeholders,
        *found.absolutes,
        *(found.voice.evidence[key] for key in sorted(found.voice.evidence)),
    ]


def test_clean_leaves_plain_french_and_english_alone():
    for text in ("Déjà noté : l'équipe s'en occupe — merci !", "We’re sorry… 12 000 pots"):
        assert clean(text) == text
