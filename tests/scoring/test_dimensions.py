"""Each dimension on small records: the right points, and evidence that names what counted."""

import pytest

from app.scoring.core import AudienceOutcome, parse_record, score_record
from tests.scoring.records import with_actions

HOLD = (
    "We are aware that batch L2304 may contain listeria. We are investigating; next update at 3pm."
)


def score(actions: list[dict], base: str = "good-drill-en", outcome=None, **plan):
    plan.setdefault("approval_required", False)
    return score_record(parse_record(with_actions(base, actions, **plan)), outcome)


def metric(report, dimension: str, name: str, subject: str | None = None):
    return next(
        m
        for m in report.dimensions[dimension].metrics
        if m.name == name and (subject is None or m.subject == subject)
    )


def test_first_response_within_the_kpi_deadline_earns_full_points():
    report = score([{"at_s": 600, "kind": "statement", "role": "spokesperson", "text": HOLD}])
    first = metric(report, "responsiveness", "time_to_first_response_s")
    assert (first.value, first.points, first.target, first.evidence) == (
        600.0,
        100.0,
        900.0,
        ["action:0"],
    )


def test_first_response_loses_points_linearly_after_the_deadline_and_all_when_silent():
    late = score([{"at_s": 1800, "kind": "statement", "text": HOLD}])
    silent = score([{"at_s": 100, "kind": "note", "text": "watching"}])
    assert metric(late, "responsiveness", "time_to_first_response_s").points == 50.0
    never = metric(silent, "responsiveness", "time_to_first_response_s")
    assert (never.value, never.points, never.evidence) == (None, 0.0, [])


def test_priority_replies_count_only_answers_by_the_deadline():
    report = score(
        [
            {"at_s": 700, "kind": "reply", "in_reply_to": "i1", "text": "Please call your doctor."},
            {"at_s": 3000, "kind": "reply", "in_reply_to": "i2", "text": "12,000 pots."},
        ]
    )
    rate = metric(report, "responsiveness", "priority_reply_rate")
    assert rate.value == round(1 / 3, 3)
    assert rate.evidence == ["action:0", "action:1", "inject:i1", "inject:i2", "inject:i3"]


def test_the_longest_silence_follows_a_development_left_unanswered():
    report = score([{"at_s": 300, "kind": "statement", "text": HOLD}])
    silence = metric(report, "responsiveness", "longest_silence_s")
    # Inject i1 (300 s) is answered by nothing after it: the audience waits to the end (7200 s).
    assert silence.value == 7200 - 1500
    assert silence.evidence == ["inject:i2"]


def test_key_messages_are_matched_by_meaning_not_by_exact_words():
    report = score(
        [
            {
                "at_s": 400,
                "kind": "statement",
                "text": "Brightwater knows strawberry yoghurt lot L2304 could carry listeria; "
                "we are looking into it with the food authority and will post news at 3pm.",
            }
        ]
    )
    assert report.statements[0].key_messages == ["km-holding"]
    assert metric(report, "message_quality", "key_message_coverage").value == 0.25


def test_a_french_statement_matches_an_english_key_message_through_concepts():
    report = score(
        [
            {
                "at_s": 400,
                "kind": "statement",
                "text": "Affirmer que les yaourts Brightwater ont rendu des gens malades est faux "
                ": aucune maladie n'a été signalée.",
            }
        ]
    )
    assert report.statements[0].language == "fr"
    assert "km-rumour" in report.statements[0].key_messages


def test_repeating_a_rumour_as_true_and_contradicting_a_fact_cost_accuracy():
    report = score(
        [
            {
                "at_s": 400,
                "kind": "statement",
                "text": "All Brightwater yoghurts are contaminated.",
            },
            {"at_s": 500, "kind": "statement", "text": "Several illnesses have been reported."},
        ]
    )
    accuracy = metric(report, "message_quality", "accuracy")
    assert accuracy.value == 2
    assert {"action:0", "action:1", "rumour:r2", "fact:f2"} == set(accuracy.evidence)


def test_rumour_correction_needs_the_claims_key_terms_and_is_timed_from_its_appearance():
    report = score(
        [
            {
                "at_s": 1500,
                "kind": "correct_rumour",
                "rumour": "r1",
                "text": "No child died in Leeds: the claim about Brightwater yoghurt is false.",
            },
            {
                "at_s": 2500,
                "kind": "correct_rumour",
                "rumour": "r2",
                "text": "Stop spreading lies.",
            },
        ]
    )
    r1 = metric(report, "rumour_control", "rumour_correction_s", "rumour:r1")
    r2 = metric(report, "rumour_control", "rumour_correction_s", "rumour:r2")
    assert (r1.value, r1.points, r1.evidence) == (300.0, 100.0, ["action:0", "rumour:r1"])
    assert (r2.value, r2.points, r2.evidence) == (None, 0.0, ["action:1", "rumour:r2"])
    assert metric(report, "rumour_control", "rumours_uncorrected").value == 1


def test_a_flagged_but_uncorrected_rumour_earns_a_little():
    report = score([{"at_s": 1300, "kind": "flag_rumour", "rumour": "r1"}])
    assert metric(report, "rumour_control", "rumour_correction_s", "rumour:r1").points == 10.0


def test_approvals_need_an_approving_role_before_publication():
    actions = [
        {"at_s": 100, "kind": "request_approval", "ref": "a", "text": HOLD},
        {"at_s": 200, "kind": "approve", "role": "monitor", "ref": "a"},
        {"at_s": 300, "kind": "statement", "role": "spokesperson", "text": HOLD},
        {"at_s": 400, "kind": "approve", "role": "legal", "ref": "a"},
        {"at_s": 500, "kind": "statement", "role": "spokesperson", "text": HOLD},
    ]
    approvals = metric(score(actions, approval_required=True), "process", "approvals")
    assert (approvals.value, approvals.evidence) == (0.5, ["action:2"])


def test_roles_and_checklist_deadlines_are_checked_against_the_plan():
    report = score(
        [
            {"at_s": 500, "kind": "checklist_done", "role": "monitor", "item": "c1"},
            {"at_s": 2000, "kind": "checklist_done", "role": "community", "item": "c2"},
            {"at_s": 2100, "kind": "statement", "role": "legal", "text": HOLD},
        ]
    )
    roles = metric(report, "process", "roles")
    checklist = metric(report, "process", "checklist_on_time_rate")
    assert (roles.value, roles.evidence) == (round(1 / 3, 3), ["action:0", "action:2"])
    assert checklist.value == round(1 / 3, 3)
    assert checklist.points == 50.0
    # c2 ("Publish the recall notice…") is evidenced by the late statement, not the tick.
    assert checklist.evidence == ["action:2", "checklist:c2", "checklist:c3"]


def test_outcome_is_not_assessed_without_an_audience_outcome_and_left_out_of_the_mean():
    report = score([{"at_s": 400, "kind": "statement", "text": HOLD}])
    outcome = report.dimensions["outcome"]
    assert (outcome.assessed, outcome.score, outcome.rating) == (False, None, None)
    assert "not assessed" in outcome.note
    assessed = [d for d in report.dimensions.values() if d.assessed]
    expected = sum(d.score * d.weight for d in assessed) / sum(d.weight for d in assessed)
    assert report.overall == round(expected, 1)


def test_an_audience_outcome_given_beside_the_record_is_scored():
    outcome = AudienceOutcome(final_sentiment=0.5, peak_anger=0.2, recovery_s=1200)
    report = score([{"at_s": 400, "kind": "statement", "text": HOLD}], outcome=outcome)
    dimension = report.dimensions["outcome"]
    assert dimension.assessed
    assert [m.points for m in dimension.metrics] == [75.0, 80.0, 100.0]


def carrying_rumour(actions: list[dict]):
    """A record whose journalist's email (i2) carries rumour r1."""
    record = with_actions("good-drill-en", actions, approval_required=False)
    record["scenario"]["injects"][1]["rumour"] = "r1"
    return score_record(parse_record(record))


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("It is false that Brightwater yoghurt killed a child in Leeds.", True),
        ("We are looking into what is said about Leeds.", False),
    ],
)
def test_a_correction_that_denies_its_rumour_answers_the_injects_carrying_it(text, answers):
    correction = {"at_s": 1600, "kind": "correct_rumour", "rumour": "r1", "text": text}
    report = carrying_rumour([correction])
    rate = metric(report, "responsiveness", "priority_reply_rate")
    assert rate.value == round((1 if answers else 0) / 3, 3)
    assert ("action:0" in rate.evidence) is answers


def test_a_correction_before_the_inject_does_not_answer_it():
    early = {"at_s": 1300, "kind": "correct_rumour", "rumour": "r1",
             "text": "It is false that Brightwater yoghurt killed a child in Leeds."}  # fmt: skip
    assert metric(carrying_rumour([early]), "responsiveness", "priority_reply_rate").value == 0
