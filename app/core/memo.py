"""A bounded cache whose values are built once, even when many threads miss the same key at once.

A plain dict cache read by worker threads builds a missing value in every thread that asks
before the first build ends. For an expensive value that is a stampede: 150 consoles opening
on a fresh process each built their drill's storm (about 0.3 s of CPU each, under the GIL),
so the last ones waited tens of seconds, holding admission slots that actions then lacked.
Here the builders take turns under one lock; a thread that waited finds the value built.
Hits never take the lock.
"""

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """Values by key, at most `limit` (all forgotten when full: keys are few and rebuildable)."""

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self.values: dict[Hashable, V] = {}
        self._building = threading.Lock()

    def get(
        self, key: Hashable, build: Callable[[], V], fresh: Callable[[V], bool] = lambda _: True
    ) -> V:
        """The value kept for `key` if `fresh` accepts it, else the one `build` makes (once)."""
        value = self.values.get(key)
        if value is not None and fresh(value):
            return value
        with self._building:
            value = self.values.get(key)
            if value is None or not fresh(value):
                if len(self.values) >= self.limit:
                    self.values.clear()
                value = self.values[key] = build()
            return value

    def clear(self) -> None:
        """Forget every value."""
        self.values.clear()
