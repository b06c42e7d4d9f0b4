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
    assert reading(frame, "".join(disguised)) == reading(frame, text)


def test_clean_leaves_plain_french_and_english_alone():
    for text in ("Déjà noté : l'équipe s'en occupe — merci !", "We’re sorry… 12 000 pots"):
        assert clean(text) == text
