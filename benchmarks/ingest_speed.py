"""Ingest speed: pages/s and peak memory of newsgraph's processing function on HTML and on plain
text, beside bare trafilatura on the same pages in the same run, and the ratio.

usage: python benchmarks/ingest_speed.py [--pages N]

Each measurement runs in its own process (so peak memory is its own), on one core, over pages from
../shared/data/extraction (Zyte HTML, NAEB as text). Run on demand; not a test.
"""
from __future__ import annotations

import argparse
import gzip
import lzma
import multiprocessing as mp
import resource
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"


def load(kind: str, pages: int) -> list[bytes]:
    if kind == "html":
        files = sorted((DATA / "zyte" / "html").glob("*.html.gz"))[:pages]
        return [gzip.decompress(f.read_bytes()) for f in files]
    if kind == "naeb-html":
        files = sorted((DATA / "naeb" / "html").glob("*.html.xz"))[:pages]
        return [lzma.decompress(f.read_bytes()) for f in files]
    files = sorted((DATA / "naeb-text").glob("*.txt"))[:pages]
    return [f.read_bytes() for f in files]


def measure(what: str, kind: str, pages: int, out: mp.Queue) -> None:
    payloads = load(kind, pages)
    if what == "newsgraph":
        from newsgraph.errors import Rejected
        from newsgraph.pipeline import process_record, warm_up
        from newsgraph.records import RawInput
        from newsgraph.settings import load_settings

        settings = load_settings()
        warm_up(settings)
        started = time.perf_counter()
        for i, payload in enumerate(payloads):
            try:
                process_record(RawInput(source=str(i), kind="text" if kind == "text" else "html", payload=payload), settings)
            except Rejected:
                pass
    else:
        import trafilatura

        trafilatura.extract("<html><body><p>warm up</p></body></html>")
        started = time.perf_counter()
        for payload in payloads:
            if kind == "text":
                html = "<html><body>" + "".join(f"<p>{line}</p>" for line in payload.decode("utf-8", "replace").splitlines()) + "</body></html>"
                trafilatura.extract(html)
            else:
                trafilatura.extract(payload.decode("utf-8", "replace"))
    seconds = time.perf_counter() - started
    out.put((len(payloads) / seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run(what: str, kind: str, pages: int) -> tuple[float, float]:
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=measure, args=(what, kind, pages, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    args = parser.parse_args()
    print(f"{'input':10s} {'engine':12s} {'pages/s':>8s} {'peak MiB':>9s}")
    for kind in ("html", "naeb-html", "text"):
        ours = run("newsgraph", kind, args.pages)
        bare = run("trafilatura", kind, args.pages)
        print(f"{kind:10s} {'newsgraph':12s} {ours[0]:8.1f} {ours[1]:9.0f}")
        print(f"{kind:10s} {'trafilatura':12s} {bare[0]:8.1f} {bare[1]:9.0f}")
        print(f"{kind:10s} ratio newsgraph/trafilatura pages/s: {ours[0] / bare[0]:.2f}")


if __name__ == "__main__":
    main()
