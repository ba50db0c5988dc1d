"""The app's analyser: the real analysis with the user's actors.yaml (config folder,
then store root), as `newsreader show` uses it. The gazetteer is read once, on the
first article, in the analysis worker; a broken actors.yaml is reported, never fatal."""

from __future__ import annotations

from pathlib import Path
from threading import Lock
from typing import Callable

from reader.model import Analysis, Article, Problem


class GazetteerAnalyser:
    def __init__(self, store_root: Path, on_problems: Callable[[list[Problem]], None] | None = None) -> None:
        self._store_root = store_root
        self._on_problems = on_problems
        self._gazetteer = None
        self._lock = Lock()

    def _load(self):
        with self._lock:
            if self._gazetteer is None:
                from reader.analysis.gazetteer import load_gazetteer
                from reader.paths import config_dir

                self._gazetteer, problems = load_gazetteer(self._store_root, config_dir())
                if problems and self._on_problems is not None:
                    self._on_problems(problems)
            return self._gazetteer

    def __call__(self, article: Article) -> Analysis:
        from reader.analysis import analyze_article

        return analyze_article(article, self._load())
