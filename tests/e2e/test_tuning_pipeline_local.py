"""End to end: the compiled ``tuning_pipeline.yaml`` run by kfp 2.17.3's local runner.

``node bin/kfp-ts.js compile pipelines/tuning_pipeline.ts`` writes the YAML; kfp loads it and
runs it with ``kfp.local.SubprocessRunner(use_venv=False)`` against a real ``mlflow server``
(see test_monitoring_pipeline_local.py for what the local runner does and ignores). The search
task imports ``experiment_tracker`` from the file kfp-ts embedded in its program, as it would on a
cluster. The report is rendered in headless Chromium with no network: its data is compared with
MLflow's trials, and the screenshot's chart areas must hold coloured pixels (drawn points), not
just axes.

The report component compiled on its own by kfp-ts, run by the same runner against an experiment
whose only run logged no compared metric, must fail the task with its message.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tests" / "components"))

import html_dom  # noqa: E402
from datasets import churn_frame  # noqa: E402
from services import chromium_render, find_chromium  # noqa: E402

N_TRIALS = 3
PLOTS = ("plot-accuracy-vs-f1", "plot-metric-distributions", "plot-parameter-impact", "plot-timeline")
ARTIFACTS = REPO_ROOT / "test-artifacts" / "e2e"

# Added to a copy of the report: after Plotly has drawn, record where each chart's plotting area
# is on the page, so the screenshot's pixels there can be checked.
MEASURE = """<script>
addEventListener('load', () => setTimeout(() => {
  const boxes = {};
  for (const id of %s) {
    const area = document.getElementById(id)?.querySelector('.nsewdrag');
    if (!area) continue;
    const r = area.getBoundingClientRect();
    boxes[id] = [r.left + scrollX, r.top + scrollY, r.width, r.height];
  }
  const title = document.querySelector('h1').getBoundingClientRect();
  boxes.title = [title.left + scrollX, title.top + scrollY, title.width, title.height];
  document.documentElement.setAttribute('data-boxes', JSON.stringify(boxes));
}, 500));
</script>
""" % json.dumps(list(PLOTS))


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e-tuning")


@pytest.fixture(scope="module")
def tuning_run(work, mlflow_server, local_runner, kfp_ts_compile):
    import kfp.components

    pipeline = kfp.components.load_component_from_file(
        str(kfp_ts_compile(["pipelines/tuning_pipeline.ts"], work / "tuning_pipeline.yaml")))
    data = work / "churn.csv"
    churn_frame(240, seed=5).to_csv(data, index=False)
    before = set(local_runner.glob("ml-hyperparameter-tuning-*")) if local_runner.exists() else set()
    started = time.monotonic()
    pipeline(training_data_path=str(data), experiment_name="e2e", n_trials=N_TRIALS,
             mlflow_tracking_uri=mlflow_server.uri)
    print(f"tuning pipeline run took {time.monotonic() - started:.1f} s")
    [run_dir] = set(local_runner.glob("ml-hyperparameter-tuning-*")) - before
    return run_dir


@pytest.fixture(scope="module")
def trials(tuning_run, mlflow_server):
    client = mlflow_server.client()
    experiment = client.get_experiment_by_name("e2e-tuning")
    runs = client.search_runs([experiment.experiment_id])
    [parent] = [r for r in runs if r.data.tags["mlflow.runName"] == "hyperparameter_search"]
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    assert len(children) == N_TRIALS and len(runs) == N_TRIALS + 1
    return parent, children


@pytest.fixture(scope="module")
def rendered(tuning_run, tmp_path_factory):
    chromium = find_chromium()
    assert chromium, "headless Chromium is needed: apt-get install -y chromium"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = (tuning_run / "generate-comparison-report" / "report").read_text(encoding="utf-8")
    copy = ARTIFACTS / "tuning_report.html"
    copy.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    shot = ARTIFACTS / "tuning_report.png"
    dom = chromium_render(chromium, copy, tmp_path_factory.mktemp("chromium"), screenshot=shot,
                          window_size=(1400, 5000))
    boxes = json.loads(re.search(r'data-boxes="([^"]*)"', dom).group(1).replace("&quot;", '"'))
    return html_dom.parse(dom), boxes, shot


def report_data(run_dir: Path) -> dict:
    page = (run_dir / "generate-comparison-report" / "report").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
                      .group(1))


def test_GIVEN_the_tuning_run_WHEN_its_report_is_read_THEN_it_lists_every_trial_with_its_metrics(tuning_run, trials):
    parent, children = trials
    data = report_data(tuning_run)
    assert data["experiment"] == "e2e-tuning"
    assert sorted(d["run_id"] for d in data["runs"]) == sorted(c.info.run_id for c in children)
    for child in children:
        entry = next(d for d in data["runs"] if d["run_id"] == child.info.run_id)
        assert entry["run_name"] == f"trial-{child.data.params['trial_number']}"
        assert entry["parent_run_id"] == parent.info.run_id
        for name in ("accuracy", "precision", "recall", "f1_score", "roc_auc"):
            assert entry["metrics"][name] == pytest.approx(child.data.metrics[name]), name
            assert 0 < entry["metrics"][name] <= 1
        assert entry["params"]["n_estimators"] == child.data.params["n_estimators"]
    assert data["not_compared"] == [f"hyperparameter_search ({parent.info.run_id[:8]})"]
    best = json.loads((tuning_run / "hyperparameter-search" / "executor_output.json").read_text())
    best_score = best["artifacts"]["best_params"]["artifacts"][0]["metadata"]["best_score"]
    assert max(d["metrics"]["f1_score"] for d in data["runs"]) == pytest.approx(best_score)


def test_GIVEN_the_report_in_chromium_WHEN_rendered_THEN_tables_list_the_trials_and_charts_have_points(
        rendered, trials):
    dom, _, _ = rendered
    _, children = trials
    rows = dom.find(tag="table", id="runs").table_rows()
    assert sorted(row[0] for row in rows) == sorted(c.info.run_id for c in children)
    assert [r[0] for r in dom.find(tag="table", id="summary").table_rows()] == [
        "accuracy", "precision", "recall", "f1_score", "roc_auc"]
    for plot_id in ("plot-accuracy-vs-f1", "plot-parameter-impact", "plot-timeline"):
        points = dom.find(tag="div", id=plot_id).find_all(tag="path", cls="point")
        assert len(points) == N_TRIALS, plot_id


def colored_pixels(image, box) -> int:
    """Pixels in box whose channels differ by more than 60: markers and boxes, not text or grid."""
    import numpy as np

    x, y, w, h = (int(round(v)) for v in box)
    region = np.asarray(image.crop((x + 1, y + 1, x + w - 1, y + h - 1)).convert("RGB")).astype(int)
    return int((region.max(axis=2) - region.min(axis=2) > 60).sum())


def test_GIVEN_the_screenshot_WHEN_the_chart_areas_are_read_THEN_none_is_blank(rendered):
    from PIL import Image

    _, boxes, shot = rendered
    image = Image.open(shot)
    assert set(PLOTS) <= set(boxes), f"charts not drawn: {sorted(set(PLOTS) - set(boxes))}"
    counts = {plot_id: colored_pixels(image, boxes[plot_id]) for plot_id in PLOTS}
    print(f"coloured pixels per chart: {counts}")
    for plot_id in PLOTS:
        x, y, w, h = boxes[plot_id]
        assert w > 100 and h > 100 and y + h <= image.height, (plot_id, boxes[plot_id], image.size)
        assert counts[plot_id] >= 40, f"{plot_id} looks blank: {counts[plot_id]} coloured pixels"
    assert colored_pixels(image, boxes["title"]) == 0, "the check itself: the black title has no colour"


def test_GIVEN_an_experiment_with_no_comparable_run_WHEN_the_report_task_runs_THEN_it_fails_with_its_message(
        work, mlflow_server, local_runner, kfp_ts_compile, capfd):
    import kfp.components

    client = mlflow_server.client()
    experiment_id = client.create_experiment("e2e-nothing-to-compare")
    run = client.create_run(experiment_id, run_name="hyperparameter_search")
    client.set_terminated(run.info.run_id)
    report = kfp.components.load_component_from_file(str(kfp_ts_compile(
        ["src/components/generate-comparison-report.ts", "--function", "generate_comparison_report"],
        work / "report.yaml")))
    capfd.readouterr()
    with pytest.raises(RuntimeError, match="FAILURE"):
        report(experiment_name="e2e-nothing-to-compare", mlflow_tracking_uri=mlflow_server.uri)
    out = capfd.readouterr()
    text = out.out + out.err
    assert ("ValueError: generate_comparison_report: none of the 1 runs in experiment 'e2e-nothing-to-compare' "
            f"on {mlflow_server.uri} logged a metric this report compares") in text
    assert "The runs logged: no metrics at all." in text
