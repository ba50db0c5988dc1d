"""Pilot tests of the habits of a reader (issue 14): unread only, the panel across
widths, saying something for every key."""

from __future__ import annotations

from reader.state import ReadingState

from snapshot_apps.harness import build_app, ids, pilot_test, settle

SIZE = (100, 30)


def read_state(state_file, *read: str):
    state = ReadingState(state_file)
    for article_id in read:
        state.set_read(article_id, True)
    state.save()
    return state_file


@pilot_test
async def test_unread_only_keeps_what_was_read_since_it_was_turned_on(store, state_file):
    app = build_app(store, read_state(state_file, "2021/library.md"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        listed = ids(app)
        assert "2021/library.md" not in listed and len(listed) == 4
        assert app.query_one("#sidebar").border_title == "Articles 4 of 5 · 4 unread"
        await pilot.press("u", "j", "u", "j")  # reading on down the list
        read_now = listed[:2]
        assert all(app.keeper.is_read(article_id) for article_id in read_now)
        # A search and back (as any new listing) relists: what was read since U stays.
        await pilot.press("slash", "x")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert ids(app) == listed
        assert app.query_one("#sidebar").border_title == "Articles 4 of 5 · 2 unread"
        await pilot.press("U", "U")  # afresh: only the article being read stays of the read ones
        await settle(pilot)
        reading = app.reading.pane.article.id
        assert [article_id for article_id in ids(app) if app.keeper.is_read(article_id)] in ([], [reading])
        assert set(read_now) - {reading} and not (set(read_now) - {reading}) & set(ids(app))
