"""The memo: a value built once per key, even when many threads miss it at the same moment."""

import threading

from hypothesis import given
from hypothesis import strategies as st

from app.core.memo import Memo


def test_threads_missing_the_same_key_at_once_share_one_build():
    memo: Memo[object] = Memo()
    building, release = threading.Event(), threading.Event()
    builds: list[object] = []

    def build() -> object:
        building.set()
        release.wait(10)
        builds.append(object())
        return builds[-1]

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(memo.get("k", build)))]
    threads[0].start()
    building.wait(10)  # the first build is under way: every other thread misses the key
    threads += [threading.Thread(target=lambda: got.append(memo.get("k", build))) for _ in range(7)]
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(10)
    assert len(builds) == 1
    assert len(got) == 8 and all(value is builds[0] for value in got)


def test_a_value_no_longer_fresh_is_built_again():
    memo: Memo[list[int]] = Memo()
    first = memo.get("k", lambda: [1])
    assert memo.get("k", lambda: [2]) is first
    assert memo.get("k", lambda: [3], fresh=lambda value: value != [1]) == [3]


@given(st.lists(st.integers(0, 50), max_size=200), st.integers(1, 10))
def test_never_more_values_than_the_limit_and_each_as_built(keys, limit):
    memo: Memo[str] = Memo(limit=limit)
    for key in keys:
        assert memo.get(key, lambda key=key: f"v{key}") == f"v{key}"
        assert len(memo.values) <= limit
