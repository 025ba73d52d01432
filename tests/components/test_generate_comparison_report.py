"""generate_comparison_report: HTML from MLflow runs, checked in headless Chromium with no network."""

from __future__ import annotations

import json
import re
import time
import uuid

import pytest
from mlflow.entities import Metric, Param

import html_dom
from component_harness import dataset_artifact
from datasets import churn_frame
from services import chromium_render

FULL = {"accuracy": 0.0, "precision": 0.0, "recall": 0.0, "f1_score": 0.0, "roc_auc": 0.0}

# Runs logged straight through the MLflow API, next to one real train_model run: some lack
# metrics or parameters, one has a name that must be escaped.
SYNTHETIC_RUNS = [
    ("gb-50", {"model_type": "gradient_boosting", "n_estimators": "50"},
     dict(FULL, accuracy=0.81, precision=0.78, recall=0.74, f1_score=0.76, roc_auc=0.86)),
    ("rf-200", {"model_type": "random_forest", "n_estimators": "200"},
     dict(FULL, accuracy=0.93, precision=0.92, recall=0.90, f1_score=0.91, roc_auc=0.97)),
    ("no-auc-no-params", {},
     {"accuracy": 0.70, "precision": 0.66, "recall": 0.61, "f1_score": 0.63}),
    ("accuracy-only", {"model_type": "random_forest"}, {"accuracy": 0.55}),
    ("crashed", {"model_type": "random_forest", "n_estimators": "100"}, {}),
    ("auto-estimators", {"model_type": "random_forest", "n_estimators": "auto"},
     dict(FULL, accuracy=0.88, precision=0.86, recall=0.85, f1_score=0.855, roc_auc=0.93)),
    ("<b>not bold</b>", {"model_type": "gradient_boosting", "n_estimators": "75"},
     dict(FULL, accuracy=0.96, precision=0.95, recall=0.95, f1_score=0.95, roc_auc=0.99)),
]


def _log_synthetic_runs(client, experiment_id: str):
    now_ms = int(time.time() * 1000)
    for i, (name, params, metrics) in enumerate(SYNTHETIC_RUNS):
        run = client.create_run(experiment_id, start_time=now_ms - (len(SYNTHETIC_RUNS) - i) * 60_000,
                                run_name=name)
        client.log_batch(run.info.run_id,
                         metrics=[Metric(k, v, now_ms, 0) for k, v in metrics.items()],
                         params=[Param(k, v) for k, v in params.items()])
        client.set_terminated(run.info.run_id, "FAILED" if name == "crashed" else "FINISHED")


@pytest.fixture(scope="module")
def populated(runner, mlflow_server, tmp_path_factory):
    """An experiment with one real train_model run and the synthetic runs; the rendered report."""
    experiment = f"report-{uuid.uuid4().hex[:8]} & <co>"
    data = tmp_path_factory.mktemp("report") / "validated.parquet"
    churn_frame(n_rows=200, seed=31).to_parquet(data, index=False)
    trained = runner.run("train_model", {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
                                         "n_estimators": 10, "max_depth": 4},
                         artifacts={"training_data": dataset_artifact(data)}).assert_ok()
    client = mlflow_server.client()
    exp = client.get_experiment_by_name(experiment)
    _log_synthetic_runs(client, exp.experiment_id)
    result = runner.run("generate_comparison_report",
                        {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri}).assert_ok()
    runs = client.search_runs([exp.experiment_id])
    return experiment, result, trained, runs


@pytest.fixture(scope="module")
def rendered(populated, chromium, artifacts_dir, tmp_path_factory):
    _, result, _, _ = populated
    html_path = result.artifact("report").path
    copy = artifacts_dir / "comparison_report.html"
    copy.write_bytes(open(html_path, "rb").read())
    dom = chromium_render(chromium, copy, tmp_path_factory.mktemp("chromium-profile"),
                          screenshot=artifacts_dir / "comparison_report.png")
    (artifacts_dir / "comparison_report.dom.html").write_text(dom)
    return html_dom.parse(dom)


def _f1_of(run):
    return run.data.metrics.get("f1_score")


def test_GIVEN_the_report_WHEN_its_html_is_read_THEN_plotly_is_inlined_and_nothing_loads_from_the_network(populated):
    _, result, _, runs = populated
    html = open(result.artifact("report").path, encoding="utf-8").read()
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//", html, re.I), "no remote scripts"
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?\s*(https?:)?//", html, re.I), "no remote stylesheets"
    assert "cdn.plot.ly/plotly" not in html
    assert len(html) > 1_000_000, "plotly.js itself (several MB) is embedded"
    assert html.count("Plotly.newPlot(") == 4
    assert len(runs) == len(SYNTHETIC_RUNS) + 1
    assert result.artifact("report").metadata["runs"] == len(runs) - 1, "all but the run with no metric"
    assert result.artifact("report").metadata["runs_not_compared"] == 1


def test_GIVEN_the_report_in_chromium_WHEN_rendered_THEN_the_summary_table_has_a_row_per_logged_metric(
        populated, rendered):
    _, _, _, runs = populated
    rows = rendered.find(tag="table", id="summary").table_rows()
    assert [r[0] for r in rows] == ["accuracy", "precision", "recall", "f1_score", "roc_auc"]
    for metric, count, mean, std, low, high, logged_as in rows:
        assert logged_as == f"{metric} ({count})", "every run here logs the report's own names"
        values = [r.data.metrics[metric] for r in runs if metric in r.data.metrics]
        assert int(count) == len(values), metric
        assert float(mean) == pytest.approx(sum(values) / len(values), abs=5e-5), metric
        assert float(low) == pytest.approx(min(values), abs=5e-5) and float(high) == pytest.approx(max(values), abs=5e-5)


def test_GIVEN_the_report_in_chromium_WHEN_rendered_THEN_four_plots_are_drawn_with_the_right_points(
        populated, rendered):
    _, _, _, runs = populated
    with_f1 = [r for r in runs if _f1_of(r) is not None]
    numeric_estimators = [r for r in with_f1 if r.data.params.get("n_estimators", "").isdigit()]
    expected_points = {
        "plot-accuracy-vs-f1": len([r for r in with_f1 if "accuracy" in r.data.metrics]),
        "plot-parameter-impact": len(numeric_estimators),
        "plot-timeline": len(with_f1),
    }
    for plot_id in ("plot-accuracy-vs-f1", "plot-metric-distributions", "plot-parameter-impact", "plot-timeline"):
        div = rendered.find(tag="div", id=plot_id)
        assert div is not None, f"{plot_id} missing"
        assert div.find(cls="plot-container") is not None, f"{plot_id} was not drawn by plotly.js"
        assert div.find(tag="svg", cls="main-svg") is not None, f"{plot_id} has no SVG"
        points = div.find_all(tag="path", cls="point")
        if plot_id in expected_points:
            assert len(points) == expected_points[plot_id], plot_id
    boxes = rendered.find(tag="div", id="plot-metric-distributions").find_all(tag="g", cls="trace")
    assert len(boxes) == 4, "one box per metric: accuracy, precision, recall, f1_score"
    assert expected_points["plot-parameter-impact"] == 4  # real run + gb-50, rf-200, the escaped one


def test_GIVEN_the_report_in_chromium_WHEN_rendered_THEN_the_top_runs_table_lists_the_five_best_by_f1(
        populated, rendered):
    _, _, trained, runs = populated
    rows = rendered.find(tag="table", id="top-runs").table_rows()
    best = sorted((r for r in runs if _f1_of(r) is not None), key=_f1_of, reverse=True)[:5]
    assert len(rows) == 5
    assert [row[0] for row in rows] == [r.info.run_id for r in best]
    assert [float(row[3]) for row in rows] == pytest.approx([_f1_of(r) for r in best], abs=5e-5)
    real_run_id = trained.artifact("model_output").metadata["mlflow_run_id"]
    if real_run_id in [row[0] for row in rows]:
        row = next(row for row in rows if row[0] == real_run_id)
        assert row[2] == "random_forest"


def test_GIVEN_html_in_names_WHEN_rendered_THEN_it_shows_as_text_not_markup(populated, rendered):
    experiment, *_ = populated
    assert rendered.find(tag="h1").text() == f"Experiment report: {experiment}"
    assert not rendered.find_all(tag="co"), "the experiment name was not parsed as a tag"
    top = rendered.find(tag="table", id="top-runs")
    assert top.table_rows()[0][1] == "<b>not bold</b>"  # the best run by F1
    assert not top.find_all(tag="b")


def test_GIVEN_the_screenshot_WHEN_taken_THEN_it_is_a_real_png(rendered, artifacts_dir):
    png = (artifacts_dir / "comparison_report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


def test_GIVEN_the_report_WHEN_its_data_is_read_THEN_every_compared_run_is_listed_with_its_metrics(
        populated, rendered):
    _, result, _, runs = populated
    compared = [r for r in runs if r.data.metrics]
    rows = rendered.find(tag="table", id="runs").table_rows()
    assert sorted(row[0] for row in rows) == sorted(r.info.run_id for r in compared)
    data = report_data(result)
    assert sorted(d["run_id"] for d in data["runs"]) == sorted(r.info.run_id for r in compared)
    for run in compared:
        entry = next(d for d in data["runs"] if d["run_id"] == run.info.run_id)
        for name in ("accuracy", "precision", "recall", "f1_score", "roc_auc"):
            assert entry["metrics"][name] == (pytest.approx(run.data.metrics[name]) if name in run.data.metrics
                                              else None), (run.data.tags["mlflow.runName"], name)
    assert rendered.find(tag="p", id="not-compared").text().startswith("Not compared (1; none of these metrics")
    assert data["not_compared"] == [f"crashed ({next(r for r in runs if not r.data.metrics).info.run_id[:8]})"]


def test_GIVEN_trials_that_log_other_names_WHEN_reported_THEN_each_metric_is_read_under_the_name_logged(
        runner, mlflow_server):
    """A tuning experiment: a parent run with no metric, trials logging f1_mean and accuracy_mean."""
    client = mlflow_server.client()
    experiment = f"tuning-{uuid.uuid4().hex[:8]}-tuning"
    exp_id = client.create_experiment(experiment)
    parent = client.create_run(exp_id, run_name="hyperparameter_search")
    now_ms = int(time.time() * 1000)
    trials = {}
    for i, (f1, acc) in enumerate([(0.61, 0.70), (0.74, 0.81), (0.69, 0.77)]):
        trial = client.create_run(exp_id, run_name=f"trial-{i}", start_time=now_ms + i,
                                  tags={"mlflow.parentRunId": parent.info.run_id})
        client.log_batch(trial.info.run_id, metrics=[Metric("f1_mean", f1, now_ms, 0), Metric("f1_std", 0.02, now_ms, 0),
                                                      Metric("accuracy_mean", acc, now_ms, 0)],
                         params=[Param("n_estimators", str(100 + i))])
        trials[trial.info.run_id] = (f1, acc)
    result = runner.run("generate_comparison_report",
                        {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri}).assert_ok()
    data = report_data(result)
    assert {d["run_id"]: (d["metrics"]["f1_score"], d["metrics"]["accuracy"]) for d in data["runs"]} == trials
    assert all(d["logged_as"]["f1_score"] == "f1_mean" and d["parent_run_id"] == parent.info.run_id
               for d in data["runs"])
    assert data["not_compared"] == [f"hyperparameter_search ({parent.info.run_id[:8]})"]
    assert result.artifact("report").metadata["runs"] == 3


# --- nothing to compare: the task fails and says why -------------------------------------------

def test_GIVEN_an_experiment_that_does_not_exist_WHEN_reported_THEN_the_task_fails_and_hides_credentials(
        runner, mlflow_server):
    uri_with_credentials = mlflow_server.uri.replace("http://", "http://reporter:hunter2@")
    result = runner.run("generate_comparison_report", {
        "experiment_name": "no-such-experiment", "mlflow_tracking_uri": uri_with_credentials})
    result.assert_failed_with("generate_comparison_report: experiment 'no-such-experiment' does not exist on "
                              f"{mlflow_server.uri}, so there are no runs to compare")
    assert "hunter2" not in result.component_output
    assert result.executor_output is None


def test_GIVEN_an_experiment_with_no_runs_WHEN_reported_THEN_the_task_fails_saying_so(runner, mlflow_server):
    experiment = f"empty-{uuid.uuid4().hex[:8]}"
    mlflow_server.client().create_experiment(experiment)
    result = runner.run("generate_comparison_report",
                        {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri})
    result.assert_failed_with(f"experiment '{experiment}' on {mlflow_server.uri} has no runs yet")


def test_GIVEN_runs_without_any_compared_metric_WHEN_reported_THEN_the_task_fails_naming_what_they_logged(
        runner, mlflow_server):
    client = mlflow_server.client()
    experiment = f"no-metrics-{uuid.uuid4().hex[:8]}"
    exp_id = client.create_experiment(experiment)
    run = client.create_run(exp_id, run_name="search-parent")
    client.log_batch(run.info.run_id, metrics=[Metric("best_score", 0.7, 0, 0)])
    client.create_run(exp_id, run_name="crashed")
    result = runner.run("generate_comparison_report",
                        {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri})
    result.assert_failed_with(f"none of the 2 runs in experiment '{experiment}'",
                              "f1_score (f1 / f1_mean / val_f1)", "The runs logged: best_score.")


def test_GIVEN_no_tracking_uri_WHEN_reported_THEN_the_task_fails_saying_mlflow_is_not_configured(runner):
    result = runner.run("generate_comparison_report", {"experiment_name": "anything"})
    result.assert_failed_with("mlflow_tracking_uri is empty, so there are no runs to compare")


def report_data(result) -> dict:
    page = open(result.artifact("report").path, encoding="utf-8").read()
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    assert match, "the report embeds its data"
    return json.loads(match.group(1))
