"""Hostile text for the safety tests: every kind of terminal control, spoofing
character and markup, a store that carries them in every field and file name,
and the checks that output is free of them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

# Each entry: something a terminal would act on, or that hides or reorders text.
SEQUENCES = {
    "csi colour": "\x1b[31m",
    "csi clear screen": "\x1b[2J\x1b[H",
    "csi private mode": "\x1b[?1049h",
    "osc title (BEL)": "\x1b]2;pwned title\x07",
    "osc title (ST)": "\x1b]0;pwned title\x1b\\",
    "osc hyperlink": "\x1b]8;;https://evil.example/\x1b\\",
    "osc clipboard": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "dcs": "\x1bP1$qm\x1b\\",
    "sos": "\x1bXsecret\x1b\\",
    "pm": "\x1b^secret\x1b\\",
    "apc": "\x1b_secret\x1b\\",
    "8-bit csi": "\x9b31m",
    "8-bit osc": "\x9d2;pwned title\x07",
    "8-bit osc (8-bit ST)": "\x9d0;pwned title\x9c",
    "8-bit dcs": "\x90q#0;2\x9c",
    "8-bit apc": "\x9fsecret\x9c",
    "c0 controls": "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x1b"),
    "del": "\x7f",
    "c1 controls": "".join(chr(c) for c in range(0x80, 0xA0)),
    "nel": "\x85",
    "bidi overrides": "\u202a\u202b\u202c\u202d\u202e",
    "bidi isolates": "\u2066\u2067\u2068\u2069",
    "bidi marks": "\u200e\u200f\u061c",
    "zero width": "\u200b\u2060\ufeff\u180e\u2061\u2062\u2063\u2064",
    "deprecated format": "\u206a\u206b\u206c\u206d\u206e\u206f",
    "tag characters": "\U000e0001\U000e0070\U000e0077\U000e006e\U000e007f",
    "line separators": "\u2028\u2029",
    "lone esc": "\x1b",
    "csi without final byte": "\x1b[",
}

# Every sequence at once. It ends with the unterminated forms, so whatever follows
# must start with a newline (a terminal, and the sanitiser, would take the next
# character as the sequence's final byte).
HOSTILE_MIX = "".join(SEQUENCES.values())
# Raw in a file, NUL would make the file binary (reported, not read).
RAW_MIX = HOSTILE_MIX.replace("\x00", "")

MARKUP = [
    "[bold red]x[/]",
    "[link=https://evil.example]click[/link]",
    "[@click=app.quit]quit[/]",
    "[/]",
    "$variable",
    ":smile:",
]
MARKUP_TEXT = " ".join(MARKUP)

# What must never reach a terminal: C0 controls but tab and newline, DEL, C1,
# bidi controls, invisible spoofing characters, tag characters, line separators.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2028\u2029\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
)


def forbidden_in(text: str) -> list[str]:
    """Names of the forbidden characters in `text` (empty when it is safe)."""
    return sorted({f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip() for c in FORBIDDEN.findall(text)})


def assert_terminal_safe(text: str | bytes, where: str = "output") -> None:
    if isinstance(text, bytes):
        assert b"\x1b" not in text, f"ESC byte in {where}"
        text = text.decode("utf-8")
    found = forbidden_in(text)
    assert not found, f"{where} holds {found}"


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every unusual character as an escape."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F or (code > 0xA0 and code < 0xD800 and unicodedata.category(char)[0] not in "CZ"):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def hostile(word: str, mix: str = HOSTILE_MIX) -> str:
    """`word`, followed by every hostile sequence and `word` again (still visible)."""
    return f"{word}{mix}\n{word}"


# Words that must still be visible after cleaning, one per field.
TITLE = "Hostile headline"
SOURCE = "Evil Wire"
BYLINE = "Mallory Reporter"
DATELINE = "SEOUL"
URL = "https://example.org/story"
TAG = "security"
BODY_WORDS = "Kim Jong Un said"

# File names cannot hold "/", so their markup has no closing tags.
HOSTILE_FILE_NAME = "2024-01-04-evil\x1b]2;pwn\x07\u202e\x9b31m[bold]x\u200b.txt"
BROKEN_FILE_NAME = "broken\x1b[31m[link=evil.example]x\u2066.yaml"
MARKUP_FILE_NAME = "2024-01-05-[bold red]markup[@click=app.quit].txt"


def body_text(mix: str = HOSTILE_MIX) -> str:
    return (
        f"{hostile('Officials', mix)} met in the capital on Monday.\n\n"
        f"{BODY_WORDS} \u201cwe will {mix}\nnever give up\u201d, adding that talks would go on.\n\n"
        f"The meeting {hostile('ended', mix)} late in the evening."
    )


def write_hostile_store(root: Path) -> Path:
    """A store whose every field and file name carries hostile text, plus one
    file full of markup and one unreadable file; returns `root`."""
    root.mkdir(parents=True, exist_ok=True)
    fields = {
        "title": hostile(TITLE),
        "date": "2024-01-02",
        "source": hostile(SOURCE),
        "byline": hostile(BYLINE),
        "dateline": hostile(DATELINE),
        "url": hostile(URL),
        "body": body_text(),
    }
    lines = [f"{key}: {yaml_quoted(value)}" for key, value in fields.items()]
    lines.append(f"tags: [{yaml_quoted(hostile(TAG))}]")
    (root / "escaped.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The same text raw in the file, not as YAML escapes: cleaned before YAML sees it.
    raw = "\n".join(
        f"{key}: {json.dumps(value.replace(HOSTILE_MIX, RAW_MIX), ensure_ascii=False)}"
        for key, value in fields.items()
        if key != "body"
    )
    (root / "raw-front-matter.md").write_text(f"---\n{raw}\n---\n\n{body_text(RAW_MIX)}\n", encoding="utf-8")
    (root / "2024-01-03-wire.txt").write_text(
        f"date 2024-01-03 SEOUL \u2022 {body_text(RAW_MIX)}\n\nAGENCE FRANCE-PRESSE\n", encoding="utf-8"
    )
    (root / HOSTILE_FILE_NAME).write_text("An article whose file name is hostile.\n", encoding="utf-8")
    (root / MARKUP_FILE_NAME).write_text(f"{MARKUP_TEXT}\n\nBody {MARKUP_TEXT} end.\n", encoding="utf-8")
    (root / "markup.yaml").write_text(
        f"title: {yaml_quoted(MARKUP_TEXT)}\ndate: 2024-01-06\nsource: {yaml_quoted('[b]Wire[/b]')}\n"
        f"body: {yaml_quoted('Markup ' + MARKUP_TEXT + ' stays literal.')}\n",
        encoding="utf-8",
    )
    (root / BROKEN_FILE_NAME).write_text("body: !!python/object/apply:os.system ['echo PWNED']\n", encoding="utf-8")
    return root
