"""The feed run's thread pools: futures as ThreadPoolExecutor's, and threads the process
never waits for at exit (a read blocked on a silent server must not hold a quit)."""

from __future__ import annotations

import threading
from concurrent.futures import wait

import pytest
from feed_server import feed_server  # noqa: F401 - the fixture
from test_feeds_fetch import LIMITS, fetch

from reader.feeds.download import Limits
from reader.feeds.pool import DaemonPool
from reader.feeds.run import FeedProgress


def test_jobs_run_and_report_results_and_errors():
    pool = DaemonPool(2, "test-pool")
    good = pool.submit(lambda a, b: a + b, 2, 3)
    bad = pool.submit(lambda: 1 / 0)
    wait([good, bad])
    assert good.result() == 5 and isinstance(bad.exception(), ZeroDivisionError)
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(print)


def test_shutdown_cancels_queued_jobs_and_waits_only_if_asked():
    pool = DaemonPool(1, "test-pool")
    started, release = threading.Event(), threading.Event()

    def hold() -> bool:
        started.set()
        return release.wait()

    running = pool.submit(hold)
    started.wait()
    queued = pool.submit(print, "never")
    pool.shutdown(wait=False, cancel_futures=True)
    assert queued.cancelled() and not running.done()
    release.set()
    assert running.result() is True


def test_threads_left_behind_by_a_cancelled_run_are_daemons(feed_server, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    cancel = threading.Event()
    patient = Limits(**{**LIMITS.__dict__, "timeout": 600, "deadline": 600})

    def on_progress(event: FeedProgress) -> None:
        if event.name == "rss-xml" and event.stage == "done":
            cancel.set()  # the slow feed's thread is still blocked on its server

    fetch(feed_server, store, "/slow", "/rss.xml", limits=patient, progress=on_progress, cancel=cancel)
    blocked = [thread for thread in threading.enumerate() if thread.name.startswith("feed") and thread.is_alive()]
    assert blocked and all(thread.daemon for thread in blocked)
