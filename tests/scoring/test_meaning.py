"""What the statement analysis changes in the score: substance, promises, repeats, checklist."""

import re

import pytest

from app.scoring.core import parse_record, score_record
from app.scoring.core.findings import findings
from app.scoring.core.report import dimension_from
from tests.scoring.records import with_actions
from tests.scoring.test_dimensions import HOLD, metric, score

# Enough words to count as a response, yet neither concern nor action (no strategy).
SAYS_NOTHING_OF_NOTE = "Communiqué de presse de la direction générale sur la situation."
WARM = "We are so sorry, we care deeply and we understand your frustration."


def test_warm_words_about_nothing_earn_no_tone_above_neutral():
    empty = score([{"at_s": 400, "kind": "statement", "text": WARM}])
    grounded = score([{"at_s": 400, "kind": "statement", "text": WARM + " " + HOLD}])
    assert metric(empty, "message_quality", "tone").points <= 50.0
    assert metric(grounded, "message_quality", "tone").points > 50.0
    assert empty.statements[0].substantive is False


@pytest.mark.parametrize(("later_at_s", "kept"), [(3000, 1.0), (5000, 0.0)], ids=["kept", "broken"])
def test_a_promised_update_is_kept_only_by_a_post_within_its_delay(later_at_s, kept):
    report = score(
        [
            {
                "at_s": 400,
                "kind": "statement",
                "text": "Batch L2304 may contain listeria. We will update you within the hour.",
            },
            {
                "at_s": later_at_s,
                "kind": "statement",
                "text": "Update: no illness has been reported.",
            },
        ]
    )
    promises = metric(report, "message_quality", "commitments_kept")
    assert promises.value == kept
    assert promises.evidence == ["action:0", "action:1"] if kept else ["action:0"]


def test_never_promising_an_update_is_half_credit_and_its_finding_says_so():
    report = score(
        [{"at_s": 400, "kind": "statement", "text": "Batch L2304 may contain listeria."}]
    )
    promises = metric(report, "message_quality", "commitments_kept")
    assert (promises.value, promises.points) == (None, 50.0)
    alone = dimension_from([promises], 25.0)
    for language, word in (("en", "never"), ("fr", "jamais")):
        [finding] = findings({"message_quality": alone}, language)
        assert finding.kind == "improvement" and word in finding.text


def test_repeats_and_bursts_lower_message_quality_and_are_named():
    once = score([{"at_s": 400, "kind": "statement", "text": HOLD}])
    many = score([{"at_s": 400 + 30 * i, "kind": "statement", "text": HOLD} for i in range(8)])
    repetition = metric(many, "message_quality", "repetition")
    assert repetition.points < 20.0 and "action:1" in repetition.evidence
    assert {s.repeat for s in many.statements[1:]} <= {"duplicate", "burst"}
    assert many.dimensions["message_quality"].score < once.dimensions["message_quality"].score


def test_a_checklist_item_is_evidenced_by_the_action_its_title_names():
    # c2 is "Publish the recall notice on the website": the statement shows it done on time,
    # although the tick came late; c1 ("Alert the food safety authority") has no escalation,
    # so its tick is self-reported.
    report = score(
        [
            {"at_s": 400, "kind": "statement", "role": "spokesperson", "text": HOLD},
            {"at_s": 600, "kind": "checklist_done", "role": "spokesperson", "item": "c1"},
            {"at_s": 3000, "kind": "checklist_done", "role": "community", "item": "c2"},
        ]
    )
    on_time = metric(report, "process", "checklist_on_time_rate")
    reported = metric(report, "process", "checklist_self_reported")
    assert on_time.value == round(2 / 3, 3)
    assert (reported.value, reported.evidence) == (1, ["checklist:c1"])


def test_unfilled_placeholders_carry_no_key_message_and_are_critical():
    template = "We are aware that batch L2304 of {brand} strawberry yoghurt may contain listeria."
    report = score([{"at_s": 400, "kind": "statement", "text": template}])
    assert metric(report, "message_quality", "key_message_coverage").value == 0.0
    assert [e.kind for e in report.critical_errors] == ["unfilled_placeholder"]
    assert report.statements[0].placeholders == ["{brand}"]


def test_blaming_the_victims_costs_strategy_fit_in_any_cluster():
    fair = "We are sorry for the worry. Batch L2304 may contain listeria: do not eat it."
    blaming = fair + " Customers who ignored the storage instructions put themselves at risk."
    kept = metric(
        score([{"at_s": 400, "kind": "statement", "text": fair}]), "message_quality", "strategy_fit"
    )
    lost = metric(
        score([{"at_s": 400, "kind": "statement", "text": blaming}]),
        "message_quality",
        "strategy_fit",
    )
    assert lost.points == kept.points - 30.0
    assert lost.evidence == ["action:0"]


def test_a_hedged_rumour_costs_half_a_flat_one():
    hedged = "We are checking whether our yoghurt killed a child in Leeds."
    flat = "Our yoghurt killed a child in Leeds."
    half = metric(
        score([{"at_s": 400, "kind": "statement", "text": hedged}]), "message_quality", "accuracy"
    )
    full = metric(
        score([{"at_s": 400, "kind": "statement", "text": flat}]), "message_quality", "accuracy"
    )
    assert (half.value, half.points, full.value, full.points) == (1, 75.0, 1, 50.0)


@pytest.mark.parametrize(
    ("responsibility", "said"),
    [(None, "responsabilité inconnue"), ("preventable", "évitable"), ("accident", "accidentelle")],
)
def test_strategy_fit_names_the_posts_it_judged_and_its_cluster_in_the_record_language(
    responsibility, said
):
    """A post showing neither concern nor action earns no strategy points: the finding names it
    and says the crisis's responsibility in French, not the scorer's English key."""
    record = with_actions(
        "french-drill-fr", [{"at_s": 400, "kind": "statement", "text": SAYS_NOTHING_OF_NOTE}]
    )
    record["scenario"].pop("crisis_type")
    record["scenario"]["responsibility"] = responsibility
    report = score_record(parse_record(record))
    found = next(f for f in report.findings if f.metric == "strategy_fit")
    assert found.evidence == ["action:0"]
    assert f"({said})" in found.text


SILENT_ACTIONS = [
    [],
    [{"at_s": 60, "kind": "note", "text": "Monitoring started."}],
    [
        {"at_s": 30, "kind": "flag_rumour", "rumour": "r1"},
        {"at_s": 90, "kind": "escalate", "to_role": "lead"},
    ],
]


@pytest.mark.parametrize("base", ["good-drill-en", "french-drill-fr"])
@pytest.mark.parametrize("actions", SILENT_ACTIONS)
@pytest.mark.parametrize("length_known", [True, False])
def test_a_team_that_never_spoke_earns_no_silence_or_tone_points(base, actions, length_known):
    """Nothing public said: the audience waited all along, saw no tone and heard nothing to
    check, so no strength, and no wait of 0 s or average tone, even with no length given."""
    record = with_actions(base, actions)
    if not length_known:
        record.pop("duration_s", None)
        record["scenario"] = {"id": record["scenario"]["id"]}
    report = score_record(parse_record(record))
    silence = metric(report, "responsiveness", "longest_silence_s")
    tone = metric(report, "message_quality", "tone")
    assert silence.points == 0 and tone.points == 0 and tone.value is None
    assert "accuracy" not in [m.name for m in report.dimensions["message_quality"].metrics]
    assert silence.value is None or silence.value > 0
    assert not [f for f in report.findings if f.kind == "strength"]
    worded = " ".join(f.text for f in report.findings)
    assert not re.search(r"\b0 s\b", worded) and "/100" not in worded
