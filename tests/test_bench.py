"""``make bench`` works (quick mode: one run, small scale). Its figures are not asserted here:
timing assertions on a noisy 2-core machine would be flaky; the bench prints them instead."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.build
def test_bench_runs_in_quick_mode():
    result = subprocess.run([sys.executable, "scripts/bench.py", "--quick"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "build ratio" in result.stdout and "CLS" in result.stdout
    data = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    assert {"build", "scale", "merge_linear", "page"} <= set(data)
    assert data["page"]["ours"]["ours"] > 0
