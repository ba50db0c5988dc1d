"""The safety suite, marks (issue 12, item 11): read and starred marks, scroll
positions and the last article stay with their entry of a multi-article YAML
file when an entry is inserted above it, removed or moved; article ids keep
their documented `file#N` form, and state written before fingerprints existed
keeps working."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.state import ReadingState
from reader.store import scan_store
from reader.ui.launch import make_app

from snapshot_apps.harness import pilot_test
from waiting import settle

BRIEFS = {
    "alpha": "- {title: Alpha, date: 2024-01-01, body: Alpha body.}\n",
    "bravo": "- {title: Bravo, date: 2024-01-02, body: Bravo body.}\n",
    "zulu": "- {title: Zulu, date: 2024-01-03, body: Zulu body.}\n",
}


def write_briefs(store: Path, *names: str) -> list:
    store.mkdir(parents=True, exist_ok=True)
    (store / "briefs.yaml").write_text("".join(BRIEFS[name] for name in names), encoding="utf-8")
    return scan_store(store).articles


def by_title(articles, title: str) -> str:
    return next(article.id for article in articles if article.title == title)


def test_marks_stay_with_their_entry_when_one_is_inserted_above(tmp_path):
    store = tmp_path / "store"
    before = write_briefs(store, "alpha", "bravo")
    state = ReadingState(tmp_path / "state.yaml")
    state.follow_entries(before)
    assert by_title(before, "Bravo") == "briefs.yaml#2"  # ids stay positional, as documented
    state.set_starred("briefs.yaml#2", True)
    state.set_read("briefs.yaml#2", True)
    state.set_position("briefs.yaml#2", 40.0)
    state.last_article = "briefs.yaml#2"
    state.save()

    after = write_briefs(store, "zulu", "alpha", "bravo")
    assert state.follow_entries(after, before) == 1
    bravo = by_title(after, "Bravo")
    assert bravo == "briefs.yaml#3"
    assert state.is_starred(bravo) and state.is_read(bravo) and state.position(bravo) == 40.0
    assert state.last_article == bravo
    assert not any(state.is_starred(a.id) or state.is_read(a.id) for a in after if a.id != bravo)
    state.save()
    reloaded = ReadingState(tmp_path / "state.yaml")
    assert reloaded.starred_ids == {bravo} and reloaded.read_ids == {bravo}


def test_marks_on_two_entries_that_swap_places_swap_too(tmp_path):
    store = tmp_path / "store"
    before = write_briefs(store, "alpha", "bravo")
    state = ReadingState(tmp_path / "state.yaml")
    state.set_read(by_title(before, "Alpha"), True)
    state.set_starred(by_title(before, "Bravo"), True)
    state.follow_entries(before)
    after = write_briefs(store, "bravo", "alpha")
    assert state.follow_entries(after, before) == 2
    assert state.read_ids == {by_title(after, "Alpha")} and state.starred_ids == {by_title(after, "Bravo")}


def test_state_from_before_fingerprints_is_anchored_then_followed(tmp_path):
    """A state.yaml written by an older version (ids only) keeps its marks, and they
    follow their entry from then on; the file gains an `entries` key, nothing else changes."""
    store = tmp_path / "store"
    before = write_briefs(store, "alpha", "bravo")
    path = tmp_path / "state.yaml"
    path.write_text("version: 1\nread: [briefs.yaml#1]\nstarred: [briefs.yaml#2]\n", encoding="utf-8")
    state = ReadingState(path)
    assert state.follow_entries(before) == 0  # nothing moved: anchored where the marks are
    assert state.read_ids == {"briefs.yaml#1"} and state.starred_ids == {"briefs.yaml#2"}
    state.save()
    assert "entries:" in path.read_text(encoding="utf-8")
    after = write_briefs(store, "zulu", "alpha", "bravo")
    state = ReadingState(path)
    assert state.follow_entries(after) == 2
    assert state.read_ids == {"briefs.yaml#2"} and state.starred_ids == {"briefs.yaml#3"}


def test_a_removed_or_ambiguous_entry_leaves_its_marks_alone(tmp_path):
    store = tmp_path / "store"
    before = write_briefs(store, "alpha", "bravo")
    state = ReadingState(tmp_path / "state.yaml")
    state.set_starred("briefs.yaml#2", True)
    state.follow_entries(before)
    after = write_briefs(store, "alpha")  # Bravo deleted: no entry to follow
    assert state.follow_entries(after, before) == 0 and state.starred_ids == {"briefs.yaml#2"}
    after = write_briefs(store, "bravo", "bravo")  # twice: which one is unknowable
    assert state.follow_entries(after) == 0 and state.starred_ids == {"briefs.yaml#2"}


def test_single_article_files_are_untouched(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "one.txt").write_text("One article.\n", encoding="utf-8")
    state = ReadingState(tmp_path / "state.yaml")
    state.set_starred("one.txt", True)
    assert state.follow_entries(scan_store(store).articles) == 0
    state.save()
    assert "entries" not in (tmp_path / "state.yaml").read_text(encoding="utf-8")


@pilot_test
async def test_in_the_app_a_star_follows_its_entry_across_runs(tmp_path):
    store = tmp_path / "store"
    write_briefs(store, "alpha", "bravo")
    state_path = tmp_path / "state" / "state.yaml"
    state_path.parent.mkdir()
    state_path.write_text("version: 1\nstarred: [briefs.yaml#2]\n", encoding="utf-8")  # an older version's state

    app = make_app(store, state=ReadingState(state_path), config=Config())
    app.reading.read_after = 3600.0
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.keeper.is_starred("briefs.yaml#2")
    app.keeper.save()

    write_briefs(store, "zulu", "alpha", "bravo")
    app = make_app(store, state=ReadingState(state_path), config=Config())
    app.reading.read_after = 3600.0
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        bravo = next(article.id for article in app.reading.all_articles if article.title == "Bravo")
        assert bravo == "briefs.yaml#3"
        assert app.keeper.is_starred(bravo) and not app.keeper.is_starred("briefs.yaml#2")
