"""Analysis in worker processes, for phase 2 of a sync on a machine with several cores.

Each worker is `python -P -m reader.index.worker`, fed over its stdin and answering
on its stdout with length-prefixed pickles: first the gazetteer, then lists of
(rowid, Article), each answered by a list of (rowid, analysis or error text), an
analysis travelling as plain tuples (`to_plain`, `from_plain`).
Plain subprocesses rather than multiprocessing, which would run the parent's
main script again in every worker.

`WorkerPool` is used from one thread (the syncing one); a small thread per worker
does the blocking I/O. `close()` kills the workers at once, so cancelling never
waits for an article being analysed.
"""

from __future__ import annotations

import itertools
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from operator import attrgetter
from typing import IO, Any, TypeVar

from reader.model import Actor, Analysis, Article, Mention, Quote

_LENGTH = struct.Struct("<Q")
T = TypeVar("T")
# Below this many articles, starting worker processes costs more than it saves.
POOL_MINIMUM = 200


def send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("worker stream closed")
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    if len(data) < length:
        raise EOFError("worker stream closed")
    return pickle.loads(data)


def _values(cls: type) -> Callable[[Any], tuple]:
    """A function giving an instance's field values in order, as its constructor takes them."""
    return attrgetter(*(f.name for f in fields(cls)))


_MENTION, _QUOTE, _ACTOR = _values(Mention), _values(Quote), _values(Actor)


def to_plain(result: Analysis | str) -> tuple | str:
    """An analysis as tuples of plain values: pickling the frozen dataclasses themselves
    (field by field, both ways) cost more CPU than storing the analysis."""
    if not isinstance(result, Analysis):
        return result
    return (
        [_MENTION(m) for m in result.mentions],
        [_QUOTE(q) for q in result.quotes],
        [_ACTOR(a) for a in result.actors],
    )


def from_plain(plain: tuple | str) -> Analysis | str:
    """The analysis (equal to the one `to_plain` was given), or the error text."""
    if isinstance(plain, str):
        return plain
    mentions, quotes, actors = plain
    return Analysis(
        mentions=tuple(Mention(*values) for values in mentions),
        quotes=tuple(Quote(*values) for values in quotes),
        actors=tuple(Actor(*values) for values in actors),
    )


def analyse_one(
    article: Article, gazetteer: Any, analyze: Callable[[Article, Any], Analysis] | None = None
) -> Analysis | str:
    """`analyze` (the analyser by default) of one article, or the error's text."""
    if analyze is None:
        from reader.analysis import analyze_article

        analyze = analyze_article
    try:
        return analyze(article, gazetteer)
    except Exception as error:  # an analyser bug costs one article its highlights, no more
        return f"{type(error).__name__}: {error}"


class WorkerPool:
    """`workers` analyser processes sharing one queue of tasks."""

    def __init__(self, workers: int, gazetteer: Any) -> None:
        payload = pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL)  # fails early if it cannot travel
        self.tasks: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.processes: list[subprocess.Popen[bytes]] = []
        self.threads: list[threading.Thread] = []
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        try:
            for _ in range(workers):
                process = subprocess.Popen(
                    # -P: not the current folder first on the path, where any `reader`
                    # package (a checkout, another project) would be run instead of ours.
                    [sys.executable, "-P", "-m", "reader.index.worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=environment,
                )
                self.processes.append(process)
                assert process.stdin is not None
                process.stdin.write(_LENGTH.pack(len(payload)) + payload)
                process.stdin.flush()
                thread = threading.Thread(target=self._serve, args=(process,), daemon=True, name="analyser-io")
                thread.start()
                self.threads.append(thread)
        except BaseException:
            self.close()
            raise

    def submit(self, key: int, articles: list[tuple[int, Article]]) -> None:
        self.tasks.put((key, articles))

    def next_result(self, timeout: float) -> tuple[int, dict[int, Analysis | str] | None] | None:
        """(key, results by rowid) of a finished task, (key, None) if its worker died,
        or None if nothing finished within `timeout`."""
        try:
            return self.results.get(timeout=timeout)
        except queue.Empty:
            return None

    @property
    def alive(self) -> bool:
        return any(thread.is_alive() for thread in self.threads)

    def _serve(self, process: subprocess.Popen[bytes]) -> None:
        while True:
            task = self.tasks.get()
            if task is None:
                return
            key, articles = task
            assert process.stdin is not None and process.stdout is not None  # both are PIPEs
            try:
                send(process.stdin, articles)
                answer = {key: from_plain(plain) for key, plain in receive(process.stdout)}
            except (OSError, EOFError, ValueError, pickle.PickleError):
                self.results.put((key, None))
                return
            self.results.put((key, answer))

    def close(self) -> None:
        for process in self.processes:
            try:
                process.kill()
            except OSError:
                pass
        for _ in self.threads:
            self.tasks.put(None)
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            for stream in (process.stdin, process.stdout):
                if stream is None:
                    continue
                try:
                    stream.close()
                except OSError:
                    pass


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def analyse_in_order(
    items: Iterable[T],
    gazetteer: Any,
    workers: int,
    *,
    article_of: Callable[[T], Article],
    cancelled: Callable[[], bool] = lambda: False,
    chunk: int = 16,
) -> Iterator[tuple[T, Analysis | str]]:
    """Each item with the analysis of its article (or the error text), in the order
    given, from `workers` processes; what the pool cannot do (it does not start, a
    worker dies) is done in this process. Reads `items` only a few chunks ahead and
    stops, unfinished, once `cancelled()` holds."""
    pending = iter(items)

    def here(batch: Iterable[T]) -> Iterator[tuple[T, Analysis | str]]:
        for item in batch:
            if cancelled():
                return
            yield item, analyse_one(article_of(item), gazetteer)

    try:
        pool = WorkerPool(workers, gazetteer)
    except Exception:
        yield from here(pending)
        return
    sent: dict[int, list[T]] = {}
    done: dict[int, list[Analysis | str]] = {}
    next_key = next_out = 0
    try:
        while not cancelled():
            while len(sent) < 2 * workers:
                batch = list(itertools.islice(pending, chunk))
                if not batch:
                    break
                sent[next_key] = batch
                pool.submit(next_key, [(index, article_of(item)) for index, item in enumerate(batch)])
                next_key += 1
            if next_out in done:
                batch = sent.pop(next_out)
                yield from zip(batch, done.pop(next_out))
                next_out += 1
                continue
            if not sent:
                return
            finished = pool.next_result(timeout=0.1)
            if finished is None:
                if not pool.alive:
                    break
                continue
            key, results = finished
            if results is None:  # its worker died: this process does the chunk
                results = dict(enumerate(analyse_one(article_of(item), gazetteer) for item in sent[key]))
            done[key] = [results[index] for index in range(len(sent[key]))]
    finally:
        pool.close()
    for key in sorted(sent):  # every worker gone: the rest here, still in order
        if key in done:
            yield from zip(sent[key], done[key])
        else:
            yield from here(sent[key])
    yield from here(pending)


def main() -> None:
    try:
        os.nice(5)  # the app that started us stays responsive while we use every core
    except (AttributeError, OSError):
        pass
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        gazetteer = receive(stdin)
        while True:
            articles = receive(stdin)
            send(stdout, [(rowid, to_plain(analyse_one(article, gazetteer))) for rowid, article in articles])
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return


if __name__ == "__main__":
    main()
