"""End to end: ``kfp-ts run pipelines/tuning_pipeline.ts --local`` — the seed tuning pipeline
compiled and run by kfp-ts's own local runner against a real ``mlflow server`` started here.

The search logs one parent run and a child run per trial; the report task finds the experiment
by a name made with a ``str`` template (kfp's f-string, ``<experiment>-tuning``), which reaches
the component only when the runner fills it in as the KFP launcher does. The pipeline maps the
secret ``minio-credentials`` to env, so it is passed with ``--secret-env`` (the data is a local
file: the values are not used). Python tasks run with this venv (``--venv``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tests" / "components"))

from datasets import churn_frame  # noqa: E402
from services import MlflowServer  # noqa: E402

N_TRIALS = 3
TASKS = ["ingest-data", "validate-data", "hyperparameter-search", "generate-comparison-report"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("run-local-tuning")


@pytest.fixture(scope="module")
def mlflow_server(work):
    server = MlflowServer(work / "mlflow").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tuning_run(work, mlflow_server):
    data = work / "churn.csv"
    churn_frame(240, seed=5).to_csv(data, index=False)
    secret = work / "minio-credentials.env"
    secret.write_text("access-key=unused\nsecret-key=unused\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MLFLOW_"))}
    args = ["node", "bin/kfp-ts.js", "run", "pipelines/tuning_pipeline.ts", "--local", "--venv", str(REPO_ROOT / ".venv"),
            "--pipeline-root", str(work / "root"), "--format", "json", "--secret-env", f"minio-credentials={secret}",
            "--param", f"training_data_path={data}", "--param", "experiment_name=local",
            "--param", f"n_trials={N_TRIALS}", "--param", f"mlflow_tracking_uri={mlflow_server.uri}"]
    proc = subprocess.run(args, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_every_task_succeeds(tuning_run):
    assert tuning_run["state"] == "SUCCEEDED"
    states = {t["path"]: t["state"] for t in tuning_run["tasks"]}
    assert states == {name: "SUCCEEDED" for name in TASKS}


def test_mlflow_has_the_search_and_its_trials(tuning_run, mlflow_server):
    client = mlflow_server.client()
    experiment = client.get_experiment_by_name("local-tuning")
    runs = client.search_runs([experiment.experiment_id])
    [parent] = [r for r in runs if r.data.tags["mlflow.runName"] == "hyperparameter_search"]
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    assert len(children) == N_TRIALS and len(runs) == N_TRIALS + 1


def test_the_report_reads_the_experiment_named_by_the_template(tuning_run):
    report_task = next(t for t in tuning_run["tasks"] if t["path"] == "generate-comparison-report")
    executor_input = json.loads((Path(report_task["dir"]) / "executor_input.json").read_text())
    # The IR carries the template; the component got it filled in.
    assert executor_input["inputs"]["parameterValues"]["experiment_name"].endswith("}}-tuning")
    report = Path(report_task["outputs"]["artifacts"]["report"][0]["uri"]).read_text()
    assert report.lstrip().startswith("<!DOCTYPE html>") and "local-tuning" in report
