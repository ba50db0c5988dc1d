"""Starting the app: the one factory the CLI and the tests share, and a clean exit.

An unexpected exception never leaves a raw traceback over the terminal: Textual
restores the screen when `run()` returns, then one line names the cause and the
crash report, and the exit code is 70 (EX_SOFTWARE).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.state import ReadingState
    from reader.ui.app import NewsreaderApp
    from reader.archive.service import Analyser

EXIT_CRASH = 70
TEXTUAL_CRASH = 1  # the return code Textual sets when a handler raised
DEFAULT_THEME = "textual-dark"


def run_app(store: str | None, theme: str | None, *, headless: bool = False) -> int:
    from reader.ui import collector

    collector.pause()
    from reader.store import resolve_store

    app = make_app(resolve_store(store), theme=theme)
    from rich.console import Console

    # After a crash Textual prints a full traceback (with locals: article text) to this
    # console; we keep it for the report file and print one line instead. It is the only
    # public trace of the exception: Textual 8 has no accessor for the exception itself.
    app.error_console = Console(file=io.StringIO(), stderr=False, record=True)
    crash: BaseException | str | None = None
    try:
        app.run(headless=headless)
    except Exception as error:  # raised before the app could handle it itself
        crash = error
    if crash is None and app.return_code == TEXTUAL_CRASH:
        crash = app.error_console.export_text().strip() or None
    if app.keeper.state.dirty:
        app.save_now()
    if app.save_error:
        print(f"newsreader: {app.save_error}", file=sys.stderr)
    if crash is not None:
        from reader.crashlog import crash_line, write_crash_report

        print(crash_line(crash, write_crash_report(crash)), file=sys.stderr)
        return EXIT_CRASH
    return app.return_code or 0


def make_app(
    store_path: Path,
    theme: str | None = None,
    state: ReadingState | None = None,
    config: Any = None,
    *,
    analyser: Analyser | None = None,
) -> NewsreaderApp:
    """The app for a store; `theme` overrides the saved one for this run only;
    `analyser` replaces the real analysis (tests), in the index too."""
    from reader.state import ReadingState
    from reader.ui.app import NewsreaderApp
    from reader.ui.persistence import StateKeeper

    warnings: list[str] = []
    if config is None:
        config, config_warnings = _load_config()
        warnings.extend(config_warnings)
    state = state if state is not None else ReadingState()
    keymap = binding_keymap(getattr(config, "keymap", None) or {})
    if keymap:
        from reader.paths import config_file
        from reader.ui.binding_ids import unknown_keymap_warnings

        warnings.extend(unknown_keymap_warnings(keymap, config_file()))
    app = NewsreaderApp(
        Path(store_path),
        keeper=StateKeeper(state),
        keymap=keymap,
        max_file_bytes=getattr(config, "max_file_bytes", None),
        outside_links=bool(getattr(config, "follow_outside_links", False)),
        saved_searches=(
            config.saved_searches_for(Path(store_path))
            if hasattr(config, "saved_searches_for")
            else getattr(config, "saved_searches", None) or {}
        ),
        sidebar_width=getattr(config, "sidebar_width", None),
        feeds=getattr(config, "feeds", None) or {},
        fetch_every=getattr(config, "fetch_every", None),
        analyser=analyser,
        warnings=warnings,
    )
    chosen, warning = choose_theme(
        set(app.available_themes), cli=theme, saved=state.theme, configured=getattr(config, "theme", None)
    )
    if warning:
        app.startup_warnings.append(warning)
    app.theme = chosen
    return app


def binding_keymap(keymap: dict[str, str]) -> dict[str, str]:
    """Config keymap ids may leave out the `newsreader.` prefix of binding ids."""
    return {(name if "." in name else f"newsreader.{name}"): keys for name, keys in keymap.items()}


def choose_theme(
    available: set[str], *, cli: str | None, saved: str | None, configured: str | None
) -> tuple[str, str | None]:
    """The theme to start with and, if a named one does not exist, a warning."""
    for source, name in (("--theme", cli), ("saved", saved), ("config", configured)):
        if not name:
            continue
        if name in available:
            return name, None
        return DEFAULT_THEME, f"Unknown theme {name!r} ({source}); using {DEFAULT_THEME}"
    return DEFAULT_THEME, None


def _load_config() -> tuple[Any, list[str]]:
    try:
        from reader.config import load_config
    except ImportError:  # written alongside; absent in early builds
        return None, []
    return load_config()
