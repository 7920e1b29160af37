"""Ingest speed: pages/s and peak memory of newsgraph's processing function on HTML and on plain
text — extraction alone, and the whole analysis — beside bare trafilatura and bare spaCy
(`nlp.pipe` over the same bodies) on the same pages in the same run, and the ratios.

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
    if what in ("newsgraph", "extraction", "spacy"):
        from newsgraph.errors import Rejected
        from newsgraph.pipeline import STAGES_EXTRACTION, process_record, warm_up
        from newsgraph.records import RawInput
        from newsgraph.settings import load_settings

        settings = load_settings()
        warm_up(settings)
        stages = STAGES_EXTRACTION if what in ("extraction", "spacy") else None
        raws = [RawInput(source=str(i), kind="text" if kind == "text" else "html", payload=p) for i, p in enumerate(payloads)]
        if what == "spacy":
            from newsgraph.nlp import load_nlp

            bodies = []
            for raw in raws:
                try:
                    bodies.append(process_record(raw, settings, stages).article.body)  # type: ignore[union-attr]
                except Rejected:
                    pass
            nlp = load_nlp(settings.nlp_model)
            started = time.perf_counter()
            for _ in nlp.pipe(bodies):
                pass
        else:
            started = time.perf_counter()
            for raw in raws:
                try:
                    process_record(raw, settings, stages)
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
    print(f"{'input':10s} {'engine':24s} {'pages/s':>8s} {'peak MiB':>9s}")
    for kind in ("html", "naeb-html", "text"):
        got = {what: run(what, kind, args.pages) for what in ("extraction", "trafilatura", "newsgraph", "spacy")}
        names = {"extraction": "newsgraph extraction", "trafilatura": "bare trafilatura",
                 "newsgraph": "newsgraph full analysis", "spacy": "bare spaCy nlp.pipe"}
        for what, (rate, peak) in got.items():
            print(f"{kind:10s} {names[what]:24s} {rate:8.1f} {peak:9.0f}")
        print(f"{kind:10s} ratio extraction / bare trafilatura: {got['extraction'][0] / got['trafilatura'][0]:.2f}")
        print(f"{kind:10s} ratio full analysis / bare spaCy:    {got['newsgraph'][0] / got['spacy'][0]:.2f}")


if __name__ == "__main__":
    main()
