"""Polite, bounded HTTP GETs with the standard library.

- only http and https, also after a redirect (urllib alone would follow to ftp, and open
  file: and data: URLs);
- a User-Agent naming the program and its version;
- conditional GET (If-None-Match / If-Modified-Since), a 304 being an answer, not an error;
- gzip and deflate, decompressed with the same size limit as plain bodies (no zip bombs);
- a timeout on each network operation and a deadline for the whole download, checked
  between chunks, so a server that trickles bytes cannot hold a worker for long;
- at most `per_host` requests to one host at a time, whichever thread asks;
- a cancel event checked before the request and between chunks.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from typing import Iterator
from urllib.parse import urlsplit

from reader import __version__

USER_AGENT = f"newsreader/{__version__} (feed reader; Python urllib)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A download that did not give a usable answer; the message is one line for the user."""


class Cancelled(FetchError):
    def __init__(self) -> None:
        super().__init__("cancelled")


@dataclass(frozen=True)
class Limits:
    """How long and how much: every number can be made small for tests."""

    timeout: float = 15.0  # seconds for connecting and for each read
    deadline: float = 60.0  # seconds for a whole download
    max_feed_bytes: int = 10_000_000
    max_page_bytes: int = 5_000_000
    max_text_chars: int = 300_000  # extracted article text is cut here
    per_host: int = 2
    feed_workers: int = 6
    page_workers: int = 6
    max_redirects: int = 5


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200 (any 2xx) or 304
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class HostLimiter:
    """A semaphore per host, made on first use."""

    def __init__(self, per_host: int) -> None:
        self._per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Semaphore] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            semaphore = self._hosts.setdefault(host, threading.Semaphore(self._per_host))
        with semaphore:
            yield


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        self.max_redirections = limit

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"redirected to a non-http(s) URL ({urlsplit(newurl).scheme}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """GETs shared by all the threads of one run (the limiter and the opener are shared)."""

    def __init__(self, limits: Limits = Limits(), cancel: threading.Event | None = None) -> None:
        self.limits = limits
        self.cancel = cancel or threading.Event()
        self.hosts = HostLimiter(limits.per_host)
        opener = urllib.request.OpenerDirector()
        for handler in (
            urllib.request.ProxyHandler(),
            urllib.request.HTTPHandler(),
            urllib.request.HTTPSHandler(),
            _Redirects(limits.max_redirects),
            urllib.request.HTTPErrorProcessor(),
            urllib.request.HTTPDefaultErrorHandler(),
        ):
            opener.add_handler(handler)
        self._opener = opener

    def get(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url[:200]}")
        headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        with self.hosts.slot(url):
            self._check_cancel()
            started = time.monotonic()
            try:
                with self._opener.open(request, timeout=self.limits.timeout) as answer:
                    received = _header_dict(answer.headers)
                    body = self._read(answer, received, max_bytes, started)
                    return Response(answer.geturl(), answer.status, body, received)
            except urllib.error.HTTPError as error:
                with error:
                    if error.code == 304:
                        return Response(error.geturl() or url, 304, b"", _header_dict(error.headers))
                    raise FetchError(f"HTTP {error.code} {error.reason}".strip()) from None
            except FetchError:
                raise
            except urllib.error.URLError as error:
                raise FetchError(_reason(error.reason)) from None
            except http.client.HTTPException as error:
                raise FetchError(f"bad HTTP answer ({type(error).__name__})") from None
            except (OSError, ValueError, EOFError, zlib.error) as error:
                raise FetchError(_reason(error)) from None

    def _read(self, answer, headers: dict[str, str], max_bytes: int, started: float) -> bytes:
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"larger than the limit of {_size(max_bytes)} ({_size(int(declared))}); not read")
        encoding = headers.get("content-encoding", "").strip().lower()
        decoder = _decoder(encoding)
        parts: list[bytes] = []
        size = 0
        while True:
            self._check_cancel()
            if time.monotonic() - started > self.limits.deadline:
                raise FetchError(f"timed out (no complete answer within {self.limits.deadline:g} s)")
            chunk = answer.read1(_CHUNK) if hasattr(answer, "read1") else answer.read(_CHUNK)
            if not chunk:
                break
            if decoder is not None:
                # At most one byte past the limit comes out: enough to know it is too big.
                chunk = decoder.decompress(chunk, max_bytes + 1 - size)
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"larger than the limit of {_size(max_bytes)}; not read")
            parts.append(chunk)
        if decoder is not None:
            tail = decoder.flush()
            size += len(tail)
            if size > max_bytes:
                raise FetchError(f"larger than the limit of {_size(max_bytes)}; not read")
            parts.append(tail)
        return b"".join(parts)

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()


def _decoder(encoding: str):
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header, auto-detected
    raise FetchError(f"unsupported content encoding {encoding[:40]!r}")


def _header_dict(headers: Message | None) -> dict[str, str]:
    if headers is None:
        return {}
    return {name.lower(): str(value) for name, value in headers.items()}


def _reason(error: object) -> str:
    text = str(error)
    if isinstance(error, TimeoutError) or "timed out" in text:
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return text.splitlines()[0][:200] if text else type(error).__name__


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    return f"{count / 1000:.0f} kB" if count >= 1000 else f"{count} bytes"
