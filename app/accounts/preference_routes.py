"""The user's preferences: the time zone dates and times are typed and shown in."""

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import service
from app.accounts.deps import CurrentCaller
from app.core.db import utcnow
from app.core.deps import SessionDep
from app.core.errors import Invalid
from app.core.i18n import current_time_zone
from app.core.templating import render
from app.core.timezones import known_zones

router = APIRouter(prefix="/account/preferences")

PAGE = "accounts/preferences.html"


def zone_choices(now: datetime) -> list[tuple[str, str]]:
    """Every place-named zone (and UTC), each with its offset from UTC now."""
    names = sorted(z for z in known_zones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return [(name, f"{name} (UTC{now.astimezone(ZoneInfo(name)):%z})") for name in ["UTC", *names]]


def _page(request: Request, chosen: str, errors: dict, status_code: int = 200) -> Response:
    context = {"zones": zone_choices(utcnow()), "chosen": chosen, "errors": errors}
    return render(request, PAGE, context, status_code=status_code)


@router.get("")
def preferences_page(request: Request, caller: CurrentCaller) -> Response:
    """The form, with the time zone in use selected."""
    return _page(request, caller.user.time_zone or current_time_zone.get(), {})


@router.post("")
def save_preferences(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    time_zone: Annotated[str, Form()] = "",
) -> Response:
    """Keep the time zone on the account and use it from the next page on."""
    try:
        service.set_time_zone(session=session, user=caller.user, time_zone=time_zone)
    except Invalid as exc:
        return _page(request, time_zone, {"time_zone": exc.message}, exc.status_code)
    request.session["tz"] = time_zone
    return RedirectResponse("/account/preferences?saved=1", status_code=303)
