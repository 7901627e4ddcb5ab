"""indexes for the API's filtered, ordered event lists, map, timeline and evidence search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Each filter the API offers alone is served by an index that also gives the list order
(``sort_date`` descending, then id), so a page of 50 reads about 50 index entries
whatever the store's size; the timeline and the map's count of events per place and
type read covering indexes only.

Free-text search over evidence sentences gets a full-text index: in SQLite an FTS5
table with the event mentions as its content, kept in step by triggers (so the write
path needs no change); in PostgreSQL a GIN index on ``to_tsvector('simple', ...)``.
Neither is declared in the models: ``wirewatch.store.db.IGNORED_SCHEMA_NAMES`` keeps
them out of autogenerate comparisons.
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = {
    'ix_canonical_events_type_order': ['type', 'sort_date', 'id'],
    'ix_canonical_events_admin1_order': ['admin1', 'sort_date', 'id'],
    'ix_canonical_events_geonameid_order': ['geonameid', 'sort_date', 'id'],
    'ix_canonical_events_n_conflicts': ['n_conflicts'],
    'ix_canonical_events_day_type': ['sort_date', 'type', 'date_value'],
    'ix_canonical_events_map': ['geonameid', 'type', 'sort_date', 'n_sources', 'n_conflicts'],
}


SQLITE_FTS = [
    "CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence_text, content='event_mentions', "
    "content_rowid='id')",
    "CREATE TRIGGER evidence_fts_insert AFTER INSERT ON event_mentions BEGIN "
    "INSERT INTO evidence_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END",
    "CREATE TRIGGER evidence_fts_delete AFTER DELETE ON event_mentions BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, evidence_text) "
    "VALUES ('delete', old.id, old.evidence_text); END",
    "CREATE TRIGGER evidence_fts_update AFTER UPDATE OF evidence_text ON event_mentions BEGIN "
    "INSERT INTO evidence_fts(evidence_fts, rowid, evidence_text) "
    "VALUES ('delete', old.id, old.evidence_text); "
    "INSERT INTO evidence_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END",
    "INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')",
]
PG_FTS = ("CREATE INDEX ix_event_mentions_evidence_fts ON event_mentions "
          "USING gin (to_tsvector('simple'::regconfig, evidence_text))")


# PostgreSQL reads a b-tree backwards as DESC NULLS FIRST, but the list puts events
# without any date last: there, indexes that say so give the list order. They are not in
# the models (expression indexes; see IGNORED_SCHEMA_NAMES).
PG_ORDERED = {'ix_pg_events_order': None, 'ix_pg_events_type_order': 'type',
              'ix_pg_events_admin1_order': 'admin1',
              'ix_pg_events_geonameid_order': 'geonameid'}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    if dialect == 'sqlite':
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == 'postgresql':
        op.execute(PG_FTS)
        for name, first in PG_ORDERED.items():
            lead = f"{first}, " if first else ""
            op.execute(f"CREATE INDEX {name} ON canonical_events "
                       f"({lead}sort_date DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for trigger in ('insert', 'delete', 'update'):
            op.execute(f"DROP TRIGGER IF EXISTS evidence_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS evidence_fts")
    elif dialect == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_event_mentions_evidence_fts")
        for name in PG_ORDERED:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
