"""A loopback HTTP server for the feed tests, serving invented feeds and pages.

`feed_server` (a pytest fixture, imported by the test modules) starts one per test in a
thread on 127.0.0.1 and an ephemeral port. `server.url(path)` gives a URL; `server.routes`
can be changed by a test; `server.hits[path]` counts requests, `server.max_active` is the
most requests handled at once; `server.requests` keeps every request's headers.
`/slow/…` answers only when the test ends (the client's timeout is what ends it).
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PARAGRAPHS = [
    "Dock workers in the invented harbour town of Tidewater returned to work on Monday after a "
    "three-week strike over night shifts, the union said in a statement read outside the gates.",
    '"We won what we came for, and we won it together," said Mara Quill, the union chair, as the '
    "first cranes started moving again over the quiet quay.",
    "The port authority said the backlog of ships waiting in the bay would be cleared by Wednesday "
    "at the latest, and that the night shifts would be shared out by a new rota.",
    "Shopkeepers on the harbour road, who had lost trade during the strike, said they were glad to "
    "hear the whistles again and hoped the agreement would hold through the winter season.",
]


def page(title: str, paragraphs: list[str], *, author: str = "Ann Example", day: str = "2026-11-30") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Tidewater Post</title>
<meta name="author" content="{author}"><meta property="article:published_time" content="{day}T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Tidewater Post. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def rss(items: str, title: str = "Tidewater Post") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{title}</title><link>http://tidewater.example/</link><description>News</description>
{items}</channel></rss>"""


RSS_ITEMS = """
<item><title>Harbour strike ends</title><link>/news/strike-ends</link><guid>tp-1</guid>
<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><author>ann@tidewater.example (Ann Example)</author>
<description>Dock workers return after three weeks.</description></item>
<item><title>Council votes on ferry fares</title><link>{base}/news/ferry</link><guid>tp-2</guid>
<pubDate>Sun, 29 Nov 2026 18:30:00 GMT</pubDate><category>council</category>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The council voted seven to two on Sunday to freeze ferry fares for a year.</p><p>"Nobody should pay more to cross the bay," said Councillor Ivo Brand.</p><script>alert(1)</script>]]></content:encoded></item>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="blog/">
<title>Bay Weather</title><id>urn:bay</id><updated>2026-11-30T00:00:00Z</updated>
<entry><title>Fog over the bay</title><id>urn:bay:1</id><link href="posts/fog"/>
<updated>2026-11-28T07:00:00Z</updated><author><name>Lee Ray</name></author>
<content type="html">&lt;p&gt;Thick fog closed the bay to small boats on Saturday morning.&lt;/p&gt;&lt;p&gt;The coastguard said visibility fell below fifty metres.&lt;/p&gt;</content></entry>
<entry><title>Storm warning</title><id>urn:bay:2</id><link href="posts/storm"/>
<summary>Winds may reach gale force tonight.</summary></entry>
</feed>"""

JSON_FEED = """{"version": "https://jsonfeed.org/version/1.1", "title": "Quay Notes",
 "home_page_url": "{base}/", "items": [
  {"id": "q1", "url": "/notes/1", "title": "New crane arrives", "date_published": "2026-11-27T12:00:00+01:00",
   "content_html": "<p>A new crane arrived at the quay on Friday.</p><p>It can lift forty tonnes.</p>",
   "authors": [{"name": "Kit Moss"}], "tags": ["port"]},
  {"id": "q2", "title": "Market day moved", "content_text": "The Saturday market moves to Sunday this week.\\n\\nStalls open at eight."}
 ]}"""

RSS_091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Caf\xe9 Gazette</title><link>http://cafe.example/</link><description>d</description>
<language>fr</language>
<item><title>Caf\xe9 du port reopens</title><link>{base}/cafe/reopens</link>
<description>The caf\xe9 on the quay opened its doors again, said the owner, Ren\xe9e Dupr\xe9, on Tuesday morning.</description></item>
</channel></rss>"""

RSS_10 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example/"><title>Old Town Notes</title><link>http://rdf.example/</link><description>d</description></channel>
<item rdf:about="http://rdf.example/1"><title>Clock tower repaired</title><link>{base}/rdf/1</link>
<dc:date>2026-11-20</dc:date><description>The clock tower chimes again after two silent years, the mayor said.</description></item>
</rdf:RDF>"""

ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>leak</title><description>&secret;</description></item></channel></rss>"""

MALFORMED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken Wire</title>
<item><title>Unclosed <b>tags & bare ampersands</title><link>{base}/broken/1</link>
<description>Still readable, said the editor.</description></item>
<item><title>Second</title><link>{base}/broken/2</link><description>More text here."""


def default_routes(base: str) -> dict[str, tuple[int, dict[str, str], bytes]]:
    """Every fixture document, with `{base}` standing for the server's own address."""
    xml = {"Content-Type": "application/rss+xml; charset=utf-8"}
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/rss.xml": (200, xml, rss(RSS_ITEMS).replace("{base}", base).encode("utf-8")),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, ATOM.replace("{base}", base).encode("utf-8")),
        "/feed.json": (200, {"Content-Type": "application/feed+json"}, JSON_FEED.replace("{base}", base).encode("utf-8")),
        "/rss091.xml": (200, {"Content-Type": "text/xml"}, RSS_091.replace("{base}", base).encode("iso-8859-1")),
        "/rss10.rdf": (200, {"Content-Type": "application/rdf+xml"}, RSS_10.replace("{base}", base).encode("utf-8")),
        "/bomb.xml": (200, xml, ENTITY_BOMB.encode("utf-8")),
        "/external.xml": (200, xml, EXTERNAL_ENTITY.encode("utf-8")),
        "/malformed.xml": (200, xml, MALFORMED.replace("{base}", base).encode("utf-8")),
        "/not-a-feed.html": (200, html, page("Just a page", PARAGRAPHS).encode("utf-8")),
        "/news/strike-ends": (200, html, page("Harbour strike ends", PARAGRAPHS).encode("utf-8")),
        "/news/ferry": (200, html, page("Council votes on ferry fares", PARAGRAPHS[:2]).encode("utf-8")),
        "/error500.xml": (500, {"Content-Type": "text/plain"}, b"oops"),
    }


GZIP_BOMB = gzip.compress(b" " * 5_000_000, compresslevel=1)  # 5 MB in about 20 kB


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # a client that stops reading at its limit is what some tests want


class FeedServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0
        self.max_active = 0
        self.release = threading.Event()
        self._lock = threading.Lock()
        self.httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.routes = default_routes(self.url(""))
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with server._lock:
                    server.hits[path] += 1
                    server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                self.counted = True
                try:
                    self._answer(path)
                finally:
                    self._leave()

            def _leave(self) -> None:
                # Called before the last byte goes out: a client that has its whole answer
                # is never still counted as active.
                if self.counted:
                    self.counted = False
                    with server._lock:
                        server.active -= 1

            def _answer(self, path: str) -> None:
                if path.startswith("/slow"):
                    server.release.wait()
                    return self._send(200, {"Content-Type": "text/xml"}, b"<rss/>")
                if path.startswith("/redirect/"):
                    return self._send(301, {"Location": path.removeprefix("/redirect")}, b"")
                if path == "/redirect-file":
                    return self._send(302, {"Location": "file:///etc/passwd"}, b"")
                if path.startswith("/etag/"):
                    status, headers, body = server.routes[path.removeprefix("/etag")]
                    if self.headers.get("If-None-Match") == '"v1"':
                        return self._send(304, {"ETag": '"v1"'}, b"")
                    return self._send(status, {**headers, "ETag": '"v1"', "Last-Modified": "Mon, 30 Nov 2026 10:00:00 GMT"}, body)
                if path.startswith("/gzip/"):
                    status, headers, body = server.routes[path.removeprefix("/gzip")]
                    assert "gzip" in self.headers.get("Accept-Encoding", "")
                    return self._send(status, {**headers, "Content-Encoding": "gzip"}, gzip.compress(body))
                if path == "/huge.xml":  # no Content-Length: only reading tells the size
                    return self._stream(b"<rss><channel>" + b"<!-- padding -->" * 200_000)
                if path == "/gzip-bomb.xml":
                    return self._send(200, {"Content-Encoding": "gzip", "Content-Type": "text/xml"}, GZIP_BOMB)
                if path not in server.routes:
                    return self._send(404, {"Content-Type": "text/plain"}, b"not found")
                self._send(*server.routes[path])

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                if not body or status >= 300:
                    self._leave()  # a client may stop at the headers of an error
                self.end_headers()
                if body:
                    self.wfile.write(body[:-1])
                    self._leave()
                    self.wfile.write(body[-1:])

            def _stream(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for start in range(0, len(body), 65536):
                        self.wfile.write(body[start : start + 65536])
                except OSError:
                    pass  # the client stopped reading at its limit
                self.close_connection = True

        return Handler

    def start(self) -> "FeedServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server():
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
