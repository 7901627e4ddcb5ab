"""rewrite families carry a version (optimistic concurrency of analysts' decisions)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

* ``rewrite_families.version``: how many analysts' decisions (merge, split, an article
  put back) the family has had; a decision names the version it was made on and a stale
  one is refused (409), as for events (docs/review.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('rewrite_families', sa.Column('version', sa.Integer(), nullable=False,
                                                server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('rewrite_families') as batch:
        batch.drop_column('version')
