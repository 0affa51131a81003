"""versions: a re-render is a new row pointing at the ad it edits, numbered v2, v3, ...

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild): existing ads read as version 1 of themselves.
    op.add_column("generations", sa.Column("parent_id", sa.Integer(), nullable=True))
    op.add_column(
        "generations", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("generations", sa.Column("reused_clips", sa.Integer(), nullable=True))
    op.add_column("generations", sa.Column("planned", sa.Boolean(), nullable=True))
    op.create_index("ix_generations_parent_id", "generations", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_generations_parent_id", table_name="generations")
    with op.batch_alter_table("generations") as batch:
        batch.drop_column("planned")
        batch.drop_column("reused_clips")
        batch.drop_column("version")
        batch.drop_column("parent_id")
