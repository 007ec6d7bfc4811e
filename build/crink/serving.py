"""How the database is served: one Datasette command line for `crink serve`, the benchmark and the load test."""

import shutil
import subprocess
import sys
from pathlib import Path

from crink.paths import METADATA_PATH, PLUGINS_DIR, TEMPLATES_DIR

# Read-only and bounded: immutable file, SQL time and row limits, no facet suggestions
# (they scan every column of large tables on each table page).
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,  # Datasette's default; rendering more rows costs more than the query
    "allow_download": "on",
    "default_page_size": 50,
    "facet_time_limit_ms": 400,
    "suggest_facets": "off",
    "num_sql_threads": 4,
}


def datasette_executable() -> str:
    return shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))


def datasette_command(db: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """Run `datasette inspect` for table counts, then return the `datasette serve` command line."""
    datasette = datasette_executable()
    inspect = Path(db).with_suffix(".inspect.json")
    subprocess.run([datasette, "inspect", str(db), "--inspect-file", str(inspect)], check=True)
    cmd = [datasette, "serve", "-i", str(db), "--inspect-file", str(inspect), "-m", str(METADATA_PATH),
           "--plugins-dir", str(PLUGINS_DIR), "--template-dir", str(TEMPLATES_DIR),
           "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        cmd += ["--setting", name, str(value)]
    return cmd
