"""Raw SQL that only PostgreSQL runs (triggers, generated search columns, GIN indexes); SQLite skips it."""

from django.db import migrations


def postgresql_only(forward: list[str], backward: list[str]) -> migrations.RunPython:
    """A migration operation that executes the statements in order on PostgreSQL and does nothing elsewhere."""

    def run(statements):
        def execute(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for statement in statements:
                # No parameters: a literal % in the SQL stays as it is.
                schema_editor.execute(statement, params=None)

        return execute

    return migrations.RunPython(run(forward), run(backward), elidable=False)
