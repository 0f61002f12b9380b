#!/usr/bin/env python3
"""Set up thucydides in a local virtual environment and run it: the README's two commands.

    python3 dev.py demo   # set up, then extract incidents from the bundled example reports
    python3 dev.py test   # set up, then run the whole test suite (what CI runs)

Setup is idempotent: the environment is reinstalled only when pyproject.toml changes, and
the gazetteer is built only when missing. Needs only Python 3.11+ and pip (and the network
to PyPI the first time).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".thucydides-installed"


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"dev.py: thucydides needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("installing thucydides and its dependencies from PyPI (first time: a few minutes)")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--editable", ".[test]")
        STAMP.write_text(wanted)
    run(BIN / "thucydides", "gazetteer", "build", "--if-missing")


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command not in {"demo", "test"}:
        print(__doc__.strip())
        return 0 if command in {"help", "-h", "--help"} else 2
    setup()
    if command == "demo":
        say("extracting incidents from the bundled (fictional) example reports")
        return subprocess.call([str(BIN / "thucydides"), "extract",
                                str(ROOT / "examples" / "reports.jsonl"), "--format", "table",
                                *sys.argv[2:]], cwd=ROOT)
    return subprocess.call([str(PYTHON), "-m", "pytest", *sys.argv[2:]], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
