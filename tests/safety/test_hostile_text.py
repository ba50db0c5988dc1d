"""The sanitiser itself: every sequence a terminal acts on, and every spoofing
character, is removed; ordinary text, including scripts that need joiners and
variation selectors, is untouched."""

from __future__ import annotations

import pytest

from reader.store import safe_name
from reader.store.fields import clean
from reader.text import NEEDS_CLEANING, clean_line, clean_text

from hostile_fixtures import FORBIDDEN, HOSTILE_MIX, SEQUENCES, forbidden_in


@pytest.mark.parametrize("name", SEQUENCES)
def test_each_sequence_is_removed_and_the_text_around_it_kept(name):
    sequence = SEQUENCES[name]
    cleaned = clean_text(f"before{sequence}\nafter")
    assert not forbidden_in(cleaned), name
    assert cleaned.startswith("before") and cleaned.endswith("\nafter")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("a\x1b]2;set the title\x07b", "ab"),
        ("a\x1b]0;set the title\x1b\\b", "ab"),
        ("a\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("a\x1bP1$qm\x1b\\b", "ab"),  # DCS to ST
        ("a\x1bXsos payload\x1b\\b", "ab"),
        ("a\x1b^pm payload\x1b\\b", "ab"),
        ("a\x1b_apc payload\x1b\\b", "ab"),
        ("a\x9b2Jb", "ab"),  # 8-bit CSI
        ("a\x9d2;title\x07b", "ab"),  # 8-bit OSC to BEL
        ("a\x9d2;title\x9cb", "ab"),  # 8-bit OSC to 8-bit ST
        ("a\x90dcs\x9cb", "ab"),
        ("a\x98sos\x9cb", "ab"),
        ("a\x9epm\x9cb", "ab"),
        ("a\x9fapc\x9cb", "ab"),
        ("a\x1b(Bb", "ab"),  # charset designation
        ("a\x1bcb", "ab"),  # full reset
        ("a\x1b#8b", "ab"),  # screen alignment test (fills the screen with E)
        ("end\x1b", "end"),  # lone ESC at the very end
        ("end\x1b[", "end"),  # CSI with no final byte
        ("end\x1b[12;", "end"),
        ("end\x1b]2;never terminated", "end"),
        ("a\u202eevil\u202cb", "aevilb"),
        ("a\u2066\u2067\u2068\u2069b", "ab"),
        ("a\u200e\u200f\u061cb", "ab"),
        ("a\u200b\u2060\ufeff\u180eb", "ab"),
        ("a\u206a\u206fb", "ab"),
        ("a\ufff9x\ufffay\ufffbb", "axyb"),
        ("a\U000e0001\U000e0068\U000e0069\U000e007fb", "ab"),  # tag characters: invisible text
        ("a\x7fb\x00c\x08d", "abcd"),
    ],
)
def test_clean_text_removes_exactly_the_control(text, expected):
    assert clean_text(text) == expected


def test_an_unterminated_string_control_stops_at_the_line_end():
    assert clean_text("a\x1b]2;title\nthe rest of the article") == "a\nthe rest of the article"


def test_line_breaks_become_newlines():
    assert clean_text("a\r\nb\rc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"
    assert clean_line("a\r\nb\x85c\u2028d") == "a b c d"


def test_lone_surrogates_are_made_visible_not_passed_on():
    cleaned = clean_text("broken \udcff byte")
    assert cleaned == "broken \ufffd byte"
    cleaned.encode("utf-8")  # printable: no UnicodeEncodeError at the terminal


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, tabs\tand newlines\nstay.",
        "नमस्ते क्षत्रिय",  # Devanagari with virama
        "می‌خواهم",  # Persian with ZWNJ
        "👩‍👩‍👧 family, ❤️ heart with VS16, 葛\U000e0100 with an IVS",
        "עברית ועربية mixed right-to-left scripts",
        "Ünïcödé “quotes” — dashes … ellipsis",
    ],
)
def test_ordinary_text_passes_unchanged(text):
    assert clean_text(text) == text
    assert NEEDS_CLEANING.search(text) is None


def test_everything_at_once():
    cleaned = clean_line(f"Headline{HOSTILE_MIX}\nstill here")
    assert not forbidden_in(cleaned)
    assert cleaned.startswith("Headline") and cleaned.endswith("still here")


def test_the_store_shortcut_agrees_with_clean_text_on_every_hostile_code_point():
    """The store skips cleaning when NEEDS_CLEANING finds nothing: that must never
    let through a character that clean_text would remove (the planes test_store_resolve
    does not walk: tags, specials, surrogates)."""
    codes = [*range(0xD800, 0xE000, 0x3F), *range(0xFFF0, 0x10000), *range(0xE0000, 0xE0080), 0xE0100]
    for code in codes:
        sample = f"a{chr(code)}b"
        assert clean(sample) == clean_text(sample), hex(code)
        if FORBIDDEN.search(sample):
            assert NEEDS_CLEANING.search(sample), hex(code)


def test_file_names_escape_every_forbidden_character_visibly():
    name = "evil\x1b]2;x\x07\u202e\U000e0041\u2069\x9b.txt"
    shown = safe_name(name)
    assert not forbidden_in(shown)
    assert shown == "evil\\x1b]2;x\\x07\\u202e\\U000e0041\\u2069\\x9b.txt"
