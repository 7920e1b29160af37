"""The local engine: `process_record` in worker processes, each input under a time limit.

A signal cannot interrupt lxml's C code, so a page that takes too long is stopped by killing its
worker process, which is then replaced; the input is rejected with E302 and the batch goes on.
Results come back in input order, so that a run is deterministic.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from newsgraph.errors import Errors, Rejected
from newsgraph.pipeline import process_record, warm_up
from newsgraph.records import Analysis, RawInput, Skipped
from newsgraph.settings import Settings

Result = Analysis | Rejected | Skipped
Process = Callable[[RawInput, Settings], Analysis]


def _serve(conn: Connection, settings: Settings, process: Process) -> None:
    """A worker: process each input it is sent, answer with the Analysis or the Rejected."""
    warm_up(settings)
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        raw: RawInput = task
        try:
            result: Any = process(raw, settings)
        except Rejected as rejected:
            rejected.source = rejected.source or raw.source
            result = rejected
        except RecursionError:
            result = Rejected(Errors.E304, source=raw.source, detail="the document is nested too deeply")
        except MemoryError:
            result = Rejected(Errors.E303, source=raw.source, detail="out of memory")
        except Exception as error:  # a bug or an unforeseen input: reported, never silent
            result = Rejected(Errors.E303, source=raw.source, detail=f"{type(error).__name__}: {error}"[:300])
        try:
            conn.send(result)
        except Exception as error:  # an unpicklable result
            conn.send(Rejected(Errors.E303, source=raw.source, detail=f"{type(error).__name__}: {error}"[:300]))


def time_limit(raw: RawInput, settings: Settings) -> float:
    """Seconds one input may take: `timeout_s`, plus one second per 20 kB for long reports (the
    analysis is linear in their length), up to four times `timeout_s`."""
    return settings.timeout_s + min(3 * settings.timeout_s, len(raw.payload) / 20_000)


class _Worker:
    def __init__(self, ctx: Any, settings: Settings, process: Process) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, settings, process), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, RawInput] | None = None
        self.deadline = 0.0
        self.ready = False

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """Processes inputs in `workers` processes, each under `timeout_s`.

    `process` is the processing function (a module-level function, so that it can be sent to a
    worker): `process_record` unless a caller has another.
    """

    def __init__(self, settings: Settings, process: Process = process_record) -> None:
        self.settings = settings
        self.process = process
        self.size = settings.workers or max(1, min(os.cpu_count() or 1, 8))
        self.ctx = mp.get_context("spawn")

    def run(self, items: Iterable[RawInput | Rejected | Skipped]) -> Iterator[tuple[RawInput | None, Result]]:
        """(input, result) for every item, in input order; a Rejected or Skipped item passes through.

        Workers start as inputs arrive (a single file starts one), up to `size`.
        """
        workers: list[_Worker] = []
        done: dict[int, tuple[RawInput | None, Result]] = {}
        waiting: deque[tuple[int, RawInput]] = deque()
        pending = iter(enumerate(items))
        next_out, exhausted, window = 0, False, self.size * 4
        try:
            while True:
                # read ahead while there is room in the reordering window
                busy = [w for w in workers if w.task is not None]
                while not exhausted and len(done) + len(waiting) + len(busy) < window:
                    try:
                        seq, item = next(pending)
                    except StopIteration:
                        exhausted = True
                        break
                    if isinstance(item, (Rejected, Skipped)):
                        done[seq] = (None, item)
                    else:
                        waiting.append((seq, item))
                # hand out work to idle workers; start another worker where all are taken
                for w in workers:
                    if w.ready and w.task is None and waiting:
                        seq, raw = waiting.popleft()
                        w.task = (seq, raw)
                        w.deadline = time.monotonic() + time_limit(raw, self.settings)
                        w.conn.send(raw)
                starting = [w for w in workers if not w.ready]
                if len(waiting) > len(starting) and len(workers) < self.size:
                    workers.append(_Worker(self.ctx, self.settings, self.process))
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                busy = [w for w in workers if w.task is not None]
                starting = [w for w in workers if not w.ready]
                if not busy and not waiting and exhausted and not done:
                    return
                if not busy and not starting:
                    continue
                timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else None
                ready = wait([w.conn for w in busy + starting], timeout=timeout)
                for i, w in enumerate(workers):
                    if not w.ready:
                        if w.conn in ready:
                            try:
                                w.ready = w.conn.recv() == "ready"
                            except (EOFError, OSError):
                                raise RuntimeError(f"a worker process failed to start (exit code {w.process.exitcode})") from None
                        continue
                    if w.task is None:
                        continue
                    seq, raw = w.task
                    if w.conn in ready:
                        try:
                            result = w.conn.recv()
                        except (EOFError, OSError):
                            code = w.process.exitcode
                            result = Rejected(Errors.E303, source=raw.source, detail=f"the worker died (exit code {code})")
                            w.stop(kill=True)
                            workers[i] = w = _Worker(self.ctx, self.settings, self.process)
                        done[seq] = (raw, result)
                        w.task = None
                    elif time.monotonic() >= w.deadline:
                        w.stop(kill=True)
                        done[seq] = (raw, Rejected(Errors.E302, source=raw.source, limit=round(time_limit(raw, self.settings), 1)))
                        workers[i] = _Worker(self.ctx, self.settings, self.process)
        finally:
            for w in workers:
                w.stop(kill=w.task is not None)


def run_inline(items: Iterable[RawInput | Rejected | Skipped], settings: Settings
               ) -> Iterator[tuple[RawInput | None, Result]]:
    """The same as WorkerPool.run in this process, with no time limit (for tests and engines that
    isolate work themselves)."""
    for item in items:
        if isinstance(item, (Rejected, Skipped)):
            yield None, item
            continue
        try:
            yield item, process_record(item, settings)
        except Rejected as rejected:
            rejected.source = rejected.source or item.source
            yield item, rejected
