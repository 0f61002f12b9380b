"""Lexicons are data files beside this module: one entry a line, tab-separated, # comments."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
