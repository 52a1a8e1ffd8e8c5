"""Throughput of classification and ingestion, against a naive baseline in the same process.

    python benchmarks/bench_classify.py [--passages 10000]

The passages are those of the bundled sample corpus (four languages), repeated to the
requested count. The baseline scans every passage for every cue of its language with plain
substring search: the simplest keyword tagger one could write. Figures are printed, not
asserted: speed depends on the machine.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from gcm_review import Engine, SQLiteStore, demo_corpus_path, ingest, read_document
from gcm_review.read import SUPPORTED_SUFFIXES


def corpus_passages(engine: Engine) -> list[tuple[str, str]]:
    """(text, language) of every passage of the sample corpus."""
    passages: list[tuple[str, str]] = []
    for path in sorted(demo_corpus_path().iterdir()):
        if path.suffix in SUPPORTED_SUFFIXES:
            analysed = engine.analyse(read_document(path))
            passages += [(p.passage.text, p.mapping.lang) for p in analysed.passages]
    return passages


def naive_baseline(engine: Engine, passages: list[tuple[str, str]]) -> float:
    """Seconds to tag the passages by substring search of every cue."""
    cues = {
        lang: [cue.lower() for entries in lexicon.objectives.values() for cue in entries]
        for lang, lexicon in engine.framework.lexicons.items()
    }
    start = time.perf_counter()
    for text, lang in passages:
        lowered = text.lower()
        [cue for cue in cues.get(lang, ()) if cue in lowered]
    return time.perf_counter() - start


def timed_classify(engine: Engine, passages: list[tuple[str, str]]) -> float:
    """Seconds to classify the passages (map and extract) with the given language."""
    start = time.perf_counter()
    for text, lang in passages:
        engine.classify(text, lang)
    return time.perf_counter() - start


def timed_ingest(engine: Engine) -> tuple[float, int]:
    """Seconds to ingest the sample corpus into a new SQLite file, and the document count."""
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(Path(folder) / "b.db") as store:
        start = time.perf_counter()
        report = ingest([demo_corpus_path()], store, engine=engine)
        return time.perf_counter() - start, len(report.added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=10_000)
    args = parser.parse_args()
    engine = Engine()
    sample = corpus_passages(engine)
    passages = list(islice(cycle(sample), args.passages))
    languages = sorted({lang for _, lang in sample})
    timed_classify(engine, sample)  # warm caches: steady state is what is measured
    baseline = naive_baseline(engine, passages)
    engine_seconds = timed_classify(engine, passages)
    ingest_seconds, documents = timed_ingest(Engine())
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(passages)
    print(f"passages: {n} ({len(sample)} distinct, languages {', '.join(languages)})")
    print(f"naive substring baseline: {n / baseline:,.0f} passages/s")
    print(f"gcm-review classify:      {n / engine_seconds:,.0f} passages/s")
    print(f"ratio classify / baseline: {baseline / engine_seconds:.2f}")
    print(f"ingest sample corpus: {documents} documents in {ingest_seconds:.2f} s")
    print(f"  = {ingest_seconds / max(documents, 1) * 1000:.0f} ms per document (read to store)")
    print(f"peak memory (max RSS): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
