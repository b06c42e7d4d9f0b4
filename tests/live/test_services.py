"""The harness's services: a missing one fails in CI and skips elsewhere, and its Redis comes
back from a kill -9 with its data, as the Redis-restart test assumes."""

import pytest
import redis

from tests.live.harness import services


def test_a_missing_service_skips_outside_ci_and_fails_in_ci(monkeypatch):
    monkeypatch.setattr(services, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="no such service"):
        services.unavailable("no such service")
    monkeypatch.setattr(services, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="no such service"):
        services.unavailable("no such service")


def test_the_harness_redis_comes_back_from_a_kill_9_with_its_streams(tmp_path):
    server = services.RedisServer(tmp_path)
    server.start()
    try:
        client = redis.Redis(port=server.port, decode_responses=True)
        entry = client.xadd("drill:events", {"name": "clock"})
        server.kill()
        assert not server.answers()
        server.start()
        assert [e[0] for e in client.xrange("drill:events")] == [entry]
        served = server.commands()
        assert server.commands() == served, "reading the counters counts no command"
        client.ping()
        assert server.commands() == served + 1
    finally:
        server.kill()
