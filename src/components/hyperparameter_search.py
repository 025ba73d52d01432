"""KFP component body: Optuna search over random-forest hyperparameters, tracked in MLflow."""

from pathlib import Path

from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Output


@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "pandas==3.1.1",
        "pyarrow==25.0.1",
        "scikit-learn==1.9.1",
        "mlflow==3.17.2",
        "optuna==5.0.0",
    ],
    # Embedded into the program and put on sys.path at run time (`from experiment_tracker import …`).
    embedded_artifact_path=str(Path(__file__).parent / "tracker" / "experiment_tracker.py"),
)
def hyperparameter_search(
    training_data: Input[Dataset],
    best_params: Output[Metrics],
    experiment_name: str,
    mlflow_tracking_uri: str = "",
    n_trials: int = 50,
    metric_to_optimize: str = "f1",
    target_column: str = "target",
):
    """Searches random-forest hyperparameters with a seeded Optuna study.

    Each trial is a nested MLflow run under a parent run named
    ``hyperparameter_search`` in the experiment ``{experiment_name}-tuning``
    (only when ``mlflow_tracking_uri`` is set), logged through the embedded
    ``experiment_tracker`` module: buffered, sent in the background, and kept
    when MLflow is briefly unreachable. A trial logs its parameters, the
    5-fold cross-validated means of accuracy, precision, recall, f1_score and
    roc_auc (the names train_model logs, so one report compares both), the
    optimized metric as ``<metric>_mean`` / ``<metric>_std`` and its per-fold
    values as ``fold_<metric>`` by step. The parent run logs ``trial_score``
    and ``best_score_so_far`` by trial, then ``best_score`` and the best
    parameters. The best score and the numeric best parameters go to the
    ``best_params`` Metrics artifact.

    Args:
        training_data: Validated Parquet table with a binary 0/1 target.
        best_params: best_score and best_<param> for each numeric parameter.
        experiment_name: Base name; runs go to ``{experiment_name}-tuning``.
        mlflow_tracking_uri: MLflow server; empty means do not use MLflow.
        n_trials: Number of Optuna trials.
        metric_to_optimize: A scikit-learn scorer name, e.g. f1, accuracy, roc_auc.
        target_column: Name of the label column.
    """
    import optuna
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import get_scorer_names
    from sklearn.model_selection import StratifiedKFold, cross_validate

    n_trials = int(n_trials)
    tracking_uri = (mlflow_tracking_uri or "").strip()
    scoring = {"f1_score": "f1", "accuracy_score": "accuracy"}.get(metric_to_optimize, metric_to_optimize)

    def fail(reason):
        raise ValueError(f"hyperparameter_search: {reason}")

    if n_trials < 1:
        fail(f"n_trials must be at least 1, got {n_trials}")
    if scoring not in get_scorer_names():
        fail(f"unknown metric_to_optimize '{metric_to_optimize}': use a scikit-learn scorer name "
             "such as f1, accuracy, precision, recall, roc_auc, balanced_accuracy")
    if tracking_uri and not experiment_name.strip():
        fail("experiment_name is empty: MLflow needs an experiment to log the runs in")

    df = pd.read_parquet(training_data.path)
    if target_column not in df.columns:
        fail(f"target column '{target_column}' not found in the training data")
    X = df.drop(columns=[target_column, "user_id", "timestamp"], errors="ignore")
    y = df[target_column]
    non_numeric = [str(c) for c in X.columns
                   if not (pd.api.types.is_numeric_dtype(X[c]) or pd.api.types.is_bool_dtype(X[c]))]
    if X.shape[1] == 0 or non_numeric:
        fail("need numeric feature columns; encode or drop: " + (", ".join(non_numeric) or "(none left)"))
    classes = sorted(pd.unique(y).tolist())
    if len(classes) != 2 or not set(classes) <= {0, 1}:
        fail(f"the target must be binary 0/1 (run validate_data first), found classes {classes[:10]}")
    y = y.astype("int64")
    if int(y.value_counts().min()) < 5:
        fail("the smaller class has fewer than 5 rows; 5-fold cross-validation needs at least 5")

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    # The report's metric names (train_model's), each a scorer; the optimized one is added if new.
    scorers = {"accuracy": "accuracy", "precision": "precision", "recall": "recall", "f1_score": "f1",
               "roc_auc": "roc_auc"}
    objective_key = next((name for name, scorer in scorers.items() if scorer == scoring), scoring)
    scorers.setdefault(objective_key, scoring)

    tracker = None
    if tracking_uri:
        # Embedded into this component's program by kfp-ts and put on sys.path at start-up.
        from experiment_tracker import ExperimentTracker

        tracker = ExperimentTracker(f"{experiment_name}-tuning", tracking_uri)

    def objective(trial):
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 50, 500),
            "max_depth": trial.suggest_int("max_depth", 3, 20),
            "min_samples_split": trial.suggest_int("min_samples_split", 2, 20),
            "min_samples_leaf": trial.suggest_int("min_samples_leaf", 1, 10),
            "max_features": trial.suggest_categorical("max_features", ["sqrt", "log2", None]),
        }
        model = RandomForestClassifier(**params, random_state=42, n_jobs=-1)
        if tracker is None:
            result = cross_validate(model, X, y, cv=cv, scoring=scorers)
            scores = result[f"test_{objective_key}"]
        else:
            with tracker.start_run(run_name=f"trial-{trial.number}", nested=True,
                                   params={**params, "trial_number": trial.number, "model_type": "random_forest"}):
                result = cross_validate(model, X, y, cv=cv, scoring=scorers)
                scores = result[f"test_{objective_key}"]
                for fold, value in enumerate(scores):
                    tracker.log_metrics({f"fold_{scoring}": value}, step=fold)
                tracker.log_metrics({name: float(result[f"test_{name}"].mean()) for name in scorers})
                tracker.log_metrics({f"{scoring}_mean": float(scores.mean()), f"{scoring}_std": float(scores.std())})
            best = max([float(scores.mean())] + [t.value for t in trial.study.get_trials(deepcopy=False)
                                                 if t.value is not None])
            tracker.log_metrics({"trial_score": float(scores.mean()), "best_score_so_far": best}, step=trial.number)
        print(f"Trial {trial.number}: {scoring}={scores.mean():.4f} params={params}")
        return float(scores.mean())

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=42))

    def report_best():
        best_params.log_metric("best_score", float(study.best_value))
        best_params.log_metric("n_trials", len(study.trials))
        for k, v in study.best_params.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                best_params.log_metric(f"best_{k}", v)

    print(f"Searching {n_trials} trials optimizing {scoring} on {len(X)} rows x {X.shape[1]} features")
    if tracker is None:
        print("mlflow_tracking_uri is empty: not logging to MLflow")
        study.optimize(objective, n_trials=n_trials)
        report_best()
    else:
        with tracker.start_run(run_name="hyperparameter_search",
                               params={"n_trials": n_trials, "metric_to_optimize": scoring}):
            parent_id = tracker.run_id
            study.optimize(objective, n_trials=n_trials)
            tracker.log_metrics({"best_score": float(study.best_value)})
            tracker.log_params({f"best_{k}": v for k, v in study.best_params.items()})
            report_best()
        print(f"Logged MLflow parent run {parent_id} in experiment '{experiment_name}-tuning': {tracker.summary}")
        if not tracker.summary.complete:
            print("WARNING: MLflow did not receive every point; the comparison report may miss some trials")

    print(f"Best score: {study.best_value:.4f}")
    print(f"Best params: {study.best_params}")
