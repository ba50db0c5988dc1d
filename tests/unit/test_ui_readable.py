"""reader.ui.readable: the WCAG contrast ratio and the faint colour kept readable."""

from __future__ import annotations

import pytest
from textual.color import Color

from reader.ui.readable import contrast_ratio, readable, shown_color

WHITE, BLACK = Color(255, 255, 255), Color(0, 0, 0)


@pytest.mark.parametrize(
    ("one", "other", "ratio"),
    [
        (BLACK, WHITE, 21.0),
        (WHITE, WHITE, 1.0),
        (Color(0x77, 0x77, 0x77), WHITE, 4.48),  # the grey known to just miss AA
        (Color(0x76, 0x76, 0x76), WHITE, 4.54),
        (Color(0xFF, 0x00, 0x00), WHITE, 4.0),
    ],
)
def test_the_contrast_ratio_is_wcags(one: Color, other: Color, ratio: float) -> None:
    assert contrast_ratio(one, other) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(other, one) == contrast_ratio(one, other)


def test_a_colour_with_alpha_is_shown_blended_into_the_background() -> None:
    half = shown_color(Color(255, 255, 255, 0.5), BLACK)
    assert all(abs(channel - 127.5) <= 1 for channel in (half.r, half.g, half.b)) and half.a == 1
    assert contrast_ratio(shown_color(WHITE, BLACK, dim=True), BLACK) < 21


def test_a_faint_colour_too_faint_is_moved_towards_the_text_just_far_enough() -> None:
    faint, text = Color(0x99, 0x99, 0x99), Color(0x22, 0x22, 0x22)
    kept = readable(faint, text, [WHITE])
    assert contrast_ratio(kept, WHITE) >= 4.5
    assert contrast_ratio(kept, WHITE) < contrast_ratio(text, WHITE)
    already = Color(0x55, 0x55, 0x55)
    assert readable(already, text, [WHITE]) == already
