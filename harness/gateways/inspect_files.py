"""Opens a Paimon table's data files with the formats' own reader (pyarrow) and reports how one
TIMESTAMP column is stored: the on-disk oracle of paimon-interop's `inspect-files` step.

Usage: python inspect_files.py <table path> <column>
Prints one JSON object: {"files": [{"file", "encoding", "digits", "values": [...]}]}, or
{"error": "..."} with exit code 1. Values are the stored instants as integers in the file's unit,
rendered here with integer arithmetic only (no float ever touches them):
  parquet INT64 TIMESTAMP(MILLIS|MICROS|NANOS): digits 3, 6, 9 (the unit the file declares);
  parquet INT96: digits 9 (Julian day + nanoseconds of the day);
  orc TIMESTAMP: ORC has one encoding (seconds + nanoseconds), so digits are the fewest of
  0, 3, 6, 9 that hold every stored value exactly.
"""
import datetime
import json
import os
import re
import sys

import pyarrow as pa
import pyarrow.orc as orc
import pyarrow.parquet as pq

UNIT_DIGITS = {"s": 0, "ms": 3, "us": 6, "ns": 9}
EPOCH = datetime.datetime(1970, 1, 1)


def data_files(root):
    """Data files below the table path; manifests, schemas, snapshots and indexes are not data."""
    skip = {"manifest", "schema", "snapshot", "index", "statistics", "tag", "branch", "changelog"}
    for base, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.startswith("data-"):
                continue
            if name.endswith(".parquet") or name.endswith(".orc"):
                yield os.path.join(base, name)


def render(ticks, digits):
    """The instant `ticks` (units of 10^-digits s since the epoch) as 'YYYY-MM-DD hh:mm:ss[.f]'."""
    scale = 10 ** digits
    seconds, fraction = divmod(ticks, scale)
    text = (EPOCH + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
    return text + ("." + str(fraction).rjust(digits, "0") if digits else "")


def short_logical(logical):
    """`Timestamp(isAdjustedToUTC=false, timeUnit=milliseconds, ...)` -> `TIMESTAMP(MILLIS, UTC=false)`."""
    text = str(logical)
    unit = re.search(r"timeUnit=(\w+)", text)
    utc = re.search(r"isAdjustedToUTC=(\w+)", text)
    if not unit:
        return text
    return "TIMESTAMP(%s%s)" % (unit.group(1).upper(), ", UTC=%s" % utc.group(1) if utc else "")


def parquet_column(path, column):
    pf = pq.ParquetFile(path)
    names = [pf.schema.column(i).name for i in range(len(pf.schema))]
    if column not in names:
        raise KeyError("column %r is not in %s (it has %s)" % (column, os.path.basename(path), ", ".join(names)))
    leaf = pf.schema.column(names.index(column))
    array = pf.read(columns=[column]).column(0).combine_chunks()
    # pyarrow keeps an INT64 column's declared unit; INT96 comes back as nanoseconds.
    digits = UNIT_DIGITS[array.type.unit]
    encoding = "parquet INT96" if leaf.physical_type == "INT96" else "parquet %s %s" % (leaf.physical_type, short_logical(leaf.logical_type))
    return encoding, digits, array.cast(pa.int64()).to_pylist()


def orc_column(path, column):
    f = orc.ORCFile(path)
    if column not in f.schema.names:
        raise KeyError("column %r is not in %s (it has %s)" % (column, os.path.basename(path), ", ".join(f.schema.names)))
    array = f.read(columns=[column]).column(0).combine_chunks()
    nanos = array.cast(pa.timestamp("ns")).cast(pa.int64()).to_pylist()
    present = [v for v in nanos if v is not None]
    digits = 0
    for d in (0, 3, 6, 9):
        digits = d
        if all(v % 10 ** (9 - d) == 0 for v in present):
            break
    ticks = [None if v is None else v // 10 ** (9 - digits) for v in nanos]
    kind = "TIMESTAMP_INSTANT" if getattr(f.schema.field(column).type, "tz", None) else "TIMESTAMP"
    return "orc %s" % kind, digits, ticks


def main(root, column):
    out = []
    for path in data_files(root):
        if path.endswith(".parquet"):
            encoding, digits, ticks = parquet_column(path, column)
        else:
            encoding, digits, ticks = orc_column(path, column)
        out.append({
            "file": os.path.relpath(path, root),
            "encoding": encoding,
            "digits": digits,
            "values": [None if t is None else render(t, digits) for t in ticks],
        })
    return {"files": out}


if __name__ == "__main__":
    try:
        print(json.dumps(main(sys.argv[1], sys.argv[2])))
    except Exception as exc:  # one line for the harness, never a traceback
        print(json.dumps({"error": "%s: %s" % (type(exc).__name__, exc)}))
        sys.exit(1)
