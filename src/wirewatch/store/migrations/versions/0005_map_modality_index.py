"""the map's per-place counts by modality read a covering index again

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

The map groups the events of each place by type *and modality* (so that a denial-only
event is never drawn as a claim); the covering index of migration 0002 lacked the
modality, so the grouping read the table (map p50 at 100,000 events went from 58 to
213 ms). The index now carries it.
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD = ['geonameid', 'type', 'sort_date', 'n_sources', 'n_conflicts']
NEW = ['geonameid', 'type', 'modality', 'sort_date', 'n_sources', 'n_conflicts']


def upgrade() -> None:
    op.drop_index('ix_canonical_events_map', table_name='canonical_events')
    op.create_index('ix_canonical_events_map', 'canonical_events', NEW)


def downgrade() -> None:
    op.drop_index('ix_canonical_events_map', table_name='canonical_events')
    op.create_index('ix_canonical_events_map', 'canonical_events', OLD)
