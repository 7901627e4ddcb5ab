"""accounts, analysts' review decisions and the audit trail

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Analysts correct the record without overwriting the machine's output (docs/review.md):

* ``accounts``: readers, analysts and admins, each with a token of its own (only its
  SHA-256 is stored);
* ``event_reviews``: the analyst's current verdict on a canonical event (status, the
  fields corrected, a version for optimistic concurrency), one per event;
* ``review_decisions``: the audit trail, one row per change (who, when, what, the
  values before and after, the note), never updated;
* ``canonical_events.review_status`` and ``machine`` (the machine's values of the fields
  an analyst corrected; the columns hold the values in force), and ``articles.irrelevant``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('role', sa.String(length=12), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('disabled_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name'),
        sa.UniqueConstraint('token_hash'))
    op.create_table(
        'event_reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('canonical_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=False),
        sa.Column('anchor', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('reviewed_by', sa.String(length=100), nullable=False),
        sa.Column('reviewed_at', sa.DateTime(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['canonical_id'], ['canonical_events.id'],
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('canonical_id'))
    op.create_table(
        'review_decisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('target_kind', sa.String(length=12), nullable=False),
        sa.Column('target_id', sa.BigInteger(), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('before', sa.JSON(), nullable=True),
        sa.Column('after', sa.JSON(), nullable=True),
        sa.Column('actor', sa.String(length=100), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_review_decisions_target', 'review_decisions',
                    ['target_kind', 'target_id', 'id'])
    op.create_index('ix_review_decisions_at', 'review_decisions', ['at'])
    # plain ALTER TABLE ... ADD COLUMN (no batch copy: the tables keep their triggers)
    op.add_column('canonical_events', sa.Column('review_status', sa.String(length=12),
                                                nullable=False, server_default='unreviewed'))
    op.add_column('canonical_events', sa.Column('machine', sa.JSON(), nullable=True))
    op.create_index('ix_canonical_events_review', 'canonical_events',
                    ['review_status', 'sort_date', 'id'])
    op.add_column('articles', sa.Column('irrelevant', sa.Boolean(), nullable=False,
                                        server_default=sa.false()))


def downgrade() -> None:
    op.drop_column('articles', 'irrelevant')
    op.drop_index('ix_canonical_events_review', table_name='canonical_events')
    op.drop_column('canonical_events', 'machine')
    op.drop_column('canonical_events', 'review_status')
    op.drop_index('ix_review_decisions_at', table_name='review_decisions')
    op.drop_index('ix_review_decisions_target', table_name='review_decisions')
    op.drop_table('review_decisions')
    op.drop_table('event_reviews')
    op.drop_table('accounts')
