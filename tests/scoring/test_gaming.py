"""The gaming suite: for each kind of cheat, the honest log of the same scenario scores higher."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.record import PUBLIC_KINDS
from app.scoring.core import parse_record, score_record
from app.scoring.core.overrides import apply_overrides, metric_key
from tests.scoring.gaming import AFFIRMED, cheats, record_with
from tests.scoring.records import fixture

MARGIN = 5.0  # overall points the honest log must lead by
BASES = ("good-drill-en", "french-drill-fr")
CASES = [(base, name) for base in BASES for name in cheats(base)]


def duration(base: str) -> float:
    """How long a fixture's drill lasted: the record's duration, else its scenario's."""
    record = fixture(base)
    return record.get("duration_s") or record["scenario"]["duration_s"]


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
@given(st.floats(0, 1), st.sampled_from(sorted(AFFIRMED)))
def test_a_rumour_confirmed_at_any_time_caps_the_overall_at_m(share, lang):
    base = "good-drill-en" if lang == "en" else "french-drill-fr"
    honest = fixture(base)["actions"]
    at_s = share * duration(base)  # any time of the drill (after it: nothing is scored)
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


EMPTY_WORDS = (".", "ok", "👍", "Thanks!", "Noted.", "\u200b", "…", "+1", "Merci.")


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(("poor-drill-en", "french-drill-fr")),
    st.lists(
        st.tuples(
            st.floats(0, 7000),
            st.sampled_from(EMPTY_WORDS),
            st.sampled_from((None, "i1", "i2", "i3", "nowhere")),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_content_free_posts_never_raise_responsiveness(base, posts):
    """A "." or an "ok" fired at every inject stops no clock: only a post that says something
    answers."""
    honest = fixture(base)["actions"]
    extra = [
        {"at_s": at_s, "kind": "reply", "in_reply_to": to, "role": "community", "text": text}
        if to
        else {"at_s": at_s, "kind": "statement", "role": "spokesperson", "text": text}
        for at_s, text, to in posts
    ]
    before = score(base, honest)
    after = score(base, sorted([*honest, *extra], key=lambda a: a["at_s"]))
    assert after.dimensions["responsiveness"].score <= before.dimensions["responsiveness"].score
    quality = "message_quality"
    assert after.dimensions[quality].score <= before.dimensions[quality].score


def test_a_dot_is_not_a_first_response_but_a_plain_no_comment_is():
    dot = [{"at_s": 10, "kind": "statement", "role": "spokesperson", "text": "."}]
    refusal = [
        {
            "at_s": 10,
            "kind": "statement",
            "role": "spokesperson",
            "text": "Brightwater has no comment at this time.",
        }
    ]
    first = "time_to_first_response_s"
    assert metric(score("good-drill-en", dot), "responsiveness", first).value is None
    assert metric(score("good-drill-en", refusal), "responsiveness", first).value == 10


def metric(report, dimension: str, name: str):
    return next(m for m in report.dimensions[dimension].metrics if m.name == name)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(BASES), st.floats(1, 50_000))
def test_actions_after_the_drill_end_change_nothing(base, delay):
    """Posting the honest log's words once the drill is over buys nothing back."""
    record = fixture(base)
    end = duration(base)
    silent = [a for a in record["actions"] if a["kind"] not in PUBLIC_KINDS]
    late = [{**a, "at_s": min(end + delay + a["at_s"], 7 * 24 * 3600)} for a in record["actions"]]
    before = score(base, silent)
    after = score(base, silent + late)
    assert after.overall == before.overall
    assert {n: d.score for n, d in after.dimensions.items()} == {
        n: d.score for n, d in before.dimensions.items()
    }
    assert any(note.startswith(f"{len(late)} action(s) ") for note in after.notes)


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(("poor-drill-en", "french-drill-fr")),
    st.lists(st.sampled_from(EMPTY_WORDS), min_size=1, max_size=6),
)
def test_empty_posts_never_raise_message_quality(base, texts):
    """Empty posts neither dilute a bad tone, long posts, nor repeats."""
    honest = fixture(base)["actions"]
    extra = [
        {"at_s": 60.0 * i, "kind": "statement", "role": "spokesperson", "text": text}
        for i, text in enumerate(texts)
    ]
    before = score(base, honest).dimensions["message_quality"].metrics
    after = score(base, sorted([*honest, *extra], key=lambda a: a["at_s"]))
    was = {m.name: m.points for m in before}
    for m in after.dimensions["message_quality"].metrics:
        assert m.points <= was.get(m.name, 100.0), m.name


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 200), st.sampled_from(("note", "flag_rumour", "escalate")))
def test_a_stream_of_harmless_actions_does_not_dilute_wrong_roles(count, kind):
    honest = fixture("poor-drill-en")["actions"]
    fields = {"note": {"text": "Watching."}, "flag_rumour": {"rumour": "r1"}}
    extra = [
        {"at_s": 10.0 * i, "kind": kind, "role": "monitor", "to_role": "legal"}
        | fields.get(kind, {})
        for i in range(count)
    ]
    before = metric(score("poor-drill-en", honest), "process", "roles").points
    after = score("poor-drill-en", sorted([*honest, *extra], key=lambda a: a["at_s"]))
    assert metric(after, "process", "roles").points <= before


def approvals_share(actions: list[dict]) -> float:
    return metric(score("good-drill-en", actions), "process", "approvals").value


def test_an_approval_does_not_carry_over_to_other_words_under_its_ref():
    honest = fixture("good-drill-en")["actions"]
    swapped = [
        {**a, "text": "Calm down: those who ate expired yoghurt have only themselves to blame."}
        if a["kind"] == "statement" and a.get("ref") == "update-2"
        else a
        for a in honest
    ]
    assert approvals_share(honest) == 1.0
    assert approvals_share(swapped) == 0.8


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(("drop the requests", "approve at the start")))
def test_only_a_submitted_text_can_be_approved(trick):
    """Approving a ref nobody submitted (yet) approves nothing."""
    honest = fixture("good-drill-en")["actions"]
    if trick == "drop the requests":
        actions = [a for a in honest if a["kind"] != "request_approval"]
    else:
        moved = [{**a, "at_s": 0.0} if a["kind"] == "approve" else a for a in honest]
        actions = sorted(moved, key=lambda a: a["at_s"])
    assert approvals_share(actions) == 0.0
