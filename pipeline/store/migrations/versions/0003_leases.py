"""leases on generations, never-reused ids, and a log of generation starts

- generations: who runs the row (owner_host, owner_pid, owner_token), its heartbeat and lease
  expiry, and the queue position while it waits for a place to run;
- generations is rebuilt with AUTOINCREMENT (SQLite): a deleted row's id is never reused;
- generation_starts: one row per generation started; the hourly limit counts these, so
  deleting an ad does not free its slot. Filled from the existing generations.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 16:30:00
"""

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _rebuild() -> Literal["always", "auto"]:
    # Only SQLite reuses ids (its table must be rebuilt to gain AUTOINCREMENT); PostgreSQL's
    # sequences never do, so there the columns are simply added.
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table(
        "generations", recreate=_rebuild(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("queue_position", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_host", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("owner_pid", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_token", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_generations_owner_token", ["owner_token"], unique=False)
    op.create_table(
        "generation_starts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_generation_starts_user_started", "generation_starts", ["user_id", "started_at"]
    )
    op.execute(
        "INSERT INTO generation_starts (user_id, started_at) "
        "SELECT user_id, created_at FROM generations ORDER BY id"
    )


def downgrade() -> None:
    op.drop_index("ix_generation_starts_user_started", table_name="generation_starts")
    op.drop_table("generation_starts")
    with op.batch_alter_table("generations", recreate=_rebuild()) as batch_op:
        batch_op.drop_index("ix_generations_owner_token")
        for name in (
            "lease_expires_at", "heartbeat_at", "owner_token", "owner_pid", "owner_host",
            "queue_position",
        ):
            batch_op.drop_column(name)
