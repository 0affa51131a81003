"""variant groups and per-generation estimates: ads made together from one prompt, and
what each was expected to cost and take when it was started

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "variant_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_variant_groups_user_id", "variant_groups", ["user_id"])
    op.create_table(
        "generation_variants",
        sa.Column("generation_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("letter", sa.String(length=1), nullable=False),
        sa.Column("direction", sa.JSON(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["generation_id"], ["generations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["variant_groups.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("generation_id"),
    )
    op.create_index("ix_generation_variants_group_id", "generation_variants", ["group_id"])
    op.create_table(
        "generation_quotes",
        sa.Column("generation_id", sa.Integer(), nullable=False),
        sa.Column("estimate_micros", sa.BigInteger(), nullable=False),
        sa.Column("estimate_s", sa.Float(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=True),
        sa.Column("formats", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["generation_id"], ["generations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("generation_id"),
    )


def downgrade() -> None:
    op.drop_table("generation_quotes")
    op.drop_index("ix_generation_variants_group_id", table_name="generation_variants")
    op.drop_table("generation_variants")
    op.drop_index("ix_variant_groups_user_id", table_name="variant_groups")
    op.drop_table("variant_groups")
