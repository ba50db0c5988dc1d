"""End to end: the installed `newsreader` in a real terminal (tmux), driven by keys.

Skipped when the `newsreader` command is not installed next to this Python or
tmux is missing. Each test runs its own tmux server, killed in a `finally`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from e2e_helpers import LOOK_AGAIN, NEWSREADER, Terminal, isolated_env, missing_tools
from waiting import wait_until

pytestmark = pytest.mark.skipif(missing_tools() is not None, reason=missing_tools() or "")

# Newest first in the sidebar. The second paragraph of each body is never in
# the sidebar (only the title, from the first sentence, and the source are).
ARTICLES = {
    "2024-03-03-harbour.txt": (
        "date 2024-03-03 PORT ALDER — Harbour pilots agreed a new night rota on Sunday.\n\n"
        "The rota gives every pilot two quiet weekends in five, said the union.\n\nREUTERS\n"
    ),
    "2024-03-02-orchard.txt": (
        "date 2024-03-02 KESTREL VALLEY — Orchard growers reported a record crop of cider apples.\n\n"
        "Growers in the valley pressed eleven thousand tonnes of fruit this autumn.\n\nAP\n"
    ),
    "2024-03-01-lighthouse.txt": (
        "date 2024-03-01 GULL ISLAND — The old lighthouse reopened to visitors on Friday.\n\n"
        "Volunteers repainted the lantern room in the colours of nineteen twelve.\n\nAP\n"
    ),
}
FIRST_LISTED = "Harbour pilots"  # titles are cut to fit the sidebar
FIRST_BODY = "two quiet weekends in five"
SECOND_BODY = "eleven thousand tonnes of fruit"


def write_store(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir()
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def terminal():
    term = Terminal(100, 30)
    try:
        term.open()
        yield term
    finally:
        term.close()


def reading_pane(screen: str, width: int = 100) -> str:
    """The text right of the sidebar's border, its wrapped lines joined by single spaces."""
    parts = []
    for line in screen.splitlines():
        cut = line.rfind("│", 0, width // 2 + 10)
        parts.append(line[cut + 1 :] if cut >= 0 else line)
    return " ".join(" ".join(parts).split())


def test_read_an_article_quit_and_find_it_again_on_restart(terminal: Terminal, tmp_path: Path):
    store = write_store(tmp_path / "store", ARTICLES)
    env = isolated_env(tmp_path / "user")
    command = [str(NEWSREADER), "--store", str(store)]

    terminal.run(command, env)
    terminal.wait_text(FIRST_LISTED)
    terminal.wait_for(lambda s: FIRST_BODY in reading_pane(s), "the newest article in the reading pane")

    terminal.keys("j")
    terminal.keys("Enter")
    screen = terminal.wait_for(lambda s: SECOND_BODY in reading_pane(s), "the second article's body")
    assert FIRST_BODY not in reading_pane(screen)

    terminal.keys("q")
    status = terminal.wait_exit()
    after = terminal.screen()
    assert status == 0, after
    assert "Traceback" not in after and "Error" not in after, after
    assert any((tmp_path / "user" / "state").iterdir()), "no reading state was written"

    terminal.run(command, env)
    terminal.wait_text(FIRST_LISTED)  # the list is there …
    screen = terminal.wait_for(
        lambda s: SECOND_BODY in reading_pane(s), "the last article restored in the reading pane"
    )
    assert FIRST_BODY not in reading_pane(screen)  # … and the pane is on the article read last time, not the newest
    terminal.keys("q")
    assert terminal.wait_exit() == 0


TITLE_ATTACK = "\x1b]2;PWNED\x07"
RESET_ATTACK = "\x1b]0;PWNED\x1b\\"
_TITLE_SEQUENCE = re.compile(rb"\x1b\][0-9]*;[^\x07\x1b]*PWNED")


def hostile_store(folder: Path) -> Path:
    yaml_text = (
        'title: "Quiet harbour news \\e]2;PWNED\\a and more"\n'
        "date: 2024-05-02\n"
        'body: "Ferry timetables were published on Monday \\e]0;PWNED\\e\\\\ for the summer.\\n\\n'
        'The harbour master \\e]2;PWNED\\a said the first sailing leaves at six."\n'
    )
    wire = (
        f"date 2024-05-01 Gulls nested on the ferry terminal roof {TITLE_ATTACK}again this spring.\n\n"
        f"Wardens counted forty nests {RESET_ATTACK} on the roof.\n"
    ).encode()
    return write_store(folder, {"hostile.yaml": yaml_text, "2024-05-01-gulls.txt": wire})


def test_the_harness_sees_a_title_change_when_one_is_printed(terminal: Terminal, tmp_path: Path):
    """The check below can fail: raw OSC 2 written to this pane does set its title."""
    assert "PWNED" not in terminal.show("#{pane_title}")
    script = f"import sys, time; sys.stdout.write({TITLE_ATTACK!r}); sys.stdout.flush(); time.sleep(30)"
    terminal.run([__import__("sys").executable, "-c", script], {})
    wait_until(lambda: "PWNED" in terminal.show("#{pane_title}"), what="the pane title set", look_again=LOOK_AGAIN)
    assert terminal.show("#{pane_title}") == "PWNED"


def test_article_text_cannot_set_the_terminal_title(terminal: Terminal, tmp_path: Path):
    store = hostile_store(tmp_path / "store")
    env = isolated_env(tmp_path / "user")
    output = tmp_path / "pane-output.bin"
    terminal.tmux("set-option", "-g", "set-titles", "on")
    before = terminal.show("#{pane_title}")
    assert "PWNED" not in before
    terminal.pipe_output_to(output)

    terminal.run([str(NEWSREADER), "--store", str(store)], env)
    terminal.wait_text("Quiet harbour")
    terminal.wait_for(lambda s: "Ferry timetables" in reading_pane(s), "the hostile article's body")
    terminal.keys("j")  # the second hostile article: its title and body too
    terminal.wait_for(lambda s: "Wardens counted forty nests" in reading_pane(s), "the second hostile body")
    terminal.keys("k")
    terminal.wait_for(lambda s: "Ferry timetables" in reading_pane(s), "the first article again")

    assert "PWNED" not in terminal.show("#{pane_title}")
    assert "\x1b]" not in terminal.screen(escapes=True)
    terminal.keys("q")
    assert terminal.wait_exit() == 0
    assert "PWNED" not in terminal.show("#{pane_title}")
    written = output.read_bytes() if output.exists() else b""
    assert b"Quiet harbour news" in written, "pipe-pane recorded none of the app's output"
    assert not _TITLE_SEQUENCE.search(written), "an OSC title sequence from the article reached the terminal"


def test_mark_all_read_with_undo_then_find_in_the_article(terminal: Terminal, tmp_path: Path):
    store = write_store(tmp_path / "store", ARTICLES)
    env = isolated_env(tmp_path / "user")
    terminal.run([str(NEWSREADER), "--store", str(store)], env)
    terminal.wait_text("3 · 3 unread")
    terminal.wait_for(lambda s: FIRST_BODY in reading_pane(s), "the newest article in the reading pane")

    terminal.keys("A")
    screen = terminal.wait_text("3 · 0 unread")
    assert "●" not in screen  # no row is marked unread any more
    terminal.wait_text("z to undo")
    terminal.keys("z")
    terminal.wait_text("3 · 3 unread")

    terminal.keys("Enter")
    terminal.keys("C-f")
    terminal.wait_text("words in the article")
    terminal.keys("q", "u", "i", "e", "t")  # typed into the field: q does not quit
    terminal.wait_text("1 of 1")
    # The match is drawn in a style of its own: a style change right before and after the word.
    marked = re.compile(r"\x1b\[[0-9;]*mquiet\x1b\[")
    wait_until(lambda: marked.search(terminal.screen(escapes=True)), what="the match marked", look_again=LOOK_AGAIN)
    terminal.keys("Enter", "n")  # n steps round the one match: the article stays
    terminal.wait_text("1 of 1")
    assert FIRST_BODY in reading_pane(terminal.screen())  # still the first article
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "1 of 1" not in s, "the find to close")
    terminal.keys("q")
    assert terminal.wait_exit() == 0
