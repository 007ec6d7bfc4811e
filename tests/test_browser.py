"""Real-browser checks with Playwright and Debian's Chromium: pages render, charts draw, no errors.

Screenshots go to tests/screenshots/ for people to look at. Without /usr/bin/chromium these
tests skip, unless CRINK_REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from crink.paths import METADATA_PATH
from crink.serving import datasette_command

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = yaml.safe_load(METADATA_PATH.read_text())["databases"]["crink"]["queries"]
CHARTS = sorted(name for name, q in QUERIES.items() if "fragment" in q)

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if os.environ.get("CRINK_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"{CHROMIUM} not installed")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_datasette(db: Path):
    port = free_port()
    proc = subprocess.Popen(datasette_command(db, port=port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return proc, base


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    db = tmp_path_factory.mktemp("served") / "crink.db"
    shutil.copy(built[0], db)
    proc, base = start_datasette(db)
    yield base
    proc.terminate()
    proc.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def visit(page, url: str, shot: str):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=False)
    assert page.errors == [], page.errors


def test_home_page(page, server):
    visit(page, server + "/", "home")
    assert "China, Russia, Iran and North Korea" in page.content()


def test_table_page_with_a_facet(page, server):
    visit(page, server + "/crink/actors?type=person", "table-actors-facet")
    assert page.locator(".facet-results").count() >= 1
    assert page.locator("table.rows-and-columns tbody tr").count() >= 1


def test_full_text_search(page, server):
    visit(page, server + "/crink/articles?_search=treaty", "search-articles")
    assert page.locator("table.rows-and-columns tbody tr").count() >= 1


def test_canned_search_query_marks_matches(page, server):
    visit(page, server + "/crink/search?q=treaty", "query-search")
    assert page.locator("td mark").count() >= 1


def test_evidence_view_marks_spans(page, server):
    visit(page, server + "/crink/quote_evidence", "evidence-quotes")
    assert page.locator("td mark").count() >= 1


@pytest.mark.parametrize("query", CHARTS)
def test_preset_chart_draws(page, server, query):
    visit(page, f"{server}/crink/{query}#{QUERIES[query]['fragment']}", f"chart-{query}")
    page.wait_for_selector(".vega-embed svg, .vega-embed canvas, #vis svg, #vis canvas", timeout=15000)
    marks = page.locator("svg .mark-rect path, svg .mark-rect, svg g.mark-rect path, canvas")
    assert marks.count() >= 1
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"chart-{query}.png"), full_page=True)
    assert page.errors == [], page.errors


HOSTILE = """---
title: "<script>alert('title')</script> Putin &amp; Xi"
published: "2025-05-20"
---
Putin met Xi Jinping in Beijing on Tuesday. <script>alert('body')</script> See <a href="javascript:alert('link')">this</a> &lt;b&gt; &amp;

“We signed <img src=x onerror=alert('quote')> today,” Putin said.
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from crink.pipeline import build
    from test_builds import MINI

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(MINI / "reference", root / "raw" / "reference")
    (root / "raw" / "articles").mkdir()
    (root / "raw" / "articles" / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "raw" / "articles" / "plain.txt").write_text("Putin met Xi Jinping in Moscow on May 9, 2025.\n")
    build(root / "raw", root / "crink.db", use_cache=False)
    proc, base = start_datasette(root / "crink.db")
    yield base
    proc.terminate()
    proc.wait()


@pytest.mark.parametrize("path", ["/crink/articles", "/crink/articles/evil", "/crink/quotes", "/crink/quote_evidence",
                                  "/crink/event_evidence", "/crink/search?q=signed", "/crink/articles?_search=putin"])
def test_hostile_article_is_shown_escaped(page, hostile_server, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit(page, hostile_server + path, "hostile-" + path.strip("/").replace("/", "-").replace("?", "-"))
    assert dialogs == []
    assert page.locator("script:text('alert')").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("img[src='x']").count() == 0
