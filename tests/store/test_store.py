"""The store itself: migrations, the write path, and what it keeps of each article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select

from wirewatch.sample import sample_dir
from wirewatch.store import Store, database_url, ingest
from wirewatch.store import models as m
from wirewatch.store.db import head_revision, include_schema_name, migrate, schema_revision


def test_database_urls() -> None:
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("data/ww.db").startswith("sqlite:////")
    assert database_url("data/ww.db").endswith("/data/ww.db")


def test_open_migrates_to_head_and_the_schema_matches_the_models(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Store(store_url) as store:
        assert schema_revision(store.engine) == head_revision()
        tables = set(inspect(store.engine).get_table_names())
        assert {"articles", "place_mentions", "event_mentions", "canonical_events",
                "canonical_members", "rewrite_families", "rewrite_links", "conflicts",
                "name_flags", "lsh_bands", "article_event_keys"} <= tables
        with store.engine.connect() as con:
            ctx = MigrationContext.configure(con, opts={"include_name": include_schema_name})
            diff = compare_metadata(ctx, m.Base.metadata)
        assert diff == []
        migrate(store.engine)  # opening again is a no-op
        assert schema_revision(store.engine) == head_revision()


def test_stored_mentions_point_back_to_their_words(store_url: str) -> None:
    with Store(store_url) as store:
        summary = ingest([sample_dir() / "wire_report.txt", sample_dir() / "follow_ups.jsonl"],
                         store, batch_size=3)
        assert summary.failed == 0 and summary.stored == summary.read == 8
        with store.engine.connect() as con:
            arts = {a.id: a for a in con.execute(select(m.Article))}
            events = list(con.execute(select(m.EventMention)))
            places = list(con.execute(select(m.PlaceMention)))
    assert events and places
    for e in events:
        text = arts[e.article_id].text
        assert text[e.evidence_start:e.evidence_end] == e.evidence_text
        assert e.data["evidence"]["text"] == e.evidence_text and e.data["type"] == e.type
    for p in places:
        assert arts[p.article_id].text[p.start:p.end] == p.surface
    wire = next(a for a in arts.values() if a.doc_id == "wire_report.txt")
    assert wire.source and wire.source.endswith("wire_report.txt")
    east = next(a for a in arts.values() if a.doc_id.startswith("east-courier"))
    assert east.outlet == "East Courier" and str(east.published) == "2025-10-27"
    assert east.url and east.title == "Pavlohrad death toll rises to five"


def test_sqlite_is_the_default_and_the_path_is_configurable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIREWATCH_DB", raising=False)
    with Store() as store:
        assert store.url.endswith("/wirewatch.db")
    assert (tmp_path / "wirewatch.db").exists()
    monkeypatch.setenv("WIREWATCH_DB", str(tmp_path / "other" / "x.db"))
    (tmp_path / "other").mkdir()  # a store's folder is never created for it
    with Store() as store:
        assert store.counts()["articles"] == 0
    assert (tmp_path / "other" / "x.db").exists()
    engine = create_engine(f"sqlite:///{tmp_path / 'other' / 'x.db'}")
    assert schema_revision(engine) == head_revision()


def test_a_document_the_extractor_fails_on_is_reported_and_the_rest_stored(
        store_url: str, tmp_path: Path) -> None:
    from wirewatch.document import Document, ReadError
    from wirewatch.store import Extracted

    def extractor(docs: list[Document]) -> list[Extracted]:
        if any("poison" in d.text for d in docs):
            raise RuntimeError("cannot parse this one")
        return [Extracted(d, [], []) for d in docs]

    for name, body in [("a.txt", "Shelling in Sumy."), ("b.txt", "A poison pill text."),
                       ("c.txt", "Strike on Kharkiv.")]:
        (tmp_path / name).write_text(body, encoding="utf-8")
    errors: list[ReadError] = []
    with Store(store_url) as store:
        s = ingest([tmp_path], store, extractor=extractor, on_error=errors.append)
        docs = sorted(a["doc"] for a in store.articles())
    assert (s.read, s.stored, s.failed) == (2, 2, 1)
    assert docs == ["a.txt", "c.txt"]
    assert errors[0].source.endswith("b.txt") and "cannot parse this one" in errors[0].reason


def test_a_migration_that_fails_half_way_leaves_no_half_built_schema(tmp_path: Path) -> None:
    # as a kill during the first open would: on SQLite, DDL used to run outside any
    # transaction, and every later command failed on the half-built schema
    from sqlalchemy import event

    from wirewatch.store.db import make_engine

    path = tmp_path / "new.db"
    engine = make_engine(database_url(path))

    def die(_conn: object, _cur: object, statement: str, *_a: object) -> None:
        if "CREATE TABLE canonical_members" in statement:
            raise KeyboardInterrupt

    event.listen(engine, "before_cursor_execute", die)
    with pytest.raises(KeyboardInterrupt):
        migrate(engine)
    engine.dispose()
    assert inspect(create_engine(database_url(path))).get_table_names() == []
    with Store(path) as store:  # the next open builds it whole
        assert schema_revision(store.engine) == head_revision()
        assert store.counts()["articles"] == 0


def test_the_upgrade_to_0003_fills_the_fusion_columns_of_stored_mentions(
        store_url: str, sample_batch: list[object]) -> None:
    columns = ("fuse_key", "window_lo", "window_hi", "fuse_order")
    with Store(store_url) as store:
        store.write_batch(sample_batch)  # type: ignore[arg-type]
        with store.engine.connect() as con:
            before = sorted(con.execute(select(m.EventMention.id, *(
                getattr(m.EventMention, c) for c in columns))))
        assert sum(1 for row in before if row[1]) >= 10
        _downgrade(store.engine, "0002")
        assert not {c for c in columns} & {
            c["name"] for c in inspect(store.engine).get_columns("event_mentions")}
        migrate(store.engine)
        with store.engine.connect() as con:
            after = sorted(con.execute(select(m.EventMention.id, *(
                getattr(m.EventMention, c) for c in columns))))
    assert after == before


def _downgrade(engine: object, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from wirewatch.store.db import MIGRATIONS, writer

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with writer(engine).begin() as conn:  # type: ignore[arg-type]
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


@pytest.mark.parametrize("db, says", [
    ("{tmp}/no-such-folder/x.db", "folder {tmp}/no-such-folder does not exist"),
    ("{tmp}", "is a folder, not a store file"),
    ("{tmp}/notes.txt", "not a SQLite database"),
    ("{tmp}/absent.db", "no store here"),
    ("mysql://u@localhost/db", "not mysql"),
    ("postgresql://127.0.0.1:1/x", "Connection refused"),
    ("postgresql://no_such_role_ww@127.0.0.1:5432/test", 'role "no_such_role_ww" does not exist'),
    ("postgresql://postgres@127.0.0.1:5432/no_such_db_ww", 'database "no_such_db_ww" does not'),
])
def test_a_store_that_cannot_be_opened_is_one_line_and_exit_2_and_nothing_is_created(
        tmp_path: Path, db: str, says: str) -> None:
    from click.testing import CliRunner

    from wirewatch.cli import main

    (tmp_path / "notes.txt").write_text("not a database\n")
    before = sorted(tmp_path.rglob("*"))
    for args in (["events"], ["conflicts"], ["stories"]):
        result = CliRunner().invoke(main, [*args, "--db", db.format(tmp=tmp_path)])
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("wirewatch: error: store ")
        assert says.format(tmp=tmp_path) in lines[0] and "Traceback" not in result.output
    assert sorted(tmp_path.rglob("*")) == before


def test_a_postgresql_writer_gathers_the_planners_statistics_as_the_store_grows(
        pg_schemas: Callable[[], str]) -> None:
    """Where autovacuum is off, lookups of the write path would scan whole tables: the
    writer runs ANALYZE after its first articles and again each time it has doubled them."""
    from sqlalchemy import text

    from wirewatch.document import Document
    from wirewatch.store import Extracted

    def analysed(store: Store) -> float:
        # the planner's row estimate: -1 until statistics are gathered, kept in the catalog
        with store.session() as s:
            return float(s.execute(text(
                "SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass")).scalar_one())

    with Store(pg_schemas(), analyze_after=3) as store:
        store.write_batch([Extracted(Document(f"d{i}", f"Text number {i}."), [], [])
                           for i in range(2)])
        before = analysed(store)
        store.write_batch([Extracted(Document(f"e{i}", f"Other text {i}."), [], [])
                           for i in range(2)])
        assert (before, analysed(store)) == (-1, 4)


def test_the_default_extractor_loads_the_pipeline_once_not_per_batch(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # decision 120: it built a new spaCy pipeline for every batch of an ingest
    from wirewatch.document import Document
    from wirewatch.resources import Resources
    from wirewatch.store.ingest import spacy_extractor

    loads: list[Resources] = []
    real = Resources.load

    def counted() -> Resources:
        loads.append(real())
        return loads[-1]

    monkeypatch.setattr(Resources, "load", staticmethod(counted))
    run = spacy_extractor()
    assert loads == []  # nothing is loaded until there is text to read
    first = run([Document("a", "Russian forces captured Avdiivka, the ministry said.")])
    second = run([Document("b", "Ukrainian troops withdrew from Avdiivka.")])
    assert len(loads) == 1
    assert [len(x.events) for x in first + second] == [1, 1]
