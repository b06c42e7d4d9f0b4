"""Apology, accountability and blame, contempt, sarcasm and refusal, in both languages."""

import pytest

from app.analysis import analyse
from tests.analysis.frames import EN, FR

APOLOGIES = [
    (EN, "We apologise: this should not have happened.", "full"),
    (EN, "We are truly sorry for the worry this causes.", "full"),
    (EN, "We're sorry if anyone was offended.", "conditional"),
    (EN, "We apologise to anyone who was offended by our post.", "conditional"),
    (EN, "We regret that some chose to eat the yoghurt after its date.", "conditional"),
    (EN, "We have done nothing we need to apologise for.", "none"),
    (EN, "Batch L2304 may contain listeria.", "none"),
    (FR, "Nous présentons nos excuses pour la gêne occasionnée.", "full"),
    (FR, "Nous nous excusons si la gêne a pu paraître excessive à certains.", "conditional"),
    (FR, "Nous sommes désolés que certains aient mal compris notre message.", "conditional"),
    (FR, "La panne vient d'un équipement défaillant.", "none"),
]


@pytest.mark.parametrize(("frame", "text", "kind"), APOLOGIES)
def test_apology_is_full_conditional_or_none(frame, text, kind):
    assert analyse(text, frame).voice.apology == kind


BLAME = [
    (EN, "This is our fault and we take full responsibility.", True, ()),
    (EN, "The fault lies entirely with our supplier.", False, ("third_party",)),
    (EN, "Customers who did not follow the storage instructions are at risk.", False, ("victims",)),
    (EN, "This was not the fault of our supplier; it was our mistake.", True, ()),
    (FR, "C'est notre erreur et nous présentons nos excuses.", True, ()),
    (FR, "La faute incombe entièrement à notre fournisseur.", False, ("third_party",)),
    (
        FR,
        "Les clients qui n'ont pas respecté les consignes sont responsables.",
        False,
        ("victims",),
    ),
]


@pytest.mark.parametrize(("frame", "text", "accountable", "blames"), BLAME)
def test_accountability_or_blame_and_whom_it_blames(frame, text, accountable, blames):
    voice = analyse(text, frame).voice
    assert (voice.accountable, voice.blames) == (accountable, blames)


def test_denying_responsibility_is_not_accountability():
    voice = analyse("This is not our fault.", EN).voice
    assert voice.denies_responsibility and not voice.accountable


@pytest.mark.parametrize(
    ("frame", "text", "flag"),
    [
        (EN, "Only idiots would believe this nonsense.", "contempt"),
        (FR, "Une bande de voyous qui devraient avoir honte.", "contempt"),
        (EN, "Oh sure, congratulations to those who know better.", "sarcasm"),
        (FR, "Bravo à ceux qui savent tout mieux que nos ingénieurs.", "sarcasm"),
        (EN, "No comment.", "refusal"),
        (
            EN,
            "On the advice of our lawyers we cannot comment on ongoing legal proceedings.",
            "refusal",
        ),
        (FR, "Procédure judiciaire en cours : nous ne commentons pas.", "refusal"),
        (EN, "Here is what we know so far, and what we do not know yet.", "transparency"),
        (FR, "Voici ce que nous savons à ce stade.", "transparency"),
    ],
)
def test_contempt_sarcasm_refusal_and_transparency_are_read(frame, text, flag):
    voice = analyse(text, frame).voice
    assert getattr(voice, flag) is True
    assert flag in voice.evidence or flag == "transparency"


def test_a_refusal_is_never_transparency():
    voice = analyse("No comment at this stage; here is what we know: nothing.", EN).voice
    assert voice.refusal and not voice.transparency


def test_quotable_spans_put_contempt_first():
    reading = analyse("We apologise. Only idiots would believe this nonsense.", EN)
    assert reading.quotable[0].reason == "contempt"
    assert "idiots" in reading.quotable[0].text
