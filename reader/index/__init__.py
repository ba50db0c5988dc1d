"""The archive index: a SQLite (FTS5) cache of a store's articles, problems and analyses.

Derived and disposable: one database per store in `reader.paths.cache_dir()/index/`,
named from a hash of the resolved store path. Deleting it is always safe; a corrupt
or foreign database is moved aside and rebuilt, with a notice in `Index.warnings`.

    from reader.index import Index

    index = Index.open(store_root)              # fast: no scanning; see .warnings
    rows = index.summaries()                    # list[ArticleSummary], newest first
    result = index.sync(progress, cancel)       # SyncResult(added, updated, removed, problems, cancelled,
                                                #            analysed, pending)
    index.article(id)  -> Article | None        # full article, body from the index
    index.analysis(id) -> Analysis | None       # cached analysis (None if not analysed yet, or failed)
    index.pending()    -> int                   # articles still waiting for analysis
    index.problems()   -> list[Problem]
    index.search('strike actor:"Kim Jong Un" from:2019')  -> list[SearchHit]  (best first, at most limit=200)
    index.count_matches(query) -> int           # all matches, for "200 of 8,412"
    index.summaries('source:reuters')           # the same filters, newest first
    index.actors(kind=None, weeks=52)  -> list[ActorStats]
    index.quotes(actor=None, kinds=SAID_KINDS)  -> list[QuoteHit]  (date order; default: direct quotes only)
    index.outlets()    -> list[OutletStats]     # per source: quotes, anonymous and loaded-verb shares
    index.sync_paths([changed files])           # live updates from a file watcher
    index.take_notices() -> list[str]           # the database was replaced or damaged, and rebuilt
    index.clear()                               # empty it in place (reindex --full)

Processes take turns syncing (`locking.SyncLock`); a sync that cannot get its turn, or
meets another program's lock, raises `IndexBusy` (a UserError): what the index holds can
still be read. A full disk is a UserError. A damaged database is moved aside and rebuilt
by the sync that meets it; one deleted or replaced is reopened.

Threads: call `sync`/`sync_paths` from one worker thread at a time, read from any
thread (each thread gets its own SQLite connection; WAL lets readers see the last
committed batch while the writer works). `progress(done, total)` is called from
the syncing thread, throttled; `cancel` is a `threading.Event` checked per file.
`sync(analyze=fn)` replaces the analyser (tests); `gazetteer` is passed to it.

Sync runs in two phases. Phase 1 reads the files: every article is then listed,
readable and searchable, and `sync(listed=fn)` calls fn (reload the list). Phase 2
analyses the articles, in worker processes when there are many and several cores
(`workers=`): until it reaches an article, `analysis(id)` is None and the caller
may analyse it itself. `progress` counts files read plus articles analysed, or
only files if `analysis_progress` is given for phase 2. A cancelled sync leaves
analyses pending; the next sync finishes them.

Storage (schema 4): bodies zlib-compressed once, a contentless FTS5 index
(snippets are cut in Python from the stored body), analyses as compressed JSON.
About 1.9x the article text: ~86 MB for 10,000 Wikinews articles.

Search grammar: see `reader.index.query`. Bad queries raise `QueryError`, a
`reader.errors.UserError` whose message is meant for the user.
"""

from typing import TYPE_CHECKING

from reader.lazy import lazy_attributes

if TYPE_CHECKING:
    from reader.index.archive import ActorStats, Index, QuoteHit, SearchHit
    from reader.index.query import QueryError, SearchQuery, Term, parse_query
    from reader.index.sync import SyncResult

# Imported on first use: the app's first frame reads `reader.index.peek` alone.
_HOMES = {
    "ActorStats": "archive",
    "Index": "archive",
    "QuoteHit": "archive",
    "SearchHit": "archive",
    "QueryError": "query",
    "SearchQuery": "query",
    "Term": "query",
    "parse_query": "query",
    "SyncResult": "sync",
}

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

__getattr__ = lazy_attributes(__name__, _HOMES)
