"""train_model against a real MLflow server: params, metrics, artifacts, the logged model, and failures."""

from __future__ import annotations

import json
import uuid

import joblib
import numpy as np
import pandas as pd
import pytest
from mlflow.entities import ViewType

from component_harness import dataset_artifact
from datasets import churn_frame

KFP_METRICS = ("accuracy", "precision", "recall", "f1_score", "roc_auc", "cv_f1_mean", "cv_f1_std")
FEATURES = [f"f{i}" for i in range(6)]


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def training_frame() -> pd.DataFrame:
    return churn_frame(n_rows=300, seed=11)


@pytest.fixture(scope="module")
def training_data(training_frame, tmp_path_factory):
    path = tmp_path_factory.mktemp("train") / "validated.parquet"
    training_frame.to_parquet(path, index=False)
    return dataset_artifact(path, {"rows": len(training_frame)})


@pytest.fixture(scope="module")
def rf_run(runner, mlflow_server, training_data):
    experiment = _unique("train-rf")
    result = runner.run("train_model", {
        "experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
        "model_type": "random_forest", "n_estimators": 20, "max_depth": 5,
    }, artifacts={"training_data": training_data}).assert_ok()
    client = mlflow_server.client()
    exp = client.get_experiment_by_name(experiment)
    runs = client.search_runs([exp.experiment_id])
    assert len(runs) == 1
    return result, runs[0]


def _all_runs(client):
    return client.search_runs([e.experiment_id for e in client.search_experiments(view_type=ViewType.ALL)],
                              run_view_type=ViewType.ALL)


def test_GIVEN_a_random_forest_run_WHEN_read_back_from_mlflow_THEN_the_params_are_logged(rf_run):
    _, run = rf_run
    assert run.info.status == "FINISHED"
    assert run.data.params == {
        "model_type": "random_forest", "n_estimators": "20", "max_depth": "5", "learning_rate": "0.1",
        "train_size": "240", "test_size": "60", "n_features": "6",
    }
    assert run.data.tags["mlflow.runName"] == "random_forest-20"


def test_GIVEN_a_random_forest_run_WHEN_read_back_THEN_kfp_metrics_equal_mlflow_metrics(rf_run):
    result, run = rf_run
    kfp_metrics = result.artifact("metrics").metadata
    assert set(kfp_metrics) == set(KFP_METRICS)
    for name in KFP_METRICS:
        assert run.data.metrics[name] == pytest.approx(kfp_metrics[name])
    for name in ("accuracy", "precision", "recall", "f1_score", "roc_auc"):
        assert 0.5 < kfp_metrics[name] <= 1.0, (name, kfp_metrics[name])  # separable data: better than chance
    top = sorted(k for k in run.data.metrics if k.startswith("top_feature_"))
    assert top == [f"top_feature_{i}_importance" for i in range(1, 7)]
    assert run.data.metrics["top_feature_1_importance"] >= run.data.metrics["top_feature_6_importance"]


def test_GIVEN_a_random_forest_run_WHEN_its_artifacts_are_downloaded_THEN_confusion_matrix_and_importances_match(
        rf_run, mlflow_server, tmp_path):
    _, run = rf_run
    client = mlflow_server.client()
    names = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"confusion_matrix.json", "feature_importance.json"} <= names
    cm = json.load(open(client.download_artifacts(run.info.run_id, "confusion_matrix.json", str(tmp_path))))
    assert cm["labels"] == ["negative", "positive"]
    assert np.array(cm["confusion_matrix"]).sum() == 60
    accuracy = np.trace(np.array(cm["confusion_matrix"])) / 60
    assert accuracy == pytest.approx(run.data.metrics["accuracy"])
    importance = json.load(open(client.download_artifacts(run.info.run_id, "feature_importance.json", str(tmp_path))))
    assert sorted(importance) == FEATURES  # user_id, timestamp and target are not features
    assert sum(importance.values()) == pytest.approx(1.0)


def test_GIVEN_a_random_forest_run_WHEN_the_mlflow_model_is_loaded_THEN_it_predicts_like_the_kfp_model(
        rf_run, mlflow_server, training_frame):
    import mlflow.sklearn

    result, run = rf_run
    meta = result.artifact("model_output").metadata
    assert meta["framework"] == "sklearn" and meta["model_type"] == "random_forest"
    assert meta["mlflow_run_id"] == run.info.run_id
    assert meta["mlflow_model_uri"].startswith("models:/")

    kfp_model = joblib.load(result.artifact("model_output").path)
    assert type(kfp_model).__name__ == "RandomForestClassifier" and kfp_model.n_estimators == 20
    X = training_frame[FEATURES]
    mlflow.set_tracking_uri(mlflow_server.uri)
    for uri in (meta["mlflow_model_uri"], f"runs:/{run.info.run_id}/model"):
        logged = mlflow.sklearn.load_model(uri)
        np.testing.assert_array_equal(logged.predict(X), kfp_model.predict(X))
    logged_model = mlflow_server.client().get_logged_model(meta["mlflow_model_uri"].split("/")[-1])
    assert logged_model.source_run_id == run.info.run_id


def test_GIVEN_gradient_boosting_with_float_encoded_ints_WHEN_trained_THEN_learning_rate_is_used_and_logged(
        runner, mlflow_server, training_data):
    experiment = _unique("train-gb")
    result = runner.run("train_model", {
        "experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
        "model_type": "gradient_boosting", "n_estimators": 15.0, "max_depth": 2.0, "learning_rate": 0.05,
    }, artifacts={"training_data": training_data}).assert_ok()
    model = joblib.load(result.artifact("model_output").path)
    assert type(model).__name__ == "GradientBoostingClassifier"
    assert (model.n_estimators, model.max_depth, model.learning_rate) == (15, 2, 0.05)
    client = mlflow_server.client()
    [run] = client.search_runs([client.get_experiment_by_name(experiment).experiment_id])
    assert run.data.params["model_type"] == "gradient_boosting"
    assert run.data.params["learning_rate"] == "0.05"
    assert run.data.params["n_estimators"] == "15"


def test_GIVEN_no_tracking_uri_WHEN_trained_THEN_kfp_outputs_exist_and_nothing_goes_to_mlflow(
        runner, mlflow_server, training_data, tmp_path):
    client = mlflow_server.client()
    runs_before = len(_all_runs(client))
    result = runner.run("train_model", {"experiment_name": "never-logged", "n_estimators": 10},
                        artifacts={"training_data": training_data}, cwd=tmp_path).assert_ok()
    assert "mlflow_tracking_uri is empty: not logging to MLflow" in result.stdout
    assert set(result.artifact("metrics").metadata) == set(KFP_METRICS)
    assert "mlflow_run_id" not in result.artifact("model_output").metadata
    assert list(tmp_path.iterdir()) == [], "no local mlruns/ or mlflow.db either"
    assert client.get_experiment_by_name("never-logged") is None
    assert len(_all_runs(client)) == runs_before


def _frame_without_target():
    return churn_frame(n_rows=200).drop(columns=["target"])


def _single_class():
    df = churn_frame(n_rows=200)
    df["target"] = 0
    return df


def _rare_positive():
    df = churn_frame(n_rows=200)
    df["target"] = 0
    df.loc[:4, "target"] = 1  # 5 positives: 4 in the training split
    return df


def _text_feature():
    df = churn_frame(n_rows=200)
    df["plan"] = "free"
    return df


@pytest.mark.parametrize("frame, parameters, message", [
    (lambda: churn_frame(n_rows=200), {"model_type": "xgboost"},
     "unknown model_type 'xgboost': use 'random_forest' or 'gradient_boosting'"),
    (lambda: churn_frame(n_rows=200), {"n_estimators": 0}, "n_estimators must be at least 1"),
    (_frame_without_target, {}, "target column 'target' not found in the training data"),
    (_single_class, {}, "the target must be binary 0/1"),
    (_rare_positive, {}, "the smaller class has only 4 rows in the 80% training split; "
                         "5-fold cross-validation needs at least 5"),
    (_text_feature, {}, "feature columns must be numeric; encode or drop: plan"),
], ids=["unknown-model-type", "zero-estimators", "no-target", "single-class", "too-few-positives", "text-feature"])
def test_GIVEN_bad_input_WHEN_trained_THEN_it_fails_clearly_and_writes_nothing_to_mlflow(
        runner, mlflow_server, tmp_path, frame, parameters, message):
    client = mlflow_server.client()
    runs_before = len(_all_runs(client))
    experiment = _unique("train-bad")
    path = tmp_path / "data.parquet"
    frame().to_parquet(path, index=False)
    result = runner.run("train_model", {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
                                        "n_estimators": 10, **parameters},
                        artifacts={"training_data": dataset_artifact(path)})
    result.assert_failed_with(f"train_model: {message}")
    assert client.get_experiment_by_name(experiment) is None
    assert len(_all_runs(client)) == runs_before
    assert not (tmp_path / "model_output").exists()


def test_GIVEN_mlflow_cannot_store_artifacts_WHEN_trained_THEN_the_half_logged_run_is_deleted(
        runner, mlflow_server, training_data):
    client = mlflow_server.client()
    experiment = _unique("train-unwritable")
    # /proc refuses new directories even to root: every artifact upload fails.
    exp_id = client.create_experiment(experiment, artifact_location="file:///proc/kfp-ts-unwritable")
    result = runner.run("train_model", {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
                                        "n_estimators": 10}, artifacts={"training_data": training_data})
    result.assert_failed_with("train_model: logging to MLflow failed", "was deleted")
    assert client.search_runs([exp_id], run_view_type=ViewType.ACTIVE_ONLY) == []
    [deleted] = client.search_runs([exp_id], run_view_type=ViewType.DELETED_ONLY)
    assert deleted.info.lifecycle_stage == "deleted"
