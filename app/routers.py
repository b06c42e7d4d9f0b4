"""Every router of the application, assembled in one explicit place."""

from fastapi import FastAPI

from app.accounts import api as accounts_api
from app.accounts import routes as accounts_routes
from app.core import routes as core_routes


def include_routers(app: FastAPI) -> None:
    """Mount the HTML routes and the JSON API."""
    app.include_router(core_routes.router)
    app.include_router(accounts_routes.router)
    app.include_router(accounts_api.router)
