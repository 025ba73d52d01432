"""Python twin of loaded_from_url.ts: kfp's load_component_from_url, from a local HTTP server."""
import functools
import http.server
import threading
from typing import List

from kfp import components, dsl
from twin import REPO

F = REPO / "tests/cross/fixtures"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def load_over_http(*names):
    handler = functools.partial(QuietHandler, directory=str(F))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        return [components.load_component_from_url(f"http://127.0.0.1:{server.server_port}/{n}") for n in names]
    finally:
        server.shutdown()
        server.server_close()


prepare_and_train, make_data = load_over_http("loaded_prepare_and_train.yaml", "loaded_make_data.yaml")


@dsl.pipeline(name="loaded-from-url")
def loaded_from_url(sizes: List[int] = [5, 10], big: bool = True):
    with dsl.ParallelFor(sizes, parallelism=1) as rows:
        prepare_and_train(rows=rows, epochs=1)
    with dsl.If(big == True):  # noqa: E712
        make_data(rows=100)


PIPELINE = loaded_from_url
