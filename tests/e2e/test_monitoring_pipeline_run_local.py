"""End to end: ``kfp-ts run pipelines/monitoring_pipeline.ts --local`` — the TypeScript pipeline
compiled and run by kfp-ts's own local runner, against real services started here: an
``mlflow server`` (SQLite store, proxied artifacts), moto's S3 server holding the training CSV,
and a Slack-webhook receiver (tests/components/services.py).

The pipeline maps the Kubernetes secret ``minio-credentials`` to ``AWS_ACCESS_KEY_ID`` /
``AWS_SECRET_ACCESS_KEY``; locally the only source of those variables is ``--secret-env``: the
test's own environment has no AWS credentials, so ingest can read ``s3://`` only through the
secret passed on the command line. Python tasks run with this venv (``--venv``), where the
pinned packages are installed.
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
from services import MlflowServer, S3Server, SlackReceiver  # noqa: E402

THRESHOLD = 0.999  # no model reaches it on this data: the alert must fire
BUCKET = "training-data"
TASKS = ["ingest-data", "validate-data", "train-model", "generate-comparison-report"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("run-local")


@pytest.fixture(scope="module")
def services(work):
    mlflow = MlflowServer(work / "mlflow").start()
    s3 = S3Server().start()
    slack = SlackReceiver().start()
    client = s3.client()
    client.create_bucket(Bucket=BUCKET)
    frame = churn_frame(200, seed=3)
    client.put_object(Bucket=BUCKET, Key="churn.csv", Body=frame.to_csv(index=False).encode())
    yield mlflow, s3, slack
    slack.stop()
    s3.stop()
    mlflow.stop()


@pytest.fixture(scope="module")
def secret_file(work, services) -> Path:
    _, s3, _ = services
    path = work / "minio-credentials.env"
    path.write_text(f"access-key={s3.credentials['AWS_ACCESS_KEY_ID']}\nsecret-key={s3.credentials['AWS_SECRET_ACCESS_KEY']}\n")
    return path


def run_local(work: Path, services, *extra: str, **params) -> subprocess.CompletedProcess:
    _, s3, _ = services
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MLFLOW_"))}
    env["AWS_ENDPOINT_URL"] = s3.endpoint  # where s3:// goes; the credentials come only from --secret-env
    env["AWS_DEFAULT_REGION"] = "us-east-1"
    env["HOME"] = str(work)  # no ~/.aws either
    args = ["node", "bin/kfp-ts.js", "run", "pipelines/monitoring_pipeline.ts", "--local", "--venv", str(REPO_ROOT / ".venv"),
            "--pipeline-root", str(work / "root"), "--format", "json", *extra]
    for name, value in params.items():
        args += ["--param", f"{name}={value}"]
    return subprocess.run(args, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)


def params(services, webhook: str) -> dict:
    mlflow, _, _ = services
    return dict(training_data_path=f"s3://{BUCKET}/churn.csv", experiment_name="local-monitoring", mlflow_tracking_uri=mlflow.uri,
                slack_webhook=webhook, n_estimators=5, f1_threshold=THRESHOLD, accuracy_threshold=THRESHOLD)


def by_path(result: dict) -> dict:
    return {t["path"]: t for t in result["tasks"]}


def test_refuses_to_start_without_the_secret(work, services):
    proc = run_local(work, services, **params(services, ""))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "minio-credentials" in proc.stderr and "--secret-env minio-credentials=FILE" in proc.stderr
    assert "runner/secret-missing" in proc.stderr


@pytest.fixture(scope="module")
def alert_run(work, services, secret_file):
    _, _, slack = services
    hook = slack.webhook("local-alert", [200])
    proc = run_local(work, services, "--secret-env", f"minio-credentials={secret_file}", **params(services, hook))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(proc.stdout), hook, proc.stderr


def test_tasks_succeed_and_produce_model_metrics_report(alert_run):
    result, _, stderr = alert_run
    assert result["state"] == "SUCCEEDED"
    tasks = by_path(result)
    for name in TASKS + ["condition-1", "condition-1/check-and-alert"]:
        assert tasks[name]["state"] == "SUCCEEDED", (name, tasks[name])
    model = tasks["train-model"]["outputs"]["artifacts"]["model_output"][0]
    assert Path(model["uri"]).is_file() and Path(model["uri"]).stat().st_size > 1000
    metrics = tasks["train-model"]["outputs"]["artifacts"]["metrics"][0]
    assert metrics["type"]["schemaTitle"] == "system.Metrics"
    assert {"accuracy", "precision", "recall", "f1_score", "roc_auc"} <= set(metrics["metadata"])
    assert metrics["metadata"]["f1_score"] < THRESHOLD
    report = Path(tasks["generate-comparison-report"]["outputs"]["artifacts"]["report"][0]["uri"]).read_text()
    assert report.lstrip().startswith("<!DOCTYPE html>") and "local-monitoring" in report
    # The run directory keeps each task's executor input and output and its full log.
    task_dir = Path(tasks["train-model"]["dir"])
    assert (task_dir / "executor_input.json").is_file() and (task_dir / "executor_output.json").is_file()
    assert "Reading csv data from s3://" in Path(tasks["ingest-data"]["logFile"]).read_text()
    # Resources have no local meaning: said, not silently dropped.
    assert "tasks/train-model: CPU, memory and accelerator settings have no local meaning" in stderr


def test_mlflow_has_the_run(alert_run, services):
    result, _, _ = alert_run
    mlflow, _, _ = services
    experiment = mlflow.client().get_experiment_by_name("local-monitoring")
    runs = mlflow.client().search_runs([experiment.experiment_id])
    assert len(runs) == 1
    logged = by_path(result)["train-model"]["outputs"]["artifacts"]["metrics"][0]["metadata"]
    assert runs[0].data.metrics["f1_score"] == pytest.approx(logged["f1_score"])


def test_alert_fired_to_receiver(alert_run, services):
    _, hook, _ = alert_run
    _, _, slack = services
    posted = slack.posted(hook)
    assert len(posted) == 1
    text = json.loads(posted[0]["body"])["text"]
    assert "below threshold" in text and str(THRESHOLD) in text


def test_no_webhook_skips_the_alert(alert_run, work, services, secret_file):
    _, _, slack = services
    before = sum(len(v) for v in slack.requests.values())
    proc = run_local(work, services, "--secret-env", f"minio-credentials={secret_file}", **params(services, ""))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    tasks = by_path(result)
    assert tasks["condition-1"]["state"] == "SKIPPED" and tasks["condition-1"]["skipReason"] == "condition"
    assert tasks["condition-1/check-and-alert"]["state"] == "SKIPPED"
    assert sum(len(v) for v in slack.requests.values()) == before, "the receiver got a request"
    # Caching as the backend keys it: ingest does not cache (its source can change), so it reads the
    # data again into a new artifact; validate and train take that artifact, their cache keys differ
    # from the first run's, and they run again rather than reuse stale results.
    for name in ("ingest-data", "validate-data", "train-model"):
        assert tasks[name]["state"] == "SUCCEEDED", (name, tasks[name]["state"])
    experiment = services[0].client().get_experiment_by_name("local-monitoring")
    assert len(services[0].client().search_runs([experiment.experiment_id])) == 2
