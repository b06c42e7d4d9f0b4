"""Properties of scoring over generated records: determinism, monotonicity, bounds."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.scoring.core import parse_record, report_json, score_record
from tests.scoring.records import with_actions

TEXTS = [
    "We are aware that batch L2304 may contain listeria. We are investigating; update at 3pm.",
    "We are so sorry. If you bought batch L2304, do not eat it; return it for a refund.",
    "No comment.",
    "We did nothing wrong; our supplier caused this isolated incident.",
    "All Brightwater yoghurts are contaminated with listeria.",
    "Nous sommes désolés : ne consommez pas le lot L2304, rapportez-le en magasin.",
    "Root-cause analysis and remediation are ongoing per our incident response protocol.",
]
CORRECTIONS = {
    "r1": "It is false that Brightwater yoghurt killed a child in Leeds. No illness was reported.",
    "r2": "It is not true that all Brightwater yoghurts are contaminated with listeria.",
}
INJECTS = {"i1": 300, "i2": 1500, "i3": 3600, "i4": 4000}
ROLES = [None, "spokesperson", "community", "monitor", "legal"]

times = st.floats(min_value=0, max_value=7200, allow_nan=False).map(lambda t: round(t, 1))
public_action = st.one_of(
    st.builds(
        lambda t, text, role: {"at_s": t, "kind": "statement", "text": text, "role": role},
        times,
        st.sampled_from(TEXTS),
        st.sampled_from(ROLES),
    ),
    st.builds(
        lambda t, text, inject: {"at_s": t, "kind": "reply", "text": text, "in_reply_to": inject},
        times,
        st.sampled_from(TEXTS),
        st.sampled_from(sorted(INJECTS)),
    ),
    st.builds(
        lambda t, r, text: {"at_s": t, "kind": "correct_rumour", "rumour": r, "text": text},
        times,
        st.sampled_from(sorted(CORRECTIONS)),
        st.sampled_from(TEXTS),
    ),
    st.builds(
        lambda t, item: {"at_s": t, "kind": "checklist_done", "item": item},
        times,
        st.sampled_from(["c1", "c2", "c3"]),
    ),
)
action_lists = st.lists(public_action, max_size=12).map(
    lambda actions: sorted(actions, key=lambda a: a["at_s"])
)
records = st.builds(
    lambda actions, approval: with_actions("good-drill-en", actions, approval_required=approval),
    action_lists,
    st.booleans(),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def score(record: dict):
    return score_record(parse_record(record))


@FAST
@given(records)
def test_the_same_record_gives_byte_identical_reports(record):
    assert report_json(score(record)) == report_json(score(copy.deepcopy(record)))


@FAST
@given(records)
def test_every_score_and_every_metric_stays_within_0_and_100(record):
    report = score(record)
    assert 0 <= report.overall <= 100
    for dimension in report.dimensions.values():
        assert dimension.score is None or 0 <= dimension.score <= 100
        assert all(0 <= m.points <= 100 for m in dimension.metrics)
    assert all(0 <= s.tone_score <= 100 for s in report.statements)


@FAST
@given(records, st.data())
def test_answering_an_inject_earlier_never_lowers_responsiveness(record, data):
    replies = [
        i
        for i, a in enumerate(record["actions"])
        if a["kind"] == "reply" and a["at_s"] >= INJECTS[a["in_reply_to"]]
    ]
    if not replies:
        return
    chosen = data.draw(st.sampled_from(replies))
    action = record["actions"][chosen]
    earlier = copy.deepcopy(record)
    earlier["actions"][chosen]["at_s"] = data.draw(
        st.floats(min_value=INJECTS[action["in_reply_to"]], max_value=action["at_s"])
    )
    before = score(record).dimensions["responsiveness"].score
    after = score(earlier).dimensions["responsiveness"].score
    assert after >= before


@FAST
@given(records, st.sampled_from(sorted(CORRECTIONS)), times)
def test_adding_a_correct_rumour_correction_never_lowers_rumour_control(record, rumour, at):
    corrected = copy.deepcopy(record)
    corrected["actions"].append(
        {"at_s": at, "kind": "correct_rumour", "rumour": rumour, "text": CORRECTIONS[rumour]}
    )
    before = score(record).dimensions["rumour_control"].score
    after = score(corrected).dimensions["rumour_control"].score
    assert after >= before
