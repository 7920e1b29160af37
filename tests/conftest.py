"""Shared fixtures: settings, a fresh knowledge base, and where the shared corpora are."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def settings() -> Settings:
    return replace(load_settings(), workers=1, timeout_s=60.0)


@pytest.fixture
def kb(tmp_path: Path, settings: Settings):
    import newsgraph

    with newsgraph.open(tmp_path / "kb.db", settings) as base:
        yield base


def load_benchmark(name: str):
    """A script of benchmarks/ as a module (the quality gates score with the benchmarks' own code)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses in the script look their module up
    spec.loader.exec_module(module)
    return module


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test where CI has no shared/ beside the clone."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


REPORT = """Harbour authority expands night inspections at the river port

The harbour authority of the river port said on Monday that it would double the number of night inspections of cargo vessels after customs officers found undeclared fuel on two barges last month.

"We will not let the port become a corridor for smuggling," the authority's director told reporters at a briefing, adding that the new schedule would begin within two weeks.

Shipping companies said the change could delay deliveries, but several welcomed what they called a clearer set of rules.
"""


def report(n: int = 0) -> str:
    """A short fake report; n changes the content (and so the id)."""
    return REPORT.replace("two barges", f"{n + 2} barges") if n else REPORT


def ingest_reports(folder: Path, reports: dict[str, str]) -> str:
    """Write `reports` (file name -> text) into `folder`, ingest them with the CLI into a knowledge
    base there, one worker, and return its path."""
    from click.testing import CliRunner

    from newsgraph.cli import main

    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "kb.db")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", path, "-q", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return path
