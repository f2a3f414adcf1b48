"""paimon-rust (PyPI `pypaimon-rust`) behind the paimon-interop gateway protocol.

Paimon's Rust implementation has two documented ways in: DataFusion SQL through its own
`SQLContext` (DDL, INSERT, SELECT, system tables, MERGE INTO, time travel) and a table API
(`new_incremental_scan` for incremental reads, which its SQL does not offer). The TypeScript
adapter turns portable actions into SQL; this gateway runs SQL, and `read-incremental` through
the table API. Rows and types are the arrow ones, as read. One SQLContext per principal.
"""
import importlib.metadata
import os

import pyarrow as pa
from pypaimon_rust.datafusion import PaimonCatalog, SQLContext

from arrow_values import table_rows
from gateway_server import per_principal, serve

CATALOG_NAME = "paimon"
_sessions = {}
_session_zones = {}


class UnsupportedOperation(Exception):
    pass


def open_session(options):
    """A SQLContext with the Paimon catalog registered, and the catalog for the table API."""
    ctx = SQLContext()
    # "" skips creating a default database: the harness only creates objects under its prefix.
    ctx.register_catalog(CATALOG_NAME, options, "")
    ctx.set_current_catalog(CATALOG_NAME)
    return ctx, PaimonCatalog(options)


def arrow_result(schema, batches):
    """Columns with their arrow types, and exact wire values (nanoseconds kept)."""
    table = pa.Table.from_batches(batches, schema=schema) if batches else schema.empty_table()
    columns = [{"name": f.name, "type": str(f.type)} for f in schema]
    return columns, table_rows(table)


def run_sql(ctx, sql):
    batches = ctx.sql(sql)
    if not batches:
        # SQLContext.sql returns no batch at all for an empty result, so there is no schema to
        # report: a zero-row SELECT answers zero columns (checked on pypaimon-rust 0.4.0).
        return [], []
    return arrow_result(batches[0].schema, batches)


def read_incremental(catalog, database, request):
    # The Rust table API's documented incremental read: snapshots (start, end], delta mode.
    table = catalog.get_table((database, request["table"]))
    builder = table.new_read_builder()
    plan = builder.new_incremental_scan(request["start"], request["end"]).plan()
    batches = builder.new_read().read(plan.splits())
    if not batches:
        return empty_result(table)
    return arrow_result(batches[0].schema, batches)


def empty_result(table):
    """No rows: the columns are the table's, typed as the Paimon schema names them."""
    return [{"name": f.name(), "type": f.field_type()} for f in table.schema().fields()], []


def execute(request, database, credentials):
    ctx, catalog = per_principal(_sessions, credentials, open_session)
    ctx.set_current_database(database)
    # The step's session zone (gateway_server set it as the process zone): DataFusion's own setting.
    zone = os.environ.get("TZ", "UTC")
    if _session_zones.get(id(ctx), "UTC") != zone:
        ctx.sql("SET datafusion.execution.time_zone = '%s'" % zone.replace("'", "''"))
        _session_zones[id(ctx)] = zone
    kind = request["kind"]
    if kind == "sql":
        columns, rows = run_sql(ctx, request["sql"])
        return columns, rows, request["sql"]
    if kind == "read-incremental":
        columns, rows = read_incremental(catalog, database, request)
        statement = "paimon-rust new_incremental_scan(%d, %d) %s.%s" % (request["start"], request["end"], database, request["table"])
        return columns, rows, statement
    raise UnsupportedOperation("the paimon-rust gateway takes SQL and read-incremental; the adapter translates the other actions")


if __name__ == "__main__":
    serve("paimon-rust", importlib.metadata.version("pypaimon-rust"), execute)
