"""Rows copied in SQL for the benches that need books of a size the ORM would take hours to write.

The bench scripts run in ``odoo-bin shell`` (standard input); ``scripts/bench.mjs`` puts this folder in
``BENCH_SCRIPTS`` so that they import it. Each copy keeps every column of a row Odoo wrote itself, so the books are
Odoo's own rows, many times over.
"""

from odoo.tools import SQL


def columns(cr, table):
    """The table's columns but ``id``, in their order."""
    cr.execute(SQL("SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name "
                   "!= 'id' ORDER BY ordinal_position", table))
    return [name for (name,) in cr.fetchall()]


def clone(cr, table, template_id, source, overrides):
    """Copies of row ``template_id`` of ``table``, one per row of ``source`` (SQL giving at least ``g``, the copy's
    number from 1); ``overrides`` {column: SQL over ``g`` and the source's columns}. Returns the new ids in order."""
    names = columns(cr, table)
    values = [overrides.get(name, SQL("t.%s", SQL.identifier(name))) for name in names]
    cr.execute(SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s t, %s WHERE t.id = %s ORDER BY g RETURNING id",
        SQL.identifier(table), SQL(", ").join(SQL.identifier(n) for n in names), SQL(", ").join(values),
        SQL.identifier(table), source, template_id))
    return [row[0] for row in cr.fetchall()]
