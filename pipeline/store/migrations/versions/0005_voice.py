"""voice: what the voice-over said (engine, voice, seconds, script) and the caption sidecars

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild): existing ads keep their rows and read as no voice.
    op.add_column("generations", sa.Column("voice", sa.JSON(), nullable=True))
    op.add_column("generations", sa.Column("captions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("generations") as batch:
        batch.drop_column("captions")
        batch.drop_column("voice")
