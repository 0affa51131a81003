"""formats: the formats and length asked for, and each format's video and thumbnail

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 19:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: existing ads read as one 9:16 video of the settings' length.
    op.add_column("generations", sa.Column("formats", sa.JSON(), nullable=True))
    op.add_column("generations", sa.Column("target_duration_s", sa.Float(), nullable=True))
    op.add_column("generations", sa.Column("videos", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("generations") as batch:
        batch.drop_column("videos")
        batch.drop_column("target_duration_s")
        batch.drop_column("formats")
