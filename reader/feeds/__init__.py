"""Feeds in, full text out: RSS, Atom and JSON Feed items become YAML articles in the store.

Nothing here runs unless asked: the app imports only `settings` at start (to list the
feeds as folders) and the rest when a fetch is asked for (R, `fetch_every:`); the other
commands never import this package.
The entry points for callers (the `fetch` command, the app) are `fetch_feeds` and
`fetch_configured` in `reader.feeds.run`: no Textual, progress through a callback
(`FeedProgress`), a `threading.Event` to cancel, one `FeedResult` per feed.

Modules: `settings` (the `feeds:` config entries), `opml` (import and export), `http`
(polite, bounded downloads), `parse` (feeds to items), `html_text` (HTML to paragraphs),
`fulltext` (article text from a page), `articles` (items to YAML files), `run` (all of it,
concurrently).
"""
