"""The panel lists the share of quoted words per speaker: the top three, the rest summed,
each with its percentage (the rows add up to 100)."""

from __future__ import annotations

import re

from reader.ui.widgets.article_view import ArticleView

from snapshot_apps.harness import REPORTED_STORE, build_app, pilot_test, settle


@pilot_test
async def test_the_panel_lists_each_speakers_share_of_quoted_words(tmp_path):
    app = build_app(REPORTED_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        panel = app.query_one(ArticleView).panel
        lines = [panel.render_line(y).text.rstrip(" ▁▂▃▄▅▆▇") for y in range(panel.scrollable_content_region.height)]
        heading = next(n for n, line in enumerate(lines) if "Share of quoted words" in line)
        rows = []
        for line in lines[heading + 1 : heading + 5]:
            match = re.fullmatch(r" (\S.*?)\s+([█▏▎▍▌▋▊▉]+░*)\s+(\d+)%", line.rstrip())
            assert match and len(match.group(2)) == 8, repr(line)
            rows.append((match.group(1), int(match.group(3))))
        # The top three by words (the anonymous source by its descriptor, cut to the panel), then the rest summed.
        assert [name for name, _ in rows[:2]] == ["Tomas Reiner", "Lena Holt"]
        assert rows[2][0].startswith("a senior tr") and rows[3][0] == "2 others"
        assert rows[0][1] >= rows[1][1] >= rows[2][1]
        assert sum(percent for _, percent in rows) == 100


def test_the_sourcing_counts_wrap_between_counts_to_the_narrowest_panel():
    from reader.analysis.sourcing_summary import SourcingSummary
    from reader.ui.widgets.who_said_what import SOURCING_LINE_CELLS, sourcing_line, sourcing_lines

    summary = SourcingSummary(
        direct=12, reported=7, people=4, organisations=2, anonymous=3, documents=1, unattributed=0, speakers=(), loaded=()
    )
    lines = sourcing_lines(summary)
    assert len(lines) > 1 and all(len(line) <= SOURCING_LINE_CELLS for line in lines)
    assert " · ".join(lines) == sourcing_line(summary)
    assert lines[0] == "12 direct · 7 reported"


def test_one_speaker_has_no_share_block():
    from reader.analysis.sourcing_summary import SourcingSummary, SpeakerShare
    from reader.ui.widgets.who_said_what import share_options

    alone = SourcingSummary(1, 0, 1, 0, 0, 0, 0, (SpeakerShare("Ilse Varga", "person", 1, 12, 1.0),), ())
    assert share_options(alone) == []
