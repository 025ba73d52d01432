"""generate_comparison_report: HTML from MLflow runs, checked in headless Chromium with no network."""

from __future__ import annotations

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
    assert result.artifact("report").metadata["runs"] == len(runs) == len(SYNTHETIC_RUNS) + 1


def test_GIVEN_the_report_in_chromium_WHEN_rendered_THEN_the_summary_table_has_a_row_per_logged_metric(
        populated, rendered):
    _, _, _, runs = populated
    rows = rendered.find(tag="table", id="summary").table_rows()
    assert [r[0] for r in rows] == ["accuracy", "precision", "recall", "f1_score", "roc_auc"]
    for metric, count, mean, std, low, high in rows:
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


# --- nothing to compare ------------------------------------------------------------------------

def test_GIVEN_an_experiment_that_does_not_exist_WHEN_reported_THEN_the_page_says_so_and_hides_credentials(
        runner, mlflow_server):
    uri_with_credentials = mlflow_server.uri.replace("http://", "http://reporter:hunter2@")
    result = runner.run("generate_comparison_report", {
        "experiment_name": "no-such-experiment", "mlflow_tracking_uri": uri_with_credentials}).assert_ok()
    page = open(result.artifact("report").path, encoding="utf-8").read()
    assert "<code>no-such-experiment</code> does not exist" in page
    assert "hunter2" not in page and "hunter2" not in result.component_output
    assert "Plotly" not in page
    assert result.artifact("report").metadata["runs"] == 0


def test_GIVEN_an_experiment_with_no_runs_WHEN_reported_THEN_the_page_says_so(runner, mlflow_server, chromium,
                                                                               tmp_path):
    experiment = f"empty-{uuid.uuid4().hex[:8]}"
    mlflow_server.client().create_experiment(experiment)
    result = runner.run("generate_comparison_report",
                        {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri}).assert_ok()
    page = _copy(result.artifact("report").path, tmp_path / "empty.html")
    dom = html_dom.parse(chromium_render(chromium, page, tmp_path / "profile"))
    assert dom.find(tag="p", id="no-runs").text() == f"Experiment {experiment} has no runs yet."
    assert dom.find(cls="plot-container") is None


def test_GIVEN_no_tracking_uri_WHEN_reported_THEN_the_page_says_mlflow_is_not_configured(runner):
    result = runner.run("generate_comparison_report", {"experiment_name": "anything"}).assert_ok()
    page = open(result.artifact("report").path, encoding="utf-8").read()
    assert "MLflow tracking is not configured (mlflow_tracking_uri is empty)" in page


def _copy(src: str, dst):
    dst.write_bytes(open(src, "rb").read())
    return dst
