"""Database work never runs on the event loop, which serves every open console's stream."""

import threading

from app.drills import actions, notify
from app.drills.runtime import live_of
from tests.drills.helpers import spy
from tests.drills.test_events import running_team
from tests.factories import sign_in


async def loop_thread() -> int:
    """The thread the application's event loop runs in."""
    return threading.get_ident()


def test_notify_reloads_the_drill_in_a_worker_thread(client, session, factory, monkeypatch):
    team = running_team(session, factory)
    live = live_of(client.app)
    loads = spy(monkeypatch, live.cache, "load")

    client.portal.call(
        lambda: notify.changed(client.app, session=session, drill=team.drill, topics=("clock",))
    )

    assert len(loads) == 1 and loads[0] != client.portal.call(loop_thread)
    held = live.broker._channel(team.drill.id).after(0)
    assert [event.name for event in held] == ["clock"]


def test_a_console_action_is_stored_in_a_worker_thread(client, session, factory, monkeypatch):
    team = running_team(session, factory)
    sign_in(client, team.monitor)
    stores = spy(monkeypatch, actions, "record_action")

    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"intent": "note", "text": "Logged off the loop"},
        headers={"HX-Request": "true"},
    )

    assert answer.status_code == 200, answer.text
    assert len(stores) == 1 and stores[0] != client.portal.call(loop_thread)
    stored = actions.list_actions(session=session, drill=team.drill)
    assert [row.text for row in stored] == ["Logged off the loop"]
