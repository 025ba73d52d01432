"""What both end-to-end modules run a compiled pipeline with: kfp-ts's CLI, a real ``mlflow
server`` and kfp 2.17.3's local runner. Each module has its own ``work`` directory (these
fixtures use the requesting module's), so each gets a server and a pipeline root of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tests" / "components"))

from services import MlflowServer  # noqa: E402


@pytest.fixture(scope="session")
def kfp_ts_compile():
    """``kfp-ts compile ARGS -o OUT`` as a user runs it (bin/kfp-ts.js); returns OUT."""

    def compile_(args, out: Path) -> Path:
        proc = subprocess.run(["node", "bin/kfp-ts.js", "compile", *args, "-o", str(out)],
                              cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr + proc.stdout
        assert out.is_file()
        return out

    return compile_


@pytest.fixture(scope="module")
def mlflow_server(work):
    with MlflowServer(work / "mlflow") as server:
        yield server


@pytest.fixture(scope="module")
def local_runner(work) -> Path:
    """kfp's SubprocessRunner on this venv (``use_venv=False``); yields the pipeline root.

    The tasks' pip prelude must be satisfied by the venv alone: PIP_NO_INDEX keeps pip off the
    network. The environment is restored afterwards.
    """
    import kfp.local

    saved = {k: os.environ.get(k) for k in ("PIP_NO_INDEX", "PIP_DISABLE_PIP_VERSION_CHECK")}
    os.environ["PIP_NO_INDEX"] = "1"
    os.environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    kfp.local.init(runner=kfp.local.SubprocessRunner(use_venv=False), pipeline_root=str(work / "root"))
    yield work / "root"
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
