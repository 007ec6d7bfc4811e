"""Bounded load test on loopback: concurrent clients for a fixed time against a served database.

    python bench/loadtest.py [--db crink.db] [--clients 16] [--seconds 30]

Starts Datasette exactly as `crink serve` does (immutable, with SQL time and row limits), then
has each client loop over a table page, a faceted page, a full-text search, a canned query, a
CSV and a JSON download. Prints requests per second, p50/p95/p99 latency and the error count.
"""

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build"))

PAGES = [
    "/crink/quotes",
    "/crink/actors?_facet=type&_facet=source",
    "/crink/articles?_search=treaty",
    "/crink/most_quoted",
    "/crink/mentions.csv?_size=max",
    "/crink/events.json?_shape=array",
    "/crink/event_timeline",
    "/crink/search?q=sanctions",
]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    from crink.serving import datasette_command

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(datasette_command(db, port=port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/-/versions.json", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return proc, base


async def client(base: str, until: float, latencies: list, errors: list, offset: int):
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = offset
        while time.perf_counter() < until:
            path = PAGES[i % len(PAGES)]
            start = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {path}")
            except httpx.HTTPError as e:
                errors.append(f"{type(e).__name__} {path}")
            latencies.append((time.perf_counter() - start) * 1000)
            i += 1


async def run(base: str, clients: int, seconds: float):
    latencies, errors = [], []
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(client(base, until, latencies, errors, k) for k in range(clients)))
    return latencies, errors, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=str(ROOT / "crink.db"))
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30)
    args = ap.parse_args()
    proc, base = serve(Path(args.db))
    try:
        latencies, errors, elapsed = asyncio.run(run(base, args.clients, args.seconds))
    finally:
        proc.terminate()
        proc.wait()
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    print(f"{len(latencies)} requests in {elapsed:.1f}s from {args.clients} clients: "
          f"{len(latencies) / elapsed:.1f} requests/s")
    print(f"latency ms: p50 {statistics.median(latencies):.1f}  p95 {pct(0.95):.1f}  p99 {pct(0.99):.1f}")
    print(f"errors: {len(errors)}" + (f" e.g. {errors[:5]}" if errors else ""))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
