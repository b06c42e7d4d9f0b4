"""Review pages: members read, trainers annotate, override, summarise and plan improvements."""

import re

import pytest
from sqlmodel import select

from app.core.i18n import format_date
from app.scoring import reviews
from app.scoring.models import ImprovementItem, MetricOverride, ReviewAnnotation
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.scoring.review_helpers import ended_team, in_days

HTMX = {"HX-Request": "true"}


@pytest.fixture
def team(session, factory):
    return ended_team(session, factory)


def url(team, path=""):
    return f"/drills/{team.drill.id}/review{path}"


def test_a_member_reads_the_whole_review_without_forms(client, team):
    sign_in(client, team.monitor)
    page = client.get(url(team))
    assert page.status_code == 200
    html = page.text
    scores = by_id(html, "review-scores")
    assert "Responsiveness" in scores.text and "Outcome" in scores.text
    assert find_all(html, "svg", **{"class": "score-chart"})
    assert by_id(html, "review-timeline-data").text.startswith("{")
    kpis = by_id(html, "review-kpis").text
    assert "Time to first public response" in kpis and ("met" in kpis or "missed" in kpis)
    statement = by_id(html, "action-1").text
    assert "Tone score" in statement and "empathy" in statement
    findings = find_all(html, "a", **{"class": "evidence-link"})
    assert findings and all((a.get("href") or "").startswith("#") for a in findings)
    assert find_all(html, "form", action=url(team, "/annotations")) == []
    assert client.post(url(team, "/annotations"), data={}).status_code == 403


def test_a_running_drill_has_no_review_yet(client, session, factory):
    from tests.drills.helpers import make_team

    running = make_team(session, factory)
    sign_in(client, running.trainer)
    assert client.get(f"/drills/{running.drill.id}/review").status_code == 409


def test_trainer_annotates_an_action_with_htmx(client, session, team):
    sign_in(client, team.trainer)
    data = {"target_kind": "action", "target_id": "action:1", "body": "Apologised first: keep it"}
    answer = client.post(url(team, "/annotations"), data=data, headers=HTMX)
    assert answer.status_code == 200
    box = by_id(answer.text, "ann-action-1")
    assert "Apologised first" in box.text
    notes = find_all(answer.text, "li", **{"class": "note"})
    assert notes[0].get("data-annotation-at") == "60.0"
    assert "hx-swap-oob" in by_id(answer.text, "review-annotations").attrs
    page = client.get(url(team)).text
    assert "Apologised first" in by_id(page, "action-1").text
    refused = client.post(url(team, "/annotations"), data={**data, "body": ""}, headers=HTMX)
    assert refused.status_code == 422 and "required" in by_id(refused.text, "ann-action-1").text
    assert len(session.exec(select(ReviewAnnotation)).all()) == 1


def test_trainer_annotates_a_post_chosen_from_the_storms_notable_posts(client, session, team):
    sign_in(client, team.trainer)
    page = client.get(url(team)).text
    options = [o for o in find_all(page, "option") if (o.get("value") or "").startswith("p-")]
    assert options, "the annotation form lists posts to choose from"
    posts = reviews.review_of(session=session, drill=team.drill).timeline["posts"]
    chosen = posts[len(posts) // 2]
    data = {"target_kind": "post", "target_id": chosen["id"], "body": "Angry post ignored"}
    answer = client.post(url(team, "/annotations"), data=data, headers=HTMX)
    listing = by_id(answer.text, "review-annotations")
    assert chosen["name"] in listing.text and "Angry post ignored" in listing.text
    assert chosen["id"] not in listing.text  # people's words, not the post's id
    [note] = session.exec(select(ReviewAnnotation)).all()
    assert note.at_s == chosen["at_s"]


def test_trainer_annotates_a_post_by_id(client, team):
    sign_in(client, team.trainer)
    data = {"target_kind": "post", "target_id": "p-123", "at_s": "75", "body": "Angry post ignored"}
    answer = client.post(url(team, "/annotations"), data=data, headers=HTMX)
    listing = by_id(answer.text, "review-annotations")
    assert "p-123" in listing.text and "Angry post ignored" in listing.text


def test_an_override_needs_a_justification_and_keeps_the_input(client, session, team):
    sign_in(client, team.trainer)
    key = "responsiveness.priority_reply_rate"
    refused = client.post(
        url(team, "/overrides"),
        data={"metric": key, "value": "95", "justification": "ok"},
        headers=HTMX,
    )
    assert refused.status_code == 422
    form_value = [
        i.get("value") for i in find_all(refused.text, "input", name="value") if i.get("value")
    ]
    assert "95" in form_value
    assert "justification" in refused.text and session.exec(select(MetricOverride)).all() == []
    why = "The trainer saw the replies go out on the phone line"
    answer = client.post(
        url(team, "/overrides"),
        data={"metric": key, "value": "95", "justification": why},
        headers=HTMX,
    )
    scores = by_id(answer.text, "review-scores")
    assert answer.status_code == 200 and "computed:" in scores.text and why in scores.text
    computed = reviews.review_of(session=session, drill=team.drill).report["overall"]
    # A whole number shows without decimals ("65"), so compare numbers, not strings.
    shown = re.search(r"computed: (\d+(?:[.,]\d+)?)", scores.text)
    assert shown is not None and float(shown.group(1).replace(",", ".")) == computed
    row = session.exec(select(MetricOverride)).one()
    removed = client.post(url(team, f"/overrides/{row.id}/delete"), headers=HTMX)
    assert "computed:" not in by_id(removed.text, "review-scores").text


def test_a_stale_summary_is_refused_with_the_text_kept(client, team):
    sign_in(client, team.trainer)
    saved = client.post(
        url(team, "/summary"), data={"summary": "Good start", "version": "1"}, headers=HTMX
    )
    assert saved.status_code == 200 and "Summary saved" in saved.text
    stale = client.post(
        url(team, "/summary"), data={"summary": "My other text", "version": "1"}, headers=HTMX
    )
    assert stale.status_code == 409
    assert by_id(stale.text, "review-summary-text").text == "My other text"
    assert "Good start" in find_all(stale.text, "figure", **{"class": "saved-meanwhile"})[0].text
    assert "Good start" in client.get(f"/api/drills/{team.drill.id}/review").json()["summary"]


def test_improvement_form_names_the_field_and_keeps_the_input(client, session, team):
    sign_in(client, team.trainer)
    data = {
        "section": "messages",
        "title": "Add a rumour-correction message",
        "owner_id": str(team.monitor.id),
    }
    refused = client.post(url(team, "/improvements"), data=data, headers=HTMX)
    assert refused.status_code == 422
    assert by_id(refused.text, "imp-due_on-error").text
    assert by_id(refused.text, "imp-title").get("value") == data["title"]
    assert session.exec(select(ImprovementItem)).all() == []
    due = in_days(30).isoformat()
    added = client.post(url(team, "/improvements"), data={**data, "due_on": due}, headers=HTMX)
    table = by_id(added.text, "review-improvements").text
    shown = format_date(in_days(30))  # the reader's date format, not the ISO value typed
    assert "Add a rumour-correction message" in table and shown in table and "Key messages" in table


def test_scoring_again_refreshes_the_report_and_keeps_the_trainers_work(client, session, team):
    token = sign_in(client, team.trainer)
    review = reviews.review_of(session=session, drill=team.drill)
    first_scored, overall = review.scored_at, review.report["overall"]
    client.post(
        url(team, "/annotations"),
        data={
            "csrf_token": token,
            "target_kind": "action",
            "target_id": "action:1",
            "body": "Keep",
        },
    )
    review.report = {**review.report, "overall": -1}  # as if scored by older rules
    session.add(review)
    session.commit()
    answer = client.post(url(team, "/rescore"), data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303
    session.refresh(review)
    assert review.report["overall"] == overall and review.scored_at > first_scored
    assert "Keep" in by_id(client.get(url(team)).text, "ann-action-1").text
    member_token = sign_in(client, team.monitor)
    assert client.post(url(team, "/rescore"), data={"csrf_token": member_token}).status_code == 403
