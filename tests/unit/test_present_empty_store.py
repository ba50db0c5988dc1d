"""The empty store's hint says what is true: with feeds configured, R fetches them."""

from reader.present.empty_store import empty_store_hint


def test_without_feeds_the_hint_says_how_to_add_the_first():
    hint = empty_store_hint("/news")
    assert "newsreader feed add URL" in hint and "press R" not in hint


def test_with_feeds_the_hint_says_r_fetches_them_and_no_longer_suggests_adding_one():
    one = empty_store_hint("/news", feeds=1)
    assert one.startswith("Your config has 1 feed: press R to fetch it into this store.")
    assert "feed add" not in one and "newsreader add FILE…" in one
    assert "has 3 feeds:" in empty_store_hint("/news", feeds=3)
