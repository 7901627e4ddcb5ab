"""articles carry their language

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

Each article is read by the pipeline of its language, given by its input or detected
(docs/languages.md); the store keeps that language (ISO 639-1) with the article.
Articles stored before were all read as English, which is what they are given here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN (no batch copy: the table keeps its triggers)
    op.add_column('articles', sa.Column('lang', sa.String(length=8), nullable=True))
    op.execute("UPDATE articles SET lang = 'en' WHERE lang IS NULL")


def downgrade() -> None:
    op.drop_column('articles', 'lang')
