"""watched sources: the state of the feeds and pages ``wirewatch watch`` polls

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

``watch_sources``: one row per feed or page (docs/watch.md): its ETag and Last-Modified
for conditional requests, the item links already fetched, the last success, the last
error and its reason, errors in a row, the next poll, items seen and articles stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watch_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=2048), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=True),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.String(length=100), nullable=True),
        sa.Column('last_success', sa.DateTime(), nullable=True),
        sa.Column('last_error_at', sa.DateTime(), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('next_poll', sa.DateTime(), nullable=True),
        sa.Column('items_seen', sa.Integer(), nullable=False),
        sa.Column('stored', sa.Integer(), nullable=False),
        sa.Column('seen', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'))


def downgrade() -> None:
    op.drop_table('watch_sources')
