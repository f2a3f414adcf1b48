"""Starts pypaimon's own REST catalog server (pypaimon/tests/rest/rest_server.py, RESTCatalogServer),
a second, independent implementation of the Paimon REST catalog, for `--catalog python`.

Usage: python python_catalog.py <data path> <warehouse name>
The bearer token comes from PAIMON_INTEROP_CATALOG_TOKEN (never on the command line). Prints one
line `PAIMON_INTEROP_READY catalog=<url>` when serving, and exits when its stdin closes, so it never
outlives the harness. Requests are served one per thread, as the Java reference server does.
"""
import faulthandler
import importlib.metadata
import os
import signal
import socketserver
import sys

try:
    from pypaimon.api.api_response import ConfigResponse
    from pypaimon.api.auth import BearTokenAuthProvider
    from pypaimon.tests.rest import rest_server
except ImportError as exc:  # a pypaimon release that does not ship its test server
    print("PAIMON_INTEROP_UNAVAILABLE pypaimon %s ships no REST catalog server (pypaimon/tests/rest/rest_server.py): %s"
          % (importlib.metadata.version("pypaimon"), exc), flush=True)
    sys.exit(3)


class _ThreadingHTTPServer(socketserver.ThreadingMixIn, rest_server.HTTPServer):
    daemon_threads = True


def main():
    data_path, warehouse = sys.argv[1], sys.argv[2]
    rest_server.HTTPServer = _ThreadingHTTPServer  # its start() builds the server from this name
    server = rest_server.RESTCatalogServer(
        data_path=data_path,
        auth_provider=BearTokenAuthProvider(os.environ["PAIMON_INTEROP_CATALOG_TOKEN"]),
        config=ConfigResponse(defaults={"prefix": warehouse}),
        warehouse=warehouse,
    )
    server.start()
    if os.environ.get("PAIMON_INTEROP_STACKS_FILE"):  # the harness's hang evidence (SIGUSR1)
        faulthandler.register(signal.SIGUSR1, file=open(os.environ["PAIMON_INTEROP_STACKS_FILE"], "a"), all_threads=True)
    print("PAIMON_INTEROP_READY catalog=http://127.0.0.1:%d/" % server.port, flush=True)
    while sys.stdin.buffer.read(1):
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
