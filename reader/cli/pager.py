"""Long output through the user's pager, as git and man do: `$PAGER`, else `less`."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys


def print_paged(text: str, *, allow_pager: bool = True) -> None:
    """Print `text`, through the pager when both ends are a terminal and it is
    longer than the window. A pager that is missing or fails to start prints plainly."""
    if allow_pager and _interactive() and text.count("\n") > shutil.get_terminal_size().lines:
        command = shlex.split(os.environ.get("PAGER") or "less")
        if command and command != ["cat"]:
            environment = dict(os.environ)
            environment.setdefault("LESS", "FRX")  # keep colours, leave the screen as it was
            sys.stdout.flush()
            try:
                subprocess.run(command, input=text.encode("utf-8", "replace"), env=environment, check=False)
                return
            except BrokenPipeError:
                return  # the reader quit the pager before reading it all
            except OSError:
                pass
    sys.stdout.write(text)


def _interactive() -> bool:
    try:
        return sys.stdout.isatty() and os.isatty(0)
    except (OSError, ValueError):
        return False
