"""Every router of the application, assembled in one explicit place."""

from fastapi import FastAPI

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
from app.studio import msel_routes as studio_msel_routes
from app.studio import routes as studio_routes


def include_routers(app: FastAPI) -> None:
    """Mount the HTML routes and the JSON API."""
    app.include_router(core_routes.router)
    app.include_router(accounts_routes.router)
    app.include_router(organisation_routes.router)
    app.include_router(plans_routes.router)
    app.include_router(drills_routes.router)
    app.include_router(drills_lobby_routes.router)
    app.include_router(drills_manage_routes.router)
    app.include_router(drills_control_routes.router)
    app.include_router(scoring_routes.router)
    app.include_router(debrief_routes.router)
    app.include_router(scoring_exports.router)
    app.include_router(dashboard_routes.router)
    app.include_router(studio_routes.router)
    app.include_router(studio_msel_routes.router)
    app.include_router(drills_console_routes.router)
    app.include_router(drills_console_routes.avatars)
    for router in plans_item_routes.routers:
        app.include_router(router)
    app.include_router(plans_api.router)
    app.include_router(accounts_api.router)
    app.include_router(scoring_api.router)
    app.include_router(drills_api.router)
    app.include_router(studio_api.router)
