"""crink build | serve | eval | export | metadata: the command line."""

import argparse
import os
import sys
from pathlib import Path

from crink.errors import InputError
from crink.paths import DEFAULT_DB, DEFAULT_RAW, METADATA_PATH
from crink.serving import datasette_command


def _build(args) -> int:
    from crink.pipeline import build

    def progress(done, total, article_id):
        if args.verbose:
            print(f"  [{done}/{total}] {article_id}", file=sys.stderr)

    report = build(Path(args.raw), Path(args.db), workers=args.workers, executor=args.executor,
                   scheduler=args.scheduler, use_cache=not args.no_cache,
                   records_out=Path(args.records) if args.records else None, progress=progress)
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    print(f"built {report.db_path} from {report.articles} articles ({report.extracted} parsed, "
          f"{report.articles - report.extracted} from cache) in {report.seconds:.1f}s: {counts}")
    return 0


def _serve(args) -> int:
    from crink.pipeline import is_stale

    if args.rebuild or is_stale(Path(args.raw), Path(args.db)):
        _build(args)
    cmd = datasette_command(Path(args.db), host=args.host, port=args.port)
    if args.open:
        cmd.append("--open")
    print("serving:", " ".join(cmd), file=sys.stderr)
    os.execv(cmd[0], cmd)


def _eval(args) -> int:
    from crink.evaluate import main as evaluate

    return evaluate(args)


def _export(args) -> int:
    from crink.publish import export

    out = export(Path(args.db), Path(args.out))
    print(f"wrote CSV, JSON and datapackage.json to {out}")
    return 0


def _metadata(args) -> int:
    from crink.paths import REPO_ROOT
    from crink.publish import write_metadata, write_readme_tables

    path = write_metadata(Path(args.out))
    write_readme_tables(REPO_ROOT / "README.md")
    print(f"wrote {path} and the table reference in README.md")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="crink", description="Build and serve the crink dataset.")
    sub = p.add_subparsers(dest="command", required=True)

    def raw_db(sp):
        sp.add_argument("--raw", default=str(DEFAULT_RAW), help="folder holding articles/ and reference/")
        sp.add_argument("--db", default=str(DEFAULT_DB), help="database file to write")

    def build_options(sp):
        raw_db(sp)
        sp.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
        sp.add_argument("--executor", choices=["local", "dask"], default="local",
                        help="local processes, or Dask (a local cluster unless --scheduler is given)")
        sp.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://10.0.0.5:8786")
        sp.add_argument("--no-cache", action="store_true", help="re-extract every article")
        sp.add_argument("--records", help="also write each article's records as JSON lines to this file")
        sp.add_argument("-v", "--verbose", action="store_true")

    sp = sub.add_parser("build", help="build the SQLite database from raw/")
    build_options(sp)
    sp.set_defaults(func=_build)

    sp = sub.add_parser("serve", help="build if out of date, then serve with Datasette")
    build_options(sp)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8001)
    sp.add_argument("--open", action="store_true", help="open the home page in a browser")
    sp.add_argument("--rebuild", action="store_true", help="build even if the database looks up to date")
    sp.set_defaults(func=_serve)

    sp = sub.add_parser("eval", help="score extraction against the gold annotations")
    sp.add_argument("--gold", default=None, help="gold folder (default tests/gold)")
    sp.add_argument("--json", action="store_true", help="print the scores as JSON")
    sp.add_argument("-v", "--verbose", action="store_true", help="list every miss and spurious row")
    sp.set_defaults(func=_eval)

    sp = sub.add_parser("export", help="CSV, JSON and a Frictionless datapackage.json for every table")
    sp.add_argument("--db", default=str(DEFAULT_DB))
    sp.add_argument("--out", default="export")
    sp.set_defaults(func=_export)

    sp = sub.add_parser("metadata", help="write metadata.yml from schema.yml and the canned queries")
    sp.add_argument("--out", default=str(METADATA_PATH))
    sp.set_defaults(func=_metadata)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except InputError as e:
        print(f"crink: error: {e}", file=sys.stderr)
        print("crink: the previous database was left unchanged.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
