"""The `!` screen shows every problem whole at any width: long paths and reasons wrap."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from reader.ui.screens.problems import ProblemsScreen

from snapshot_apps.harness import build_app, pilot_test
from waiting import settle

LONG_FOLDER = "some/deeply/nested/folder/of/articles"
LONG_NAME = "2021-07-14-a-rather-long-file-name-for-an-article.yaml"


def shown_text(widget: Static) -> str:
    """What the widget shows, its lines joined (a wrapped word or path reads as one)."""
    width, height = widget.size
    return "".join(strip.text.strip() for strip in widget.render_lines(Region(0, 0, width, height)))


@pilot_test
async def test_a_long_path_and_reason_wrap_in_the_problems_screen_at_80_columns(store, state_file):
    folder = store / LONG_FOLDER
    folder.mkdir(parents=True)
    (folder / LONG_NAME).write_text("title: [oops\nbody: x\n", encoding="utf-8")
    app = build_app(store, state_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.pause()
        box = app.screen.query_one("#problems")
        lines = box.query_one(Static)
        assert lines.size.width <= box.scrollable_content_region.width  # nothing cut at the right
        shown = "".join(shown_text(lines).split())
        for problem in (f"{LONG_FOLDER}/{LONG_NAME}:2: invalid YAML", "misc/broken.yaml:2: invalid YAML"):
            assert "".join(problem.split()) in shown
        assert "".join("did not find expected ',' or ']'".split()) in shown


@pilot_test
async def test_problems_asked_for_before_the_store_is_read_through_say_so(store, state_file, monkeypatch):
    # `!` pressed while the first sync still runs once said "Every file in the store was
    # read.", and a moment later the sync reported the store's broken file.
    import threading

    from reader.index import Index

    from snapshot_apps.harness import record_notifications
    from waiting import wait_for

    release = threading.Event()
    real_sync = Index.sync

    def held_sync(self, *args, **kwargs):
        release.wait(60)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(Index, "sync", held_sync)
    app = build_app(store, state_file)
    shown = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.reading._syncing, what="the first sync under way")
        await pilot.press("exclamation_mark")
        await wait_for(pilot, lambda: shown, what="a note on the problems")
        assert not isinstance(app.screen, ProblemsScreen)
        assert "Every file" not in shown[-1].message and "still reading" in shown[-1].message.lower()
        release.set()
        await settle(pilot)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)  # misc/broken.yaml
