"""How much geoparsing adds to the spaCy pass it shares: the target is at most 30%.

    .venv/bin/python benchmarks/bench_geo_overhead.py [--docs N] [--repeat R] [FILE.jsonl ...]

Times the same texts through the spaCy model alone (the baseline) and through the model plus
the geoparser, alternating the two so that both see the same machine load, and prints a table
with the ratio. Texts come from the given JSONL files ("text" field), by default the geo
evaluation corpora in ../shared/eval/geo when present, else the bundled examples. `run()`
gives the same measure as a row in the format of benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT.parent / "shared" / "eval" / "geo" / f"{name}.jsonl"
                 for name in ("lgl", "gwn", "geovirus")]
FALLBACK = ROOT / "examples" / "reports.jsonl"


def texts(files: list[Path], per_file: int) -> list[str]:
    out = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= per_file:
                    break
                out.append(json.loads(line)["text"])
    return out


def timed(nlp, names: list[str], docs: list[str]) -> float:
    with nlp.select_pipes(enable=names):
        began = time.perf_counter()
        for _ in nlp.pipe(docs, batch_size=16):
            pass
        return time.perf_counter() - began


def measure(files: list[Path], per_file: int, repeat: int) -> tuple[int, int, float, float]:
    """(documents, characters, best baseline seconds, best seconds with the geoparser)."""
    from thucydides.nlp import pipeline

    nlp = pipeline()
    model = [name for name in nlp.pipe_names if not name.startswith("thucydides_")]
    geo = model + ["thucydides_paragraphs", "thucydides_places"]
    docs = texts(files, per_file)
    places = nlp.get_pipe("thucydides_places")
    timed(nlp, geo, docs[:5])  # loads the model's and the gazetteer's first pages
    base_times, geo_times = [], []
    for _ in range(repeat):
        base_times.append(timed(nlp, model, docs))
        places.gazetteer.forget()  # no round may reuse the names an earlier one looked up
        geo_times.append(timed(nlp, geo, docs))
    return len(docs), sum(len(d) for d in docs), min(base_times), min(geo_times)


def run(per_file: int = 40, repeat: int = 3) -> list[tuple[str, float, float, str]]:
    """Rows for benchmarks/run.py: (measure, value, baseline, unit)."""
    files = [p for p in DEFAULT_FILES if p.exists()] or [FALLBACK]
    count, chars, base, with_geo = measure(files, per_file, repeat)
    return [(f"spaCy + geoparser, {count} docs (target ratio <= 1.30)", with_geo, base, "s")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--docs", type=int, default=40, help="documents per file (default 40)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (default 3)")
    args = parser.parse_args()
    files = args.files or [p for p in DEFAULT_FILES if p.exists()] or [FALLBACK]
    count, chars, base, with_geo = measure(files, args.docs, args.repeat)
    print(f"{count} documents, {chars:,} characters, best of {args.repeat} rounds",
          file=sys.stderr)
    print(f"{'pass':<28}{'seconds':>10}{'chars/s':>12}")
    print(f"{'spaCy model (baseline)':<28}{base:>10.2f}{chars / base:>12,.0f}")
    print(f"{'spaCy model + geoparser':<28}{with_geo:>10.2f}{chars / with_geo:>12,.0f}")
    print(f"{'geoparsing overhead':<28}{(with_geo - base) / base:>10.1%}{'target <= 30%':>20}")


if __name__ == "__main__":
    main()
