"""Everything a participant does appears for the others at once: call this after each commit.

After any change to a drill is committed (an action, an approval request or decision, a
checklist tick, an inject fired or written, a clock control), the route that made it (a sync
route: FastAPI runs it in a worker thread, off the event loop) calls

    notify.changed_from_thread(request.app, session=session, drill=drill, actions=rows)
    notify.changed_from_thread(request.app, session=session, drill=drill, topics=("inject",))
    notify.changed_from_thread(request.app, session=session, drill=drill, topics=("clock",))

(async code awaits `notify.changed` with the same arguments, which does its database work in
a worker thread). A change the feed depends on (a public action, a clock control, an inject)
reloads the drill in the live cache, so the feed's driver sees it on its next tick, and the
other processes reload it when its events reach them; one it does not (a note, a checklist
tick, an approval request) costs no reload anywhere. Then it publishes on the drill's broker
stream:

- `team-action`: each new action as an `<li>` from drills/_console_activity.html, rendered
  once in the drill's language; consoles put it at the top of their activity list (`sse-swap`).
- `approvals`, `checklist`, `inject`, `statements`, `kpis`: a small JSON note; the console
  panel that depends on it listens with `hx-trigger="sse:<name>"` and fetches its own partial,
  since what it shows depends on who looks (only approvers get the Approve button).
- `clock`: the clock reading, as JSON of the same shape as the driver's `clock` events.
- `post`: an ad-hoc inject written as a social post (pass `inject=row`), since the storm only
  knows the scenario's injects.

Outside the application's lifespan (plain test clients) there is no live layer: nothing is sent.
"""

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from typing import Any, NamedTuple

import anyio.from_thread
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app.accounts.models import User
from app.core import i18n
from app.core.db import utcnow
from app.core.templating import env
from app.drills import labels as drill_labels
from app.drills import monitor, service
from app.drills.feed import on_the_millisecond
from app.drills.live import json_data
from app.drills.models import Drill, DrillAction, DrillInject, InjectSource
from app.drills.posts import render_post, sim_time
from app.drills.rules import PUBLIC_KINDS
from app.drills.runtime import live_of
from app.storm.types import Author, Post

TOPICS_OF_KIND = {
    "request_approval": ("approvals",),
    "approve": ("approvals", "statements", "inject", "kpis"),
    "reject": ("approvals",),
    "checklist_done": ("checklist", "kpis"),
}
PUBLIC_TOPICS = ("statements", "inject", "kpis")


def topics_for(rows: Sequence[DrillAction]) -> list[str]:
    """The panels that new actions change, in a stable order, without repeats."""
    found: list[str] = []
    for row in rows:
        names = TOPICS_OF_KIND.get(row.kind, PUBLIC_TOPICS if row.kind in PUBLIC_KINDS else ())
        found += [name for name in names if name not in found]
    return found


@lru_cache(maxsize=1)
def activity_verbs() -> dict[str, object]:
    """The activity line's verbs in every language, translated once (0.2 ms per action before)."""
    return i18n.in_every_language(drill_labels.activity_verbs)


def activity_html(*, session: Session, drill: Drill, rows: Sequence[DrillAction]) -> str:
    """The activity lines of new actions: the words around them in every reader's language."""
    plan = service.plan_section(session=session, drill=drill)
    roles = {role["id"]: role["name"] for role in plan["roles"]}
    names = {
        row.user_id: (user.display_name if (user := session.get(User, row.user_id)) else "")
        for row in rows
        if row.user_id is not None
    }
    verbs = activity_verbs()
    words = monitor.targets(drill=drill, plan=plan, rows=list(rows), role_names=roles)
    template = env.get_template("drills/_console_activity.html")
    return "".join(
        template.render(
            action=row,
            verbs=verbs,
            who=names.get(row.user_id, ""),
            role=roles.get(row.role_key or "", ""),
            time=sim_time(row.at_s),
            words=words,
        )
        for row in rows
    )


class Prepared(NamedTuple):
    """What `prepare` made of a change: the events to publish, and whether the change alters
    what the drill's driver reads (then the other processes reload the drill)."""

    messages: list[tuple[str, str]]
    reload: bool


def feeds_driver(actions: Sequence[DrillAction], topics: Iterable[str]) -> bool:
    """Whether a change alters what the drill's live feed is computed from: a public action
    (the storm reacts to those only), a clock control or an inject."""
    return any(row.kind in PUBLIC_KINDS for row in actions) or bool(
        {"clock", "inject"} & set(topics)
    )


def prepare(
    app: FastAPI,
    *,
    session: Session,
    drill: Drill,
    actions: Sequence[DrillAction] = (),
    topics: Iterable[str] = (),
    inject: DrillInject | None = None,
) -> Prepared:
    """The database half of `changed` (call it off the event loop): refresh the drill's live
    cache if the change feeds its driver, and render what changed, as (event, data) pairs to
    publish."""
    live = live_of(app)
    topics = tuple(topics)
    reload = feeds_driver(actions, topics)
    if live is None:
        return Prepared([], reload)
    if reload:
        live.cache.load(session=session, drill=drill)
    messages = []
    if actions:
        messages.append(("team-action", activity_html(session=session, drill=drill, rows=actions)))
    names = topics_for(actions) + [name for name in topics if name != "clock"]
    messages += [(name, json_data(name, {"drill": drill.id})) for name in dict.fromkeys(names)]
    if (
        inject is not None
        and inject.source == InjectSource.adhoc
        and inject.channel == "social_post"
    ):
        messages.append(("post", render_post(adhoc_post(inject))))
    if "clock" in topics:
        # Read from the clock log just cached, not from the database again.
        status, sim_s, speed = live.cache.source(drill.id).clock_reading(utcnow())
        payload = {"status": status, "sim_s": on_the_millisecond(sim_s), "speed": speed}
        messages.append(("clock", json_data("clock", payload)))
    return Prepared(messages, reload)


async def publish(app: FastAPI, drill_id: int, prepared: Prepared) -> None:
    """Send prepared messages on the drill's broker stream, in order."""
    live = live_of(app)
    if live is None:
        return
    for name, data in prepared.messages:
        await live.outbox.publish(drill_id, name, data, reload=prepared.reload)
    # A drill that just ended lets its stream expire after the retention.
    if any(
        name == "clock" and json.loads(data)["status"] == "ended"
        for name, data in prepared.messages
    ):
        await live.retire(drill_id)


async def changed(app: FastAPI, *, drill: Drill, **arguments: Any) -> None:
    """Refresh the drill's live cache and publish what changed (see the module docstring).

    The database work runs in a worker thread: the event loop serves every open stream.
    """
    prepared = await run_in_threadpool(partial(prepare, app, drill=drill, **arguments))
    await publish(app, drill.id, prepared)


def adhoc_post(row: DrillInject) -> Post:
    """An ad-hoc social-post inject as a feed post."""
    handle = "@" + "".join(ch for ch in row.actor_name.lower() if ch.isalnum())[:20]
    author = Author(row.actor_name, handle, row.persona, 0, False)
    return Post(
        id=f"i-{row.inject_key}", at_ms=round(row.at_s * 1000), author=author, text=row.content,
        language=row.language, sentiment="neutral", kind="inject", inject=row.inject_key,
    )  # fmt: skip


def changed_from_thread(app: FastAPI, *, drill: Drill, **arguments: Any) -> None:
    """`changed` for sync routes, which FastAPI runs in a worker thread."""
    prepared = prepare(app, drill=drill, **arguments)
    if prepared.messages:
        anyio.from_thread.run(publish, app, drill.id, prepared)
