"""Mark all read (`A`): every article listed — in a search, only its results — and
its undo (`z`), which puts back exactly the marks it took off."""

from __future__ import annotations

import time

from typing import TYPE_CHECKING

from reader.ui.binding_ids import shown_key

if TYPE_CHECKING:
    from reader.ui.reading_screen import ReadingScreen


class MarkAllRead:
    def __init__(self) -> None:
        self._undo: tuple[str, ...] = ()
        self.done_at: float | None = None  # when the marks `undo` puts back were taken off

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def mark(self, screen: ReadingScreen) -> None:
        keeper = screen.keeper
        unread = tuple(article.id for article in screen.article_list.articles if not keeper.is_read(article.id))
        what = "search result" if screen.search is not None else "article"
        if not unread:
            screen.notify(f"Every {what} listed is read already", timeout=3)
            return
        for article_id in unread:
            keeper.set_read(article_id, True)
        self._undo = unread
        self.done_at = time.monotonic()
        screen.marks_changed(relist=True)
        count = f"{len(unread):,} {what}{'s' if len(unread) != 1 else ''}"
        undo = shown_key(screen.app, "newsreader.undo", "z")
        screen.notify(f"Marked {count} read · {undo} to undo", title="Mark all read", timeout=8)

    def undo(self, screen: ReadingScreen) -> None:
        if not self._undo:
            screen.notify("Nothing to undo", timeout=2)
            return
        undone, self._undo, self.done_at = self._undo, (), None
        for article_id in undone:
            screen.keeper.set_read(article_id, False)
        screen.marks_changed(relist=True)
        screen.notify(f"{len(undone):,} unread again", timeout=3)
