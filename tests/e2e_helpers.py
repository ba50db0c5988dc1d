"""Drive the installed `newsreader` in a real terminal: a private tmux server per test.

Every call is a short `tmux -L <socket>` command; screens are read with
`capture-pane` until a condition holds (`waiting.wait_until`), so the tests hold
up on a loaded 2-core machine without fixed sleeps.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Callable

from waiting import DEADLINE_SECONDS, wait_until

NEWSREADER = Path(sys.executable).parent / "newsreader"
LOOK_AGAIN = 0.05  # each look at the screen is a tmux process


def missing_tools() -> str | None:
    if not NEWSREADER.exists():
        return f"the installed newsreader command is missing ({NEWSREADER})"
    if shutil.which("tmux") is None:
        return "tmux is not installed"
    return None


class Terminal:
    """One tmux session (width × height) on a private server; the pane stays after its process exits."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.socket = f"nr-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.session = "e2e"
        self.width, self.height = width, height
        self.started = False

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True, timeout=30
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def open(self) -> None:
        """The session, with an idle placeholder process until `run` replaces it."""
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(self.width), "-y", str(self.height),
            f"exec {shlex.quote(sys.executable)} -c 'import time; time.sleep(10**6)'",
        )  # fmt: skip
        self.started = True
        self.socket_path = self.show("#{socket_path}")
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        self.tmux("set-option", "-w", "-t", self.session, "remain-on-exit", "on")
        self.tmux("set-option", "-g", "status", "off")

    def run(self, command: list[str], env: dict[str, str]) -> None:
        """Replace whatever runs in the pane by `command`, with these environment variables."""
        args = ["respawn-pane", "-k", "-t", self.session]
        for key, value in env.items():
            args += ["-e", f"{key}={value}"]
        # The shell writes the exit status to a file: tmux 3.3 can leave a dead
        # pane's process unreaped, with no status to report.
        self.status_file = Path(tempfile.mkdtemp(prefix="nr-e2e-")) / "status"
        quoted = " ".join(shlex.quote(part) for part in command)
        args.append(f"{quoted}; echo $? > {shlex.quote(str(self.status_file))}")
        self.tmux(*args)

    def pipe_output_to(self, path: Path) -> None:
        """Copy everything written to the pane from now on into `path`."""
        self.tmux("pipe-pane", "-o", "-t", self.session, f"cat >> {shlex.quote(str(path))}")

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.session)

    def show(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.session, fmt).rstrip("\n")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = DEADLINE_SECONDS) -> str:
        last = [""]

        def look() -> str | None:
            last[0] = self.screen()
            return last[0] if condition(last[0]) else None

        return wait_until(
            look, what=what, deadline=timeout, explain=lambda: f"the screen was:\n{last[0]}", look_again=LOOK_AGAIN
        )

    def wait_text(self, text: str, timeout: float = DEADLINE_SECONDS) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout)

    def dead(self) -> bool:
        return self.show("#{pane_dead}") == "1"

    def wait_exit(self, timeout: float = DEADLINE_SECONDS) -> int:
        """The exit status of the command last `run`, once it has ended."""

        def status() -> str | None:
            try:
                return self.status_file.read_text().strip() or None
            except FileNotFoundError:
                return None

        text = wait_until(
            status, what="the process to end", deadline=timeout,
            explain=lambda: f"the screen was:\n{self.screen()}", look_again=LOOK_AGAIN,
        )
        return int(text)

    def close(self) -> None:
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False
            if self.socket_path:
                Path(self.socket_path).unlink(missing_ok=True)


def isolated_env(base: Path) -> dict[str, str]:
    """Fresh config, state and cache folders; no store from the environment."""
    env = {}
    for kind in ("STATE", "CONFIG", "CACHE"):
        folder = base / kind.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"NEWSREADER_{kind}_DIR"] = str(folder)
    env["NEWSREADER_STORE"] = ""
    return env
