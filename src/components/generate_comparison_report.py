"""KFP component body: a self-contained HTML report comparing an experiment's MLflow runs."""

from kfp import dsl
from kfp.dsl import HTML, Output


@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "mlflow==3.17.2",
        "pandas==3.1.1",
        "plotly==7.1.0",
    ],
)
def generate_comparison_report(
    experiment_name: str,
    report: Output[HTML],
    mlflow_tracking_uri: str = "",
):
    """Writes an HTML page comparing the runs of an MLflow experiment.

    Works for a training experiment (train_model's runs) and a tuning experiment
    (hyperparameter_search's trials) alike: each run's accuracy, precision,
    recall, f1_score and roc_auc are read under the first name the run logged
    (f1_score, f1 or f1_mean; accuracy or accuracy_mean; …). Runs with none of
    them (a search's parent run, a crashed run) are listed but not compared.
    The page has a summary statistics table, four Plotly charts (accuracy vs
    F1, metric distributions, n_estimators vs F1, F1 over time), every compared
    run with its metrics, the top five by F1, and the same data as JSON
    (``<script id="report-data">``). Plotly's JavaScript is inlined, so the page
    works without network. With nothing to compare — no tracking URI, no such
    experiment, no runs, or no run with any of these metrics — the task fails
    with a message saying which, instead of writing an empty page.

    Args:
        experiment_name: MLflow experiment to report on.
        report: The HTML page.
        mlflow_tracking_uri: MLflow server the runs were logged to.
    """
    import html
    import json
    import urllib.parse

    import pandas as pd

    tracking_uri = (mlflow_tracking_uri or "").strip()
    parts = urllib.parse.urlsplit(tracking_uri)
    # Never show user:password@ from the tracking URI.
    shown_uri = parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]).geturl()
    title = f"Experiment report: {experiment_name}"
    esc = html.escape
    # The report's metric names, each with the names runs log it under, in order of preference:
    # train_model logs the first; hyperparameter_search's trials log the first too, and their
    # optimized metric also as <scorer>_mean; the reference pipeline's runs log "f1"; training
    # loops using experiment_tracker often log val_<name>.
    aliases = {
        "accuracy": ("accuracy", "accuracy_mean", "val_accuracy"),
        "precision": ("precision", "precision_mean", "val_precision"),
        "recall": ("recall", "recall_mean", "val_recall"),
        "f1_score": ("f1_score", "f1", "f1_mean", "val_f1"),
        "roc_auc": ("roc_auc", "roc_auc_mean", "val_roc_auc"),
    }
    known = ", ".join(f"{name} ({' / '.join(names[1:])})" for name, names in aliases.items())

    def fail(reason):
        raise ValueError(f"generate_comparison_report: {reason}")

    def page(body, n_runs):
        with open(report.path, "w", encoding="utf-8") as f:
            f.write(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>{esc(title)}</title>\n<style>\n"
                "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                "table{border-collapse:collapse;margin:1em 0}"
                "th,td{border:1px solid #bbb;padding:4px 10px;text-align:right}"
                "th:first-child,td:first-child{text-align:left}th{background:#f0f0f0}"
                ".plot{width:100%;max-width:1100px;margin-bottom:1em}"
                ".empty{color:#666;font-style:italic}\n"
                "</style>\n</head>\n<body>\n"
                f"<h1>{esc(title)}</h1>\n{body}\n</body>\n</html>\n")
        report.metadata["runs"] = int(n_runs)
        print(f"Wrote report for {n_runs} runs to {report.path}")

    if not tracking_uri:
        fail("mlflow_tracking_uri is empty, so there are no runs to compare. Pass the MLflow server the "
             "training or tuning task logged to.")

    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(tracking_uri)
    experiment = MlflowClient().get_experiment_by_name(experiment_name)
    if experiment is None:
        fail(f"experiment '{experiment_name}' does not exist on {shown_uri}, so there are no runs to compare. "
             "Check the name: train_model logs to experiment_name, hyperparameter_search to "
             "'<experiment_name>-tuning'.")
    runs = mlflow.search_runs(experiment_ids=[experiment.experiment_id])
    if runs.empty:
        fail(f"experiment '{experiment_name}' on {shown_uri} has no runs yet, so there is nothing to compare.")

    import plotly.graph_objects as go

    def column(name, numeric=True):
        if name not in runs.columns:
            return pd.Series([float("nan")] * len(runs), index=runs.index)
        return pd.to_numeric(runs[name], errors="coerce") if numeric else runs[name]

    metric_values, metric_sources = {}, {}
    for name, names in aliases.items():
        value = pd.Series([float("nan")] * len(runs), index=runs.index)
        source = pd.Series([""] * len(runs), index=runs.index, dtype=object)
        for logged in names:
            candidate = column(f"metrics.{logged}")
            take = value.isna() & candidate.notna()
            value[take] = candidate[take]
            source[take] = logged
        metric_values[name], metric_sources[name] = value, source
    run_ids = runs["run_id"].astype(str)
    run_names = column("tags.mlflow.runName", numeric=False).fillna("").astype(str)
    model_types = column("params.model_type", numeric=False).fillna("").astype(str)
    parents = column("tags.mlflow.parentRunId", numeric=False).fillna("").astype(str)
    statuses = column("status", numeric=False).fillna("").astype(str)
    start = pd.to_datetime(runs["start_time"], errors="coerce", utc=True)

    compared = pd.concat(list(metric_values.values()), axis=1).notna().any(axis=1)
    left_out = [f"{run_names[i] or '(unnamed)'} ({run_ids[i][:8]})" for i in runs.index[~compared]]
    if not compared.any():
        logged = sorted({c[len("metrics."):] for c in runs.columns
                         if c.startswith("metrics.") and runs[c].notna().any()})
        fail(f"none of the {len(runs)} runs in experiment '{experiment_name}' on {shown_uri} logged a metric "
             f"this report compares: {known}. The runs logged: {', '.join(logged) or 'no metrics at all'}.")
    print(f"Comparing {int(compared.sum())} of {len(runs)} runs of experiment '{experiment_name}'"
          + (f"; not compared (no such metric): {', '.join(left_out)}" if left_out else ""))
    runs = runs.loc[compared]
    metric_values = {k: v.loc[compared] for k, v in metric_values.items()}
    metric_sources = {k: v.loc[compared] for k, v in metric_sources.items()}
    run_ids, run_names, model_types, parents, statuses, start = (
        s.loc[compared] for s in (run_ids, run_names, model_types, parents, statuses, start))
    f1, acc, auc = metric_values["f1_score"], metric_values["accuracy"], metric_values["roc_auc"]

    def fmt(v):
        return "" if pd.isna(v) else f"{v:.4f}"

    rows = []
    for name, values in metric_values.items():
        v = values.dropna()
        if v.empty:
            continue
        sources = metric_sources[name][values.notna()].value_counts()
        read_as = ", ".join(f"{esc(n)} ({c})" for n, c in sources.items())
        rows.append(f"<tr><td>{name}</td><td>{len(v)}</td><td>{fmt(v.mean())}</td>"
                    f"<td>{fmt(v.std()) if len(v) > 1 else ''}</td><td>{fmt(v.min())}</td>"
                    f"<td>{fmt(v.max())}</td><td>{read_as}</td></tr>")
    summary = ("<table id=\"summary\"><thead><tr><th>Metric</th><th>Runs</th><th>Mean</th><th>Std</th>"
               "<th>Min</th><th>Max</th><th>Logged as (runs)</th></tr></thead><tbody>" + "".join(rows)
               + "</tbody></table>")

    def layout(fig, title_text, x_title, y_title):
        fig.update_layout(title=title_text, xaxis_title=x_title, yaxis_title=y_title, height=420,
                          margin=dict(l=60, r=30, t=60, b=60), template="plotly_white")
        return fig

    def note_if_empty(fig, has_data, text):
        if not has_data:
            fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
        return fig

    hover = run_ids.str[:8] + " " + run_names
    ok = acc.notna() & f1.notna()
    marker = dict(size=10)
    if auc[ok].notna().any():
        marker.update(color=auc[ok], colorscale="Viridis", showscale=True, colorbar=dict(title="ROC AUC"))
    fig1 = go.Figure(go.Scatter(x=acc[ok], y=f1[ok], mode="markers", text=hover[ok], marker=marker,
                                name="Runs"))
    note_if_empty(layout(fig1, "Accuracy vs F1 Score", "accuracy", "f1_score"), ok.any(),
                  "No run has both accuracy and f1_score")

    fig2 = go.Figure()
    for name in ("accuracy", "precision", "recall", "f1_score"):
        v = metric_values[name].dropna()
        if not v.empty:
            fig2.add_trace(go.Box(y=v, name=name, boxpoints="all"))
    note_if_empty(layout(fig2, "Metric Distributions", "metric", "value"), len(fig2.data) > 0,
                  "No run has logged these metrics")

    n_est = column("params.n_estimators").loc[runs.index]
    ok3 = n_est.notna() & f1.notna()
    fig3 = go.Figure()
    for mt in sorted(model_types[ok3].unique()):
        sel = ok3 & (model_types == mt)
        fig3.add_trace(go.Scatter(x=n_est[sel], y=f1[sel], mode="markers", text=hover[sel],
                                  name=mt or "(no model_type)", marker=dict(size=10)))
    note_if_empty(layout(fig3, "Parameter Impact on F1", "n_estimators", "f1_score"), ok3.any(),
                  "No run has both an n_estimators parameter and f1_score")

    ok4 = start.notna() & f1.notna()
    order = start[ok4].sort_values().index
    fig4 = go.Figure(go.Scatter(x=start[order].dt.tz_localize(None), y=f1[order], mode="lines+markers",
                                text=hover[order], name="F1 over time"))
    note_if_empty(layout(fig4, "Run Timeline", "start time (UTC)", "f1_score"), ok4.any(),
                  "No run has f1_score")

    plots = []
    for i, (div_id, fig) in enumerate((("plot-accuracy-vs-f1", fig1), ("plot-metric-distributions", fig2),
                                        ("plot-parameter-impact", fig3), ("plot-timeline", fig4))):
        plots.append("<div class=\"plot\">" + fig.to_html(
            full_html=False, include_plotlyjs=(i == 0), div_id=div_id,
            config={"displaylogo": False, "responsive": True}) + "</div>")

    def started(idx):
        return "" if pd.isna(start[idx]) else start[idx].strftime("%Y-%m-%d %H:%M:%S")

    param_columns = [c for c in ("n_estimators", "max_depth") if f"params.{c}" in runs.columns]
    by_start = start.sort_values(kind="stable").index
    all_rows = []
    for idx in by_start:
        cells = "".join(f"<td>{fmt(metric_values[name][idx])}</td>" for name in aliases)
        params_cells = "".join(f"<td>{esc(str(runs.at[idx, f'params.{p}']))}</td>"
                               if pd.notna(runs.at[idx, f"params.{p}"]) else "<td></td>" for p in param_columns)
        all_rows.append(f"<tr><td><code>{esc(run_ids[idx])}</code></td><td>{esc(run_names[idx])}</td>"
                        f"<td>{esc(model_types[idx])}</td>{params_cells}{cells}<td>{started(idx)}</td></tr>")
    all_runs = ("<table id=\"runs\"><thead><tr><th>Run ID</th><th>Run name</th><th>Model type</th>"
                + "".join(f"<th>{p}</th>" for p in param_columns)
                + "".join(f"<th>{name}</th>" for name in aliases)
                + "<th>Started (UTC)</th></tr></thead><tbody>" + "".join(all_rows) + "</tbody></table>")
    not_compared = ("" if not left_out else
                    f"<p id=\"not-compared\">Not compared ({len(left_out)}; none of these metrics logged): "
                    + esc(", ".join(left_out)) + "</p>")

    ranked = runs.assign(_f1=f1).loc[f1.notna()].sort_values("_f1", ascending=False, kind="stable").head(5)
    if ranked.empty:
        top = "<p class=\"empty\" id=\"top-runs\">No run has an f1_score metric yet.</p>"
    else:
        body_rows = []
        for idx in ranked.index:
            body_rows.append(
                f"<tr><td><code>{esc(run_ids[idx])}</code></td><td>{esc(run_names[idx])}</td>"
                f"<td>{esc(model_types[idx])}</td><td>{fmt(f1[idx])}</td><td>{fmt(acc[idx])}</td>"
                f"<td>{fmt(auc[idx])}</td><td>{started(idx)}</td></tr>")
        top = ("<table id=\"top-runs\"><thead><tr><th>Run ID</th><th>Run name</th><th>Model type</th>"
               "<th>F1</th><th>Accuracy</th><th>ROC AUC</th><th>Started (UTC)</th></tr></thead><tbody>"
               + "".join(body_rows) + "</tbody></table>")

    def number(v):
        return None if pd.isna(v) else float(v)

    data = {
        "experiment": experiment_name,
        "runs": [{
            "run_id": run_ids[idx], "run_name": run_names[idx], "parent_run_id": parents[idx] or None,
            "status": statuses[idx], "start_time": started(idx) or None,
            "params": {c[len("params."):]: str(runs.at[idx, c]) for c in runs.columns
                       if c.startswith("params.") and pd.notna(runs.at[idx, c])},
            "metrics": {name: number(metric_values[name][idx]) for name in aliases},
            "logged_as": {name: metric_sources[name][idx] or None for name in aliases},
        } for idx in by_start],
        "not_compared": left_out,
    }
    # In a <script> element only "</" can end it early.
    data_json = json.dumps(data, sort_keys=True).replace("</", "<\\/")

    body = (f"<p>{len(runs)} runs compared, from {esc(shown_uri)}.</p>\n<h2>Summary Statistics</h2>\n{summary}\n"
            "<h2>Visualizations</h2>\n" + "\n".join(plots) + "\n"
            f"<h2>All Compared Runs</h2>\n{all_runs}\n{not_compared}\n"
            f"<h2>Top 5 Runs by F1 Score</h2>\n{top}\n"
            f"<script type=\"application/json\" id=\"report-data\">{data_json}</script>")
    page(body, len(runs))
    report.metadata["runs_not_compared"] = len(left_out)
