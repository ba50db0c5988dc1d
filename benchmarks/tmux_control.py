"""A tmux control-mode client: run commands in a real terminal and watch its screen.

One `tmux -C` client stays attached for the whole benchmark, so reading the
screen costs a command on an open pipe instead of starting a `tmux` process
every few milliseconds (which, on a 2-core machine, would slow the app being
measured). tmux also tells the client every time the pane receives output
(`%output`), so the screen is captured only when it may have changed, and the
time of that output is when the change reached the terminal.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Reply:
    ok: bool
    lines: list[str]


@dataclass
class _Pending:
    done: threading.Event = field(default_factory=threading.Event)
    reply: Reply | None = None


class TmuxControl:
    """A private tmux server (its own socket) with one session of a fixed size."""

    def __init__(self, width: int = 120, height: int = 34) -> None:
        self.socket = f"nrbench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.session = "bench"
        self.width, self.height = width, height
        self._lock = threading.Lock()
        self._pending: list[_Pending] = []
        self._output = threading.Condition()
        self.output_count = 0
        self.last_output = 0.0
        self._run("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), "sleep 100000")
        for option in (("remain-on-exit", "on"), ("window-size", "manual"), ("status", "off")):
            self._run("set-option", "-g", *option)
        self._run("set-option", "-w", "-t", self.session, "remain-on-exit", "on")
        self._run("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))
        self.socket_path = self._run("display-message", "-p", "#{socket_path}").strip()
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", self.session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.command("refresh-client", "-C", f"{width}x{height}")
        self.command("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    # ----------------------------------------------------------- plumbing

    def _run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def _read(self) -> None:
        stream = self._client.stdout
        assert stream is not None
        block: list[str] | None = None
        for raw in stream:
            now = time.perf_counter()
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if block is not None:
                if line.startswith(("%end ", "%error ")) and len(line.split()) == 4:
                    with self._lock:
                        pending = self._pending.pop(0) if self._pending else None
                    if pending is not None:
                        pending.reply = Reply(line.startswith("%end"), block)
                        pending.done.set()
                    block = None
                else:
                    block.append(line)
            elif line.startswith("%begin "):
                block = []
            elif line.startswith("%output "):
                with self._output:
                    self.output_count += 1
                    self.last_output = now
                    self._output.notify_all()
        with self._output:
            self._output.notify_all()

    def command(self, *args: str, timeout: float = 30.0) -> Reply:
        pending = _Pending()
        line = " ".join(shlex.quote(arg) for arg in args) + "\n"
        assert self._client.stdin is not None
        with self._lock:
            self._pending.append(pending)
            self._client.stdin.write(line.encode())
            self._client.stdin.flush()
        if not pending.done.wait(timeout):
            raise TimeoutError(f"tmux did not answer {args[0]}")
        assert pending.reply is not None
        return pending.reply

    # -------------------------------------------------------------- screen

    def screen(self) -> str:
        return "\n".join(self.command("capture-pane", "-p", "-t", self.session).lines)

    def pane(self, fmt: str) -> str:
        reply = self.command("display-message", "-p", "-t", self.session, fmt)
        return reply.lines[0] if reply.lines else ""

    def wait_output(self, seen: int, timeout: float) -> int:
        """Block until the pane has had output beyond `seen` outputs (or timeout)."""
        with self._output:
            self._output.wait_for(lambda: self.output_count > seen, timeout)
            return self.output_count

    def watch(
        self, tests: dict[str, Callable[[str], bool]], *, since: float, timeout: float, poll: float = 0.05
    ) -> dict[str, float | None]:
        """Seconds from `since` until each test first held on the screen.

        The screen is captured after each burst of output (and every `poll`
        seconds regardless); a test that holds is dated by the last output
        received before that capture, which is when the text reached the terminal.
        """
        found: dict[str, float | None] = {name: None for name in tests}
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and any(value is None for value in found.values()):
            with self._output:
                stamp = self.last_output
                count = self.output_count
            text = self.screen()
            for name, test in tests.items():
                if found[name] is None and test(text):
                    found[name] = max(stamp, since) - since if count else time.perf_counter() - since
            if all(value is not None for value in found.values()):
                break
            self.wait_output(count, min(poll, max(0.0, deadline - time.perf_counter())))
        return found

    # ------------------------------------------------------------- process

    def start(self, command: list[str], env: dict[str, str] | None = None) -> float:
        """Replace whatever runs in the pane by `command`; returns the start time."""
        args = ["respawn-pane", "-k", "-t", self.session]
        for key, value in (env or {}).items():
            args += ["-e", f"{key}={value}"]
        args.append("exec " + " ".join(shlex.quote(part) for part in command))
        self.command("clear-history", "-t", self.session)
        started = time.perf_counter()
        reply = self.command(*args)
        if not reply.ok:
            raise RuntimeError(f"tmux respawn-pane failed: {reply.lines}")
        return started

    def pid(self) -> int:
        return int(self.pane("#{pane_pid}") or 0)

    def dead(self) -> bool:
        return self.pane("#{pane_dead}") == "1"

    def send_keys(self, *keys: str) -> float:
        started = time.perf_counter()
        self.command("send-keys", "-t", self.session, *keys)
        return started

    def wait_dead(self, timeout: float) -> float | None:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if self.dead():
                return time.perf_counter() - started
            time.sleep(0.01)
        return None

    def close(self) -> None:
        try:
            if self._client.stdin:
                self._client.stdin.close()
            self._client.wait(timeout=5)
        except Exception:
            self._client.kill()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path:
            os.unlink(self.socket_path) if os.path.exists(self.socket_path) else None

    def __enter__(self) -> TmuxControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def memory_kb(pid: int) -> dict[str, int]:
    """VmHWM (peak resident) and VmRSS of a process, in kB."""
    figures: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    figures[key] = int(value.split()[0])
    except OSError:
        pass
    return figures
