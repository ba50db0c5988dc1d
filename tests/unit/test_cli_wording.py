"""Small things the command line says: kinds as typed on screen, counts in the
singular, dates worded as the app words them, snippets cut between words."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.index.sync as index_sync
from reader.cli import main
from reader.index.query import Term
from reader.index.snippets import ELLIPSIS, OPENING_NEEDED, lede, snippet
from tests.unit.test_index import article, stub_analyze, write


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(index_sync, "default_analyze", stub_analyze)
    root = tmp_path / "store"
    write(root, "2021/summit.md", article(
        "2021-07-12", "Summit in Seoul",
        'Kim Jong Un met Moon Jae-in in Seoul. "We will talk again," said Mr Kim.',
        source="Agence France-Presse",
    ))
    return root


def test_actors_kind_accepts_org_as_the_app_shows_it(store: Path, capsys):
    assert main(["--store", str(store), "actors", "--kind", "org"]) == 0
    assert main(["--store", str(store), "actors", "--kind", "Organisation"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--store", str(store), "actors", "--kind", "planet"])
    assert "invalid choice: 'planet'" in capsys.readouterr().err


def test_analyze_counts_in_the_singular_and_plural(tmp_path: Path, capsys):
    path = tmp_path / "one.txt"
    path.write_text(
        "Talks\n\nThe mayor, Anna Berg, spoke. \"We are ready,\" said Anna Berg. "
        "Anna Berg left Oslo.\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(1 mentions" not in out and "1 quotes)" not in out
    assert "mention" in out


def test_show_words_the_date_as_the_reading_pane_does(store: Path, capsys):
    assert main(["show", "2021/summit.md", "--store", str(store)]) == 0
    header = capsys.readouterr().out.splitlines()[1]
    assert header.startswith("Mon 12 Jul 2021")


def test_a_snippet_ends_between_words_with_an_ellipsis():
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima ".split()
    body = " ".join(words[n % len(words)] + str(n) for n in range(200))
    text, spans = snippet(body, (Term("delta3"),))
    assert text.endswith(ELLIPSIS)
    last_word = text[: -len(ELLIPSIS)].split()[-1]
    assert last_word in body.split()  # whole, not cut in the middle
    assert [text[s:e] for s, e in spans] == ["delta3"]


def test_a_snippet_near_the_end_of_the_opening_read_is_not_taken_for_the_end_of_the_text():
    filler = "word " * ((OPENING_NEEDED - 300) // 5)
    body = filler + "Pyongyang's statement came late. " + "more text follows here " * 200
    opening = body[:OPENING_NEEDED]
    text, _ = snippet(opening, (Term("pyongyang"),), whole=lambda: body)
    assert "Pyongyang's statement" in text
    assert text.endswith(ELLIPSIS)
    assert text[: -len(ELLIPSIS)].split()[-1] in body.split()


def test_a_snippet_starts_on_a_whole_word():
    # The window opens 40 characters before the match: here, on the "s" of "Trump's".
    before = "s handling of issues with the North and "
    assert len(before) == 40
    body = ("filler " * 30) + "Trump'" + before + "Korea was questioned. " + "more " * 50
    text, _ = snippet(body, (Term("korea"),))
    assert text.startswith(ELLIPSIS)
    assert text[len(ELLIPSIS):].split()[0] in body.split()


def test_a_lede_is_cut_between_words_with_an_ellipsis():
    text = "Several conservative groups claiming the election was stolen gathered on Saturday in the capital " * 4
    line = lede(text, 120)
    assert len(line) <= 120 and line.endswith(ELLIPSIS)
    assert line[: -len(ELLIPSIS)].split()[-1] in text.split()
    assert lede("A short brief.\n\nTwo lines.", 120) == "A short brief. Two lines."
    # Only the first characters were read: the text may go on, and the lede says so.
    assert lede("word " * 10, 120, read=50).endswith(ELLIPSIS)


@pytest.mark.parametrize("columns", ["80", "60"])
def test_search_help_never_breaks_a_filter_at_its_hyphens(capsys, monkeypatch, columns):
    # argparse wrapped `from:YYYY-MM-DD` after `from:YYYY-MM-`, leaving `DD` on the next line.
    monkeypatch.setenv("COLUMNS", columns)
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    shown = capsys.readouterr().out
    for filter_ in ('actor:"Kim Jong Un"', 'said:"Kim Jong Un"', "verb:claimed", "anon:yes", "source:NAME",
                    "from:YYYY-MM-DD", "to:YYYY-MM-DD"):
        assert filter_ in shown
