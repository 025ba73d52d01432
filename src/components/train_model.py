"""KFP component body: train a binary classifier, track it in MLflow, emit KFP metrics."""

from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Model, Output


# The body imports numpy, joblib and skops itself: pinned, not left to pip's resolver.
@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "pandas==3.1.1",
        "pyarrow==25.0.1",
        "scikit-learn==1.9.1",
        "mlflow==3.17.2",
        "boto3==1.44.8",
        "numpy==2.4.6",
        "scipy==1.17.1",
        "joblib==1.6.0",
        "skops==0.16.0",
    ],
)
def train_model(
    training_data: Input[Dataset],
    model_output: Output[Model],
    metrics: Output[Metrics],
    experiment_name: str,
    mlflow_tracking_uri: str = "",
    model_type: str = "random_forest",
    n_estimators: int = 100,
    max_depth: int = 10,
    learning_rate: float = 0.1,
    target_column: str = "target",
):
    """Trains a random forest or gradient boosting classifier.

    Everything that can fail on bad input (arguments, data, cross-validation, the
    fit) happens before an MLflow run is opened, so a failed training leaves no
    run behind. MLflow is used only when ``mlflow_tracking_uri`` is set.

    Args:
        training_data: Validated Parquet table with a binary 0/1 target.
        model_output: The fitted estimator, saved with joblib.
        metrics: accuracy, precision, recall, f1_score, roc_auc, cv_f1_mean, cv_f1_std.
        experiment_name: MLflow experiment to log the run in.
        mlflow_tracking_uri: MLflow server, e.g. http://mlflow.kubeflow.svc:5000;
            empty means do not use MLflow.
        model_type: "random_forest" or "gradient_boosting".
        n_estimators: Number of trees.
        max_depth: Maximum tree depth.
        learning_rate: Shrinkage, used by gradient_boosting only.
        target_column: Name of the label column.
    """
    import joblib
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score,
                                 recall_score, roc_auc_score)
    from sklearn.model_selection import cross_val_score, train_test_split

    n_estimators, max_depth, learning_rate = int(n_estimators), int(max_depth), float(learning_rate)
    tracking_uri = (mlflow_tracking_uri or "").strip()

    def fail(reason):
        raise ValueError(f"train_model: {reason}")

    if model_type not in ("random_forest", "gradient_boosting"):
        fail(f"unknown model_type '{model_type}': use 'random_forest' or 'gradient_boosting'")
    if n_estimators < 1:
        fail(f"n_estimators must be at least 1, got {n_estimators}")
    if max_depth < 1:
        fail(f"max_depth must be at least 1, got {max_depth}")
    if model_type == "gradient_boosting" and not learning_rate > 0:
        fail(f"learning_rate must be greater than 0, got {learning_rate}")
    if tracking_uri and not experiment_name.strip():
        fail("experiment_name is empty: MLflow needs an experiment to log the run in")

    df = pd.read_parquet(training_data.path)
    if target_column not in df.columns:
        fail(f"target column '{target_column}' not found in the training data "
             f"(columns: {', '.join(map(str, df.columns))})")
    X = df.drop(columns=[target_column, "user_id", "timestamp"], errors="ignore")
    y = df[target_column]
    if X.shape[1] == 0:
        fail("no feature columns left after dropping the target, user_id and timestamp")
    non_numeric = [str(c) for c in X.columns
                   if not (pd.api.types.is_numeric_dtype(X[c]) or pd.api.types.is_bool_dtype(X[c]))]
    if non_numeric:
        fail("feature columns must be numeric; encode or drop: " + ", ".join(non_numeric))
    if X.isna().any().any() and model_type == "gradient_boosting":
        fail("the features contain missing values; run validate_data first")
    classes = sorted(pd.unique(y).tolist())
    if len(classes) != 2 or not set(classes) <= {0, 1}:
        fail(f"the target must be binary 0/1 (run validate_data first), found classes {classes[:10]}")
    y = y.astype("int64")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=42, stratify=y)
    smallest = int(y_train.value_counts().min())
    if smallest < 5:
        fail(f"the smaller class has only {smallest} rows in the 80% training split; "
             "5-fold cross-validation needs at least 5 (use more data)")

    if model_type == "random_forest":
        model = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth,
                                       random_state=42, n_jobs=-1)
    else:
        model = GradientBoostingClassifier(n_estimators=n_estimators, max_depth=max_depth,
                                           learning_rate=learning_rate, random_state=42)

    print(f"Training {model_type} on {len(X_train)} rows x {X_train.shape[1]} features "
          f"(test {len(X_test)} rows)")
    cv_scores = cross_val_score(model, X_train, y_train, cv=5, scoring="f1")
    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    y_proba = model.predict_proba(X_test)[:, 1]

    results = {
        "accuracy": float(accuracy_score(y_test, y_pred)),
        "precision": float(precision_score(y_test, y_pred, zero_division=0)),
        "recall": float(recall_score(y_test, y_pred, zero_division=0)),
        "f1_score": float(f1_score(y_test, y_pred, zero_division=0)),
        "roc_auc": float(roc_auc_score(y_test, y_proba)),
        "cv_f1_mean": float(np.mean(cv_scores)),
        "cv_f1_std": float(np.std(cv_scores)),
    }
    cm = confusion_matrix(y_test, y_pred, labels=[0, 1])
    importance = {str(k): float(v) for k, v in zip(X.columns, model.feature_importances_)}
    top_features = sorted(importance.items(), key=lambda kv: kv[1], reverse=True)[:10]

    joblib.dump(model, model_output.path)
    model_output.metadata["framework"] = "sklearn"
    model_output.metadata["model_type"] = model_type
    for name, value in results.items():
        metrics.log_metric(name, value)

    if tracking_uri:
        from importlib.metadata import version

        import mlflow
        import mlflow.sklearn
        import skops.io
        from mlflow.models import infer_signature

        # skops refuses types it cannot vouch for (the trees' node storage); this model was
        # fitted in this process, so its own types are trusted and recorded with the model.
        trusted_types = skops.io.get_untrusted_types(data=skops.io.dumps(model))
        # Pinning the serving requirements from this runtime is exact and skips MLflow's slow
        # import-tracing inference.
        requirements = [f"{pkg}=={version(pkg)}"
                        for pkg in ("mlflow", "numpy", "pandas", "scikit-learn", "scipy", "skops")]

        mlflow.set_tracking_uri(tracking_uri)
        mlflow.set_experiment(experiment_name)
        run_id = None
        try:
            with mlflow.start_run(run_name=f"{model_type}-{n_estimators}") as run:
                run_id = run.info.run_id
                mlflow.log_params({
                    "model_type": model_type,
                    "n_estimators": n_estimators,
                    "max_depth": max_depth,
                    "learning_rate": learning_rate,
                    "train_size": len(X_train),
                    "test_size": len(X_test),
                    "n_features": X_train.shape[1],
                })
                mlflow.log_metrics(results)
                mlflow.log_dict({"confusion_matrix": cm.tolist(), "labels": ["negative", "positive"]},
                                "confusion_matrix.json")
                mlflow.log_dict(importance, "feature_importance.json")
                for i, (_, imp) in enumerate(top_features):
                    mlflow.log_metric(f"top_feature_{i + 1}_importance", imp)
                info = mlflow.sklearn.log_model(model, name="model",
                                                signature=infer_signature(X_test, y_pred),
                                                pip_requirements=requirements,
                                                skops_trusted_types=trusted_types)
        except Exception as err:
            if run_id is None:
                raise
            # A half-logged run would show up in comparisons as a real result: remove it.
            try:
                mlflow.tracking.MlflowClient().delete_run(run_id)
                outcome = "was deleted"
            except Exception:
                outcome = "could not be deleted"
            raise RuntimeError(f"train_model: logging to MLflow failed ({type(err).__name__}: {err}); "
                               f"the incomplete run {run_id} {outcome}") from None
        model_output.metadata["mlflow_run_id"] = run_id
        model_output.metadata["mlflow_model_uri"] = info.model_uri
        print(f"Logged MLflow run {run_id} in experiment '{experiment_name}'")
    else:
        print("mlflow_tracking_uri is empty: not logging to MLflow")

    print("Model trained successfully")
    print(f"Accuracy: {results['accuracy']:.4f}")
    print(f"F1 Score: {results['f1_score']:.4f}")
    print(f"ROC AUC: {results['roc_auc']:.4f}")
    print(f"CV F1: {results['cv_f1_mean']:.4f} +/- {results['cv_f1_std']:.4f}")
