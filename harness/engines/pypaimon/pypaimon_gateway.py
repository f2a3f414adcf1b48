"""pypaimon behind the paimon-interop gateway protocol (see gateway_server.py).

pypaimon has no SQL: it runs the portable actions natively (create-table, insert, read,
read-incremental, list-snapshots, alter-table, drop-table). A `sql` request is answered as unsupported.
"""
import datetime
import decimal
import importlib.metadata
import itertools
import json
import re

import pyarrow as pa
from pypaimon import CatalogFactory, Schema
from pypaimon.schema.data_types import DataField, DataTypeParser, PyarrowFieldParser
try:  # pypaimon < 1.4 has no schema changes
    from pypaimon.schema.schema_change import Move, SchemaChange
except ImportError:
    Move = SchemaChange = None
from pypaimon.snapshot.snapshot_manager import SnapshotManager
try:  # a (database, table) pair, so a database name with a dot is not split as "database.table"
    from pypaimon.common.identifier import Identifier
except ImportError:
    Identifier = None

from arrow_values import build_column, table_rows, to_arrow_value
from gateway_server import per_principal, serve

try:  # pypaimon 2.0+: VARIANT values are built and decoded by its GenericVariant
    from pypaimon.data.generic_variant import GenericVariant
except ImportError:
    GenericVariant = None

_catalogs = {}


class UnsupportedOperation(Exception):
    pass


def catalog_for(credentials):
    """One catalog per principal; the default uses the environment's own credential."""
    return per_principal(_catalogs, credentials, CatalogFactory.create)


def type_name(data_type):
    """The Paimon SQL spelling of a column type (pypaimon keeps nested types as dicts)."""
    return sql_type(data_type.to_dict())


def sql_type(spec):
    if isinstance(spec, str):
        return spec
    kind = spec.get("type")
    if kind == "ARRAY":
        return "ARRAY<%s>" % sql_type(spec["element"])
    if kind == "ROW":
        return "ROW<%s>" % ", ".join("%s %s" % (f["name"], sql_type(f["type"])) for f in spec["fields"])
    if isinstance(kind, str) and kind.startswith("MAP"):
        return "MAP<%s, %s>" % (sql_type(spec["key"]), sql_type(spec["value"]))
    if isinstance(kind, str) and "key" not in spec:
        return kind if spec.get("nullable", True) else kind + " NOT NULL"
    return json.dumps(spec)


def read_arrow(table, columns=None, where=None, limit=None):
    builder = table.new_read_builder()
    if where is not None:
        builder = builder.with_filter(predicate(builder.new_predicate_builder(), table, where))
    if columns:
        builder = builder.with_projection(columns)
    if limit is not None:
        builder = builder.with_limit(limit)
    splits = builder.new_scan().plan().splits()
    return builder.new_read().to_arrow(splits)


def predicate(pb, table, node):
    """The harness's portable filter (negation normal form: no NOT above a leaf) as pypaimon's
    predicate; literals become the Python values of their column's arrow type."""
    op = node["op"]
    if op in ("and", "or"):
        parts = [predicate(pb, table, a) for a in node["args"]]
        return type(pb).and_predicates(parts) if op == "and" else type(pb).or_predicates(parts)
    column = node["column"]
    arrow_type = PyarrowFieldParser.from_paimon_schema([f for f in table.fields if f.name == column])[0].type \
        if any(f.name == column for f in table.fields) else None

    def lit(v):
        if v is None or arrow_type is None:
            return v
        if pa.types.is_timestamp(arrow_type):
            return build_column([v], arrow_type)[0].as_py()
        return to_arrow_value(v, arrow_type)

    simple = {"=": pb.equal, "<>": pb.not_equal, "<": pb.less_than, "<=": pb.less_or_equal,
              ">": pb.greater_than, ">=": pb.greater_or_equal}
    if op in simple:
        return simple[op](column, lit(node["value"]))
    if op == "is-null":
        return pb.is_null(column)
    if op == "is-not-null":
        return pb.is_not_null(column)
    if op in ("in", "not-in"):
        values = [lit(v) for v in node["values"]]
        return pb.is_in(column, values) if op == "in" else pb.is_not_in(column, values)
    if op in ("between", "not-between"):
        low, high = lit(node["low"]), lit(node["high"])
        return pb.between(column, low, high) if op == "between" else pb.not_between(column, low, high)
    if op == "starts-with":
        return pb.startswith(column, node["prefix"])
    if op == "not-starts-with":
        raise UnsupportedOperation("pypaimon's PredicateBuilder has no NOT LIKE (no negation of startswith)")
    raise UnsupportedOperation("unknown predicate %s" % op)


def is_variant(type_text):
    return type_text is not None and type_text.split(" ")[0] == "VARIANT"


def variant_json(d):
    """A VARIANT struct (value and metadata bytes, as pypaimon 2.0+ reads it) as its JSON text,
    decoded by pypaimon's own GenericVariant."""
    if d is None:
        return None
    return json.dumps(GenericVariant.from_arrow_struct(d).to_python(), separators=(",", ":"), default=_variant_scalar)


def _variant_scalar(v):
    # JSON has one number type: the harness compares variant JSON as parsed numbers (doubles).
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    raise TypeError("not a variant value: %r" % (v,))


def variant_column(values):
    """VARIANT values given as JSON text, as pypaimon's VARIANT struct array."""
    if GenericVariant is None:
        raise ValueError("Unsupported data type: VARIANT (this pypaimon has no GenericVariant)")
    parsed = [None if v is None else GenericVariant.from_python(json.loads(v) if isinstance(v, str) else v) for v in values]
    return GenericVariant.to_arrow_array(parsed)


def result(table, arrow):
    """Columns and rows as read; ordering is the harness's (one definition for every engine).
    VARIANT columns, which pypaimon reads as their physical struct, are sent as JSON text."""
    fields = {f.name: type_name(f.type) for f in table.fields}
    names = arrow.column_names
    cols = [{"name": n, "type": fields.get(n, str(arrow.schema.field(n).type))} for n in names]
    for i, n in enumerate(names):
        if is_variant(fields.get(n)) and pa.types.is_struct(arrow.schema.field(n).type):
            texts = pa.array([variant_json(d) for d in arrow.column(i).to_pylist()], pa.string())
            arrow = arrow.set_column(i, pa.field(n, pa.string()), texts)
    return cols, table_rows(arrow)


def split_top(text):
    """Splits at commas outside <> and ()."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "<(":
            depth += 1
        elif c in ">)":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def type_spec(text, ids):
    """A SQL type as the JSON form Paimon's schema files use: nested ARRAY, MAP and ROW as
    objects (pypaimon parses atomic SQL strings only), nested ROW fields numbered from `ids`."""
    m = re.match(r"^\s*(ARRAY|MAP|ROW)\s*<(.*)>\s*(NOT\s+NULL)?\s*$", text, re.I | re.S)
    if not m:
        return text.strip()
    kind, inner = m.group(1).upper(), split_top(m.group(2))
    suffix = " NOT NULL" if m.group(3) else ""
    if kind == "ARRAY":
        return {"type": "ARRAY" + suffix, "element": type_spec(inner[0], ids)}
    if kind == "MAP":
        return {"type": "MAP" + suffix, "key": type_spec(inner[0], ids), "value": type_spec(inner[1], ids)}
    fields = []
    for f in inner:
        fm = re.match(r"^`((?:[^`]|``)+)`\s+(.+)$", f, re.S) or re.match(r"^(\S+)\s+(.+)$", f, re.S)
        if not fm:
            raise ValueError("invalid ROW field %r in %s" % (f, text))
        fields.append({"id": next(ids), "name": fm.group(1).replace("``", "`"), "type": type_spec(fm.group(2), ids)})
    return {"type": "ROW" + suffix, "fields": fields}


def parse_type(text, ids):
    return DataTypeParser.parse_data_type(type_spec(text, ids))


def create_table(catalog, ident, req):
    # Nested ROW fields take ids after the top-level columns', as Paimon's Java schema builder gives them.
    ids = itertools.count(len(req["columns"]))
    fields = [DataField(i, name, parse_type(t, ids)) for i, (name, t) in enumerate(req["columns"])]
    pk = set(req.get("primaryKey") or [])
    for f in fields:
        if f.name in pk:
            f.type.nullable = False
    schema = Schema(fields=fields, partition_keys=req.get("partitionKeys"), primary_keys=req.get("primaryKey"),
                    options=req.get("options") or {})
    catalog.create_table(ident, schema, False)
    return [], []


def insert(catalog, ident, req):
    table = catalog.get_table(ident)
    arrow_schema = PyarrowFieldParser.from_paimon_schema(table.fields)
    names = req.get("columns") or [f.name for f in table.fields]
    unknown = [n for n in names if n not in {f.name for f in table.fields}]
    if unknown:
        raise ValueError("invalid insert: table %s has no column(s) %s" % (ident, ", ".join(unknown)))
    paimon_types = {f.name: type_name(f.type) for f in table.fields}
    columns = []
    for field in arrow_schema:
        idx = names.index(field.name) if field.name in names else None
        values = [row[idx] if idx is not None else None for row in req["rows"]]
        columns.append(variant_column(values) if is_variant(paimon_types.get(field.name)) else build_column(values, field.type))
    data = pa.Table.from_arrays(columns, schema=arrow_schema)
    builder = table.new_batch_write_builder()
    write = builder.new_write()
    commit = builder.new_commit()
    try:
        write.write_arrow(data)
        commit.commit(write.prepare_commit())
    finally:
        write.close()
        commit.close()
    return [], []


def schema_changes(change, highest_field_id=0):
    """The portable alter-table change as pypaimon's schema changes (one, or one per option). A
    nested type's ROW fields are numbered after the column's own id (the table's highest + 1), as
    Paimon's Java schema manager numbers them (pypaimon parses atomic SQL strings only)."""
    kind, column = change["kind"], change.get("column")
    nested_ids = itertools.count(highest_field_id + 2)
    if kind == "set-options":
        return [SchemaChange.set_option(k, v) for k, v in change["options"].items()]
    if kind == "add-column":
        return [SchemaChange.add_column(column, parse_type(change["type"], nested_ids), None, move(change))]
    if kind == "drop-column":
        return [SchemaChange.drop_column(column)]
    if kind == "rename-column":
        return [SchemaChange.rename_column(column, change["to"])]
    if kind == "change-type":
        return [SchemaChange.update_column_type(column, parse_type(change["type"], nested_ids))]
    if kind == "move-column":
        return [SchemaChange.update_column_position(move(change))]
    raise UnsupportedOperation("unknown alter-table change %s" % kind)


def move(change):
    """Where a change puts its column: first, after another, or (None) where it is or at the end."""
    if change.get("first"):
        return Move.first(change["column"])
    if change.get("after") is not None:
        return Move.after(change["column"], change["after"])
    return None


def table_identifier(database, table):
    """The table's identifier: "database.table" as pypaimon parses it (split at the first dot), or,
    when the database name holds a dot, a (database, table) Identifier where this pypaimon has one."""
    if "." in database and Identifier is not None and hasattr(Identifier, "create"):
        return Identifier.create(database, table)
    return "%s.%s" % (database, table)


def snapshot_in_range(manager, snapshot_id):
    # Mirrors the Java implementation's check and message for ids outside the table's range.
    earliest, latest = manager.try_get_earliest_snapshot(), manager.get_latest_snapshot()
    snapshot = manager.get_snapshot_by_id(snapshot_id) if snapshot_id >= 1 else None
    if snapshot is None:
        raise ValueError("snapshot %d is out of available snapshotId range [%s, %s]"
                         % (snapshot_id, earliest.id if earliest else "-", latest.id if latest else "-"))
    return snapshot


def snapshot_manager(table):
    # pypaimon 2.0 builds it from the table (file IO, path, branch, loader); 1.x took the table.
    if hasattr(table, "snapshot_manager"):
        return table.snapshot_manager()
    return SnapshotManager(table)


def read_incremental(catalog, ident, req):
    # pypaimon 1.4 reads increments by commit time ('incremental-between-timestamp', start
    # exclusive); snapshot ids map to their own commit times, which select exactly them. Bad
    # ranges (start >= end) are rejected by pypaimon itself.
    table = catalog.get_table(ident)
    manager = snapshot_manager(table)
    start = snapshot_in_range(manager, req["start"])
    end = snapshot_in_range(manager, req["end"])
    scoped = table.copy({"incremental-between-timestamp": "%d,%d" % (start.time_millis, end.time_millis)})
    return result(table, read_arrow(scoped))


def list_snapshots(catalog, ident, req):
    table = catalog.get_table(ident)
    manager = snapshot_manager(table)
    latest = manager.get_latest_snapshot()
    earliest = manager.try_get_earliest_snapshot()
    rows = []
    if latest is not None:
        for sid in range(earliest.id, latest.id + 1):
            s = manager.get_snapshot_by_id(sid)
            if s is not None:
                rows.append([s.id, s.commit_kind, s.total_record_count, s.delta_record_count])
    cols = [{"name": "snapshot_id", "type": "BIGINT"}, {"name": "commit_kind", "type": "STRING"},
            {"name": "total_record_count", "type": "BIGINT"}, {"name": "delta_record_count", "type": "BIGINT"}]
    return cols, rows


def execute(request, database, credentials):
    catalog = catalog_for(credentials)
    kind = request["kind"]
    if kind == "sql":
        raise UnsupportedOperation("pypaimon has no SQL; use a portable action")
    if kind == "create-database":
        catalog.create_database(request["name"], False, request.get("options") or {})
        return [], [], "pypaimon create-database %s" % request["name"]
    if kind == "list-tables":
        names = catalog.list_tables(database)
        return [{"name": "table_name", "type": "STRING"}], [[n] for n in names], "pypaimon list-tables %s" % database
    ident = table_identifier(database, request["table"])
    statement = "pypaimon %s %s.%s" % (kind, database, request["table"])
    if kind == "create-table":
        cols, rows = create_table(catalog, ident, request)
    elif kind == "insert":
        cols, rows = insert(catalog, ident, request)
    elif kind == "read":
        table = catalog.get_table(ident)
        if request.get("options"):  # scan options of this read (time travel)
            table = table.copy(request["options"])
        cols, rows = result(table, read_arrow(table, request.get("columns"), request.get("where"), request.get("limit")))
    elif kind == "read-incremental":
        cols, rows = read_incremental(catalog, ident, request)
    elif kind == "list-snapshots":
        cols, rows = list_snapshots(catalog, ident, request)
    elif kind == "alter-table":
        if SchemaChange is None:
            raise UnsupportedOperation("pypaimon %s has no alter_table" % importlib.metadata.version("pypaimon"))
        highest = catalog.get_table(ident).table_schema.highest_field_id if request["change"]["kind"] in ("add-column", "change-type") else 0
        catalog.alter_table(ident, schema_changes(request["change"], highest), False)
        cols, rows = [], []
    elif kind == "drop-table":
        catalog.drop_table(ident, False)
        cols, rows = [], []
    else:
        raise UnsupportedOperation("unknown request kind %s" % kind)
    return cols, rows, statement


if __name__ == "__main__":
    serve("pypaimon", importlib.metadata.version("pypaimon"), execute)
