"""money columns as 64-bit integers: micro-dollars overflow a 32-bit column at $2,147.48

SQLite's INTEGER is already 64-bit; PostgreSQL's INTEGER is not, so a shared deployment
would fail to record a user's spend past $2,147.48.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = (("users", "total_cost_micros"), ("generations", "cost_micros"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # already 64-bit; a batch rebuild would only risk the foreign-key cascade
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
