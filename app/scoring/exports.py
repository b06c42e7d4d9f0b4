"""The review's exports: printable HTML, PDF (WeasyPrint), actions and metrics as CSV.

Any member of the drill's organisation may export what they may read (MemberDep).
"""

import mimetypes
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import Session

from app.accounts.deps import MemberDep
from app.core.db import utcnow
from app.core.deps import SessionDep
from app.core.settings import ROOT
from app.core.spreadsheet import csv_text
from app.core.templating import render
from app.drills.deps import DrillDep
from app.drills.models import Drill
from app.scoring import charts, labels, view

router = APIRouter(prefix="/drills/{drill_id}")
STATIC = (ROOT / "static").resolve()
PDF_BASE = "http://stormdrill.invalid/"


def print_context(request: Request, *, session: Session, drill: Drill) -> dict:
    """The printable review's context: the page's data, no forms, the timeline as SVG."""
    context = view.review_context(session=session, drill=drill)
    return {
        **context,
        "svg": charts.timeline_geometry(context["timeline"], context["annotations"]),
        "drill": drill,
        "can_edit": False,
        "interactive": False,
        "form": {},
        "now": utcnow(),
    }


@router.get("/review/print")
def printable(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The review as one printable page, charts drawn as static SVG."""
    return render(
        request, "scoring/print.html", print_context(request, session=session, drill=drill)
    )


def static_file(url: str) -> tuple[bytes, str]:
    """The bytes and type of one of the app's static files named by `url`; ValueError if not."""
    path = (STATIC / url.split("/static/", 1)[-1]).resolve()
    if "/static/" not in url or not path.is_relative_to(STATIC) or not path.is_file():
        raise ValueError(f"not a static file: {url}")
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def laid_out(html: str) -> Any:
    """HTML laid out in pages by WeasyPrint, fetching the app's static files only, no network."""
    from weasyprint import HTML  # a heavy import, only when a PDF is asked for
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            body, mime = static_file(url)
            return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})

    return HTML(string=html, base_url=PDF_BASE, url_fetcher=StaticFetcher()).render()


@router.get("/review.pdf")
def review_pdf(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The printable review rendered to PDF by WeasyPrint."""
    context = print_context(request, session=session, drill=drill)
    html = render(request, "scoring/print.html", context).body.decode()
    pdf = laid_out(html).write_pdf()
    return Response(pdf, media_type="application/pdf", headers=attachment(drill, "pdf"))


def attachment(drill: Drill, extension: str, name: str = "review") -> dict[str, str]:
    """Headers offering a download named after the drill."""
    return {"Content-Disposition": f'attachment; filename="drill-{drill.id}-{name}.{extension}"'}


def csv_response(drill: Drill, name: str, header: list[str], rows: Iterable[list]) -> Response:
    """A CSV download, UTF-8."""
    return Response(
        csv_text(header, rows).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers=attachment(drill, "csv", name),
    )


@router.get("/review/actions.csv")
def actions_csv(drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The team's actions with each statement's tone analysis, one row per action."""
    context = view.review_context(session=session, drill=drill)
    statements = context["statements"]
    header = [
        "id",
        "at_s",
        "clock",
        "kind",
        "role",
        "text",
        "tone_score",
        "tone_labels",
        "key_messages",
        "annotations",
    ]
    rows = []
    for action in context["timeline"]["actions"]:
        statement = statements.get(action["id"], {})
        notes = context["annotations_of"].get(f"action:{action['id']}", [])
        rows.append(
            [
                action["id"],
                action["at_s"],
                labels.clock(action["at_s"]),
                action["kind"],
                action.get("role") or "",
                action["text"],
                statement.get("tone_score", ""),
                " ".join(statement.get("labels", [])),
                " ".join(statement.get("key_messages", [])),
                " | ".join(note.body for note in notes),
            ]
        )
    return csv_response(drill, "actions", header, rows)


@router.get("/review/metrics.csv")
def metrics_csv(drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """Every metric: value, target, points as computed and as overridden, with the why."""
    context = view.review_context(session=session, drill=drill)
    overrides = context["overrides"]

    def why(key: str) -> str:
        return overrides[key].justification if key in overrides else ""

    header = [
        "dimension",
        "metric",
        "subject",
        "value",
        "target",
        "points",
        "computed_points",
        "weight",
        "override_justification",
    ]
    rows: list[list] = [
        [
            name,
            "",
            "",
            "",
            "",
            d["score"],
            d.get("computed_score", d["score"]),
            d["weight"],
            why(name),
        ]
        for name, d in context["report"]["dimensions"].items()
    ]
    rows += [
        [
            row["dimension"],
            row["name"],
            row.get("subject") or "",
            row["value"],
            row["target"],
            row["points"],
            row.get("computed_points", row["points"]),
            row["weight"],
            why(row["key"]),
        ]
        for row in context["metrics"]
    ]
    return csv_response(drill, "metrics", header, rows)
