"""hyperparameter_search: seeded Optuna study, nested MLflow runs, best params to a Metrics artifact."""

from __future__ import annotations

import uuid

import pytest
from mlflow.entities import ViewType

from component_harness import dataset_artifact
from datasets import churn_frame

SEARCHED = ("n_estimators", "max_depth", "min_samples_split", "min_samples_leaf", "max_features")


@pytest.fixture(scope="module")
def training_data(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "validated.parquet"
    churn_frame(n_rows=200, seed=21).to_parquet(path, index=False)
    return dataset_artifact(path)


@pytest.fixture(scope="module")
def search(runner, mlflow_server, training_data):
    experiment = f"search-{uuid.uuid4().hex[:8]}"
    result = runner.run("hyperparameter_search", {
        "experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri, "n_trials": 3,
    }, artifacts={"training_data": training_data}).assert_ok()
    client = mlflow_server.client()
    exp = client.get_experiment_by_name(f"{experiment}-tuning")
    assert exp is not None, "runs go to the '<experiment>-tuning' experiment"
    runs = client.search_runs([exp.experiment_id])
    parents = [r for r in runs if r.data.tags.get("mlflow.runName") == "hyperparameter_search"]
    assert len(parents) == 1
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parents[0].info.run_id]
    return experiment, result, parents[0], sorted(children, key=lambda r: int(r.data.params["trial_number"]))


def test_GIVEN_three_trials_WHEN_searched_THEN_one_parent_run_holds_three_nested_trial_runs(search, mlflow_server):
    experiment, _, parent, children = search
    assert len(children) == 3
    assert [c.data.params["trial_number"] for c in children] == ["0", "1", "2"]
    assert all(c.info.status == "FINISHED" for c in children) and parent.info.status == "FINISHED"
    assert parent.data.params["n_trials"] == "3"
    assert parent.data.params["metric_to_optimize"] == "f1"
    assert mlflow_server.client().get_experiment_by_name(experiment) is None, "nothing in the base experiment"


def test_GIVEN_the_trial_runs_WHEN_read_back_THEN_each_has_its_params_and_cv_scores(search):
    *_, children = search
    for child in children:
        assert set(SEARCHED) <= set(child.data.params)
        assert 50 <= int(child.data.params["n_estimators"]) <= 500
        assert child.data.params["max_features"] in ("sqrt", "log2", "None")
        assert 0 < child.data.metrics["f1_mean"] <= 1 and child.data.metrics["f1_std"] >= 0


def test_GIVEN_the_trial_runs_WHEN_read_back_THEN_they_carry_train_models_metric_names(search, mlflow_server):
    *_, children = search
    client = mlflow_server.client()
    for child in children:
        metrics = child.data.metrics
        for name in ("accuracy", "precision", "recall", "f1_score", "roc_auc"):
            assert 0 < metrics[name] <= 1, (name, metrics)
        assert metrics["f1_score"] == pytest.approx(metrics["f1_mean"])
        assert child.data.params["model_type"] == "random_forest"
        folds = client.get_metric_history(child.info.run_id, "fold_f1")
        assert sorted(m.step for m in folds) == [0, 1, 2, 3, 4]
        assert sum(m.value for m in folds) / 5 == pytest.approx(metrics["f1_mean"])


def test_GIVEN_the_parent_run_WHEN_read_back_THEN_the_tracker_logged_progress_by_trial_and_system_metrics(
        search, mlflow_server):
    _, result, parent, children = search
    client = mlflow_server.client()
    scores = sorted(client.get_metric_history(parent.info.run_id, "trial_score"), key=lambda m: m.step)
    assert [m.step for m in scores] == [0, 1, 2]
    assert [m.value for m in scores] == pytest.approx([c.data.metrics["f1_mean"] for c in children])
    best = sorted(client.get_metric_history(parent.info.run_id, "best_score_so_far"), key=lambda m: m.step)
    assert [m.value for m in best] == pytest.approx([max(s.value for s in scores[:i + 1]) for i in range(3)])
    assert any(k.startswith("system/") for k in parent.data.metrics), sorted(parent.data.metrics)
    assert "points sent in" in result.stdout and "0 unsent" not in result.stdout


def test_GIVEN_the_search_WHEN_done_THEN_best_score_and_params_match_the_best_trial(search):
    _, result, parent, children = search
    best = max(children, key=lambda c: c.data.metrics["f1_mean"])
    out = result.artifact("best_params").metadata
    assert out["best_score"] == pytest.approx(best.data.metrics["f1_mean"])
    assert parent.data.metrics["best_score"] == pytest.approx(out["best_score"])
    assert out["n_trials"] == 3
    for name in ("n_estimators", "max_depth", "min_samples_split", "min_samples_leaf"):
        assert out[f"best_{name}"] == int(best.data.params[name])
        assert parent.data.params[f"best_{name}"] == best.data.params[name]
    assert parent.data.params["best_max_features"] == best.data.params["max_features"]
    assert "best_max_features" not in out, "categorical values are not KFP metrics"


def test_GIVEN_the_seeded_sampler_WHEN_searched_again_without_mlflow_THEN_the_first_trial_repeats(
        search, runner, training_data, tmp_path):
    *_, children = search
    again = runner.run("hyperparameter_search", {"experiment_name": "unused", "n_trials": 1},
                       artifacts={"training_data": training_data}, cwd=tmp_path).assert_ok()
    assert "mlflow_tracking_uri is empty: not logging to MLflow" in again.stdout
    assert list(tmp_path.iterdir()) == []
    first = children[0]
    out = again.artifact("best_params").metadata
    assert out["best_score"] == pytest.approx(first.data.metrics["f1_mean"])
    for name in ("n_estimators", "max_depth", "min_samples_split", "min_samples_leaf"):
        assert out[f"best_{name}"] == int(first.data.params[name])


def test_GIVEN_an_unknown_metric_WHEN_searched_THEN_it_fails_before_touching_mlflow(
        runner, mlflow_server, training_data):
    experiment = f"search-bad-{uuid.uuid4().hex[:8]}"
    result = runner.run("hyperparameter_search", {
        "experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri, "n_trials": 1,
        "metric_to_optimize": "happiness",
    }, artifacts={"training_data": training_data})
    result.assert_failed_with("unknown metric_to_optimize 'happiness'")
    assert mlflow_server.client().get_experiment_by_name(f"{experiment}-tuning") is None


def test_GIVEN_a_single_class_target_WHEN_searched_THEN_it_fails_clearly(runner, mlflow_server, tmp_path):
    df = churn_frame(n_rows=100)
    df["target"] = 1
    path = tmp_path / "one-class.parquet"
    df.to_parquet(path, index=False)
    experiment = f"search-bad-{uuid.uuid4().hex[:8]}"
    result = runner.run("hyperparameter_search", {
        "experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri, "n_trials": 1,
    }, artifacts={"training_data": dataset_artifact(path)})
    result.assert_failed_with("hyperparameter_search: the target must be binary 0/1")
    client = mlflow_server.client()
    assert client.get_experiment_by_name(f"{experiment}-tuning") is None
    assert client.search_experiments(view_type=ViewType.ALL, filter_string=f"name LIKE '{experiment}%'") == []
