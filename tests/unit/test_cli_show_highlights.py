"""`newsreader show ID` on a terminal draws the app's highlights, from a real analysis
that uses the user's actors.yaml; piped, it stays plain text."""

from __future__ import annotations

import re
import sys

from reader.cli import main
from reader.cli.cmd_show import HIGHLIGHT_STYLES

BODY = 'The Gull of the Vell Board said "the tide is ours, and always was".'
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def store_with_gazetteer(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "tide.md").write_text(f"---\ntitle: Tide\ndate: 2024-01-02\n---\n{BODY}\n", encoding="utf-8")
    (store / "actors.yaml").write_text(
        "Mara Quell:\n  kind: person\n  aliases: [The Gull]\nVell Board:\n  kind: place\n", encoding="utf-8"
    )
    return store


def style_before(text: str, out: str) -> str:
    """The SGR parameters in force where `text` starts in the body."""
    body = out[out.rindex("─") :]
    codes = SGR.findall(body[: body.index(text)])
    return codes[-1] if codes else ""


def test_show_on_a_terminal_highlights_quotes_and_gazetteer_actors(tmp_path, capsys, monkeypatch):
    store = store_with_gazetteer(tmp_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", "tide.md", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    person, place = style_before("Gull", out), style_before("Vell Board", out)
    assert person and place and person != place
    assert "7" in person.split(";")  # the alias from actors.yaml is found, and drawn as the speaker
    # the rules alone call "Vell Board" an organisation; actors.yaml says it is a place
    assert HIGHLIGHT_STYLES["place"] == "underline blue" and {"4", "34"} <= set(place.split(";"))
    assert "3" in style_before('"the tide', out).split(";")  # the statement is italic
    assert "organisation" not in SGR.sub("", out)  # the legend names only the kinds drawn
    assert "place" in SGR.sub("", out)


def test_show_piped_is_plain_text(tmp_path, capsys):
    store = store_with_gazetteer(tmp_path)
    assert main(["show", "tide.md", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and BODY in out
