"""Wire-style plain text: the seed article's format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reader.store import parse_file, parse_text
from reader.store.fields import TITLE_MAX, source_name, title_from_body

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "articles" / "000_38de3d4f9c1ef403.txt"


def one(text: str, name: str = "story.txt"):
    articles, problems = parse_text(text, name)
    assert len(articles) == 1, problems
    return articles[0], problems


def test_seed_article_parses_exactly():
    articles, problems = parse_file(SEED, SEED.parent)
    assert problems == []
    [article] = articles
    assert article.id == "000_38de3d4f9c1ef403.txt"
    assert article.path == str(SEED)
    assert article.date == date(2021, 7, 12)
    assert article.dateline == "SEOUL"
    assert article.source == "Agence France-Presse"
    assert len(article.paragraphs) == 12
    assert article.body.startswith("Chinese President Xi Jinping and North Korean leader Kim Jong Un ")
    assert article.body.endswith("the harder it will be to denuclearise North Korea.\"")
    for leftover in ("date 2021", "SEOUL •", "AGENCE FRANCE-PRESSE"):
        assert leftover not in article.body
    assert article.title.startswith("Chinese President Xi Jinping and North Korean leader Kim Jong Un")
    assert len(article.title) <= TITLE_MAX
    assert article.title.endswith("…")
    # Cut at a word boundary: the words before the ellipsis are whole words of the lede.
    assert article.body.startswith(article.title[:-1] + " ")


def test_seed_matches_shared_copy_when_present():
    shared = REPO.parent / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("/work/shared is not available")
    assert shared.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize(
    ("lede", "dateline", "source"),
    [
        ("SEOUL • Talks resumed.", "SEOUL", None),
        ("SEOUL — Talks resumed.", "SEOUL", None),
        ("LONDON (Reuters) - Talks resumed.", "LONDON", "Reuters"),
        ("LONDON, July 12 (Reuters) - Talks resumed.", "LONDON", "Reuters"),
        ("WASHINGTON, D.C. — Talks resumed.", "WASHINGTON, D.C.", None),
        ("PARIS. — Talks resumed.", "PARIS", None),
        ("SÃO PAULO – Talks resumed.", "SÃO PAULO", None),
        ("Talks resumed - and then stalled.", None, None),
        ("Seoul — Talks resumed.", None, None),
    ],
)
def test_datelines(lede, dateline, source):
    article, _ = one(lede + "\n\nA second paragraph.\n")
    assert article.dateline == dateline
    assert article.source == source
    assert article.body.startswith("Talks resumed" if dateline else lede)


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("AGENCE FRANCE-PRESSE", "Agence France-Presse"),
        ("REUTERS", "Reuters"),
        ("AP", "AP"),
        ("AFP", "AFP"),
        ("BBC", "BBC"),
        ("ASSOCIATED PRESS OF PAKISTAN", "Associated Press of Pakistan"),
        ("— REUTERS", "Reuters"),
    ],
)
def test_agency_line_becomes_source(line, source):
    article, _ = one(f"PARIS — Markets rose.\n\nTraders cheered.\n\n{line}\n")
    assert article.source == source
    assert line not in article.body
    assert article.body.endswith("Traders cheered.")


def test_sentence_in_capitals_with_punctuation_is_not_an_agency():
    article, _ = one("Markets rose.\n\nTHE END IS NEAR, HE SAID.\n")
    assert article.source is None
    assert article.body.endswith("HE SAID.")


def test_date_header_on_its_own_line_and_undated_file():
    article, _ = one("date 2020-02-16\nKELDBY • Rain fell.\n")
    assert article.date == date(2020, 2, 16)
    assert article.dateline == "KELDBY"
    undated, problems = one("Rain fell on Keldby.\n", "notes/rain.txt")
    assert undated.date is None and problems == []


def test_date_from_file_name_is_the_fallback():
    article, _ = one("Rain fell.\n", "2021-07-12-rain.txt")
    assert article.date == date(2021, 7, 12)
    header_wins, _ = one("date 2020-01-01 Rain fell.\n", "2021-07-12-rain.txt")
    assert header_wins.date == date(2020, 1, 1)
    impossible_name, _ = one("Rain fell.\n", "2021-02-30-rain.txt")
    assert impossible_name.date is None


def test_impossible_header_date_is_a_warning_and_the_article_loads():
    article, problems = one("date 2021-02-30 Rain fell.\n")
    assert article.date is None
    assert [(p.line, p.fatal) for p in problems] == [(1, False)]
    assert "2021-02-30" in problems[0].reason


def test_hard_wrapped_paragraphs_are_joined_and_crlf_normalised():
    article, _ = one("First line\r\nof the lede.\r\n\r\n\r\nSecond\r\nparagraph.\r\n")
    assert article.body == "First line of the lede.\n\nSecond paragraph."


def test_control_sequences_are_removed_from_body_and_title():
    article, _ = one("Evil \x1b]0;pwned\x07title\x1b[31m here.\u202e\n\nMore \x9b2J text.\n")
    assert "\x1b" not in article.body and "\x9b" not in article.body and "\u202e" not in article.body
    assert "\x1b" not in article.title
    assert article.title == "Evil title here"


def test_title_from_first_sentence_skips_abbreviations():
    body = "Mr. Kim met Dr. Park in the U.S. capital on Monday. Then he left."
    assert title_from_body(body) == "Mr. Kim met Dr. Park in the U.S. capital on Monday"


def test_title_that_is_a_quote_keeps_its_closing_mark():
    assert title_from_body('"The ferry will run again." Crews began on Monday.') == '"The ferry will run again"'
    assert title_from_body("“The ferry will run again.” Crews began on Monday.") == "“The ferry will run again”"
    assert title_from_body('He told them: "Wait here." Nobody did.') == 'He told them: "Wait here"'


def test_title_does_not_end_inside_an_open_quote():
    body = '"The pier is shut. We will mend it," the harbour master said. Work starts soon.'
    assert title_from_body(body) == '"The pier is shut. We will mend it," the harbour master said'
    body = "“Shut. Mended soon,” she said. Work starts soon."
    assert title_from_body(body) == "“Shut. Mended soon,” she said"


def test_title_from_a_quote_that_never_closes_still_ends_at_a_sentence():
    assert title_from_body('"The pier is shut. We will mend it soon and then') == '"The pier is shut'


def test_long_title_is_cut_at_a_word_boundary():
    body = "word " * 60 + "end."
    title = title_from_body(body)
    assert len(title) <= TITLE_MAX
    assert title.endswith("word…")


def test_source_name_keeps_acronyms():
    assert source_name("AGENCE FRANCE-PRESSE") == "Agence France-Presse"
    assert source_name("BBC NEWS") == "BBC News"
    assert source_name("KYODO") == "Kyodo"


def test_text_without_any_words_is_a_problem():
    articles, problems = parse_text("date 2021-07-12\n\n", "x.txt")
    assert articles == []
    assert problems and problems[0].fatal


def test_wire_end_marks_are_not_agencies():
    article, _ = one("Markets rose.\n\nTraders cheered.\n\nENDS\n")
    assert article.source is None


def test_store_imports_neither_textual_nor_rich():
    import subprocess
    import sys

    code = "import sys, reader.store; print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_lines_without_blank_lines_between_are_paragraphs_when_long():
    lede = "Rain fell on the valley for a third day on Monday, and the river rose past the old mill and into the square."
    text = f"{lede}\nThe mayor said the bridge would stay shut until the water fell, and asked people to stay home.\n"
    article, _ = one(text)
    assert article.paragraphs == [lede, "The mayor said the bridge would stay shut until the water fell, and asked people to stay home."]


def test_short_lines_that_each_end_a_sentence_are_paragraphs_after_a_headline():
    article, _ = one("Valley floods again\nRain fell for a third day.\nThe river rose.\n")
    assert article.paragraphs == ["Valley floods again", "Rain fell for a third day.", "The river rose."]


def test_a_hard_wrap_without_blank_lines_is_still_one_paragraph():
    article, _ = one("Rain fell for a third day and\nthe river rose past the mill.\nIt was the worst in years.\n")
    assert article.paragraphs == ["Rain fell for a third day and the river rose past the mill. It was the worst in years."]


def test_a_headline_repeated_as_the_first_paragraph_is_kept_once():
    article, _ = one("Valley floods again\n\nValley floods again\n\nRain fell for a third day.\n")
    assert article.paragraphs == ["Valley floods again", "Rain fell for a third day."]
    assert article.title == "Valley floods again"
    line_per_paragraph, _ = one("Valley floods again\nValley floods again.\nRain fell for a third day.\n")
    assert line_per_paragraph.paragraphs == ["Valley floods again", "Rain fell for a third day."]


def test_two_different_opening_paragraphs_are_both_kept():
    article, _ = one("Valley floods again\n\nValley floods again as rain falls.\n\nMore.\n")
    assert len(article.paragraphs) == 3
