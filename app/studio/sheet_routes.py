"""The MSEL page's spreadsheets: export the injects as CSV or XLSX; import a sheet in two steps.

The upload only previews: every row beside its problems, nothing saved. The preview's confirm
form carries the rows back (as CSV, read again by the same checks) with the scenario version
it previewed, and saves them as one new version, replacing the injects or added to them.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import OrgContext, TrainerDep
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, Invalid
from app.core.i18n import gettext as _
from app.core.limits import LimitExceeded, check_size
from app.core.templating import render
from app.studio import service, sheet_files, spreadsheet
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.models import OrgScenario
from app.studio.msel_routes import msel_context, refused_page

router = APIRouter(prefix="/studio/scenarios/{scenario_id}/injects")


def _download(row: OrgScenario, body: str | bytes, extension: str, media_type: str) -> Response:
    name = f"{row.slug}-injects.{extension}"
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/export.csv")
def export_csv(row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """The injects as a CSV file (UTF-8 with a BOM, formula-safe)."""
    document = service.latest_version(session=session, row=row).document
    text = sheet_files.to_csv(spreadsheet.rows_of(document.get("injects", [])))
    return _download(row, text, "csv", "text/csv; charset=utf-8")


@router.get("/export.xlsx")
def export_xlsx(row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """The injects as an XLSX workbook of plain values."""
    document = service.latest_version(session=session, row=row).document
    body = sheet_files.to_xlsx(spreadsheet.rows_of(document.get("injects", [])))
    return _download(row, body, "xlsx", sheet_files.XLSX_TYPE)


def _sheet(
    load: Callable[[], list[list[Any]]], document: dict[str, Any]
) -> tuple[list[list[Any]], list[dict[str, Any]], list[spreadsheet.Problem]]:
    """The rows `load` reads, their drafts and problems; a refused file is one problem."""
    rumours = {rumour["id"] for rumour in document.get("rumours", [])}
    try:
        rows = load()
    except (LimitExceeded, sheet_files.SheetError) as exc:
        return [], [], [spreadsheet.Problem(0, "", getattr(exc, "message", str(exc)))]
    drafts, problems = spreadsheet.read_rows(
        rows,
        duration=document["duration"],
        rumours=rumours,
        facts={fact["id"] for fact in document.get("facts", [])},
        injects={inject["id"] for inject in document.get("injects", [])},
    )
    return rows, drafts, problems


def preview_context(
    *,
    ctx: OrgContext,
    row: OrgScenario,
    document: dict[str, Any],
    rows: list[list[Any]],
    problems: list[spreadsheet.Problem],
    drafts: list[dict[str, Any]],
) -> dict[str, Any]:
    """The MSEL page with the sheet's rows, each beside its problems, and the rows to confirm."""
    by_row: dict[int, list[spreadsheet.Problem]] = defaultdict(list)
    for problem in problems:
        by_row[problem.row].append(problem)
    body = [
        (number, [spreadsheet.cell_text(cell) for cell in cells])
        for number, cells in enumerate(rows[1:], start=2)
        if any(spreadsheet.cell_text(cell) for cell in cells)
    ]
    sheet = {
        "header": [spreadsheet.cell_text(cell) for cell in rows[0]] if rows else [],
        "names": [spreadsheet.header_name(cell) for cell in rows[0]] if rows else [],
        "rows": body,
        "problems": by_row,
        "count": len(problems),
        "confirm": "" if problems else sheet_files.to_csv(confirmable(drafts)),
        "injects": len(drafts),
    }
    return msel_context(ctx=ctx, row=row, document=document, sheet=sheet)


def confirmable(drafts: list[dict[str, Any]]) -> list[list[Any]]:
    """The drafts as the rows the confirm form carries, every inject with an id."""
    return spreadsheet.rows_of(spreadsheet.injects_of(drafts))


@router.post("/import")
def preview(
    request: Request, row: ScenarioDep, ctx: TrainerDep, session: SessionDep, file: UploadFile
) -> Response:
    """Read an uploaded sheet and show its rows and problems; nothing is saved."""
    document = service.latest_version(session=session, row=row).document
    max_bytes = request.app.state.settings.max_document_bytes
    # already spooled by the form parser: no waiting on the client
    content = file.file.read(max_bytes + 1)
    rows, drafts, problems = _sheet(
        lambda: sheet_files.read_sheet(content, max_bytes=max_bytes), document
    )
    context = preview_context(
        ctx=ctx, row=row, document=document, rows=rows, problems=problems, drafts=drafts
    )
    return render(request, "studio/msel.html", context, status_code=422 if problems else 200)


@router.post("/import/confirm")
def confirm(
    request: Request, form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Save the previewed rows as one new version: instead of the injects, or after them."""
    document = service.latest_version(session=session, row=row).document
    version = str(form.get("version") or "")
    text = str(form.get("sheet") or "")
    max_bytes = request.app.state.settings.max_document_bytes

    def load() -> list[list[Any]]:
        check_size(text, max_bytes)
        return sheet_files.csv_rows(text)

    rows, drafts, problems = _sheet(load, document)
    mode = form.get("mode")
    if mode not in ("replace", "add"):
        problems.append(
            spreadsheet.Problem(0, "", _("Choose to replace the injects or add to them."))
        )
    if problems:
        context = preview_context(
            ctx=ctx, row=row, document=document, rows=rows, problems=problems, drafts=drafts
        )
        return render(request, "studio/msel.html", context, status_code=422)
    try:
        service.import_injects(
            session=session,
            user=ctx.user,
            row=row,
            drafts=drafts,
            replace=mode == "replace",
            version=int(version) if version.isdigit() else 0,
        )
    except (Conflict, Invalid) as exc:
        return refused_page(request, session=session, ctx=ctx, row=row, exc=exc)
    return RedirectResponse(f"/studio/scenarios/{row.id}/injects?saved=1", status_code=303)
