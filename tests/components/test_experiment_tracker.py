"""experiment_tracker.ExperimentTracker against a real ``mlflow server`` that the tests stop and start.

The loop is the article's shape: 100 epochs of 50 batches, a per-batch loss and per-epoch
validation metrics. The server's own access log counts the log-batch requests it answered.
"""

from __future__ import annotations

import math
import sys
import threading
import uuid

import pytest

from component_harness import COMPONENTS_DIR
from services import MlflowServer

sys.path.insert(0, str(COMPONENTS_DIR / "tracker"))
from experiment_tracker import ExperimentTracker  # noqa: E402

EPOCHS, BATCHES = 100, 50
LOG_BATCH = "/api/2.0/mlflow/runs/log-batch"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with MlflowServer(tmp_path_factory.mktemp("tracker-mlflow")) as server:
        yield server


@pytest.fixture
def up(server):
    """The server, running (a test before may have left it stopped)."""
    if server._proc is None or server._proc.poll() is not None:
        server.start()
    return server


def loss_at(step: int) -> float:
    return 1.0 / (1 + step) + 0.001 * (step % 7)


def train(tracker, on_epoch=None, fail_at=None):
    """A training loop: per-batch loss, per-epoch validation metrics; returns the points it logged."""
    logged = 0
    for epoch in range(EPOCHS):
        if on_epoch:
            on_epoch(epoch)
        if fail_at is not None and epoch == fail_at:
            raise RuntimeError("the loss exploded")
        for batch in range(BATCHES):
            step = epoch * BATCHES + batch
            tracker.log_batch(step, {"loss": loss_at(step)})
            logged += 1
        tracker.log_epoch(epoch, {"val_loss": loss_at(epoch * BATCHES), "val_accuracy": 1 - 1 / (2 + epoch)})
        logged += 2
    return logged


def metric_points(client, run_id: str) -> dict:
    run = client.get_run(run_id)
    return {key: client.get_metric_history(run_id, key) for key in run.data.metrics}


def test_GIVEN_a_fast_loop_WHEN_tracked_THEN_every_point_arrives_in_far_fewer_requests(up, capsys):
    experiment = f"tracker-{uuid.uuid4().hex[:8]}"
    before = up.count_requests("POST", LOG_BATCH)
    tracker = ExperimentTracker(experiment, up.uri, flush_interval=0.25, system_metrics_interval=0.5)
    with tracker.start_run(run_name="model-v1", params={"lr": 0.01, "epochs": EPOCHS}) as t:
        run_id = t.run_id
        logged = train(tracker)
    summary = tracker.summary
    requests = up.count_requests("POST", LOG_BATCH) - before
    with capsys.disabled():  # shown in the suite's output, not only on failure
        print(f"\nexperiment_tracker: {summary.points_logged} points ({logged} from the loop) in {requests} "
              f"log-batch requests answered by the server; the tracker counted {summary.requests} requests")

    assert summary.complete, str(summary)
    assert summary.points_sent == summary.points_logged >= logged
    assert requests * 20 <= summary.points_logged, "buffering: at least 20 points per request on average"
    assert summary.requests == requests + 1  # the log-batch calls plus one update-run
    client = up.client()
    run = client.get_run(run_id)
    assert run.info.status == "FINISHED"
    assert run.data.params == {"lr": "0.01", "epochs": str(EPOCHS)}
    points = metric_points(client, run_id)
    history = sorted(points["batch_loss"], key=lambda m: m.step)
    assert [m.step for m in history] == list(range(EPOCHS * BATCHES))
    assert all(m.value == pytest.approx(loss_at(m.step)) for m in history)
    assert sorted(m.step for m in points["val_accuracy"]) == list(range(EPOCHS))
    assert any(key.startswith("system/") for key in points), f"no system metrics in {sorted(points)}"
    assert sum(len(v) for v in points.values()) == summary.points_logged


def test_GIVEN_the_server_stops_mid_run_WHEN_it_comes_back_THEN_training_finished_and_the_backlog_arrives(up):
    experiment = f"tracker-outage-{uuid.uuid4().hex[:8]}"
    messages = []
    tracker = ExperimentTracker(experiment, up.uri, flush_interval=0.25, system_metrics=False,
                                max_retry_interval=1.0, final_flush_timeout=240, log=messages.append)
    restarter = threading.Thread(target=up.start)

    def outage(epoch):
        if epoch == 30:
            up.stop()
        elif epoch == 60:
            restarter.start()  # comes back while training goes on, or during the final flush

    with tracker.start_run(run_name="outage") as t:
        run_id = t.run_id
        logged = train(tracker, on_epoch=outage)
    restarter.join()
    summary = tracker.summary
    print(f"\ntracker with an outage: {summary}")
    assert logged == EPOCHS * (BATCHES + 2), "training finished"
    assert summary.failed_requests >= 1, "the outage was noticed"
    assert any("cannot reach MLflow" in m for m in messages)
    assert summary.complete and summary.points_unsent == 0, str(summary)
    client = up.client()
    assert client.get_run(run_id).info.status == "FINISHED"
    points = metric_points(client, run_id)
    assert sorted(m.step for m in points["batch_loss"]) == list(range(EPOCHS * BATCHES))
    assert sum(len(v) for v in points.values()) == logged


def test_GIVEN_the_server_never_returns_WHEN_the_run_ends_THEN_the_missing_points_are_reported_and_can_be_sent_later(
        up, tmp_path):
    experiment = f"tracker-down-{uuid.uuid4().hex[:8]}"
    unsent = tmp_path / "unsent.jsonl"
    messages = []
    tracker = ExperimentTracker(experiment, up.uri, flush_interval=0.25, system_metrics=False,
                                max_retry_interval=0.5, final_flush_timeout=1, unsent_path=str(unsent),
                                log=messages.append)

    def outage(epoch):
        if epoch == 50:
            up.stop()

    with tracker.start_run(run_name="down") as t:
        run_id = t.run_id
        logged = train(tracker, on_epoch=outage)
    summary = tracker.summary
    print(f"\ntracker, server gone: {summary}")
    assert logged == EPOCHS * (BATCHES + 2), "training finished"
    assert summary.points_unsent >= 50 * (BATCHES + 2), "at least everything after the stop"
    assert summary.points_sent + summary.points_unsent == summary.points_logged == logged
    assert summary.runs_not_closed == [run_id]
    assert f"{summary.points_unsent} unsent (saved to {unsent})" in messages[-1]

    up.start()
    client = up.client()
    assert sum(len(v) for v in metric_points(client, run_id).values()) == summary.points_sent
    assert client.get_run(run_id).info.status == "RUNNING"
    later = ExperimentTracker.send_unsent(str(unsent))
    assert later.points_sent == summary.points_unsent
    points = metric_points(client, run_id)
    assert sorted(m.step for m in points["batch_loss"]) == list(range(EPOCHS * BATCHES))
    assert client.get_run(run_id).info.status == "FINISHED"


def test_GIVEN_an_exception_in_the_loop_WHEN_it_leaves_the_run_THEN_the_run_is_failed_and_its_points_kept(up):
    experiment = f"tracker-fail-{uuid.uuid4().hex[:8]}"
    tracker = ExperimentTracker(experiment, up.uri, flush_interval=0.25, system_metrics=False)
    with pytest.raises(RuntimeError, match="the loss exploded"):
        with tracker.start_run(run_name="explodes"):
            run_id = tracker.run_id
            train(tracker, fail_at=7)
    assert tracker.run_id is None
    client = up.client()
    assert client.get_run(run_id).info.status == "FAILED"
    assert len(client.get_metric_history(run_id, "batch_loss")) == 7 * BATCHES


def test_GIVEN_a_finished_run_WHEN_resumed_and_nested_runs_opened_THEN_points_and_parents_are_right(up):
    experiment = f"tracker-resume-{uuid.uuid4().hex[:8]}"
    tracker = ExperimentTracker(experiment, up.uri, flush_interval=0.25, system_metrics=False)
    with tracker.start_run(run_name="first"):
        run_id = tracker.run_id
        tracker.log_epoch(0, {"loss": 0.5})
    with tracker.start_run(run_id=run_id):
        tracker.log_epoch(1, {"loss": float("nan")})
        with tracker.start_run(run_name="child", nested=True):
            child_id = tracker.run_id
            tracker.log_metrics({"score": 0.75})
        tracker.log_epoch(2, {"loss": 0.25})
    client = up.client()
    history = sorted(client.get_metric_history(run_id, "loss"), key=lambda m: m.step)
    assert [m.step for m in history] == [0, 1, 2]
    assert history[0].value == 0.5 and math.isnan(history[1].value) and history[2].value == 0.25
    child = client.get_run(child_id)
    assert child.data.tags["mlflow.parentRunId"] == run_id
    assert child.data.metrics == {"score": 0.75} and child.info.status == "FINISHED"
    assert client.get_run(run_id).info.status == "FINISHED"


def test_GIVEN_a_second_run_while_one_is_open_WHEN_not_nested_THEN_it_is_refused(up):
    tracker = ExperimentTracker(f"tracker-refuse-{uuid.uuid4().hex[:8]}", up.uri, system_metrics=False)
    with tracker.start_run():
        with pytest.raises(RuntimeError, match="pass nested=True"):
            tracker.start_run()
        with pytest.raises(TypeError, match="'loss' is not a number"):
            tracker.log_metrics({"loss": "high"})


def test_GIVEN_the_training_script_in_docs_tracker_md_WHEN_run_THEN_it_logs_its_run(up, tmp_path, monkeypatch):
    """The README-level example is real code: run it with a stand-in model and data loaders."""
    import re

    from component_harness import REPO_ROOT

    doc = (REPO_ROOT / "docs" / "tracker.md").read_text()
    script = re.search(r"## In your own training script.*?```python\n(.*?)```", doc, re.S).group(1)
    script = script.replace('"http://mlflow.kubeflow.svc:5000"', repr(up.uri))
    monkeypatch.chdir(tmp_path)
    loader = [((i,), (i % 2,)) for i in range(20)]
    names = {"epochs": 3, "model": None, "train_loader": loader, "val_loader": loader,
             "train_step": lambda model, data, target: 0.5 / (1 + data[0]),
             "evaluate": lambda model, data: {"loss": 0.4, "accuracy": 0.8, "f1": 0.75}}
    exec(compile(script, "docs/tracker.md", "exec"), names)
    tracker = names["tracker"]
    assert tracker.summary.complete and tracker.summary.points_logged >= 3 * 20 + 3 * 4
    client = up.client()
    run = client.get_run(tracker.last_run_id)
    assert run.info.experiment_id == client.get_experiment_by_name("deep-learning-training").experiment_id
    assert run.data.metrics["val_f1"] == 0.75 and len(client.get_metric_history(run.info.run_id, "batch_loss")) == 60
    assert run.data.params == {"lr": "0.001", "epochs": "3"}
