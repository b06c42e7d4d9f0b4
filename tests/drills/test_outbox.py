"""The outbox: events of committed changes wait for the broker, then arrive once, in order."""

import asyncio

import pytest
from redis import exceptions as redis_errors

from app.drills.broker import InMemoryBroker
from app.drills.outbox import Outbox

pytestmark = pytest.mark.anyio


class Down(InMemoryBroker):
    """A broker that refuses `failures` publishes, like Redis during an outage."""

    def __init__(self, failures: int) -> None:
        super().__init__(first_id=1)
        self.failures, self.attempts = failures, 0

    async def publish(self, drill_id: int, name: str, data: str, *, reload: bool = True) -> str:
        self.attempts += 1
        if self.failures:
            self.failures -= 1
            raise redis_errors.ConnectionError("Connection refused")
        return await super().publish(drill_id, name, data, reload=reload)


async def test_waiting_events_arrive_once_in_order_when_the_broker_is_back():
    broker = Down(failures=3)
    outbox = Outbox(broker)
    for n in range(4):
        await outbox.publish(1, "team-action", f"a{n}")
    assert len(outbox.waiting) == 4 and broker.attempts == 1  # later ones do not wait
    retries = asyncio.create_task(outbox.deliver_forever(every_s=0.01))
    publishing = [outbox.publish(1, "approvals", f"b{n}") for n in range(3)]
    await asyncio.gather(*publishing)
    while outbox.waiting:
        await asyncio.sleep(0.01)
    retries.cancel()
    held = [event.data for event in broker._channel(1).after(0)]
    assert held == ["a0", "a1", "a2", "a3", "b0", "b1", "b2"]


async def test_a_full_outbox_drops_its_oldest_event():
    outbox = Outbox(Down(failures=100), limit=3)
    for n in range(5):
        await outbox.publish(1, "kpis", str(n))
    assert [data for _, _, data, _ in outbox.waiting] == ["2", "3", "4"]
