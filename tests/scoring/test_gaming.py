"""The gaming suite: for each kind of cheat, the honest log of the same scenario scores higher."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scoring.core import parse_record, score_record
from app.scoring.core.overrides import apply_overrides, metric_key
from tests.scoring.gaming import AFFIRMED, cheats, record_with
from tests.scoring.records import fixture

MARGIN = 5.0  # overall points the honest log must lead by
BASES = ("good-drill-en", "french-drill-fr")
CASES = [(base, name) for base in BASES for name in cheats(base)]


def score(base: str, actions: list[dict]):
    return score_record(parse_record(record_with(base, actions)))


@pytest.mark.parametrize(("base", "name"), CASES, ids=[f"{b}:{n}" for b, n in CASES])
def test_the_honest_log_beats_the_cheat_with_a_margin(base, name):
    honest = score(base, fixture(base)["actions"])
    cheat, _critical = cheats(base)[name]
    cheated = score(base, cheat)
    assert honest.overall >= cheated.overall + MARGIN, (honest.overall, cheated.overall)


@pytest.mark.parametrize(
    ("base", "name"),
    [c for c in CASES if cheats(c[0])[c[1]][1]],
    ids=[f"{b}:{n}" for b, n in CASES if cheats(b)[n][1]],
)
def test_a_critical_error_rates_u_or_m_and_names_its_evidence(base, name):
    report = score(base, cheats(base)[name][0])
    assert report.rating in ("U", "M")
    assert report.critical_errors
    assert all(error.evidence for error in report.critical_errors)


def test_a_declared_correction_that_affirms_the_rumour_corrects_nothing():
    actions = [
        {"at_s": 1500, "kind": "correct_rumour", "rumour": "r1", "text": AFFIRMED["en"]},
    ]
    report = score("good-drill-en", actions)
    r1 = next(
        m
        for m in report.dimensions["rumour_control"].metrics
        if m.subject == "rumour:r1" and m.name == "rumour_correction_s"
    )
    assert r1.value is None and "action:0" in r1.evidence
    kinds = {(e.kind, tuple(e.evidence)) for e in report.critical_errors}
    assert ("false_rumour_confirmed", ("action:0", "rumour:r1")) in kinds
    assert report.dimensions["rumour_control"].rating == "U"
    assert report.findings[0].kind == "improvement"
    assert report.findings[0].metric == "false_rumour_confirmed"


@settings(max_examples=25, deadline=None)
@given(st.floats(0, 7000), st.sampled_from(sorted(AFFIRMED)))
def test_a_rumour_confirmed_at_any_time_caps_the_overall_at_m(at_s, lang):
    base = "good-drill-en" if lang == "en" else "french-drill-fr"
    honest = fixture(base)["actions"]
    post = {"at_s": at_s, "kind": "statement", "role": "spokesperson", "text": AFFIRMED[lang]}
    report = score(base, sorted([*honest, post], key=lambda a: a["at_s"]))
    assert report.overall <= 59.0 and report.rating in ("M", "U")


def test_overriding_every_metric_to_full_points_keeps_the_cap():
    report = score("good-drill-en", cheats("good-drill-en")["unfilled placeholders"][0])
    dumped = report.model_dump(mode="json")
    everything = {
        metric_key(name, m): 100.0
        for name, dimension in dumped["dimensions"].items()
        for m in dimension["metrics"]
    }
    out = apply_overrides(dumped, everything)
    assert out["dimensions"]["message_quality"]["score"] <= 39.0
    assert out["overall"] <= 59.0


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(BASES), st.data())
def test_reposting_an_earlier_post_never_raises_message_quality(base, data):
    honest = fixture(base)["actions"]
    public = [a for a in honest if a["kind"] in ("statement", "reply", "correct_rumour")]
    original = data.draw(st.sampled_from(public))
    at_s = data.draw(st.floats(original["at_s"], 7000))
    repost = {**original, "at_s": at_s, "kind": "statement"}
    repost.pop("ref", None)
    before = score(base, honest).dimensions["message_quality"].score
    after = score(base, sorted([*honest, repost], key=lambda a: a["at_s"]))
    assert after.dimensions["message_quality"].score <= before
