"""Real services the component tests start for themselves, all on 127.0.0.1 and free ports."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path
from typing import Dict, List, Optional

from component_harness import VENV_BIN

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


class Service:
    """A service a fixture runs for its tests: ``with MlflowServer(root) as server: yield server``
    starts it, and stops it when the fixture ends, whatever the tests did."""

    def start(self) -> "Service":
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


class MlflowServer(Service):
    """``mlflow server`` with a SQLite backend and proxied artifact storage (mlflow-artifacts:/)."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.uri = f"http://{LOOPBACK}:{self.port}"
        self.log_path = root / "mlflow-server.log"
        self._proc: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 180) -> "MlflowServer":
        self.root.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MLFLOW_", "AWS_"))}
        # The server's background job runner (a pool of huey consumers) is not needed for tracking.
        env["MLFLOW_SERVER_ENABLE_JOB_EXECUTION"] = "false"
        # Appended to, so a server stopped and started again on the same port keeps one log.
        self._log = open(self.log_path, "a")
        self._proc = subprocess.Popen(
            [str(VENV_BIN / "mlflow"), "server",
             "--backend-store-uri", f"sqlite:///{self.root / 'mlflow.db'}",
             "--artifacts-destination", str(self.root / "artifacts"),
             "--host", LOOPBACK, "--port", str(self.port), "--workers", "1"],
            cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"mlflow server exited with {self._proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.uri}/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"mlflow server not healthy after {timeout} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text()[-chars:]
        except OSError:
            return ""

    def count_requests(self, method: str, path: str) -> int:
        """Requests the server has answered so far, from uvicorn's access log lines."""
        needle = f'"{method} {path} HTTP/'
        return sum(needle in line for line in self.log_tail(chars=1 << 30).splitlines())

    def client(self):
        from mlflow.tracking import MlflowClient

        return MlflowClient(tracking_uri=self.uri)

    def stop(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        # The server runs its workers in its own session, started above: end that group only.
        pgid = os.getpgid(self._proc.pid)
        os.killpg(pgid, signal.SIGTERM)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self._proc.wait(timeout=10)
        self._log.close()


class S3Server(Service):
    """moto's S3 server in a thread."""

    def __init__(self):
        from moto.server import ThreadedMotoServer

        self.port = free_port()
        self.endpoint = f"http://{LOOPBACK}:{self.port}"
        self._server = ThreadedMotoServer(ip_address=LOOPBACK, port=self.port, verbose=False)
        self.credentials = {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
        }

    def start(self) -> "S3Server":
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")

    def env(self, endpoint_variable: str = "AWS_ENDPOINT_URL") -> Dict[str, str]:
        return {**self.credentials, endpoint_variable: self.endpoint}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


class StaticHttpServer(Service):
    """Serves a directory over plain HTTP."""

    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self._httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), partial(_QuietHandler, directory=str(directory)))
        self.url = f"http://{LOOPBACK}:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> "StaticHttpServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class SlackReceiver(Service):
    """A stand-in for Slack's incoming-webhook endpoint.

    Each test registers a secret path with the statuses to answer in turn (the last one
    repeats) and reads back what was posted to that path.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._scripts: Dict[str, List[int]] = {}
        self.requests: Dict[str, List[dict]] = {}
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                with receiver._lock:
                    script = receiver._scripts.get(self.path, [404])
                    status = script.pop(0) if len(script) > 1 else script[0]
                    receiver.requests.setdefault(self.path, []).append(
                        {"headers": dict(self.headers), "body": body, "time": time.monotonic()})
                reply = {200: b"ok", 400: b"invalid_payload", 404: b"no_service"}.get(status, b"server_error")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self._httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.base_url = f"http://{LOOPBACK}:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> "SlackReceiver":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def webhook(self, secret: str, statuses: List[int]) -> str:
        path = f"/services/T0SECRET/B0SECRET/{secret}"
        with self._lock:
            self._scripts[path] = list(statuses)
        return self.base_url + path

    def posted(self, webhook_url: str) -> List[dict]:
        path = webhook_url[len(self.base_url):]
        with self._lock:
            return list(self.requests.get(path, []))

    @staticmethod
    def json_of(request: dict) -> dict:
        return json.loads(request["body"].decode("utf-8"))


CHROMIUM_INSTALL_HINT = ("headless Chromium is needed to check the HTML report: install Debian's package with "
                         "`apt-get update && apt-get install -y chromium`")


def find_chromium() -> Optional[str]:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_render(chromium: str, html_file: Path, profile_dir: Path, screenshot: Optional[Path] = None,
                    timeout: float = 120, window_size: tuple = (1400, 2400)) -> str:
    """Loads the page with no network at all; returns the DOM after scripts ran.

    Every host name resolves to nothing and every proxied request goes to a closed port,
    so a page that needs a CDN renders without its plots.
    """
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--no-default-browser-check", "--disable-extensions",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
              f"--user-data-dir={profile_dir}",
              "--host-resolver-rules=MAP * ~NOTFOUND",
              f"--proxy-server=http://{LOOPBACK}:9", "--proxy-bypass-list=<-loopback>",
              f"--window-size={window_size[0]},{window_size[1]}", "--force-device-scale-factor=1",
              "--virtual-time-budget=20000"]
    url = html_file.resolve().as_uri()
    dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=timeout,
                         stdin=subprocess.DEVNULL)
    if dom.returncode != 0 or "<html" not in dom.stdout:
        raise RuntimeError(f"chromium --dump-dom failed ({dom.returncode}):\n{dom.stderr[-3000:]}")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        shot = subprocess.run(common + [f"--screenshot={screenshot}", url], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        if shot.returncode != 0 or not screenshot.exists():
            raise RuntimeError(f"chromium --screenshot failed ({shot.returncode}):\n{shot.stderr[-3000:]}")
    return dom.stdout
