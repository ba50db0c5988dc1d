"""Fetching feeds with full text from loopback servers: newsreader against a plain baseline.

    python benchmarks/feeds.py [--feeds 50] [--items 50] [--hosts 10]

Serves FEEDS RSS feeds of ITEMS summary-only items each, spread over HOSTS loopback
addresses (127.0.0.1, 127.0.0.2, …: feeds on different hosts, as in life), every item
linking to an invented ~600-word article page with navigation and footer around it.
Each mode runs in its own process, so that its peak memory (VmHWM) is its own:

- newsreader: `fetch_feeds` into an empty store (concurrent, polite: 2 requests per host),
  full text for every item, YAML articles written;
- baseline: `feedparser.parse` on each feed fetched with `urllib`, then each page fetched
  with `urllib` and `trafilatura.bare_extraction`, one after another, nothing written.

Then the extraction step alone, on the same pages in one thread: `extract_page` (what
newsreader calls) against `trafilatura.bare_extraction` called directly.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WORDS = (
    "harbour council ferry quay tide crane market union strike vote budget school bridge river "
    "winter harvest festival museum library station road mayor chair committee report plan "
    "residents workers shop owners boats night shift morning week year town square park"
).split()
VERBS = "said added told announced warned explained noted agreed".split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    if rng.random() < 0.3:
        return f'"{" ".join(words).capitalize()}," {rng.choice(VERBS)} Mara Quill.'
    return " ".join(words).capitalize() + "."


def article_page(feed: int, item: int) -> bytes:
    rng = random.Random(feed * 1000 + item)
    paragraphs = "".join(f"<p>{' '.join(sentence(rng) for _ in range(4))}</p>" for _ in range(10))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {feed}-{item}</title>"
        f"<meta name='author' content='Ann Example'></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        f"<article><h1>Story {feed}-{item}</h1>{paragraphs}</article><footer>All rights reserved.</footer></body></html>"
    ).encode()


def feed_document(base: str, feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {feed}-{i}</title><link>{base}/page/{feed}/{i}</link><guid>s-{feed}-{i}</guid>"
        f"<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>Summary {i}.</description></item>"
        for i in range(items)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {feed}</title>{entries}</channel></rss>".encode()


def serve(hosts: int, items: int) -> list[ThreadingHTTPServer]:
    servers = []
    for number in range(hosts):
        address = f"127.0.0.{number + 1}"

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                parts = self.path.strip("/").split("/")
                base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
                if parts[0] == "feed":
                    body, kind = feed_document(base, int(parts[1]), items), "application/rss+xml"
                else:
                    body, kind = article_page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = ThreadingHTTPServer((address, 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def feed_urls(servers, feeds: int) -> list[str]:
    urls = []
    for feed in range(feeds):
        host, port = servers[feed % len(servers)].server_address[:2]
        urls.append(f"http://{host}:{port}/feed/{feed}")
    return urls


def peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_newsreader(urls: list[str]) -> dict:
    from reader.feeds.run import fetch_feeds
    from reader.feeds.settings import FeedEntry

    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        store.mkdir()
        entries = [FeedEntry(f"feed-{n}", url) for n, url in enumerate(urls)]
        started = time.perf_counter()
        results = fetch_feeds(entries, store, validators_path=Path(folder) / "v.json")
        wall = time.perf_counter() - started
        return {
            "wall_s": wall,
            "articles": sum(len(r.added) for r in results),
            "full_text": sum(r.full_text for r in results),
            "failed": sum(r.failed for r in results),
            "peak_mb": peak_memory_mb(),
        }


def run_baseline(urls: list[str]) -> dict:
    import urllib.request

    import feedparser
    import trafilatura

    started = time.perf_counter()
    articles = 0
    for url in urls:
        with urllib.request.urlopen(url, timeout=15) as answer:
            parsed = feedparser.parse(answer.read())
        for entry in parsed.entries:
            with urllib.request.urlopen(entry.link, timeout=15) as answer:
                html = answer.read().decode("utf-8")
            if trafilatura.bare_extraction(html, url=entry.link, with_metadata=True) is not None:
                articles += 1
    return {"wall_s": time.perf_counter() - started, "articles": articles, "peak_mb": peak_memory_mb()}


def run_extraction(pages: int) -> dict:
    import trafilatura

    from reader.feeds.fulltext import extract_page

    htmls = [article_page(n // 50, n % 50) for n in range(pages)]
    started = time.perf_counter()
    for html in htmls:
        extract_page(html, None, max_chars=300_000)
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for html in htmls:
        trafilatura.bare_extraction(html.decode("utf-8"), with_metadata=True)
    direct = time.perf_counter() - started
    return {"extract_page_s": ours, "trafilatura_s": direct, "ratio": ours / direct}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--mode", choices=("newsreader", "baseline", "extraction"), help=argparse.SUPPRESS)
    parser.add_argument("--urls", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "extraction":
        print(json.dumps(run_extraction(min(500, args.feeds * args.items))))
        return 0
    if args.mode:
        urls = json.loads(args.urls)
        print(json.dumps(run_newsreader(urls) if args.mode == "newsreader" else run_baseline(urls)))
        return 0

    servers = serve(args.hosts, args.items)
    urls = feed_urls(servers, args.feeds)
    print(f"{args.feeds} feeds x {args.items} items, full text for every item, {args.hosts} loopback hosts")
    for mode in ("newsreader", "baseline", "extraction"):
        out = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--urls", json.dumps(urls), "--feeds", str(args.feeds), "--items", str(args.items)],
            capture_output=True, text=True, check=True,
        ).stdout
        figures = json.loads(out)
        print(f"{mode:11s} " + "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()))
    for server in servers:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
