"""Feeds in, full text out: RSS, Atom and JSON Feed items become YAML articles in the store.

Nothing here runs unless asked: the app and the other commands never import this package.
The entry point for callers (the `fetch` command, the app) is `fetch_feeds` in
`reader.feeds.run`; it needs no Textual and reports progress through a callback.

Modules: `settings` (the `feeds:` config entries), `opml` (import and export), `http`
(polite, bounded downloads), `parse` (feeds to items), `html_text` (HTML to paragraphs),
`fulltext` (article text from a page), `articles` (items to YAML files), `run` (all of it,
concurrently).
"""
