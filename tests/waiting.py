"""The one way tests wait: until a condition holds, or until a message has arrived.

A wait returns as soon as what it waits for is true, however loaded the machine; it has
no length of its own. The deadline only exists to fail a hung test with a clear message
(what it waited for) instead of hanging the suite: it is generous on purpose, and a
passing test never comes near it. No test sleeps for a fixed time.

- `await wait_for(pilot, condition, what=...)`: in a Pilot test; the app's pending
  messages are handled before each look, so a condition that a key or a message sets
  holds at the first look.
- `await settle(pilot)`: `wait_for` the archive idle and the app's workers done.
- a message: record it (`app.run_test(message_hook=recorded.append)`) and `wait_for` the record.
- `wait_until(look, what=...)`: outside an app (a process, a tmux screen).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from textual.pilot import Pilot

T = TypeVar("T")

# Fails only a hung test. The slowest whole test took 37 s on the 2-core machine at a
# load of 8 with another process burning a core; a hung one costs this much, once.
DEADLINE_SECONDS = 120.0
# How soon a condition set by another thread or process (a worker, the store watch, a
# terminal) is looked at again: it changes how soon a wait notices, never whether it passes.
LOOK_AGAIN_SECONDS = 0.01


class WaitedTooLong(AssertionError):
    """A condition a test waited for never came true: the test hung."""


def _too_long(what: str, deadline: float, explain: Callable[[], str] | None) -> WaitedTooLong:
    detail = f"\n{explain()}" if explain is not None else ""
    return WaitedTooLong(f"waited {deadline:.0f} s for {what}{detail}")


async def wait_for(
    pilot: Pilot, condition: Callable[[], object], *, what: str, deadline: float = DEADLINE_SECONDS
) -> None:
    """Pause until `condition()` is true."""
    give_up = time.monotonic() + deadline
    while True:
        await pilot.pause(0)  # the messages already posted are handled first
        if condition():
            return
        if time.monotonic() > give_up:
            raise _too_long(what, deadline, None)
        await asyncio.sleep(LOOK_AGAIN_SECONDS)


def settled(app) -> bool:
    """The archive open, indexed and idle, no key typed ahead still waiting for the list,
    and the search and analysis workers done (the archive's own worker runs on: it follows
    the store)."""
    return app.reading.archive_idle and not app.keys_held and all(
        worker.is_finished for worker in app.workers if worker.group != "archive"
    )


async def settle(pilot: Pilot) -> None:
    """Wait until the app has nothing left to do for the store (see `settled`)."""
    await pilot.pause()  # what a key just started has begun (a search waits for its timer)
    await wait_for(pilot, lambda: settled(pilot.app), what="the archive idle and its workers finished")
    await pilot.pause()  # and what the last of them posted drawn


def wait_until(
    look: Callable[[], T | None],
    *,
    what: str,
    deadline: float = DEADLINE_SECONDS,
    explain: Callable[[], str] | None = None,
    look_again: float = LOOK_AGAIN_SECONDS,
) -> T:
    """Outside an app: call `look()` until it returns something true, and return that.
    `explain()` adds to the failure message (the last screen seen, say); `look_again`
    spaces out looks that cost a process each."""
    give_up = time.monotonic() + deadline
    while True:
        found = look()
        if found:
            return found
        if time.monotonic() > give_up:
            raise _too_long(what, deadline, explain)
        time.sleep(look_again)
