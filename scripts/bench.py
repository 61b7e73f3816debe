"""``make bench``: build overhead, scale, page weight and in-browser figures of the edition.

Prints a table and writes ``bench/results.json``. Every timing is a median of ``--runs``
repetitions (default 5), variants interleaved in one run so machine noise hits them alike.
``--quick`` (used by ``make test``) runs everything once at a smaller scale, only to prove the
benchmark works; its figures mean nothing.

Budgets (issue 12): the plugin's build at most 1.25x the plain Material build of the same site;
200 paragraphs / 2,000 notes checked in under 1 s (load, validate, anchor: in-process, without
the interpreter's start-up, which the command's wall time shows beside it) and merged in time
linear in the notes. Issue 13: the article page at most 110 KB gzipped over all requests and 1,600
elements, Lighthouse mobile and desktop 100 in each category with a TBT of at most 50 ms (measured by
``scripts/bench_page.py``, which ``tests/test_weight.py`` uses too). Earlier budgets: our CSS+JS <= 12 KB
gzipped; page weight <= plain Material + notes' text + 12 KB; CLS 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from bench_page import (BUDGET_BYTES, BUDGET_ELEMENTS, BUDGET_TBT_MS, CHROMIUM, chromium, lighthouse,  # noqa: E402
                        page_figures, serve)
PARTS = ("mkdocs.yml", "docs", "overrides", "schema", "scripts", "annotations")
BENCH_SOURCES = ('sources:\n  - id: S1\n    title: "[Bench source]"\n    publisher: "Bench"\n    date: "2019"\n'
                 '    url: "https://example.org/bench"\n')


def copy_project(dest: Path, *, hook: bool = True) -> Path:
    """Copy the project to ``dest``; without ``hook``, mkdocs.yml loses the plugin and our assets (plain Material)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir()
         else shutil.copy2(src, dest / part))
    if not hook:
        text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
        start, end = text.index("  # The annotation engine"), text.index("\nnav:")
        text = text[:start] + text[end + 1:]
        (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def env() -> dict:
    """The builds' environment. Python keeps its bytecode cache (``__pycache__``, ignored by git): a plugin
    installed from PyPI is compiled when pip installs it, as MkDocs and Material are here, so the warm-up
    build compiles the editable plugin's modules once instead of every timed build compiling them again."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(base, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{result.stdout}{result.stderr}")
    return elapsed


def build_cmd(site: str = "site") -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", site]


def interleaved(variants: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, float]:
    """Median wall time in seconds of each variant, run alternately ``runs`` times (after one warm-up)."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for name, (cmd, cwd) in variants.items():
        if runs > 1:  # (quick mode only proves the bench works)
            timed(cmd, cwd)  # warm-up: file cache, .pyc
    for _ in range(runs):
        for name, (cmd, cwd) in variants.items():
            times[name].append(timed(cmd, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


# ---------------------------------------------------------------- scale
def generated_article(paragraphs: int, notes: int) -> tuple[str, str]:
    """A synthetic article (front matter of the real one) and one annotation file of ``notes`` notes."""
    front = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("---", 2)[1]
    body = []
    per = max(1, notes // paragraphs)
    for i in range(paragraphs):
        words = " ".join(f"w{i}x{j}" for j in range(max(60, per * 4 + 4)))
        body.append(f"{words}.\n{{#para-{i:03d}}}\n")
    items = []
    for n in range(notes):
        i, j = n % paragraphs, n // paragraphs
        exact = f"w{i}x{j * 4} w{i}x{j * 4 + 1} w{i}x{j * 4 + 2}"
        items.append(f"  - id: bench-note-{n:05d}\n    target:\n      paragraph: para-{i:03d}\n      exact: \"{exact}\"\n"
                     f"    title: \"Bench note {n}\"\n    verdict: accurate\n    summary: \"A summary of note {n}.\"\n"
                     f"    body: |\n      The body of bench note {n}, with *emphasis* and a [link](https://example.org/{n}).\n"
                     f"    sources: [S1]\n    checked: \"2026-11-29\"\n")
    return f"---{front}---\n\n" + "\n".join(body), "category: claims\nannotations:\n" + "".join(items)


def scale_project(dest: Path, paragraphs: int, notes: int, *, hook: bool = True) -> Path:
    copy_project(dest, hook=hook)
    if hook:  # the generated notes are a dozen words long: no word-range warnings
        config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("  - annotated-edition:\n", "  - annotated-edition:\n      body_words: [0, 100000]\n", 1)
        (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    article, claims = generated_article(paragraphs, notes)
    (dest / "docs" / "index.md").write_text(article, encoding="utf-8")
    shutil.rmtree(dest / "annotations")
    (dest / "annotations").mkdir()
    (dest / "annotations" / "sources.yml").write_text(BENCH_SOURCES, encoding="utf-8")
    (dest / "annotations" / "claims.yml").write_text(claims, encoding="utf-8")
    return dest


def merge_seconds(project: Path, runs: int, render: bool = True) -> float:
    """Median in-process seconds to load, validate and merge ``project``'s notes (``render=False``: the check)."""
    import logging

    from annotated_edition.frontmatter import split_front_matter
    from annotated_edition.project import load_project

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    loaded = load_project(project / "mkdocs.yml")
    spec = loaded.specs[0]
    source = (project / "docs" / spec.page).read_text(encoding="utf-8")
    body = loaded.render_markdown(split_front_matter(source)[0])  # MkDocs renders the page: not ours
    links = loaded.links("", spec)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        edition = loaded.edition()
        problems = edition.load()
        result = edition.annotate(spec, body, source, links, "docs/" + spec.page, render=render)
        samples.append(time.perf_counter() - start)
        assert not [p for p in problems + result.problems if p.severity == "error"], (problems + result.problems)[:3]
    return statistics.median(samples)


def lighthouse_figures(site: Path, quick: bool) -> dict | str:
    """Lighthouse mobile and desktop on the article served gzipped (not in quick mode: the tests run it)."""
    if quick:
        return "not run (quick mode; tests/test_weight.py runs it)"
    httpd = serve(site)
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        return {form: lighthouse(url, form, CHROMIUM) for form in ("mobile", "desktop")}
    except (FileNotFoundError, RuntimeError) as error:
        return f"not run ({error})"
    finally:
        httpd.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run, small scale: proves the bench works")
    args = parser.parse_args()
    runs = 1 if args.quick else max(5, args.runs)
    scale = (10, 40) if args.quick else (200, 2000)
    results: dict = {"runs": runs, "quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        tmp = Path(tmp)
        ours = copy_project(tmp / "ours")
        plain = copy_project(tmp / "plain", hook=False)
        medians = interleaved({"ours": (build_cmd(), ours), "plain": (build_cmd(), plain)}, runs)
        results["build"] = {**medians, "ratio": medians["ours"] / medians["plain"], "budget": 1.25}

        paragraphs, notes = scale
        big = scale_project(tmp / "big", paragraphs, notes)
        big_plain = scale_project(tmp / "big-plain", paragraphs, 0, hook=False)
        check = [sys.executable, "-m", "annotated_edition", "check"]
        medians = interleaved({"check": (check, big), "ours": (build_cmd(), big), "plain": (build_cmd(), big_plain)}, runs)
        results["scale"] = {"paragraphs": paragraphs, "notes": notes, "check_command": medians["check"],
                            "check": merge_seconds(big, runs, render=False),
                            "build": medians["ours"], "plain": medians["plain"],
                            "ratio": medians["ours"] / medians["plain"], "budget_check_s": 1.0, "budget_ratio": 1.5}
        linear = {}
        for count in ([10, 20, 40] if args.quick else [500, 1000, 2000]):
            project = scale_project(tmp / f"lin-{count}", paragraphs, count)
            seconds = merge_seconds(project, runs)
            linear[count] = {"seconds": seconds, "per_1000": seconds / count * 1000}
        results["merge_linear"] = linear

        ours_site = ours / "site"
        plain_site = plain / "site"
        with chromium() as browser:
            results["page"] = {"ours": page_figures(ours_site, browser=browser), "plain": page_figures(plain_site, browser=browser),
                               "ours_phone": page_figures(ours_site, width=390, browser=browser)}
        results["lighthouse"] = lighthouse_figures(ours_site, args.quick)
    report(results)
    out = ROOT / "bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwritten {out.relative_to(ROOT)}")
    return 0


def report(r: dict) -> None:
    def ok(flag: bool) -> str:
        return "ok" if flag else "OVER"

    b, s = r["build"], r["scale"]
    print(f"{'measure':44} {'value':>14} {'budget':>12} {'':>5}")
    print(f"{'build: ours / plain Material (s)':44} {b['ours']:>6.3f}/{b['plain']:<7.3f} {'':>12}")
    print(f"{'build ratio':44} {b['ratio']:>14.3f} {'<= 1.25':>12} {ok(b['ratio'] <= 1.25):>5}")
    print(f"{'scale: ' + str(s['paragraphs']) + ' paragraphs, ' + str(s['notes']) + ' notes':44}")
    print(f"{'  check: load, validate, anchor (s)':44} {s['check']:>14.3f} {'< 1.0':>12} {ok(s['check'] < 1.0):>5}")
    print(f"{'  make check, with Python start-up (s)':44} {s['check_command']:>14.3f}")
    print(f"{'  build ours / plain (s)':44} {s['build']:>6.3f}/{s['plain']:<7.3f}")
    print(f"{'  build ratio':44} {s['ratio']:>14.3f} {'<= 1.5':>12} {ok(s['ratio'] <= 1.5):>5}")
    for count, v in r["merge_linear"].items():
        print(f"{'  merge step, ' + str(count) + ' notes (s; s per 1,000)':44} {v['seconds']:>6.3f}; {v['per_1000']:<6.3f}")
    p, q = r["page"]["ours"], r["page"]["plain"]
    allowance = q["total"] + p["notes_text"] + 12 * 1024
    print(f"{'page: requests ours / plain':44} {p['requests']:>6}/{q['requests']:<7}")
    for kind in sorted(set(p["bytes"]) | set(q["bytes"])):
        print(f"{'  ' + kind + ' gzip bytes ours / plain':44} {p['bytes'].get(kind, 0):>6}/{q['bytes'].get(kind, 0):<7}")
    print(f"{'  our CSS + JS gzip bytes':44} {p['ours']:>14} {'<= 12288':>12} {ok(p['ours'] <= 12288):>5}")
    print(f"{'  total gzip bytes (plain + notes + 12 KB)':44} {p['total']:>14} {'<= ' + str(allowance):>12} "
          f"{ok(p['total'] <= allowance):>5}")
    for name, fig in (("1440", p), ("390", r["page"]["ours_phone"])):
        print(f"{'chromium ' + name + ': CLS':44} {fig['cls']:>14.4f} {'0':>12} {ok(fig['cls'] == 0):>5}")
        print(f"{'  LCP (ms)':44} {fig['lcp']:>14.0f}")
        print(f"{'  our layout script (ms)':44} {fig['layout_ms']:>14.1f}")
        print(f"{'  long tasks (count, ms)':44} {fig['long_tasks']:>6}, {fig['long_task_ms']:<7.0f}")
    row = lambda label, value, budget: print(f"{label:44} {value:>14.0f} {'<= ' + str(budget):>12} {ok(value <= budget):>5}")
    row("page: all requests gzip bytes (issue 13)", p["total"], BUDGET_BYTES)
    row("page: DOM elements (issue 13)", p["dom"], BUDGET_ELEMENTS)
    if not isinstance(r["lighthouse"], dict):
        print(f"{'lighthouse':44} {r['lighthouse']}")
        return
    for form, lh in r["lighthouse"].items():
        scores = "/".join(str(lh[c]) for c in ("performance", "accessibility", "best-practices", "seo"))
        print(f"{'lighthouse ' + form + ': perf/a11y/bp/seo':44} {scores:>14} {'all 100':>12} {ok(set(scores.split('/')) == {'100'}):>5} {' '.join(lh['failed'])}")
        row("  total blocking time (ms)", lh["tbt_ms"], BUDGET_TBT_MS)
        print(f"{'  first contentful paint (ms)':44} {lh['fcp_ms']:>14.0f}")


if __name__ == "__main__":
    sys.exit(main())
