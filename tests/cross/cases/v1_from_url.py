"""Python twin of v1_from_url.ts: kfp's load_component_from_url, from a local HTTP server."""
import functools
import http.server
import threading

from kfp import components, dsl
from twin import REPO


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def load_over_http(*paths):
    handler = functools.partial(QuietHandler, directory=str(REPO / "tests"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        return [components.load_component_from_url(f"http://127.0.0.1:{server.server_port}/{p}") for p in paths]
    finally:
        server.shutdown()
        server.server_close()


chicago_taxi_trips, calculate_hash, make_data = load_over_http(
    "fixtures/kfp-v1-components/chicago_taxi_trips.yaml",
    "fixtures/kfp-v1-components/calculate_hash.yaml",
    "cross/fixtures/loaded_make_data.yaml",
)


@dsl.pipeline(name="v1-from-url")
def v1_from_url(algorithms: list = ["SHA256", "MD5"]):
    data = chicago_taxi_trips(limit=10)
    with dsl.ParallelFor(algorithms) as algorithm:
        calculate_hash(data=data.outputs["table"], hash_algorithm=algorithm)
    made = make_data(rows=3)
    calculate_hash(data=made.outputs["data"])


PIPELINE = v1_from_url
