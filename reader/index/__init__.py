"""The archive index: a SQLite (FTS5) cache of a store's articles, problems and analyses.

Derived and disposable: one database per store in `reader.paths.cache_dir()/index/`,
named from a hash of the resolved store path. Deleting it is always safe; a corrupt
or foreign database is moved aside and rebuilt, with a notice in `Index.warnings`.

    from reader.index import Index

    index = Index.open(store_root)              # fast: no scanning; see .warnings
    rows = index.summaries()                    # list[ArticleSummary], newest first
    result = index.sync(progress, cancel)       # SyncResult(added, updated, removed, problems, cancelled)
    index.article(id)  -> Article | None        # full article, body from the index
    index.analysis(id) -> Analysis | None       # cached analysis (None if not analysed)
    index.problems()   -> list[Problem]
    index.search('strike actor:"Kim Jong Un" from:2019')  -> list[SearchHit]  (best first)
    index.summaries('source:reuters')           # the same filters, newest first
    index.actors(kind=None, weeks=52)  -> list[ActorStats]
    index.quotes(actor=None)  -> list[QuoteHit]  (date order)
    index.sync_paths([changed files])           # live updates from a file watcher

Threads: call `sync`/`sync_paths` from one worker thread at a time, read from any
thread (each thread gets its own SQLite connection; WAL lets readers see the last
committed batch while the writer works). `progress(done, total)` is called from
the syncing thread, throttled; `cancel` is a `threading.Event` checked per file.
`sync(analyze=fn)` replaces the analyser (tests); `gazetteer` is passed to it.

Search grammar: see `reader.index.query`. Bad queries raise `QueryError`, a
`reader.errors.UserError` whose message is meant for the user.
"""

from reader.index.archive import ActorStats, Index, QuoteHit, SearchHit
from reader.index.query import QueryError, SearchQuery, Term, parse_query
from reader.index.sync import SyncResult

__all__ = [
    "ActorStats",
    "Index",
    "QueryError",
    "QuoteHit",
    "SearchHit",
    "SearchQuery",
    "SyncResult",
    "Term",
    "parse_query",
]
