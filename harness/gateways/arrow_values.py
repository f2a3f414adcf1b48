"""Arrow values to the gateway wire format: exact, JSON-safe, type-aware."""
import base64
import datetime
import decimal
import math

import pyarrow as pa

_DIGITS = {"s": 0, "ms": 3, "us": 6, "ns": 9}
_SAFE_INT = 2 ** 53


def format_timestamp(value, unit):
    """Formats an integer count of `unit` since the epoch with exactly the unit's digits."""
    digits = _DIGITS[unit]
    per_second = 10 ** digits
    seconds, frac = divmod(value, per_second)
    text = (datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
    return text + ("." + str(frac).zfill(digits) if digits else "")


def column_values(array):
    """Python values of one arrow column in wire format."""
    t = array.type
    if pa.types.is_timestamp(t):
        ints = array.cast(pa.int64())
        return [None if v is None else format_timestamp(v, t.unit) for v in ints.to_pylist()]
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_map(t) or pa.types.is_struct(t):
        return [wire(v) for v in array.to_pylist()]
    return [wire(v) for v in array.to_pylist()]


def wire(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if -_SAFE_INT < v < _SAFE_INT else str(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else ("NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity"))
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, datetime.time):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): wire(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [wire(x) for x in v]
    return str(v)


def table_rows(table):
    """Row-major wire values of an arrow table."""
    columns = [column_values(table.column(i).combine_chunks()) for i in range(table.num_columns)]
    return [list(r) for r in zip(*columns)] if columns else []


def to_arrow_value(v, t):
    """A YAML scalar as the Python value arrow needs for type `t` (strings for timestamps stay strings)."""
    if v is None:
        return None
    if pa.types.is_decimal(t):
        return decimal.Decimal(str(v))
    if pa.types.is_date(t):
        return datetime.date.fromisoformat(str(v))
    if pa.types.is_time(t):
        # Python's time holds microseconds: finer digits are cut here, before arrow sees them.
        whole, _, fraction = str(v).partition(".")
        return datetime.time.fromisoformat(whole + ("." + fraction[:6].ljust(6, "0") if fraction else ""))
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        s = str(v)
        return bytes.fromhex(s[2:]) if s.startswith("0x") else base64.b64decode(s)
    if pa.types.is_timestamp(t):
        # A nested timestamp (a top-level column goes through build_column): parsed by arrow
        # with all its digits, as a top-level one.
        return build_column([v], t)[0].as_py()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return [to_arrow_value(x, t.value_type) for x in v]
    if pa.types.is_map(t):
        # A JSON object (keys are text) or a list of [key, value] pairs; arrow takes pairs.
        pairs = v.items() if isinstance(v, dict) else v
        return [(to_arrow_value(_key_value(k, t.key_type), t.key_type), to_arrow_value(x, t.item_type)) for k, x in pairs]
    if pa.types.is_struct(t):
        fields = [t.field(i) for i in range(t.num_fields)]
        if isinstance(v, dict):
            return {f.name: to_arrow_value(v.get(f.name), f.type) for f in fields}
        return {f.name: to_arrow_value(x, f.type) for f, x in zip(fields, v)}
    # Integers beyond 2^53 and non-finite floats arrive as strings, to stay exact.
    if pa.types.is_integer(t) and isinstance(v, str):
        return int(v)
    if pa.types.is_floating(t) and isinstance(v, (str, int)) and not isinstance(v, bool):
        # A whole-number double (1e17 arrives as the JSON integer 100000000000000000) is a
        # float: arrow refuses an int past 2^53 for a double column.
        return float(v)
    return v


def _key_value(k, t):
    """A map key from a JSON object's text as the key type's value (YAML gives {1: x} as "1")."""
    if isinstance(k, str) and pa.types.is_integer(t):
        return int(k)
    if isinstance(k, str) and pa.types.is_boolean(t):
        return {"true": True, "false": False}.get(k, k)
    return k


def build_column(values, t):
    """An arrow array of type `t`; timestamp strings are parsed by arrow with all their digits."""
    if pa.types.is_timestamp(t):
        # A TIMESTAMP_LTZ value is written as UTC wall-clock text (the harness's zone): parsed
        # without a zone, then marked as UTC.
        parsed = pa.array([None if v is None else str(v) for v in values], pa.string()).cast(pa.timestamp("ns"))
        if t.tz is not None:
            parsed = parsed.cast(pa.timestamp("ns", tz="UTC"))
        # Paimon stores a TIMESTAMP(p) column in the unit of p; arrow truncates finer digits.
        return parsed.cast(t, safe=False)
    return pa.array([to_arrow_value(v, t) for v in values], type=t)
