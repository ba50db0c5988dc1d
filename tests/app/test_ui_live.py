"""Live updates: files added, changed, removed or half-written while the app runs,
and the store vanishing. The app follows the store with no keypress."""

from __future__ import annotations

import math
import os
import shutil
from reader.model import Problem
from reader.archive.follow import SETTLE_SECONDS, TICK_MS, Settling

from snapshot_apps.harness import build_app, ids, pilot_test, record_notifications
from waiting import settle, wait_for

SIZE = (110, 32)


# Quiet ticks come every TICK_MS: this many of them outlast SETTLING_SECONDS.
QUIET_TICKS_PAST_SETTLING = math.ceil(SETTLE_SECONDS * 1000 / TICK_MS) + 1


async def watched_change_to(pilot, store_watch, path) -> None:
    """Wait until the watch has delivered a batch naming `path` to the app."""
    start = store_watch.count()
    await wait_for(
        pilot,
        lambda: any(str(path) in batch for batch in store_watch.batches[start:]),
        what=f"the watch to see {path.name} change",
    )


def problem_paths(app) -> set[str]:
    return {problem.path for problem in app.reading.problems}


@pilot_test
async def test_a_new_file_appears_and_a_removed_one_goes_keeping_the_selection(store, state_file, store_watch):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/library.md")
        await settle(pilot)
        await wait_for(pilot, lambda: store_watch.started, what="the store watched")
        (store / "2021" / "2021-07-20-new.txt").write_text("date 2021-07-20 HALDEN • A new story arrived today.\n")
        await wait_for(pilot, lambda: "2021/2021-07-20-new.txt" in ids(app), what="the new file listed")
        assert app.reading.article_list.highlighted.id == "2021/library.md"
        assert app.reading.pane.article.id == "2021/library.md"
        (store / "2021" / "bridge.yaml").unlink()
        await wait_for(pilot, lambda: "2021/bridge.yaml" not in ids(app), what="the deleted file gone from the list")
        assert app.reading.article_list.highlighted.id == "2021/library.md"
        assert len(ids(app)) == 5


@pilot_test
async def test_an_edited_article_is_shown_anew(store, state_file, store_watch):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/2021-07-14-ferry.txt")
        await settle(pilot)
        await wait_for(pilot, lambda: store_watch.started, what="the store watched")
        path = store / "2021" / "2021-07-14-ferry.txt"
        path.write_text(path.read_text().replace("twice a week", "three times a week"))
        await wait_for(pilot, lambda: "three times a week" in app.reading.pane.article.body, what="the edited text in the reading pane")
        assert app.reading.article_list.highlighted.id == "2021/2021-07-14-ferry.txt"


@pilot_test
async def test_a_file_being_written_is_not_reported_broken(store, state_file, store_watch):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: store_watch.started, what="the store watched")
        path = store / "misc" / "slow.yaml"
        whole = (
            "title: A slowly written story\n"
            "date: 2021-07-21\n"
            "body: |\n"
            "  The first line.\n"
            "  The second line.\n"
        )
        head = 'title: "A slowly written'  # an open quote: not valid YAML yet
        with path.open("w") as handle:
            handle.write(head)
            handle.flush()
            for _ in range(4):  # keeps growing while the app reads it, batch after batch
                handle.write(" ")
                handle.flush()
                await watched_change_to(pilot, store_watch, path)
                assert "misc/slow.yaml" not in problem_paths(app)
        path.write_text(whole)
        await wait_for(pilot, lambda: "misc/slow.yaml" in ids(app), what="the slowly written file listed")
        # Still not reported once the watch has ticked on past its settling time.
        ticks = store_watch.count()
        await wait_for(pilot, lambda: store_watch.count() > ticks + QUIET_TICKS_PAST_SETTLING, what="the watch ticking on")
        assert "misc/slow.yaml" not in problem_paths(app)


@pilot_test
async def test_a_broken_file_that_stays_broken_is_reported(store, state_file, store_watch):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: store_watch.started, what="the store watched")
        (store / "misc" / "bad.yaml").write_text('title: "never closed\n')
        await wait_for(pilot, lambda: "misc/bad.yaml" in problem_paths(app), what="the bad file among the problems")
        assert "2 files could not be read" in app.query_one("#problems-link").render().plain


@pilot_test
async def test_the_store_vanishing_is_a_notice_and_the_article_stays(store, state_file, store_watch):
    app = build_app(store, state_file)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: store_watch.started, what="the store watched")
        shown = app.reading.pane.article
        shutil.rmtree(store)
        await wait_for(pilot, lambda: any("is gone" in note.message for note in notes), what="a note that the folder is gone")
        assert app.reading.pane.article is shown
        await pilot.press("j", "k")  # still usable
        assert app.reading.pane.article is not None
        store.mkdir()
        (store / "2021-08-01-back.txt").write_text("date 2021-08-01 HALDEN • The store came back.\n")
        await wait_for(pilot, lambda: "2021-08-01-back.txt" in ids(app), what="the article in the folder put back listed")


def test_settling_holds_a_changing_file_and_releases_a_still_one(tmp_path):
    now = [0.0]
    path = tmp_path / "x.yaml"
    path.write_text("a")
    settling = Settling(tmp_path, delay=1.0, clock=lambda: now[0])
    problem = Problem("x.yaml", "bad YAML")
    settling.hold([problem, Problem("other.yaml", "not changed now")], ["x.yaml"])
    assert settling.hides(problem) and not settling.hides(Problem("other.yaml", "x"))
    now[0] = 0.5
    assert settling.due() == ([], [])
    path.write_text("ab")
    os.utime(path, ns=(1, 1))
    now[0] = 1.5
    assert settling.due() == (["x.yaml"], [])
    settling.hold([problem], ["x.yaml"])
    now[0] = 3.0
    assert settling.due() == ([], ["x.yaml"])
    assert not settling.hides(problem)
