"""brand kits: a user's logo, colours, font style and product photos; the kit of a generation

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brand_kits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("logo", sa.String(length=100), nullable=True),
        sa.Column("colors", sa.JSON(), nullable=False),
        sa.Column("font_style", sa.String(length=16), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "name", name="uq_brand_kits_user_name"),
    )
    op.create_index("ix_brand_kits_user_id", "brand_kits", ["user_id"])
    op.create_table(
        "generation_brand_kits",
        sa.Column("generation_id", sa.Integer(), nullable=False),
        sa.Column("kit_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["generation_id"], ["generations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["kit_id"], ["brand_kits.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("generation_id"),
    )


def downgrade() -> None:
    op.drop_table("generation_brand_kits")
    op.drop_index("ix_brand_kits_user_id", table_name="brand_kits")
    op.drop_table("brand_kits")
