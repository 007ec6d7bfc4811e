"""crink: news on the China-Russia-Iran-North Korea alignment, as a Datasette-published SQLite dataset."""

__version__ = "0.1.0"
# Bumped whenever extraction changes its output: part of every per-article cache key.
PIPELINE_VERSION = "14"
