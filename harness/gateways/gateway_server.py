"""Loopback HTTP gateway shared by the engine gateways of paimon-interop.

Protocol (JSON over HTTP on 127.0.0.1):
  GET  /ping     -> {"ok": true, "engine": ..., "version": ...}
  POST /execute  {"request": {...}, "database": "...", "credentials": {...}|null}
                 -> {"ok": true, "columns": [{"name", "type"}], "rows": [[...]], "engine_ms": n}
                 or {"ok": false, "error": {"exception": "<class>", "message": "..."}, "engine_ms": n}
  POST /shutdown -> stops the process

Each request is served on its own thread, so /ping answers while a request hangs inside the
engine (the harness then reports a `timeout`, not a dead engine). The harness still sends one
/execute at a time (engine sessions are not thread-safe); only a request it gave up on may still
run beside the next one. The process exits when its stdin
closes, so it never outlives the harness that started it. Request bodies are never logged:
they may carry credentials.
"""
import faulthandler
import hashlib
import json
import os
import signal
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _watch_parent():
    try:
        while sys.stdin.buffer.read(1):
            pass
    finally:
        os._exit(0)


def register_stack_dumps():
    """On SIGUSR1, append every thread's stack to PAIMON_INTEROP_STACKS_FILE (the harness's hang
    evidence). faulthandler writes from C, so a thread holding the interpreter lock in native code
    does not stop the dump."""
    path = os.environ.get("PAIMON_INTEROP_STACKS_FILE")
    if path:
        faulthandler.register(signal.SIGUSR1, file=open(path, "a"), all_threads=True)


def handle(execute, payload):
    """One /execute payload -> its reply (the protocol of gateway-protocol.schema.json)."""
    started = time.perf_counter()
    # The step's session zone is the process's while it runs (the harness sends one step at a time).
    set_time_zone(payload.get("timeZone") or "UTC")
    try:
        # A filesystem catalog on the warehouse path replaces the environment's catalog.
        credentials = {"warehouse": payload["warehouse"]} if payload.get("warehouse") else payload.get("credentials")
        # The scenario's catalog configuration: its client options and its own catalog address
        # (a filesystem catalog on a warehouse path takes none: catalog_options returns first).
        if payload.get("catalogOptions"):
            credentials = dict(credentials or {}, catalog_options=payload["catalogOptions"])
        columns, rows, statement = execute(payload["request"], payload["database"], credentials)
        reply = {"ok": True, "columns": columns, "rows": rows, "statement": statement}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # every engine failure becomes a typed error reply
        # BaseException: a Rust panic inside paimon-rust arrives as pyo3's PanicException, which
        # is not an Exception; it is the engine's verdict on the request, not a dead gateway.
        traceback.print_exc(file=sys.stderr)
        reply = {"ok": False, "error": describe_error(exc)}
    finally:
        set_time_zone("UTC")
    reply["engine_ms"] = round((time.perf_counter() - started) * 1000, 3)
    return reply


def set_time_zone(zone):
    if os.environ.get("TZ") != zone:
        os.environ["TZ"] = zone
        time.tzset()


def serve(engine, version, execute):
    """Serves `execute(request, database, credentials) -> (columns, rows)` until stopped.

    With `--once`: reads one /execute payload from stdin, writes its reply to stdout and exits,
    the way a user's script runs one statement per process (the benchmark's naive comparison).
    """
    if "--once" in sys.argv[1:]:
        print(json.dumps(handle(execute, json.load(sys.stdin)), allow_nan=False), flush=True)
        return

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):  # keep request lines (never bodies) in the log
            sys.stderr.write("%s %s\n" % (engine, fmt % args))

        def _reply(self, status, payload):
            body = json.dumps(payload, allow_nan=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/ping":
                self._reply(200, {"ok": True, "engine": engine, "version": version})
            else:
                self._reply(404, {"ok": False})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/shutdown":
                self._reply(200, {"ok": True})
                threading.Thread(target=lambda: (time.sleep(0.1), os._exit(0))).start()
                return
            if self.path != "/execute":
                self._reply(404, {"ok": False})
                return
            self._reply(200, handle(execute, payload))

    host = os.environ.get("PAIMON_INTEROP_GATEWAY_HOST", "127.0.0.1")  # 0.0.0.0 inside a container
    server = ThreadingHTTPServer((host, int(os.environ.get("PAIMON_INTEROP_GATEWAY_PORT", "0"))), Handler)
    server.daemon_threads = True  # a request hung inside the engine never keeps the process alive
    register_stack_dumps()
    if os.environ.get("PAIMON_INTEROP_WATCH_STDIN", "true") == "true":
        threading.Thread(target=_watch_parent, daemon=True).start()
    print("PAIMON_INTEROP_READY gateway=http://127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


def describe_error(exc):
    """Exception class (the Java one when the error crossed from a JVM) and message."""
    if callable(getattr(exc, "describe", None)):  # a gateway's own error type says it itself
        return exc.describe()
    java = getattr(exc, "java_exception", None)
    if java is not None:
        name, message = java.getClass().getName(), java.getMessage() or str(exc)
        cause = java.getCause()
        while cause is not None:  # Paimon's permission errors are often wrapped
            cname = cause.getClass().getName()
            if "paimon" in cname:
                name, message = cname, cause.getMessage() or message
            cause = cause.getCause()
        return {"exception": name, "message": message}
    return {"exception": "%s.%s" % (type(exc).__module__, type(exc).__qualname__), "message": str(exc)}


def catalog_options(credentials):
    """The environment's catalog options, or with a principal's own credentials in their place,
    and a scenario's catalog options (`catalog_options`) on top; a filesystem catalog on a
    warehouse path when credentials name one."""
    if credentials and credentials.get("warehouse"):
        return {"warehouse": credentials["warehouse"]}
    options = dict(load_config()["catalog"])
    if credentials and any(credentials.get(k) for k in ("uri", "token", "access_key_id")):
        for key in ("token", "dlf.access-key-id", "dlf.access-key-secret", "dlf.region"):
            options.pop(key, None)
        if credentials.get("uri"):
            options["uri"] = credentials["uri"]
        if credentials.get("token"):
            options.update({"token.provider": "bear", "token": credentials["token"]})
        elif credentials.get("access_key_id"):
            options.update({"token.provider": "dlf", "dlf.access-key-id": credentials["access_key_id"],
                            "dlf.access-key-secret": credentials["access_key_secret"],
                            "dlf.region": credentials.get("region") or "cn-hangzhou"})
    if credentials and credentials.get("catalog_options"):
        options.update(credentials["catalog_options"])
    return options


def per_principal(cache, credentials, make):
    """`make(catalog options)` once per principal (the environment's own when credentials is None)."""
    options = catalog_options(credentials)
    key = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()
    if key not in cache:
        cache[key] = make(options)
    return cache[key]


def load_config():
    """Catalog connection from PAIMON_INTEROP_GATEWAY_CONFIG (JSON); never printed."""
    return json.loads(os.environ["PAIMON_INTEROP_GATEWAY_CONFIG"])
