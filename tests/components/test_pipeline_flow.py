"""The monitoring pipeline's data flow, task by task, each output handed on as the backend would.

s3:// CSV -> ingest_data -> validate_data -> train_model (MLflow) -> check_and_alert (Slack)
                                                                 -> generate_comparison_report
Input artifacts carry the uri and metadata from the producer's executor output.
"""

from __future__ import annotations

import uuid

import pandas as pd

from datasets import dirty_churn_frame


def test_GIVEN_raw_csv_in_s3_WHEN_the_pipeline_tasks_run_in_order_THEN_each_consumes_the_previous_outputs(
        runner, s3_server, mlflow_server, slack, tmp_path):
    bucket = f"pipeline-{uuid.uuid4().hex[:8]}"
    s3 = s3_server.client()
    s3.create_bucket(Bucket=bucket)
    raw, expected = dirty_churn_frame(n_rows=260, seed=41)
    s3.put_object(Bucket=bucket, Key="raw/churn.csv", Body=raw.to_csv(index=False).encode())
    experiment = f"pipeline-{uuid.uuid4().hex[:8]}"

    ingest = runner.run("ingest_data", {"source_path": f"s3://{bucket}/raw/churn.csv"},
                        env=s3_server.env()).assert_ok()
    assert ingest.artifact("output_data").metadata["rows"] == len(raw)

    validate = runner.run("validate_data", artifacts={"input_data": ingest.artifact("output_data")}).assert_ok()
    assert validate.artifact("validated_data").metadata["rows"] == expected["rows_out"]

    train = runner.run("train_model", {"experiment_name": experiment, "mlflow_tracking_uri": mlflow_server.uri,
                                       "n_estimators": 10, "max_depth": 3},
                       artifacts={"training_data": validate.artifact("validated_data")}).assert_ok()
    metrics = train.artifact("metrics")
    client = mlflow_server.client()
    [run] = client.search_runs([client.get_experiment_by_name(experiment).experiment_id])
    assert run.data.params["train_size"] == str(int(expected["rows_out"] * 0.8))
    assert run.data.metrics["f1_score"] == metrics.metadata["f1_score"]

    # Thresholds above anything reachable, so the alert must fire with the trained model's numbers.
    secret = f"flow{uuid.uuid4().hex}"
    webhook = slack.webhook(secret, [200])
    alert = runner.run("check_and_alert", {"slack_webhook_url": webhook, "f1_threshold": 1.01,
                                           "accuracy_threshold": 1.01},
                       artifacts={"metrics": metrics}).assert_ok()
    [posted] = slack.posted(webhook)
    text = slack.json_of(posted)["text"]
    assert f"F1 score ({metrics.metadata['f1_score']:.4f}) below threshold (1.01)" in text
    assert f"Accuracy ({metrics.metadata['accuracy']:.4f}) below threshold (1.01)" in text
    assert secret not in alert.component_output

    report = runner.run("generate_comparison_report", {"experiment_name": experiment,
                                                       "mlflow_tracking_uri": mlflow_server.uri}).assert_ok()
    page = open(report.artifact("report").path, encoding="utf-8").read()
    assert run.info.run_id in page
    assert report.artifact("report").metadata["runs"] == 1
    assert pd.read_parquet(validate.artifact("validated_data").path).shape[0] == expected["rows_out"]
