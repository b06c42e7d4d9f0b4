"""Running the harness's async scenarios from a sync test, whatever loop the thread has."""

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def run_bounded(scenario: Coroutine[Any, Any, Any], bound_s: float) -> Any:
    """`scenario`'s result, bounded by `bound_s`, run on an event loop in a thread of its own.

    pytest-playwright's sync API keeps an event loop running in the main thread for the whole
    session once a browser test has run, and `asyncio.run` refuses to start beside it.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(scenario, bound_s)).result()
