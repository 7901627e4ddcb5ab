"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_canonical_events_and_families()
    _create_articles_conflicts_and_keys()
    _create_mentions_and_flags()
    _create_links_and_members()


def _create_canonical_events_and_families() -> None:
    """Create the tables of canonical events and rewrite families (no foreign keys)."""
    op.create_table('canonical_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fuse_key', sa.String(length=200), nullable=True),
    sa.Column('type', sa.String(length=60), nullable=False),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('aggregate', sa.Boolean(), nullable=False),
    sa.Column('geonameid', sa.BigInteger(), nullable=True),
    sa.Column('place', sa.JSON(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('window_lo', sa.Date(), nullable=True),
    sa.Column('window_hi', sa.Date(), nullable=True),
    sa.Column('date_value', sa.String(length=40), nullable=True),
    sa.Column('date_precision', sa.String(length=12), nullable=False),
    sa.Column('sort_date', sa.Date(), nullable=True),
    sa.Column('modality', sa.String(length=12), nullable=False),
    sa.Column('count_value', sa.BigInteger(), nullable=True),
    sa.Column('extent', sa.String(length=12), nullable=True),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_conflicts', sa.Integer(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_canonical_events_geonameid'), ['geonameid'], unique=False)
        batch_op.create_index('ix_canonical_events_key_window', ['fuse_key', 'window_lo'], unique=False)
        batch_op.create_index(batch_op.f('ix_canonical_events_n_sources'), ['n_sources'], unique=False)
        batch_op.create_index(batch_op.f('ix_canonical_events_sort_date'), ['sort_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_canonical_events_type'), ['type'], unique=False)

    op.create_table('rewrite_families',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('head_article_id', sa.Integer(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('first_published', sa.Date(), nullable=True),
    sa.Column('last_published', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rewrite_families', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rewrite_families_first_published'), ['first_published'], unique=False)


def _create_articles_conflicts_and_keys() -> None:
    """Create the tables of articles, conflicts between mentions, article event keys."""
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('doc_id', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('site_name', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('minhash', sa.LargeBinary(), nullable=False),
    sa.Column('features', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['rewrite_families.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('conflicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('canonical_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value_a', sa.Text(), nullable=False),
    sa.Column('value_b', sa.Text(), nullable=False),
    sa.Column('mentions_a', sa.JSON(), nullable=False),
    sa.Column('mentions_b', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['canonical_id'], ['canonical_events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_canonical_id'), ['canonical_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflicts_kind'), ['kind'], unique=False)

    op.create_table('article_event_keys',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'article_id')
    )
    with op.batch_alter_table('article_event_keys', schema=None) as batch_op:
        batch_op.create_index('ix_article_event_keys_key_published', ['key', 'published'], unique=False)


def _create_mentions_and_flags() -> None:
    """Create the tables of event and place mentions, LSH bands, name flags."""
    op.create_table('event_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=60), nullable=False),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('geonameid', sa.BigInteger(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('date_value', sa.String(length=40), nullable=True),
    sa.Column('date_precision', sa.String(length=12), nullable=False),
    sa.Column('date_basis', sa.String(length=12), nullable=False),
    sa.Column('count_value', sa.BigInteger(), nullable=True),
    sa.Column('claimant', sa.Text(), nullable=True),
    sa.Column('modality', sa.String(length=12), nullable=False),
    sa.Column('extent', sa.String(length=12), nullable=True),
    sa.Column('aggregate', sa.Boolean(), nullable=False),
    sa.Column('evidence_text', sa.Text(), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_event_mentions_type_geonameid', ['type', 'geonameid'], unique=False)

    op.create_table('lsh_bands',
    sa.Column('band_key', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band_key', 'article_id')
    )
    op.create_table('name_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('name_a', sa.Text(), nullable=False),
    sa.Column('start_a', sa.Integer(), nullable=False),
    sa.Column('end_a', sa.Integer(), nullable=False),
    sa.Column('name_b', sa.Text(), nullable=False),
    sa.Column('start_b', sa.Integer(), nullable=False),
    sa.Column('end_b', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('name_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_name_flags_article_id'), ['article_id'], unique=False)

    op.create_table('place_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('geonameid', sa.BigInteger(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=True),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_mentions_geonameid'), ['geonameid'], unique=False)


def _create_links_and_members() -> None:
    """Create the tables of rewrite links and canonical members (tie the rest together)."""
    op.create_table('rewrite_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'other_id')
    )
    with op.batch_alter_table('rewrite_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rewrite_links_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rewrite_links_other_id'), ['other_id'], unique=False)

    op.create_table('canonical_members',
    sa.Column('event_mention_id', sa.Integer(), nullable=False),
    sa.Column('canonical_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['canonical_id'], ['canonical_events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_mention_id'], ['event_mentions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_mention_id')
    )
    with op.batch_alter_table('canonical_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_canonical_members_canonical_id'), ['canonical_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('canonical_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_canonical_members_canonical_id'))

    op.drop_table('canonical_members')
    with op.batch_alter_table('rewrite_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rewrite_links_other_id'))
        batch_op.drop_index(batch_op.f('ix_rewrite_links_article_id'))

    op.drop_table('rewrite_links')
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_mentions_geonameid'))
        batch_op.drop_index(batch_op.f('ix_place_mentions_article_id'))

    op.drop_table('place_mentions')
    with op.batch_alter_table('name_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_name_flags_article_id'))

    op.drop_table('name_flags')
    op.drop_table('lsh_bands')
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_event_mentions_type_geonameid')
        batch_op.drop_index(batch_op.f('ix_event_mentions_article_id'))

    op.drop_table('event_mentions')
    with op.batch_alter_table('article_event_keys', schema=None) as batch_op:
        batch_op.drop_index('ix_article_event_keys_key_published')

    op.drop_table('article_event_keys')
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflicts_kind'))
        batch_op.drop_index(batch_op.f('ix_conflicts_canonical_id'))

    op.drop_table('conflicts')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))
        batch_op.drop_index(batch_op.f('ix_articles_family_id'))

    op.drop_table('articles')
    with op.batch_alter_table('rewrite_families', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rewrite_families_first_published'))

    op.drop_table('rewrite_families')
    with op.batch_alter_table('canonical_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_canonical_events_type'))
        batch_op.drop_index(batch_op.f('ix_canonical_events_sort_date'))
        batch_op.drop_index(batch_op.f('ix_canonical_events_n_sources'))
        batch_op.drop_index('ix_canonical_events_key_window')
        batch_op.drop_index(batch_op.f('ix_canonical_events_geonameid'))

    op.drop_table('canonical_events')
