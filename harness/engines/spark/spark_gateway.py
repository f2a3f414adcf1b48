"""Spark through Spark Connect, behind the paimon-interop gateway protocol.

The Spark side is a Spark Connect server (the harness starts one locally, or a user names
their own `sc://` endpoint) carrying Paimon's Spark connector and its session extensions. This
process is only Spark's own Connect client (pyspark's): one Connect session per scenario (its
database) and principal (the environment's own, or a scenario principal's credentials), with
the catalog `paimon` configured in that session, so `as:` steps run as that principal. Requests are SQL; the TypeScript adapter
turns portable actions into Spark SQL. Errors carry the JVM exception class (the Paimon one
when the stack trace names one) and Spark's error class.
"""
import os
import datetime
import decimal
import math
import re
import socket
import sys
import uuid

from pyspark.sql import SparkSession

from gateway_server import load_config, per_principal, serve

CONFIG = load_config()
CONNECT = CONFIG["connect"]
SESSIONS = {}  # database -> {principal key -> Connect session}
KEEP_SCENARIOS = 8


class UnsupportedOperation(Exception):
    pass


def session_url(url, session_id):
    """The Connect URL with a session id of its own (`sc://host:port/;k=v;session_id=...`)."""
    base, _, params = url.partition("/;")
    base = base.rstrip("/")
    kept = [p for p in params.split(";") if p and not p.startswith("session_id=")]
    return "%s/;%s" % (base, ";".join(kept + ["session_id=" + session_id]))


def new_session(options):
    session = SparkSession.builder.remote(session_url(CONNECT, str(uuid.uuid4()))).create()
    # The server's JVM stack trace travels with each error: it names Paimon's own exception.
    session.conf.set("spark.sql.pyspark.jvmStacktrace.enabled", "true")
    session.conf.set("spark.sql.catalog.paimon", "org.apache.paimon.spark.SparkCatalog")
    # Paimon's catalog caches tables (cache-enabled, 10 minutes after access): the session would
    # not see the schema changes and new tables other engines make between its steps.
    session.conf.set("spark.sql.catalog.paimon.cache-enabled", "false")
    for key, value in options.items():
        session.conf.set("spark.sql.catalog.paimon." + key, value)
    return session


def session_for(database, credentials):
    """One Connect session per scenario (its database) and principal; the oldest are let go."""
    cache = SESSIONS.setdefault(database, {})
    SESSIONS[database] = SESSIONS.pop(database)  # most recently used last
    while len(SESSIONS) > KEEP_SCENARIOS:
        for session in SESSIONS.pop(next(iter(SESSIONS))).values():
            try:
                session.stop()
            except Exception:  # a session the server already dropped
                pass
    # The catalog's default database (Spark: defaultDatabase) is the scenario's, as for Flink:
    # Paimon's Spark catalog loads it when it starts, and a principal may not list `default`.
    return per_principal(cache, credentials, lambda options: new_session({"defaultDatabase": database, **options}))


def wire(v):
    if isinstance(v, float) and not math.isfinite(v):  # JSON has no NaN or infinities
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if v is None or isinstance(v, (bool, int, float, str)):
        return v if not isinstance(v, int) or abs(v) < 2 ** 53 or isinstance(v, bool) else str(v)
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    if isinstance(v, dict):
        return [[wire(k), wire(x)] for k, x in v.items()]
    if hasattr(v, "asDict"):
        return {k: wire(x) for k, x in v.asDict(recursive=False).items()}
    if isinstance(v, (list, tuple)):
        return [wire(x) for x in v]
    return str(v)


def execute(request, database, credentials):
    if request["kind"] != "sql":
        raise UnsupportedOperation("the Spark gateway takes SQL; the adapter translates actions")
    if credentials and credentials.get("warehouse"):
        raise UnsupportedOperation("Spark reaches Paimon through its session's REST catalog only, not a warehouse path")
    spark = session_for(database, credentials)
    # The step's session zone; the client renders TIMESTAMP values in the process zone, which
    # gateway_server set to the same zone.
    spark.conf.set("spark.sql.session.timeZone", os.environ.get("TZ", "UTC"))
    try:
        df = spark.sql(request["sql"])
        columns = [{"name": f.name, "type": f.dataType.simpleString()} for f in df.schema.fields]
        rows = [[wire(v) for v in row] for row in df.collect()] if columns else []
    except Exception as exc:
        raise ConnectError.of(exc) from None
    return columns, rows, request["sql"]


class ConnectError(Exception):
    """A Spark Connect error with the JVM class that caused it (Paimon's, when there is one)."""

    java_class = None

    @classmethod
    def of(cls, exc):
        text = str(exc)
        message, _, trace = text.partition("\n\nJVM stacktrace:\n")
        classes = re.findall(r"(?m)^(?:Caused by: )?((?:org|java|scala)\.[\w.$]+(?:Exception|Error))\b", trace)
        paimon = [c for c in classes if ".paimon." in c]
        err = cls(message.strip())
        reason = re.match(r"^\(([\w.$]+)\) ", message)
        err.java_class = (paimon[-1] if paimon else None) or (classes[0] if classes else None) or (reason.group(1) if reason else None)
        err.error_class = getattr(exc, "getErrorClass", lambda: None)() if hasattr(exc, "getErrorClass") else None
        err.python_class = "%s.%s" % (type(exc).__module__, type(exc).__qualname__)
        if paimon:  # the Paimon exception's own message: the stack trace's line for it
            line = re.search(r"(?m)^(?:Caused by: )?%s: (.*)$" % re.escape(paimon[-1]), trace)
            if line and line.group(1) not in err.args[0]:
                err.args = ("%s (%s: %s)" % (err.args[0], paimon[-1], line.group(1)),)
        return err

    def describe(self):
        return {"exception": self.java_class or self.python_class, "message": self.args[0]}


def check_reachable(url):
    """One clear line when nothing listens at the Connect address (the client itself retries for minutes)."""
    host_port = url[len("sc://"):].split("/")[0]
    host, _, port = host_port.rpartition(":")
    try:
        socket.create_connection((host.strip("[]") or host_port, int(port or 15002)), timeout=10).close()
    except (OSError, ValueError) as exc:
        sys.stderr.write("spark: Spark Connect %s is not reachable: %s\n" % (host_port, exc))
        sys.exit(3)


if __name__ == "__main__":
    check_reachable(CONNECT)
    probe = new_session({})
    version = probe.version
    probe.stop()
    serve("spark", version, execute)
