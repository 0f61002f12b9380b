"""`thucydides eval TASK --data FILE`: score the pipeline on annotated data.

Each task lives in its own module with an `evaluate(path, limit)` function that returns a
Report. The formats are those of the evaluation data described in the README ("Evaluating"),
so users can score thucydides on their own annotated files.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TASKS = {
    "geo": "Toponym detection and resolution (lgl/gwn/geovirus format), or event location "
           "(event_location format)",
    "casualties": "Killed and injured counts per article (gva format)",
    "dates": "Time expression values (TempEval-3 format), or incident dates (gva format)",
    "events": "Event type of a snippet (CASE 2021 task 2 format)",
    "incidents": "Incident date, place and counts per article (gva format)",
}


@dataclass
class Report:
    """Metrics (what `eval` prints as JSON), plus rows and worst errors for people."""

    metrics: dict
    errors: list[dict] = field(default_factory=list)

    def table(self) -> str:
        lines = []
        for key, value in _flatten(self.metrics):
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append(f"  {key:<48} {shown}")
        return "\n".join(lines)


def _flatten(metrics: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, value


def read_jsonl(path: Path | str, limit: int | None = None) -> Iterator[dict]:
    """Records of an evaluation file; a malformed line is an error naming the line."""
    with open(path, encoding="utf-8") as handle:
        count = 0
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            count += 1
            if limit is not None and count >= limit:
                return


def run(task: str, data: Path | str, limit: int | None = None) -> Report:
    if task not in TASKS:
        raise KeyError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    module = importlib.import_module(f"{__name__}.{task}")
    return module.evaluate(Path(data), limit)
