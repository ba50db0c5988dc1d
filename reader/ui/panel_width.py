"""The who-said-what panel as the terminal is resized.

Too narrow for the list, the article and the panel side by side, an open panel takes
the list's room. A reader in the list when the terminal narrows keeps the list: the
panel is hidden for now, not closed by choice, and comes back when the terminal is
wide again, as the reader left it (`panel_open` in the state).
"""

from __future__ import annotations

from textual.screen import Screen

from reader.ui.widgets.article_view import ArticleView, no_room_for_three


def fit_panel_to_width(screen: Screen, view: ArticleView, chosen: bool) -> None:
    """`chosen`: the reader left the panel open (`panel_open`)."""
    wide = not no_room_for_three(screen)
    focused = screen.focused
    in_list = focused is not None and view not in focused.ancestors_with_self
    if not wide and view.panel_open and in_list:
        view.set_panel(False, focus=False, remember=False)
    elif wide and chosen and not view.panel_open:
        view.set_panel(True, focus=False, remember=False)
