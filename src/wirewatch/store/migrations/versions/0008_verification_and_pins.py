"""verification of events, and analysts' merges and splits kept beside fusion

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

* ``canonical_events.verification``: the verification status in force (``unverified``,
  ``corroborated``, or an analyst's ``confirmed`` / ``refuted``), filterable;
* ``event_reviews.verification``, ``verified_by``, ``verified_at``, ``evidence_url``,
  ``verification_note``: the analyst's verdict on whether the event happened, with the
  evidence cited (kept with the review, so it follows the event and its version);
* ``pin_groups`` and ``mention_pins``: mentions an analyst put together (a merge) or
  apart (a split), by the mention's stable identity (``event_mentions.fuse_order``), and
  the canonical event each group is held in; fusion applies them (docs/review.md);
* ``articles.family_alone``: an article an analyst split out of its rewrite family
  (new links do not pull it back).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN (no batch copy: the tables keep their triggers)
    op.add_column('canonical_events', sa.Column('verification', sa.String(length=12),
                                                nullable=False, server_default='unverified'))
    op.create_index('ix_canonical_events_verification', 'canonical_events',
                    ['verification', 'sort_date', 'id'])
    # the events of a stored corpus that are corroborated already (write.resummarise keeps
    # it from now on): two or more independent sources, and no member denies it
    op.execute("UPDATE canonical_events SET verification = 'corroborated' "
               "WHERE n_sources >= 2 AND NOT EXISTS (SELECT 1 FROM canonical_members cm "
               "JOIN event_mentions em ON em.id = cm.event_mention_id "
               "WHERE cm.canonical_id = canonical_events.id AND em.modality = 'denied')")
    op.add_column('event_reviews', sa.Column('verification', sa.String(length=12),
                                             nullable=True))
    op.add_column('event_reviews', sa.Column('verified_by', sa.String(length=100),
                                             nullable=True))
    op.add_column('event_reviews', sa.Column('verified_at', sa.DateTime(), nullable=True))
    op.add_column('event_reviews', sa.Column('evidence_url', sa.String(length=2048),
                                             nullable=True))
    op.add_column('event_reviews', sa.Column('verification_note', sa.Text(), nullable=True))
    op.create_table(
        'pin_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('canonical_id', sa.Integer(), nullable=True),
        sa.Column('created_by', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_pin_groups_canonical_id', 'pin_groups', ['canonical_id'])
    op.create_table(
        'mention_pins',
        sa.Column('mention_key', sa.String(length=120), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['pin_groups.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('mention_key'))
    op.create_index('ix_mention_pins_group_id', 'mention_pins', ['group_id'])
    op.create_index('ix_event_mentions_fuse_order', 'event_mentions', ['fuse_order'])
    op.add_column('articles', sa.Column('family_alone', sa.Boolean(), nullable=False,
                                        server_default=sa.false()))


def downgrade() -> None:
    op.drop_column('articles', 'family_alone')
    op.drop_index('ix_event_mentions_fuse_order', table_name='event_mentions')
    op.drop_index('ix_mention_pins_group_id', table_name='mention_pins')
    op.drop_table('mention_pins')
    op.drop_index('ix_pin_groups_canonical_id', table_name='pin_groups')
    op.drop_table('pin_groups')
    for col in ('verification_note', 'evidence_url', 'verified_at', 'verified_by',
                'verification'):
        op.drop_column('event_reviews', col)
    op.drop_index('ix_canonical_events_verification', table_name='canonical_events')
    op.drop_column('canonical_events', 'verification')
