"""Where the repository's files are: schema.yml, metadata.yml and the default raw/ and database."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "schema.yml"
METADATA_PATH = REPO_ROOT / "metadata.yml"
QUERIES_DIR = Path(__file__).resolve().parent / "queries"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DEFAULT_RAW = Path(os.environ.get("CRINK_RAW", REPO_ROOT / "raw"))  # CRINK_RAW overrides
DEFAULT_DB = REPO_ROOT / "crink.db"
PLUGINS_DIR = Path(__file__).resolve().parent / "plugins"
