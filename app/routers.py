"""Every router of the application, assembled in one explicit place."""

from fastapi import FastAPI

from app.accounts import routes as accounts_routes
from app.core import routes as core_routes
from app.scoring import api as scoring_api


def include_routers(app: FastAPI) -> None:
    """Mount the HTML routes and the JSON API."""
    app.include_router(core_routes.router)
    app.include_router(accounts_routes.router)
    app.include_router(scoring_api.router)
