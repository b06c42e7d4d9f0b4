"""The drill's SSE route on the real application, and the notify helpers."""

import asyncio
import re
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.db import utcnow
from app.drills import notify, service
from app.drills.clock import ClockEventKind
from app.drills.export import storm_for
from app.drills.models import DrillAction, DrillInject
from app.drills.runtime import live_of
from app.record import ACTION_KINDS, PUBLIC_KINDS
from tests.drills.helpers import make_drill, make_team, spy
from tests.drills.sse_client import read_sse
from tests.factories import sign_in
from tests.plans.html import by_id, find_all

EVENT = re.compile(rb"id: (\d+)\r\nevent: ([a-z-]+)\r\n")


async def read_events(
    app, path: str, cookie: str, until: bytes, last_id: str | None = None
) -> bytes:
    """The drill's event stream as a signed-in browser reads it, until `until` shows up."""
    headers = [(b"cookie", cookie.encode())]
    if last_id:
        headers.append((b"last-event-id", last_id.encode()))
    return await read_sse(app, path, headers, until, timeout_s=15)


def running_team(session, factory):
    team = make_team(session, factory)
    drill = team.drill
    past = utcnow() - timedelta(seconds=20)
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=past)
    service.control(session=session, drill=drill, kind=ClockEventKind.speed, speed=60)
    return team


def test_posts_stream_rendered_and_resume_after_last_event_id(client, session, factory):
    team = running_team(session, factory)
    sign_in(client, team.spokesperson)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    path = f"/drills/{team.drill.id}/events"
    body = client.portal.call(read_events, client.app, path, cookie, b"event: post\r\n")
    frames = EVENT.findall(body)
    first_post = next(int(number) for number, name in frames if name == b"post")
    data = body.split(b"event: post\r\ndata: ", 1)[1].split(b"\r\n\r\n", 1)[0].decode()
    article = by_id(data.replace("\r\ndata: ", "\n"), data.split('id="', 1)[1].split('"', 1)[0])
    assert article.get("class").startswith("post sentiment-")
    assert article.get("data-persona") and article.get("lang") == "en"
    resumed = client.portal.call(
        read_events, client.app, path, cookie, b"\r\n\r\n", str(first_post - 1)
    )
    assert resumed.startswith(f"id: {first_post}\r\nevent: post\r\n".encode())


def test_notify_publishes_the_activity_line_and_the_panels(client, session, factory):
    team = running_team(session, factory)
    row = DrillAction(
        drill_id=team.drill.id,
        seq=1,
        at_s=75.0,
        kind="request_approval",
        text="Holding line",
        user_id=team.spokesperson.id,
        role_key="spokesperson",
    )
    session.add(row)
    session.commit()
    client.portal.call(
        lambda: notify.changed(client.app, session=session, drill=team.drill, actions=[row])
    )
    held = live_of(client.app).broker._channel(team.drill.id).after(0)
    assert [event.name for event in held] == ["team-action", "approvals"]
    line = by_id(held[0].data, "action-1")
    assert "T+01:15" in line.text and "submitted a statement for approval" in line.text
    assert team.spokesperson.display_name in line.text
    # Rendered once for every console: the verb in each language, each shown on its pages.
    french = find_all(held[0].data, "span", class_="ui-fr")
    assert [span.text for span in french] == ["a soumis une déclaration à validation"]


def test_topics_follow_the_action_kinds():
    rows = [DrillAction(drill_id=1, seq=n, at_s=0, kind=k) for n, k in enumerate(
        ["approve", "checklist_done", "reply", "note"])]  # fmt: skip
    assert notify.topics_for(rows) == ["approvals", "statements", "inject", "kpis", "checklist"]
    assert notify.topics_for([rows[3]]) == []


@pytest.mark.parametrize(
    ("kind", "reloads"),
    [("note", False), ("request_approval", False), ("checklist_done", False),
     ("statement", True), ("reply", True), ("correct_rumour", True)],
)  # fmt: skip
def test_only_a_change_the_feed_reads_reloads_the_drill_here_and_elsewhere(
    client, session, factory, monkeypatch, kind, reloads
):
    """The storm reacts to public actions only: a note costs no reload of the live cache,
    here or on the processes its event reaches."""
    team = running_team(session, factory)
    live = live_of(client.app)
    loads = spy(monkeypatch, live.cache, "load")
    sent: list[bool] = []
    publish = live.broker.publish

    async def recorded(drill_id, name, data, *, reload=True):
        sent.append(reload)
        return await publish(drill_id, name, data, reload=reload)

    monkeypatch.setattr(live.broker, "publish", recorded)
    row = DrillAction(drill_id=team.drill.id, seq=1, at_s=75.0, kind=kind, text="Words",
                      user_id=team.spokesperson.id, role_key="spokesperson")  # fmt: skip
    session.add(row)
    session.commit()
    client.portal.call(
        lambda: notify.changed(client.app, session=session, drill=team.drill, actions=[row])
    )
    assert len(loads) == reloads and sent and set(sent) == {reloads}


@settings(max_examples=40, deadline=None)
@given(
    kinds=st.lists(st.sampled_from(sorted(ACTION_KINDS))),
    topics=st.lists(st.sampled_from(["clock", "inject", "approvals", "checklist", "kpis"])),
)
def test_a_change_feeds_the_driver_when_public_or_a_clock_or_inject_one(kinds, topics):
    rows = [DrillAction(drill_id=1, seq=n, at_s=0, kind=k) for n, k in enumerate(kinds)]
    expected = bool(set(kinds) & PUBLIC_KINDS or {"clock", "inject"} & set(topics))
    assert notify.feeds_driver(rows, topics) == expected


def test_an_adhoc_social_post_becomes_a_feed_post():
    row = DrillInject(drill_id=1, inject_key="adhoc-1", at_s=90.5, channel="social_post",
                      actor_name="Ana Reporter", persona="journalist", content="Any comment?",
                      language="fr", source="adhoc")  # fmt: skip
    post = notify.adhoc_post(row)
    assert (post.id, post.at_ms, post.inject, post.author.handle) == (
        "i-adhoc-1",
        90500,
        "adhoc-1",
        "@anareporter",
    )


def test_without_a_live_layer_nothing_is_sent(app, session, factory):
    team = make_team(session, factory)
    assert live_of(app) is None
    asyncio.run(notify.changed(app, session=session, drill=team.drill, topics=("clock",)))


def test_the_storm_cache_follows_the_drill_inputs_not_only_its_id(session, factory):
    org = factory.org()
    first = make_drill(session, org, scenario_id="tutorial")
    storm = storm_for(first)
    first.scenario_id, first.seed = "product-recall", 99
    assert storm_for(first).scenario.id == "product-recall" and storm_for(first) is not storm


def test_a_console_joining_a_drill_this_process_follows_reloads_nothing(
    client, session, factory, monkeypatch
):
    team = running_team(session, factory)
    sign_in(client, team.spokesperson)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    path, drill_id = f"/drills/{team.drill.id}/events", team.drill.id
    cache = live_of(client.app).cache
    loads = spy(monkeypatch, cache, "load")

    async def second_console_while_the_first_listens() -> int:
        first = asyncio.create_task(read_events(client.app, path, cookie, b"never sent"))
        while not live_of(client.app).hub.follows(drill_id):
            await asyncio.sleep(0.01)
        opened = len(loads)
        cache.loaded_at[drill_id] -= 3600  # long past any freshness limit
        await read_events(client.app, path, cookie, b"\r\n\r\n")
        first.cancel()
        return opened

    opened = client.portal.call(second_console_while_the_first_listens)
    assert opened == 1  # the first console loaded the drill
    assert len(loads) == 1  # the second, on a drill followed here, did not
