"""Session services and the component runner for tests/components.

Every service binds to 127.0.0.1 on a free port and is stopped at session end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from component_harness import REPO_ROOT, ComponentRunner  # noqa: E402
from services import (CHROMIUM_INSTALL_HINT, MlflowServer, S3Server, SlackReceiver,  # noqa: E402
                      StaticHttpServer, find_chromium)

ARTIFACTS_DIR = REPO_ROOT / "test-artifacts" / "components"


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("components")


@pytest.fixture(scope="session")
def runner(session_dir) -> ComponentRunner:
    return ComponentRunner(session_dir / "tasks")


@pytest.fixture(scope="session")
def mlflow_server(session_dir):
    with MlflowServer(session_dir / "mlflow") as server:
        yield server


@pytest.fixture(scope="session")
def s3_server():
    with S3Server() as server:
        yield server


@pytest.fixture(scope="session")
def http_files(session_dir):
    with StaticHttpServer(session_dir / "www") as server:
        yield server


@pytest.fixture(scope="session")
def slack():
    with SlackReceiver() as receiver:
        yield receiver


@pytest.fixture(scope="session")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail(CHROMIUM_INSTALL_HINT, pytrace=False)
    return path


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Kept after the run (gitignored): screenshots and reports to look at."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR
