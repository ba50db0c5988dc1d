"""Faint text that stays readable: a colour kept at a WCAG contrast of at least 4.5 with
what is behind it, whatever the theme.

A theme gives the colours; CSS says how faint (`dim`, an alpha, `text-opacity`). Some
themes leave no room for faint at all (solarized's body text is 4.8 to 5 on its
background, several cursors are below 4.5 even at full strength), so the faint colour
is moved towards the text's own colour just far enough, and past it towards black or
white where even the text's colour is not readable.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from textual.color import BLACK, WHITE, Color
from textual.constants import DIM_FACTOR

# WCAG 2 level AA for body text.
MINIMUM_CONTRAST = 4.5
STEPS = 64


def luminance(color: Color) -> float:
    """The WCAG relative luminance of an opaque colour (0 to 1)."""

    def channel(value: int) -> float:
        value_01 = value / 255
        return value_01 / 12.92 if value_01 <= 0.03928 else ((value_01 + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shown_color(color: Color, background: Color, *, dim: bool = False) -> Color:
    """The opaque colour the terminal shows for `color` (its alpha applied) over an opaque
    `background`; `dim` as Textual's dim filter draws it, blended towards the background."""
    shown = background.blend(color.with_alpha(1.0), color.a)
    return background.blend(shown, DIM_FACTOR) if dim else shown


def readable(faint: Color, text: Color, backgrounds: Iterable[Color], minimum: float = MINIMUM_CONTRAST) -> Color:
    """`faint` (opaque) if it reaches `minimum` against every one of `backgrounds`; else the
    first colour that does on the way to `text`, then on to black or white."""
    return _readable(faint, text, tuple(backgrounds), minimum)


def terminal_colors(*colors: Color | None) -> bool:
    """Whether any of `colors` is an ANSI colour (the ansi-dark and ansi-light themes): its
    shade is the terminal's own, unknown here, so no contrast can be worked out and faint is
    left to the terminal's `dim`."""
    return any(color is not None and color.ansi is not None for color in colors)


@lru_cache(maxsize=256)
def _readable(faint: Color, text: Color, backgrounds: tuple[Color, ...], minimum: float) -> Color:
    def enough(color: Color) -> bool:
        return all(contrast_ratio(color, background) >= minimum for background in backgrounds)

    # Further from the backgrounds on the text's side: white if the text is lighter than them.
    darkest = min(luminance(background) for background in backgrounds)
    extreme = WHITE if luminance(text) > darkest else BLACK
    # A background between light and dark, on which even that extreme is too faint: the
    # background's own hue, darkened (or lightened) just enough, reads as its faint text.
    other = BLACK if extreme is WHITE else WHITE
    for start, end in ((faint, text), (text, extreme), (backgrounds[0], other)):
        for step in range(STEPS + 1):
            color = start.blend(end, step / STEPS)
            if enough(color):
                return color
    return max((WHITE, BLACK), key=lambda color: min(contrast_ratio(color, background) for background in backgrounds))
