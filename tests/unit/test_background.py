"""Work on the other core (background.py): computed in another process, or here when that process fails."""

import os
import sys
import time

from annotated_edition.background import Background


def test_the_result_comes_from_another_process():
    assert Background(os.getpid).result() != os.getpid()


def test_arguments_and_results_cross_the_process_boundary():
    assert Background(sorted, [3, 1, 2]).result() == [1, 2, 3]


def test_a_process_that_fails_or_cannot_start_leaves_the_work_to_this_one(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")  # starts, exits 1, writes nothing
    assert Background(os.getpid).result() == os.getpid()
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")  # cannot start
    assert Background(os.getpid).result() == os.getpid()


def test_cancel_stops_the_process_at_once():
    work = Background(time.sleep, 30)
    start = time.monotonic()
    process = work.process
    work.cancel()
    assert process.poll() is not None and time.monotonic() - start < 5
    assert work.process is None
