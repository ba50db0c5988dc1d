"""Who has how much of an article's quoted words: the rows the who-said-what panel shows.

Textual-free. The top few speakers each get a row with their share; the rest are
summed in one row ("3 others"), so the block stays a few lines high in a narrow
panel however many people an article quotes. Percentages are whole numbers that
add up to 100 (largest remainders), so a reader can add them up and trust them.

    rows = share_rows(sourcing_summary(analysis).speakers)
    [ShareRow(label="Ilse Varga", percent=61, speakers=1), ShareRow(label="2 others", percent=5, speakers=2)]
    bar(61, 8)  # ("████▉", "░░░"): the drawn part and the empty track
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.sourcing_summary import SpeakerShare

TOP_SPEAKERS = 3  # rows for single speakers; one more row sums the rest


@dataclass(frozen=True, slots=True)
class ShareRow:
    label: str  # the speaker's name or descriptor, or "N others"
    percent: int  # of the words quoted or reported with a speaker; the rows add up to 100
    speakers: int  # 1, or how many speakers the row sums
    kind: str | None = None  # the speaker's kind (person, organisation, anonymous, …); None for a sum


def share_rows(speakers: Sequence[SpeakerShare], top: int = TOP_SPEAKERS) -> list[ShareRow]:
    """Rows for `speakers` (most words first, as `sourcing_summary` orders them); none when
    fewer than two speakers have words (one speaker has all of them: nothing to compare)."""
    speaking = [s for s in speakers if s.words > 0]
    if len(speaking) < 2:
        return []
    # Summing a single speaker into "1 others" hides a name to save no line.
    shown = speaking if len(speaking) <= top + 1 else speaking[:top]
    rest = speaking[len(shown) :]
    words = [s.words for s in shown]
    if rest:
        words.append(sum(s.words for s in rest))
    percents = whole_percents(words)
    rows = [ShareRow(s.name, percent, 1, s.kind) for s, percent in zip(shown, percents)]
    if rest:
        rows.append(ShareRow(f"{len(rest)} others", percents[-1], len(rest)))
    return rows


def whole_percents(amounts: Sequence[int]) -> list[int]:
    """Whole percentages of `amounts` that add up to 100: each rounded down, then the
    points left over go to the largest remainders (earlier rows first on a tie)."""
    total = sum(amounts)
    if total <= 0:
        return [0] * len(amounts)
    exact = [100 * amount / total for amount in amounts]
    percents = [int(value) for value in exact]
    by_remainder = sorted(range(len(amounts)), key=lambda i: (-(exact[i] - percents[i]), i))
    for i in by_remainder[: 100 - sum(percents)]:
        percents[i] += 1
    return percents


# A cell's eighths, so that a bar of eight cells tells 64 steps apart (19% from 26%).
EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
TRACK = "░"


def bar(percent: int, width: int) -> tuple[str, str]:
    """A bar `width` cells long for `percent`: the drawn part (whole cells, then the eighths
    of one) and the empty track after it. Any share above nothing draws at least an eighth,
    so a small voice is not drawn as none."""
    eighths = round(max(0, min(100, percent)) * width * 8 / 100)
    if percent > 0:
        eighths = max(1, eighths)
    full, part = divmod(eighths, 8)
    drawn = FULL * full + (EIGHTHS[part] if part else "")
    return drawn, TRACK * (width - len(drawn))
