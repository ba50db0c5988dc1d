"""When Python's cyclic garbage collector may run in the app: not in the middle of
the first frame or of a run of keypresses, and not over data that lives as long
as the app.

- Importing Textual and composing the screen allocate a great many long-lived
  objects, and the collector would walk them all, more than once, before anything
  is shown (a third of the start-up time on a warm index). It is held until the
  first frame is painted; what start-up built is then frozen (`gc.freeze`).
- Full collections walk every object not frozen. Left to Python they come every
  few keypresses (10-19 ms pauses every ~10 keys, measured while moving through
  the list), so they are taken off the automatic schedule and run when the
  reader rests instead (`at_rest`: no key for a second, then every half minute
  while they read on), each followed by a freeze, so the next has little to
  walk. Now and then a rest also unfreezes everything first, so that cycles
  frozen while alive are reclaimed too.
- The young generations are collected as usual: garbage without cycles is freed
  by reference counting at once either way.

Only `newsreader` itself manages the collector (the launcher calls `pause`);
apps built by tests leave it alone.
"""

from __future__ import annotations

import gc
import time

REST_SECONDS = 1.0  # no key or click for this long: the reader is reading
AGAIN_SECONDS = 30.0  # and while they read on (the archive may be indexing), again this often
DEEP_EVERY_SECONDS = 300.0  # at most this often, a rest also walks what was frozen
NO_AUTOMATIC_FULL = 1_000_000  # gen1 collections before Python would start a full one

_managed = False
_last_deep = 0.0
_default_thresholds = gc.get_threshold()


def pause() -> None:
    """Hold the collector until `resume` (called once the first frame is painted)."""
    global _managed, _last_deep
    _managed = True
    _last_deep = time.monotonic()
    gc.disable()


def resume() -> None:
    """The first frame is on screen: freeze what start-up built; young generations
    are collected as usual from now on, full collections only at rest."""
    if _managed and not gc.isenabled():
        gc.freeze()
        gc.set_threshold(*_default_thresholds[:2], NO_AUTOMATIC_FULL)
        gc.enable()


def at_rest() -> None:
    """The reader is not pressing keys: a full collection now, then freeze."""
    global _last_deep
    if not _managed or not gc.isenabled():
        return
    now = time.monotonic()
    if now - _last_deep >= DEEP_EVERY_SECONDS:
        _last_deep = now
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def release() -> None:
    """Back to Python's defaults (for a process that goes on after the app)."""
    global _managed
    _managed = False
    gc.unfreeze()
    gc.set_threshold(*_default_thresholds)
    gc.enable()
