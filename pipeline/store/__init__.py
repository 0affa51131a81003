"""Storage: the database schema and migrations, users, ads, brand kits."""
