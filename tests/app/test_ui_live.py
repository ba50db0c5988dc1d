"""Live updates: files added, changed, removed or half-written while the app runs,
and the store vanishing. The app follows the store with no keypress."""

from __future__ import annotations

import os
import shutil
from reader.model import Problem
from reader.archive.follow import Settling

from snapshot_apps.harness import build_app, ids, pilot_test, record_notifications, settle, wait_until as harness_wait_until

SIZE = (110, 32)


async def wait_until(pilot, condition, seconds: float = 6.0) -> bool:
    return await harness_wait_until(pilot, condition, seconds)


def problem_paths(app) -> set[str]:
    return {problem.path for problem in app.reading.problems}


@pilot_test
async def test_a_new_file_appears_and_a_removed_one_goes_keeping_the_selection(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/library.md")
        await settle(pilot)
        await pilot.pause(0.3)  # let the watch start
        (store / "2021" / "2021-07-20-new.txt").write_text("date 2021-07-20 HALDEN • A new story arrived today.\n")
        assert await wait_until(pilot, lambda: "2021/2021-07-20-new.txt" in ids(app))
        assert app.reading.article_list.highlighted.id == "2021/library.md"
        assert app.reading.pane.article.id == "2021/library.md"
        (store / "2021" / "bridge.yaml").unlink()
        assert await wait_until(pilot, lambda: "2021/bridge.yaml" not in ids(app))
        assert app.reading.article_list.highlighted.id == "2021/library.md"
        assert len(ids(app)) == 5


@pilot_test
async def test_an_edited_article_is_shown_anew(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/2021-07-14-ferry.txt")
        await settle(pilot)
        await pilot.pause(0.3)
        path = store / "2021" / "2021-07-14-ferry.txt"
        path.write_text(path.read_text().replace("twice a week", "three times a week"))
        assert await wait_until(pilot, lambda: "three times a week" in app.reading.pane.article.body)
        assert app.reading.article_list.highlighted.id == "2021/2021-07-14-ferry.txt"


@pilot_test
async def test_a_file_being_written_is_not_reported_broken(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
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
            for _ in range(8):  # keeps growing for ~2.4 s, past the watch's debounce
                await pilot.pause(0.3)
                handle.write(" ")
                handle.flush()
                assert "misc/slow.yaml" not in problem_paths(app)
        path.write_text(whole)
        assert await wait_until(pilot, lambda: "misc/slow.yaml" in ids(app))
        await pilot.pause(1.5)
        assert "misc/slow.yaml" not in problem_paths(app)


@pilot_test
async def test_a_broken_file_that_stays_broken_is_reported(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        (store / "misc" / "bad.yaml").write_text('title: "never closed\n')
        assert await wait_until(pilot, lambda: "misc/bad.yaml" in problem_paths(app))
        assert "2 files could not be read" in app.query_one("#problems-link").render().plain


@pilot_test
async def test_the_store_vanishing_is_a_notice_and_the_article_stays(store, state_file):
    app = build_app(store, state_file)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        shown = app.reading.pane.article
        shutil.rmtree(store)
        assert await wait_until(pilot, lambda: any("is gone" in note.message for note in notes))
        assert app.reading.pane.article is shown
        await pilot.press("j", "k")  # still usable
        assert app.reading.pane.article is not None
        store.mkdir()
        (store / "2021-08-01-back.txt").write_text("date 2021-08-01 HALDEN • The store came back.\n")
        assert await wait_until(pilot, lambda: "2021-08-01-back.txt" in ids(app))


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
