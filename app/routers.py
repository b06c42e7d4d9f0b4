"""Every router of the application, assembled in one explicit place."""

from fastapi import APIRouter, FastAPI

from app.accounts import api as accounts_api
from app.accounts import organisation_routes
from app.accounts import routes as accounts_routes
from app.core import routes as core_routes
from app.drills import api as drills_api
from app.drills import console_routes as drills_console_routes
from app.drills import control_routes as drills_control_routes
from app.drills import lobby_routes as drills_lobby_routes
from app.drills import manage_routes as drills_manage_routes
from app.drills import routes as drills_routes
from app.plans import api as plans_api
from app.plans import routes as plans_routes
from app.plans import routes_items as plans_item_routes
from app.scoring import api as scoring_api
from app.scoring import dashboard_routes, debrief_routes
from app.scoring import exports as scoring_exports
from app.scoring import routes as scoring_routes
from app.studio import api as studio_api
from app.studio import bank_api as studio_bank_api
from app.studio import bank_routes as studio_bank_routes
from app.studio import msel_routes as studio_msel_routes
from app.studio import preview_routes as studio_preview_routes
from app.studio import routes as studio_routes
from app.studio import sample_routes as studio_sample_routes
from app.studio import sheet_routes as studio_sheet_routes


def live_routers() -> list[APIRouter]:
    """The routers a drill in play calls all the time (every console's stream, every action),
    matched first: FastAPI tries a request against the routes in order, and reaching the
    last of some 250 routes cost an action about a tenth of its CPU. None of their paths is
    also a path of another route (`tests/test_routes.py` checks it), so the order changes
    nothing else."""
    return [drills_console_routes.router, drills_api.router]


def html_routers() -> list[APIRouter]:
    """The other routers of pages and htmx partials, in matching order."""
    return [
        accounts_routes.router,
        organisation_routes.router,
        plans_routes.router,
        drills_routes.router,
        drills_lobby_routes.router,
        drills_manage_routes.router,
        drills_control_routes.router,
        scoring_routes.router,
        debrief_routes.router,
        scoring_exports.router,
        dashboard_routes.router,
        studio_routes.router,
        studio_sample_routes.router,
        studio_msel_routes.router,
        studio_bank_routes.router,
        studio_sheet_routes.router,
        studio_preview_routes.router,
        studio_preview_routes.library_router,
        drills_console_routes.avatars,
        *plans_item_routes.routers,
    ]


def include_routers(app: FastAPI) -> None:
    """Mount the HTML routes and the JSON API; the OpenAPI schema documents only the JSON."""
    for router in live_routers():
        app.include_router(router, include_in_schema=router.prefix.startswith("/api"))
    app.include_router(core_routes.router)
    for router in html_routers():
        app.include_router(router, include_in_schema=False)
    app.include_router(plans_api.router)
    app.include_router(accounts_api.router)
    app.include_router(scoring_api.router)
    app.include_router(studio_api.router)
    app.include_router(studio_bank_api.router)
