"""A saved web page becomes an article: main text via trafilatura, metadata from the page."""

import sqlite3

from crink.cli import main

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Lavrov meets Araghchi in Moscow | Harbour Ledger</title>
<meta property="og:title" content="Lavrov meets Araghchi in Moscow">
<meta name="author" content="Mira Castell">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe now</li></ul></nav>
<article>
<h1>Lavrov meets Araghchi in Moscow</h1>
<p>Russian Foreign Minister Sergei Lavrov hosted his Iranian counterpart Abbas Araghchi in Moscow
on Thursday for talks on the region and on trade between the two countries.</p>
<p>"Our cooperation does not depend on anyone's approval," Lavrov told reporters after the
meeting, adding that both sides would deepen ties in energy and transport.</p>
<p>Araghchi said Tehran valued what he called a dependable partnership with the Kremlin, and
that officials would meet again before the summer.</p>
</article>
<footer>Copyright Harbour Ledger. All rights reserved. Cookie settings.</footer>
</body></html>
"""

REGISTRY = """actors:
  - {id: russia, name: Russia, type: country, capitals: [Moscow], metonyms: [Kremlin], demonyms: [Russian]}
  - {id: iran, name: Iran, type: country, capitals: [Tehran], demonyms: [Iranian]}
  - {id: sergei-lavrov, name: Sergei Lavrov, type: person, affiliation: russia, aliases: [Lavrov]}
  - {id: abbas-araghchi, name: Abbas Araghchi, type: person, affiliation: iran, aliases: [Araghchi]}
"""


def test_saved_web_page_becomes_an_article(tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "reference").mkdir()
    (raw / "reference" / "actors.yml").write_text(REGISTRY)
    (raw / "reference" / "agreements.yml").write_text("agreements: []\n")
    (raw / "articles" / "lavrov-araghchi.html").write_text(PAGE, encoding="utf-8")
    db_path = tmp_path / "crink.db"
    assert main(["build", "--raw", str(raw), "--db", str(db_path)]) == 0

    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    row = db.execute("select * from articles").fetchone()
    assert row["id"] == "lavrov-araghchi"
    assert row["title"] == "Lavrov meets Araghchi in Moscow"
    assert row["author"] == "Mira Castell"
    assert row["publisher"] == "Harbour Ledger"
    assert (row["published"], row["published_precision"], row["published_basis"]) == ("2025-03-14", "day", "stated")
    assert "hosted his Iranian counterpart" in row["text"]
    for boilerplate in ("Subscribe now", "Cookie settings", "All rights reserved"):
        assert boilerplate not in row["text"]
    speakers = {r["text"]: r["speaker_id"] for r in db.execute("select text, speaker_id from quotes")}
    assert speakers.get("Our cooperation does not depend on anyone's approval") == "sergei-lavrov"
    actors = {r[0] for r in db.execute("select distinct actor_id from mentions")}
    assert {"russia", "iran", "sergei-lavrov", "abbas-araghchi"} <= actors
