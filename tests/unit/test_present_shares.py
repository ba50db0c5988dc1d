"""The share of quoted words per speaker, as the panel lists it (Textual-free)."""

from __future__ import annotations

import pytest

from reader.analysis.sourcing_summary import SpeakerShare
from reader.present.shares import ShareRow, bar, share_rows, whole_percents


def speakers(*words: int, kind: str = "person") -> list[SpeakerShare]:
    total = sum(words)
    return [SpeakerShare(f"Speaker {n}", kind, 1, w, w / total) for n, w in enumerate(words, 1)]


def test_the_top_three_each_get_a_row_and_the_rest_are_summed():
    rows = share_rows(speakers(50, 20, 15, 10, 5))
    assert [r.label for r in rows] == ["Speaker 1", "Speaker 2", "Speaker 3", "2 others"]
    assert [r.percent for r in rows] == [50, 20, 15, 15]
    assert rows[-1] == ShareRow("2 others", 15, 2)


def test_a_single_speaker_left_over_keeps_their_name():
    rows = share_rows(speakers(40, 30, 20, 10))
    assert [r.label for r in rows] == ["Speaker 1", "Speaker 2", "Speaker 3", "Speaker 4"]


def test_one_speaker_or_none_has_nothing_to_compare():
    assert share_rows(speakers(30)) == []
    assert share_rows([]) == []


def test_the_kind_rides_on_the_row():
    rows = share_rows(speakers(3, 1, kind="anonymous"))
    assert {r.kind for r in rows} == {"anonymous"}


@pytest.mark.parametrize("amounts", [[1, 1, 1], [2, 1], [7, 7, 7, 7, 7, 7], [999, 1], [33, 33, 34], [5]])
def test_whole_percents_add_up_to_a_hundred(amounts):
    percents = whole_percents(amounts)
    assert sum(percents) == 100
    exact = [100 * a / sum(amounts) for a in amounts]
    assert all(abs(p - e) < 1 for p, e in zip(percents, exact))


def test_whole_percents_of_nothing():
    assert whole_percents([0, 0]) == [0, 0]


def test_a_third_each_goes_to_the_earlier_rows_on_a_tie():
    assert whole_percents([1, 1, 1]) == [34, 33, 33]


@pytest.mark.parametrize(
    ("percent", "drawn"),
    [(0, ""), (1, "▏"), (19, "█▌"), (26, "██▏"), (50, "████"), (94, "███████▌"), (100, "████████")],
)
def test_a_bar_is_drawn_in_eighths_of_a_cell(percent, drawn):
    assert bar(percent, 8) == (drawn, "░" * (8 - len(drawn)))
