"""The process's Prometheus metrics, served at /metrics (one scrape target per process).

Counters and gauges of the live layer (consoles, drivers, events, lock takeovers, broker
errors) and of the database pool. They live in prometheus-client's default registry, so
every application in one process (tests) shares them.
"""

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, generate_latest
from sqlalchemy.engine import Engine

CONSOLES = Gauge("stormdrill_consoles_connected", "Live drill consoles connected to this process")
DRIVERS = Gauge("stormdrill_drivers_running", "Drill drivers of this process holding their lock")
PUBLISHED = Counter(
    "stormdrill_events_published", "Live events published to the broker", ["source"]
)
DELIVERED = Counter("stormdrill_events_delivered", "Live events handed to consoles")
TAKEOVERS = Counter(
    "stormdrill_lock_takeovers", "Drivers that resumed the feed from another driver's progress"
)
BROKER_ERRORS = Counter("stormdrill_broker_errors", "Failed calls to the live broker", ["where"])
OUTBOX_WAITING = Gauge("stormdrill_outbox_waiting", "Live events waiting for the broker")
POOL_ERRORS = Counter("stormdrill_pool_errors", "Requests that failed to get a database connection")
POOL_IN_USE = Gauge("stormdrill_pool_connections_in_use", "Database connections checked out")
for _source in ("driver", "outbox"):
    PUBLISHED.labels(_source)
for _where in ("reader", "driver", "outbox"):
    BROKER_ERRORS.labels(_where)


def exposition(engine: Engine) -> tuple[bytes, str]:
    """The metrics in Prometheus's text format, and its content type."""
    checked_out = getattr(engine.pool, "checkedout", None)
    if checked_out is not None:
        POOL_IN_USE.set(checked_out())
    return generate_latest(), CONTENT_TYPE_LATEST
