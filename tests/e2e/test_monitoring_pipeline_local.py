"""End to end: the compiled ``monitoring_pipeline.yaml`` run by kfp 2.17.3's local runner.

``node bin/kfp-ts.js compile pipelines/monitoring_pipeline.ts`` writes the YAML; kfp loads it
with ``kfp.components.load_component_from_file`` and runs it with
``kfp.local.SubprocessRunner(use_venv=False)`` — every task's container command (the pinned
``pip install`` prelude, then ``python -m kfp.dsl.executor_main``) runs as a subprocess in this
venv, where the pinned packages are already installed; ``PIP_NO_INDEX=1`` makes sure pip never
goes to the network. Real services started here: ``mlflow server`` (SQLite store, proxied
artifacts) on 127.0.0.1 and a Slack-webhook receiver (both from tests/components/services.py).

What the local runner does and does not execute (found with kfp 2.17.3):

* ``dsl.If(slack_webhook != "")`` — executed: the condition is evaluated, the alert task runs
  when a webhook is given and is skipped (no task directory, no request) when it is "".
* ``platforms.kubernetes`` (secret ``minio-credentials`` as env on ingest/train/report) —
  ignored silently: no warning, no env set. Harmless here because the local MLflow server
  proxies artifacts (``mlflow-artifacts:/``), so no S3 credential is needed; it is not tested.
* ``cpuLimit`` / ``memoryLimit`` on train-model — ignored with a UserWarning ("have no effect in
  the current local runner").
* The runner logs each task's executor input, which includes the ``slack_webhook_url``
  parameter: the component never prints the URL, but kfp's local runner does.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tests" / "components"))

from datasets import churn_frame  # noqa: E402
from services import SlackReceiver  # noqa: E402

THRESHOLD = 0.999  # no model reaches it on this data: the alert must fire
TASKS = ["ingest-data", "validate-data", "train-model", "generate-comparison-report"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="module")
def compiled(work, kfp_ts_compile) -> Path:
    return kfp_ts_compile(["pipelines/monitoring_pipeline.ts"], work / "monitoring_pipeline.yaml")


@pytest.fixture(scope="module")
def slack():
    with SlackReceiver() as receiver:
        yield receiver


@pytest.fixture(scope="module")
def training_csv(work) -> Path:
    path = work / "churn.csv"
    frame = churn_frame(200, seed=3)
    assert set(frame["target"].unique()) == {0, 1}
    frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def pipeline(compiled, local_runner):
    import kfp.components

    return kfp.components.load_component_from_file(str(compiled))


def run_dirs(root: Path) -> set:
    return set(root.glob("ml-experiment-monitoring-*")) if root.exists() else set()


def run_pipeline(pipeline, work: Path, **arguments) -> Path:
    """Runs the pipeline and returns its new run directory under pipeline_root."""
    before = run_dirs(work / "root")
    started = time.monotonic()
    pipeline(**arguments)
    print(f"pipeline run took {time.monotonic() - started:.1f} s")
    new = run_dirs(work / "root") - before
    assert len(new) == 1, f"expected one new run directory, got {new}"
    return new.pop()


def executor_output(run_dir: Path, task: str) -> dict:
    return json.loads((run_dir / task / "executor_output.json").read_text())


@pytest.fixture(scope="module")
def alert_run(pipeline, work, training_csv, mlflow_server, slack):
    hook = slack.webhook("e2e-alert", [200])
    run_dir = run_pipeline(
        pipeline, work, training_data_path=str(training_csv), experiment_name="e2e-monitoring",
        mlflow_tracking_uri=mlflow_server.uri, slack_webhook=hook, n_estimators=5,
        f1_threshold=THRESHOLD, accuracy_threshold=THRESHOLD)
    return run_dir, hook


def test_artifacts_produced(alert_run):
    run_dir, _ = alert_run
    for task in TASKS:
        assert (run_dir / task / "executor_output.json").is_file(), task
    assert (run_dir / "ingest-data" / "output_data").read_bytes()[:4] == b"PAR1"
    model = run_dir / "train-model" / "model_output"
    assert model.is_file() and model.stat().st_size > 1000
    metrics = executor_output(run_dir, "train-model")["artifacts"]["metrics"]["artifacts"][0]["metadata"]
    assert {"accuracy", "precision", "recall", "f1_score", "roc_auc"} <= set(metrics)
    assert all(0.0 <= metrics[k] <= 1.0 for k in ("accuracy", "f1_score", "roc_auc"))
    assert metrics["f1_score"] < THRESHOLD and metrics["accuracy"] < THRESHOLD
    html = (run_dir / "generate-comparison-report" / "report").read_text()
    assert html.lstrip().startswith("<!DOCTYPE html>") and "e2e-monitoring" in html
    # Self-contained: Plotly's JavaScript inlined (its source mentions its CDN; no tag loads it).
    assert "<script src=" not in html.replace("'", '"') and "plotly" in html.lower()


def test_mlflow_has_the_run(alert_run, mlflow_server):
    run_dir, _ = alert_run
    client = mlflow_server.client()
    experiment = client.get_experiment_by_name("e2e-monitoring")
    assert experiment is not None
    runs = client.search_runs([experiment.experiment_id])
    assert len(runs) == 1, [r.info.run_id for r in runs]
    run = runs[0]
    assert run.info.status == "FINISHED"
    assert run.data.params["model_type"] == "random_forest"
    assert run.data.params["n_estimators"] == "5"
    kfp_metrics = executor_output(run_dir, "train-model")["artifacts"]["metrics"]["artifacts"][0]["metadata"]
    for name in ("accuracy", "f1_score", "roc_auc", "cv_f1_mean"):
        assert run.data.metrics[name] == pytest.approx(kfp_metrics[name]), name
    artifact_paths = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"confusion_matrix.json", "feature_importance.json"} <= artifact_paths


def test_alert_fired_to_receiver(alert_run, slack):
    run_dir, hook = alert_run
    assert (run_dir / "check-and-alert" / "executor_output.json").is_file()
    posted = slack.posted(hook)
    assert len(posted) == 1
    message = json.loads(posted[0]["body"])
    assert "below threshold" in message["text"]
    assert "F1 score" in message["text"] and "Accuracy" in message["text"]
    assert str(THRESHOLD) in message["text"]


def test_no_webhook_skips_the_alert(pipeline, work, training_csv, mlflow_server, slack, alert_run):
    total_before = sum(len(v) for v in slack.requests.values())
    run_dir = run_pipeline(
        pipeline, work, training_data_path=str(training_csv), experiment_name="e2e-monitoring",
        mlflow_tracking_uri=mlflow_server.uri, slack_webhook="", n_estimators=5,
        f1_threshold=THRESHOLD, accuracy_threshold=THRESHOLD)
    for task in TASKS:
        assert (run_dir / task / "executor_output.json").is_file(), task
    assert not (run_dir / "check-and-alert").exists(), "check-and-alert ran with an empty webhook"
    assert sum(len(v) for v in slack.requests.values()) == total_before, "the receiver got a request"
    experiment = mlflow_server.client().get_experiment_by_name("e2e-monitoring")
    assert len(mlflow_server.client().search_runs([experiment.experiment_id])) == 2
