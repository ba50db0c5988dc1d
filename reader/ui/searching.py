"""Search, saved searches, the actor archive and the quote timeline: the app's side.

`/` searches the index with its grammar as you type (debounced, in a worker);
ranked results replace the sidebar; Esc brings the whole archive back with the
cursor where it was. Saved searches are folders at the top of the sidebar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from reader.errors import UserError
from reader.ui.archive_messages import SavedCounts, SearchDone, SearchFailed
from reader.ui.widgets.saved_searches import SavedSearchList

if TYPE_CHECKING:
    from reader.ui.app import NewsreaderApp
    from reader.archive.search import SearchResult
    from reader.ui.screens.actors import ActorChoice
    from reader.ui.screens.quote_timeline import QuoteChoice

SEARCH_DEBOUNCE_SECONDS = 0.25
COUNT_DEBOUNCE_SECONDS = 0.5
QUOTE_TRIES = 40  # 2 s of layout and analysis before a quote chosen in the timeline gives up


def actor_query(name: str) -> str:
    return 'actor:"' + name.replace('"', "") + '"'


class SearchFeatures:
    """Mixed into NewsreaderApp."""

    # ---------------------------------------------------------------- search

    def _schedule_search(self: NewsreaderApp) -> None:
        if self._search_timer is None:
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, self._search_now)
        else:
            self._search_timer.reset()

    def _cancel_scheduled_search(self: NewsreaderApp) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    def _search_now(self, keep: str | None = None) -> None:
        app: NewsreaderApp = self  # type: ignore[assignment]
        app._cancel_scheduled_search()
        text = app.filter_input.value.strip()
        if not text:
            app.workers.cancel_group(app, "search")
            app.search_status.clear()
            if app.search is not None:
                app._set_search(None)
            return
        if not app.archive.is_open:
            return  # searched again once the archive is open
        if app._before_search is None and (current := app.article_list.highlighted) is not None:
            app._before_search = current.id
        app.search_status.show_searching(text)
        app._run_search(text, keep)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run_search(self: NewsreaderApp, text: str, keep: str | None) -> None:
        try:
            result = self.archive.search(text)
        except UserError as error:  # QueryError included: the message is for the reader
            self.post_message(SearchFailed(text, str(error)))
            return
        self.post_message(SearchDone(result, keep))

    def on_search_done(self: NewsreaderApp, message: SearchDone) -> None:
        if message.result.text != self.filter_input.value.strip():
            return  # the reader typed on since
        result = message.result
        self.search_status.show_results(result.text, result.total, len(result.hits))
        self._set_search(result, keep=message.keep)

    def on_search_failed(self: NewsreaderApp, message: SearchFailed) -> None:
        if message.text == self.filter_input.value.strip():
            self.search_status.show_error(message.reason)

    def _set_search(self: NewsreaderApp, result: SearchResult | None, keep: str | None = None) -> None:
        self.search = result
        self.pane.set_matches(result.pattern if result else None)
        self._relist(keep=keep, first=keep is None and result is not None)
        self.refresh_bindings()

    def end_search(self: NewsreaderApp) -> None:
        """Back to the whole archive, the cursor where it was before the search."""
        self._cancel_scheduled_search()
        self.workers.cancel_group(self, "search")
        back_to = self._before_search
        self._before_search = None
        with self.prevent(type(self.filter_input).Changed):
            self.filter_input.value = ""
        self.search_status.clear()
        self.query_one("#sidebar").remove_class("-filtering")
        self.search = None
        self.pane.set_matches(None)
        self._relist(keep=back_to)
        self.refresh_bindings()

    def run_query(self: NewsreaderApp, query: str) -> None:
        """Search for `query` now, as if typed after `/`; focus stays on the list."""
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.query_one("#sidebar").add_class("-filtering")
        with self.prevent(type(self.filter_input).Changed):
            self.filter_input.value = query
        self._search_now()
        self.article_list.focus()

    def action_clear_search(self: NewsreaderApp) -> None:
        self.end_search()
        self.article_list.focus()

    # -------------------------------------------------------- saved searches

    def action_save_search(self: NewsreaderApp) -> None:
        if self.search is None:
            self.notify("Search first (/), then save it", timeout=3)
            return
        query = self.search.text

        def save(name: str | None) -> None:
            if name:
                self._save_search(name, query)

        default = next((name for name, saved in self.saved_searches.items() if saved == query), query)
        from reader.ui.screens.name_prompt import NamePrompt

        self.push_screen(NamePrompt("Save search", f"A name for {query}", default), save)

    def _save_search(self: NewsreaderApp, name: str, query: str) -> None:
        from reader.config import ConfigSaveError, save_saved_searches

        searches = {**self.saved_searches, name: query}
        try:
            save_saved_searches(searches)
        except ConfigSaveError as error:
            self.notify(str(error), title="Search not saved", severity="error", timeout=8)
            return
        self.saved_searches = searches
        self.saved_list.show(searches)
        self.notify(f"Saved search “{name}”", timeout=3)
        self._count_saved_soon()

    def on_saved_search_list_chosen(self: NewsreaderApp, message: SavedSearchList.Chosen) -> None:
        self.run_query(message.query)

    def on_article_list_above_first(self: NewsreaderApp) -> None:
        if self.saved_list.display:
            self.saved_list.enter_from_below()

    def on_saved_search_list_left(self: NewsreaderApp) -> None:
        self.screen.set_focus(self.article_list)

    def run_saved_search(self: NewsreaderApp, name: str) -> None:
        if name in self.saved_searches:
            self.run_query(self.saved_searches[name])

    def _count_saved_soon(self: NewsreaderApp) -> None:
        if not self.saved_searches or not self.archive.is_open:
            return
        if self._count_timer is None:
            self._count_timer = self.set_timer(COUNT_DEBOUNCE_SECONDS, self._count_saved_now)
        else:
            self._count_timer.reset()

    def _count_saved_now(self: NewsreaderApp) -> None:
        self._count_timer = None
        self._count_saved(dict(self.saved_searches), self.keeper.read_ids())

    @work(thread=True, exclusive=True, exit_on_error=False, group="saved-counts")
    def _count_saved(self: NewsreaderApp, searches: dict[str, str], read_ids: frozenset[str]) -> None:
        counts: dict[str, tuple[int, int] | None] = {}
        for name, query in searches.items():
            try:
                matching = self.archive.summaries(query)
            except UserError:
                counts[name] = None
            else:
                counts[name] = (sum(article.id not in read_ids for article in matching), len(matching))
        self.post_message(SavedCounts(counts))

    def on_saved_counts(self: NewsreaderApp, message: SavedCounts) -> None:
        self.saved_list.show(self.saved_searches, message.counts)

    # ------------------------------------------------- actors and their quotes

    def action_actors(self: NewsreaderApp) -> None:
        if not self.archive.is_open:
            self.notify("The archive is still opening", timeout=3)
            return
        from reader.ui.screens.actors import ActorsScreen

        self.push_screen(ActorsScreen(self.archive.actors, self.archive.actors_called), self._actor_chosen)

    def _actor_chosen(self: NewsreaderApp, choice: ActorChoice | None) -> None:
        if choice is None:
            return
        if choice.show == "quotes":
            self.show_quotes(choice.name)
        else:
            self.run_query(actor_query(choice.name))

    def show_quotes(self: NewsreaderApp, actor: str) -> None:
        if self.archive.is_open:
            from reader.ui.screens.quote_timeline import QuoteTimelineScreen

            self.push_screen(QuoteTimelineScreen(actor, self.archive.quotes), self._quote_chosen)

    def _quote_chosen(self: NewsreaderApp, choice: QuoteChoice | None) -> None:
        if choice is None:
            return
        # The quote is where the reader goes: not the place remembered in the article.
        if self.keeper.set_position(choice.article_id, 0):
            self._schedule_save()
        self.open_article(choice.article_id)
        if (article := self._full_article(choice.article_id)) is not None:
            self._show_article(article)  # now, not when the list's message lands
            self._go_to_quote(choice, QUOTE_TRIES)

    def _go_to_quote(self: NewsreaderApp, choice: QuoteChoice, tries: int) -> None:
        """Mark the quote and bring it on screen, once the article is analysed and laid
        out (right after it is shown its body may have no height yet)."""
        from reader.ui.widgets.article_view import ArticleView

        pane = self.pane
        if pane.article is None or pane.article.id != choice.article_id:
            return
        view = self.query_one(ArticleView)
        quote = next(
            (q for q in (view.analysis.quotes if view.analysis is not None else ()) if (q.start, q.end) == (choice.start, choice.end)),
            None,
        )
        if quote is not None and view.article is pane.article:
            view.choose_quote(quote)
        else:
            pane.scroll_to_offset(choice.start)
        visible = pane.visible_offsets()
        arrived = visible is not None and visible[0] <= choice.start <= visible[1] and quote is not None
        if not arrived and tries > 0:
            self.set_timer(0.05, lambda: self._go_to_quote(choice, tries - 1))
