"""The executor the app's thread workers run on: one daemon thread per task, and a
shutdown that never waits.

asyncio's default executor is joined when the event loop closes, so quitting would
wait for whatever a worker is doing (analysing a long article, an index sync). The
work these threads do is safe to abandon: the index commits in transactions and the
reading state is saved on the UI thread before the loop closes.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable


class DaemonThreads(ThreadPoolExecutor):
    """A ThreadPoolExecutor in name only (asyncio accepts no other), whose own pool is never used."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, daemon=True, name="newsreader-worker").start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for: the threads end with the process."""
