"""event mentions carry the key, window and identity canonical-event fusion needs

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Canonical events became a function of the set of stored mentions, not of the order
they arrived in (docs/reliability.md, "Same store whatever the order"): a write clusters
again the group of mentions it touched, found by key and window. Each mention now keeps
its fuse key, window and a content-derived identity (``fuse_order``), filled here for
mentions already stored (with the bundled fusion settings). Canonical events already
stored keep their members until a new mention touches their group.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

CHUNK = 2000


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN (no batch copy: the table keeps its FTS triggers)
    op.add_column('event_mentions', sa.Column('fuse_key', sa.String(length=200), nullable=True))
    op.add_column('event_mentions', sa.Column('window_lo', sa.Date(), nullable=True))
    op.add_column('event_mentions', sa.Column('window_hi', sa.Date(), nullable=True))
    op.add_column('event_mentions', sa.Column('fuse_order', sa.String(length=120),
                                              nullable=True))
    op.create_index('ix_event_mentions_fuse', 'event_mentions', ['fuse_key', 'window_lo'])
    _backfill()


def _backfill() -> None:
    from wirewatch.fuse.events import fusion_place
    from wirewatch.store.write import fuse_order

    mentions = sa.table('event_mentions', sa.column('id', sa.Integer),
                        sa.column('article_id', sa.Integer), sa.column('data', sa.JSON),
                        sa.column('fuse_key', sa.String), sa.column('window_lo', sa.Date),
                        sa.column('window_hi', sa.Date), sa.column('fuse_order', sa.String))
    articles = sa.table('articles', sa.column('id', sa.Integer),
                        sa.column('published', sa.Date), sa.column('content_hash', sa.String))
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(mentions.c.id, mentions.c.data, articles.c.published,
                      articles.c.content_hash)
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(mentions.c.id > last).order_by(mentions.c.id).limit(CHUNK)).all()
        if not rows:
            return
        updates: list[dict[str, Any]] = []
        for mid, data, published, chash in rows:
            key, window = fusion_place(data or {}, published)
            updates.append({"mid": mid, "fuse_key": key,
                            "window_lo": window[0] if window else None,
                            "window_hi": window[1] if window else None,
                            "fuse_order": fuse_order(chash, data or {})})
        bind.execute(mentions.update().where(mentions.c.id == sa.bindparam("mid"))
                     .values(fuse_key=sa.bindparam("fuse_key"),
                             window_lo=sa.bindparam("window_lo"),
                             window_hi=sa.bindparam("window_hi"),
                             fuse_order=sa.bindparam("fuse_order")), updates)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index('ix_event_mentions_fuse', table_name='event_mentions')
    for column in ('fuse_order', 'window_hi', 'window_lo', 'fuse_key'):
        op.drop_column('event_mentions', column)
