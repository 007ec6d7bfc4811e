"""Benchmark: build time, throughput, incremental rebuild, memory, size and Datasette latency.

    python bench/bench.py [--sizes 50 500 5000] [--workers 2] [--serve-size 5000]

For each N it makes (once, cached in bench/corpus/N) a corpus of N articles recombined from
the seed articles' paragraphs with names, dates and quotes varied, then prints: full build
wall time, articles/s and tokens/s; the same texts through bare `nlp.pipe` and the ratio; an
incremental rebuild after editing one article; peak memory of the build process; database
size; and, for the largest database, p50/p95 latency of Datasette pages. Figures, not tests.
"""

import argparse
import json
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "corpus"
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "build"))

NAMES = [("Vladimir Putin", "Putin"), ("Xi Jinping", "Xi"), ("Kim Jong Un", "Kim"), ("Sergei Lavrov", "Lavrov"),
         ("Wang Yi", "Wang"), ("Abbas Araghchi", "Araghchi"), ("Masoud Pezeshkian", "Pezeshkian")]
STATES = ["Russia", "China", "Iran", "North Korea"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
QUOTES = ["We will stand together", "This partnership threatens no one", "Sanctions will not break us",
          "Our cooperation is deepening", "The West has lost its way"]


def seed_paragraphs() -> list[str]:
    from crink.clean import clean
    from crink.ingest import read_articles

    paras = []
    for article in read_articles(ROOT / "raw"):
        paras += [p for p in clean(article.body).text.split("\n\n") if len(p.split()) > 12]
    return paras


def vary(paragraph: str, rng: random.Random) -> str:
    """Swap names, states and dates so every article differs."""
    full, short = rng.choice(NAMES)
    paragraph = re.sub(r"\b(Vladimir Putin|Xi Jinping|Kim Jong Un)\b", full, paragraph)
    paragraph = re.sub(r"\b(Putin|Xi)\b", short, paragraph)
    paragraph = re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
                       lambda m: rng.choice(MONTHS), paragraph)
    paragraph = re.sub(r"\b20[12]\d\b", lambda m: str(rng.randint(2015, 2026)), paragraph)
    paragraph = re.sub(r"\b(Russia|China|Iran)\b", lambda m: rng.choice(STATES) if rng.random() < 0.3 else m.group(0),
                       paragraph)
    return paragraph


def make_corpus(n: int) -> Path:
    folder = CORPUS / str(n)
    if (folder / "articles").exists() and len(list((folder / "articles").glob("*.txt"))) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "raw" / "reference", folder / "reference")
    rng = random.Random(n)
    paras = seed_paragraphs()
    for i in range(n):
        year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
        body = [vary(p, rng) for p in rng.sample(paras, k=min(len(paras), rng.randint(5, 12)))]
        full, short = rng.choice(NAMES)
        body.insert(rng.randint(0, len(body)), f"“{rng.choice(QUOTES)},” {full} said on Tuesday.")
        text = (f"---\ntitle: Bench article {i}\npublisher: Bench Wire\npublished: \"{year}-{month:02}-{day:02}\"\n"
                f"---\n" + "\n\n".join(body) + f"\n\nBench article number {i}.\n")
        (folder / "articles" / f"bench{i:05}.txt").write_text(text, encoding="utf-8")
    return folder


def timed_build(raw: Path, db: Path, workers: int, fresh: bool) -> dict:
    """Run `crink build` in a child process; wall time and the child's peak memory."""
    measure = ("import resource, sys; from crink.cli import main; status = main(sys.argv[1:]); "
               "r = resource.getrusage; print('PEAK_KB', max(r(resource.RUSAGE_SELF).ru_maxrss, "
               "r(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(status)")
    cmd = [sys.executable, "-c", measure, "build", "--raw", str(raw), "--db", str(db), "--workers", str(workers)]
    if fresh:
        shutil.rmtree(db.parent / ".crink-cache", ignore_errors=True)
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    peak_kb = int(re.search(r"PEAK_KB (\d+)", out.stdout).group(1))
    return {"seconds": wall, "peak_mb": peak_kb / 1024, "output": out.stdout.strip()}


def bare_pipe(raw: Path) -> dict:
    """The same cleaned paragraphs through nlp.pipe alone, in one process."""
    from crink.extract import article_row
    from crink.ingest import read_articles
    from crink.nlp import load_nlp, paragraph_bounds

    texts = [article_row(a)["text"] for a in read_articles(raw)]
    nlp = load_nlp()
    paragraphs = [t[s:e] for t in texts for s, e in paragraph_bounds(t)]
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(paragraphs, batch_size=64))
    return {"seconds": time.perf_counter() - start, "tokens": tokens, "articles": len(texts)}


def latency(db: Path, pages: dict, rounds: int = 20) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from crink.serving import datasette_command

    proc = subprocess.Popen(datasette_command(db, port=port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        for name, path in pages.items():
            times = []
            for i in range(rounds + 2):
                start = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=30) as r:
                    r.read()
                if i >= 2:  # the first two warm caches
                    times.append((time.perf_counter() - start) * 1000)
            times.sort()
            results[name] = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}
        return results
    finally:
        proc.terminate()
        proc.wait()


def pages() -> dict:
    import yaml

    from crink.paths import METADATA_PATH

    queries = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"]
    params = {"actor": "russia", "q": "treaty", "event": "x"}
    out = {"home": "/", "table+facets: mentions": "/crink/mentions", "table+facets: quotes": "/crink/quotes",
           "table+facets: events": "/crink/events", "full-text search": "/crink/articles?_search=treaty"}
    for name, q in queries.items():
        qs = "&".join(f"{k}={v}" for k, v in params.items() if f":{k}" in q["sql"])
        out[f"query: {name}"] = f"/crink/{name}" + (f"?{qs}" if qs else "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 5000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--serve-size", type=int, default=None, help="N whose database is served (default: largest)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    report = {}
    for n in args.sizes:
        raw = make_corpus(n)
        db = OUT / f"bench{n}" / "crink.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        db.unlink(missing_ok=True)
        full = timed_build(raw, db, args.workers, fresh=True)
        bare = bare_pipe(raw)
        one = sorted((raw / "articles").glob("*.txt"))[n // 2]
        original = one.read_text(encoding="utf-8")
        one.write_text(original + "\nEdited for the incremental benchmark.\n", encoding="utf-8")
        incremental = timed_build(raw, db, args.workers, fresh=False)
        one.write_text(original, encoding="utf-8")
        row = {
            "articles": n, "workers": args.workers, "build_s": round(full["seconds"], 1),
            "articles_per_s": round(n / full["seconds"], 1), "tokens_per_s": round(bare["tokens"] / full["seconds"]),
            "bare_nlp_pipe_s": round(bare["seconds"], 1), "build_over_bare": round(full["seconds"] / bare["seconds"], 2),
            "incremental_s": round(incremental["seconds"], 1),
            "incremental_pct": round(100 * incremental["seconds"] / full["seconds"], 1),
            "peak_mb": round(full["peak_mb"]), "db_mb": round(db.stat().st_size / 1e6, 1),
        }
        report[n] = row
        print(json.dumps(row), flush=True)
    serve_n = args.serve_size or max(args.sizes)
    lat = latency(OUT / f"bench{serve_n}" / "crink.db", pages())
    print(f"\nDatasette latency on the {serve_n}-article database (ms):")
    for name, r in lat.items():
        print(f"  {name:45} p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}")
    (OUT / "report.json").write_text(json.dumps({"builds": report, "latency": lat}, indent=1))


if __name__ == "__main__":
    main()
