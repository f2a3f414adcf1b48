"""paimon-rust (PyPI `pypaimon-rust`) behind the paimon-interop gateway protocol.

Paimon's Rust implementation has two documented ways in: DataFusion SQL through its own
`SQLContext` (DDL, INSERT, SELECT, system tables, MERGE INTO, time travel) and a table API
(`new_incremental_scan` for incremental reads, which its SQL does not offer). The TypeScript
adapter turns portable actions into SQL; this gateway runs SQL, and `read-incremental` through
the table API. Rows and types are the arrow ones, as read. One SQLContext per principal.
"""
import hashlib
import importlib.metadata
import json

import pyarrow as pa
from pypaimon_rust.datafusion import PaimonCatalog, SQLContext

from arrow_values import table_rows
from gateway_server import catalog_options, serve

CATALOG_NAME = "paimon"
_sessions = {}


class UnsupportedOperation(Exception):
    pass


def session_for(credentials):
    """(SQLContext, PaimonCatalog) of one principal, made once."""
    options = catalog_options(credentials)
    key = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()
    if key not in _sessions:
        ctx = SQLContext()
        # "" skips creating a default database: the harness only creates objects under its prefix.
        ctx.register_catalog(CATALOG_NAME, options, "")
        ctx.set_current_catalog(CATALOG_NAME)
        _sessions[key] = (ctx, PaimonCatalog(options))
    return _sessions[key]


def arrow_result(schema, batches):
    """Columns with their arrow types, and exact wire values (nanoseconds kept)."""
    table = pa.Table.from_batches(batches, schema=schema) if batches else schema.empty_table()
    columns = [{"name": f.name, "type": str(f.type)} for f in schema]
    return columns, table_rows(table)


def run_sql(ctx, sql):
    batches = ctx.sql(sql)
    if not batches:
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
    ctx, catalog = session_for(credentials)
    ctx.set_current_database(database)
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
