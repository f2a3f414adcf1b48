"""Spark (local mode) with the Paimon connector behind the paimon-interop gateway protocol.

One long-lived SparkSession (one JVM) for the whole run. The catalog `paimon` is Paimon's
SparkCatalog on the REST metastore, with the Paimon session extensions (MERGE INTO,
paimon_incremental_query). Requests are SQL; the TypeScript adapter turns portable actions
into Spark SQL. Errors carry the Java exception class (the Paimon one when it is wrapped).
"""
import os
import datetime
import decimal

from pyspark.sql import SparkSession

from gateway_server import load_config, serve

CONFIG = load_config()


class UnsupportedOperation(Exception):
    pass


def build_session():
    catalog = CONFIG["catalog"]
    builder = (SparkSession.builder.master("local[2]").appName("paimon-interop")
               .config("spark.jars", CONFIG["spark_jar"])
               .config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.extensions", "org.apache.paimon.spark.extensions.PaimonSparkSessionExtensions")
               .config("spark.sql.catalog.paimon", "org.apache.paimon.spark.SparkCatalog"))
    for key, value in catalog.items():
        builder = builder.config("spark.sql.catalog.paimon." + key, value)
    return builder.getOrCreate()


SPARK = build_session()


def wire(v):
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
        return {k: wire(x) for k, x in v.asDict().items()}
    if isinstance(v, (list, tuple)):
        return [wire(x) for x in v]
    return str(v)


def execute(request, database, credentials):
    if request["kind"] != "sql":
        raise UnsupportedOperation("the Spark gateway takes SQL; the adapter translates actions")
    if credentials and credentials.get("warehouse"):
        raise UnsupportedOperation("the Spark gateway reaches Paimon through its session's REST catalog only")
    if credentials:
        raise UnsupportedOperation("the Spark gateway runs as the environment's principal only")
    # The step's session zone (gateway_server set it as the process zone, which pyspark's collect() uses too).
    SPARK.conf.set("spark.sql.session.timeZone", os.environ.get("TZ", "UTC"))
    df = SPARK.sql(request["sql"])
    columns = [{"name": f.name, "type": f.dataType.simpleString()} for f in df.schema.fields]
    rows = [[wire(v) for v in row] for row in df.collect()] if columns else []
    return columns, rows, request["sql"]


if __name__ == "__main__":
    serve("spark", SPARK.version, execute)
