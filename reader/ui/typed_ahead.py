"""Keys typed faster than the app acts on them (a burst from tmux, a paste, key repeat, a
quick typist) reach the widget each was meant for.

A terminal delivers a burst at once, and the app hands every key to the widget focused
*then*: in `Enter space` typed in the list, the list got the space too, because the
article took the focus only once the list had acted on Enter. So a key waits until the
one before it has done all it does, a focus move included, and while the reading
screen's list is not ready for keys (ReadingScreen.holds_keys).

How "done" is known: a `KeyTrail` message follows the key into the focused widget's
queue and bubbles up the same way to the app, so it arrives after the key's own
handling (bindings run at the app); a second trail then follows what that handling
posted in turn (the list's Selected, the focus move the app was asked to make).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

QUIT_KEYS = ("ctrl+c", "ctrl+q")
TRAIL_ROUNDS = 2


class KeyTrail(Message):
    """Follows a key from the widget it went to up to the app (see the module)."""

    def __init__(self, rounds_left: int) -> None:
        super().__init__()
        self.rounds_left = rounds_left


class TypedAhead:
    """The keys waiting, in the order typed, and the trail of the key being handled."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.waiting: list[events.Key] = []
        self.handed_back: events.Key | None = None  # posted back to the app, not arrived yet
        self._trail: KeyTrail | None = None
        self._trail_holder: MessagePump | None = None
        self._trail_seen: KeyTrail | None = None
        self._handed_back_seen: events.Key | None = None

    @property
    def key_in_hand(self) -> bool:
        """A key is still being handled (its trail has not come back)."""
        if self._trail is not None and not _still_there(self._trail_holder):
            self._trail = None  # the widget it followed the key into was removed, and the trail with it
        return self._trail is not None

    def check_stuck(self) -> None:
        """Called now and then (once a second): a trail still out since the last call was
        lost on the way (a screen closed under it), so its key is taken as done."""
        if self._trail is not None and self._trail is self._trail_seen:
            self._trail = None
        self._trail_seen = self._trail
        if self.handed_back is not None and self.handed_back is self._handed_back_seen:
            self.handed_back = None  # never arrived (the app is closing): the keys after it go on
        self._handed_back_seen = self.handed_back

    @property
    def keys_ahead(self) -> bool:
        """Keys typed earlier wait, or one of them is on its way back to the app."""
        return bool(self.waiting) or self.handed_back is not None

    @property
    def busy(self) -> bool:
        """Keys typed before a new one are still to be handled: the new one waits its turn."""
        return self.key_in_hand or self.keys_ahead

    def wait(self, key: events.Key, *, first: bool = False) -> None:
        self.waiting.insert(0 if first else len(self.waiting), events.Key(key.key, key.character))

    def arrived(self, key: events.Key) -> bool:
        """Whether `key` is the waiting key handed back (it goes before any key typed since)."""
        if key is not self.handed_back:
            return False
        self.handed_back = None
        return True

    def follow(self) -> None:
        """Send a trail after the key just handed to the focused widget."""
        self._send_trail(TRAIL_ROUNDS - 1)

    def trail_back(self, trail: KeyTrail) -> bool:
        """A trail reached the app: follow once more, or say the key is done (True)."""
        if trail is not self._trail:
            return False
        if trail.rounds_left:
            self._send_trail(trail.rounds_left - 1)
            return False
        self._trail = None
        return True

    def replay(self) -> None:
        """Hand the first waiting key back to the app (the next goes once it is handled).
        One at a time: a key the terminal delivers meanwhile is queued before it, and
        must not overtake it."""
        if self.handed_back is not None or not self.waiting:
            return
        self.handed_back = self.waiting.pop(0)
        self.app.post_message(self.handed_back)

    def _send_trail(self, rounds_left: int) -> None:
        if not self.app.screen_stack:
            self._trail = None  # the app is closing
            return
        holder = self.app.focused or self.app.screen
        trail = KeyTrail(rounds_left)
        if holder.post_message(trail):
            self._trail, self._trail_holder = trail, holder
        else:
            self._trail = None


def _still_there(pump: MessagePump | None) -> bool:
    return pump is not None and pump.is_running and pump.is_attached
