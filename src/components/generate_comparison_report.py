"""KFP component body: a self-contained HTML report comparing an experiment's MLflow runs."""

from kfp.dsl import HTML, Output


def generate_comparison_report(
    experiment_name: str,
    report: Output[HTML],
    mlflow_tracking_uri: str = "",
):
    """Writes an HTML page comparing all runs of an MLflow experiment.

    The page has a summary statistics table, four Plotly charts (accuracy vs F1,
    metric distributions, n_estimators vs F1, F1 over time) and the top five runs
    by F1. Plotly's JavaScript is inlined, so the page works without network.
    Runs missing a metric or parameter are left out of the charts that need it; a
    missing or empty experiment gives a page that says so.

    Args:
        experiment_name: MLflow experiment to report on.
        report: The HTML page.
        mlflow_tracking_uri: MLflow server; empty means MLflow is not configured.
    """
    import html
    import urllib.parse

    import pandas as pd

    tracking_uri = (mlflow_tracking_uri or "").strip()
    parts = urllib.parse.urlsplit(tracking_uri)
    # Never show user:password@ from the tracking URI.
    shown_uri = parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]).geturl()
    title = f"Experiment report: {experiment_name}"
    esc = html.escape

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
        page("<p class=\"empty\" id=\"no-runs\">MLflow tracking is not configured "
             "(mlflow_tracking_uri is empty), so there are no runs to compare.</p>", 0)
        return

    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(tracking_uri)
    experiment = MlflowClient().get_experiment_by_name(experiment_name)
    if experiment is None:
        print(f"Experiment '{experiment_name}' does not exist on {shown_uri}")
        page(f"<p class=\"empty\" id=\"no-runs\">Experiment <code>{esc(experiment_name)}</code> does not "
             f"exist on {esc(shown_uri)}: no runs to compare.</p>", 0)
        return
    runs = mlflow.search_runs(experiment_ids=[experiment.experiment_id])
    if runs.empty:
        print(f"Experiment '{experiment_name}' has no runs")
        page(f"<p class=\"empty\" id=\"no-runs\">Experiment <code>{esc(experiment_name)}</code> has no "
             "runs yet.</p>", 0)
        return

    import plotly.graph_objects as go

    print(f"Comparing {len(runs)} runs of experiment '{experiment_name}'")

    def column(name, numeric=True):
        if name not in runs.columns:
            return pd.Series([float("nan")] * len(runs), index=runs.index)
        return pd.to_numeric(runs[name], errors="coerce") if numeric else runs[name]

    # Runs from the reference pipeline log "f1"; ours log "f1_score".
    f1 = column("metrics.f1_score")
    if f1.isna().all():
        f1 = column("metrics.f1")
    metric_values = {
        "accuracy": column("metrics.accuracy"),
        "precision": column("metrics.precision"),
        "recall": column("metrics.recall"),
        "f1_score": f1,
        "roc_auc": column("metrics.roc_auc"),
    }
    run_ids = runs["run_id"].astype(str)
    run_names = column("tags.mlflow.runName", numeric=False).fillna("").astype(str)
    model_types = column("params.model_type", numeric=False).fillna("").astype(str)
    start = pd.to_datetime(runs["start_time"], errors="coerce", utc=True)

    def fmt(v):
        return "" if pd.isna(v) else f"{v:.4f}"

    rows = []
    for name, values in metric_values.items():
        v = values.dropna()
        if v.empty:
            continue
        rows.append(f"<tr><td>{name}</td><td>{len(v)}</td><td>{fmt(v.mean())}</td>"
                    f"<td>{fmt(v.std()) if len(v) > 1 else ''}</td><td>{fmt(v.min())}</td>"
                    f"<td>{fmt(v.max())}</td></tr>")
    if rows:
        summary = ("<table id=\"summary\"><thead><tr><th>Metric</th><th>Runs</th><th>Mean</th><th>Std</th>"
                   "<th>Min</th><th>Max</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    else:
        summary = "<p class=\"empty\" id=\"summary\">No run has logged accuracy, precision, recall, f1_score or roc_auc.</p>"

    def layout(fig, title_text, x_title, y_title):
        fig.update_layout(title=title_text, xaxis_title=x_title, yaxis_title=y_title, height=420,
                          margin=dict(l=60, r=30, t=60, b=60), template="plotly_white")
        return fig

    def note_if_empty(fig, has_data, text):
        if not has_data:
            fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
        return fig

    hover = run_ids.str[:8] + " " + run_names
    acc = metric_values["accuracy"]
    auc = metric_values["roc_auc"]
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

    n_est = column("params.n_estimators")
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

    ranked = runs.assign(_f1=f1).loc[f1.notna()].sort_values("_f1", ascending=False, kind="stable").head(5)
    if ranked.empty:
        top = "<p class=\"empty\" id=\"top-runs\">No run has an f1_score metric yet.</p>"
    else:
        body_rows = []
        for idx in ranked.index:
            started = "" if pd.isna(start[idx]) else start[idx].strftime("%Y-%m-%d %H:%M:%S")
            body_rows.append(
                f"<tr><td><code>{esc(run_ids[idx])}</code></td><td>{esc(run_names[idx])}</td>"
                f"<td>{esc(model_types[idx])}</td><td>{fmt(f1[idx])}</td><td>{fmt(acc[idx])}</td>"
                f"<td>{fmt(auc[idx])}</td><td>{started}</td></tr>")
        top = ("<table id=\"top-runs\"><thead><tr><th>Run ID</th><th>Run name</th><th>Model type</th>"
               "<th>F1</th><th>Accuracy</th><th>ROC AUC</th><th>Started (UTC)</th></tr></thead><tbody>"
               + "".join(body_rows) + "</tbody></table>")

    body = (f"<p>{len(runs)} runs on {esc(shown_uri)}.</p>\n<h2>Summary Statistics</h2>\n{summary}\n"
            "<h2>Visualizations</h2>\n" + "\n".join(plots) + "\n"
            f"<h2>Top 5 Runs by F1 Score</h2>\n{top}")
    page(body, len(runs))
