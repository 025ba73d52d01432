"""check_and_alert: reads the Metrics artifact, posts Slack JSON, retries, fails clearly, never leaks the URL."""

from __future__ import annotations

import uuid

from component_harness import metrics_artifact
from services import free_port

GOOD = {"accuracy": 0.95, "precision": 0.9, "recall": 0.9, "f1_score": 0.91, "roc_auc": 0.97}
POOR = {"accuracy": 0.72, "precision": 0.6, "recall": 0.5, "f1_score": 0.55, "roc_auc": 0.7}
# If the component read the environment like the seed article did, these would flip every verdict.
MISLEADING_ENV_GOOD = {"F1_SCORE": "0.99", "ACCURACY": "0.99"}
MISLEADING_ENV_POOR = {"F1_SCORE": "0.0", "ACCURACY": "0.0"}


def _secret() -> str:
    return f"xoxSECRET{uuid.uuid4().hex}"


def _run(runner, tmp_path, metadata, webhook, env=None, **thresholds):
    artifact = metrics_artifact(tmp_path / "metrics", metadata)
    return runner.run("check_and_alert", {"slack_webhook_url": webhook, **thresholds},
                      artifacts={"metrics": artifact}, env=env)


def _assert_webhook_not_leaked(result, webhook: str, secret: str):
    """Only kfp's own echo of the executor input may contain it; the component never prints it."""
    shown = result.component_output
    assert secret not in shown, "the webhook secret leaked into the component's output"
    assert webhook not in shown
    assert result.output_text.count(secret) == 1, "kfp echoes the executor input once, nothing else has it"


def test_GIVEN_poor_metrics_in_the_artifact_WHEN_checked_THEN_one_slack_message_describes_both_misses(
        runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [200])
    result = _run(runner, tmp_path, POOR, webhook, env=MISLEADING_ENV_GOOD).assert_ok()
    [request] = slack.posted(webhook)
    assert request["headers"]["Content-Type"] == "application/json"
    message = slack.json_of(request)
    assert set(message) == {"text", "blocks"}
    assert "F1 score (0.5500) below threshold (0.85)" in message["text"]
    assert "Accuracy (0.7200) below threshold (0.9)" in message["text"]
    assert message["blocks"][0]["type"] == "header"
    fields = [f["text"] for block in message["blocks"] for f in block.get("fields", [])]
    assert fields == ["*F1 score*\n0.5500 (min 0.85)", "*Accuracy*\n0.7200 (min 0.9)"]
    assert "Alert sent to Slack (HTTP 200, attempt 1/4)" in result.stdout
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_good_metrics_WHEN_checked_THEN_nothing_is_posted(runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [200])
    result = _run(runner, tmp_path, GOOD, webhook, env=MISLEADING_ENV_POOR).assert_ok()
    assert slack.posted(webhook) == []
    assert "All metrics within thresholds" in result.stdout
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_only_f1_missed_with_custom_thresholds_and_an_f1_key_WHEN_checked_THEN_only_f1_is_reported(
        runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [200])
    metadata = {"accuracy": 0.8, "f1": 0.7}  # the reference pipeline's key for F1
    _run(runner, tmp_path, metadata, webhook, f1_threshold=0.75, accuracy_threshold=0.8).assert_ok()
    [request] = slack.posted(webhook)
    text = slack.json_of(request)["text"]
    assert "F1 score (0.7000) below threshold (0.75)" in text
    assert "Accuracy" not in text


def test_GIVEN_slack_answers_500_then_200_WHEN_alerting_THEN_it_retries_after_a_backoff_and_succeeds(
        runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [500, 200])
    result = _run(runner, tmp_path, POOR, webhook).assert_ok()
    first, second = slack.posted(webhook)
    assert slack.json_of(first) == slack.json_of(second)
    assert second["time"] - first["time"] >= 0.45, "waited about 0.5 s before retrying"
    assert "attempt 1/4: HTTP 500" in result.stdout and "retrying in 0.5 s" in result.stdout
    assert "Alert sent to Slack (HTTP 200, attempt 2/4)" in result.stdout
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_slack_keeps_failing_with_503_WHEN_alerting_THEN_it_gives_up_after_four_attempts(
        runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [503])
    result = _run(runner, tmp_path, POOR, webhook)
    result.assert_failed_with("could not send the Slack alert after 4 attempts; last error: HTTP 503")
    posted = slack.posted(webhook)
    assert len(posted) == 4
    gaps = [b["time"] - a["time"] for a, b in zip(posted, posted[1:])]
    # 0.5 s doubling: each wait at least its nominal delay, and bounded (slack for a busy machine).
    for gap, nominal in zip(gaps, (0.5, 1.0, 2.0)):
        assert nominal - 0.05 <= gap <= nominal + 1.5, gaps
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_slack_answers_400_WHEN_alerting_THEN_it_fails_at_once_with_slacks_reason(runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [400])
    result = _run(runner, tmp_path, POOR, webhook)
    result.assert_failed_with("Slack rejected the alert with HTTP 400: invalid_payload", "not retrying")
    assert len(slack.posted(webhook)) == 1
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_nothing_listening_WHEN_alerting_THEN_connection_errors_are_retried_and_the_url_stays_hidden(
        runner, tmp_path):
    secret = _secret()
    webhook = f"http://127.0.0.1:{free_port()}/services/T0/B0/{secret}"  # a closed port
    result = _run(runner, tmp_path, POOR, webhook)
    result.assert_failed_with("could not send the Slack alert after 4 attempts",
                              "ConnectionError (could not reach the webhook host)")
    assert result.stdout.count("retrying in") == 3
    _assert_webhook_not_leaked(result, webhook, secret)


def test_GIVEN_an_empty_webhook_WHEN_checked_THEN_it_does_nothing_and_says_so(runner, tmp_path):
    result = _run(runner, tmp_path, POOR, "").assert_ok()
    assert "slack_webhook_url is empty: alerting is off" in result.stdout


def test_GIVEN_metrics_without_f1_WHEN_checked_THEN_it_fails_naming_the_keys_it_found(runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [200])
    result = _run(runner, tmp_path, {"accuracy": 0.5, "roc_auc": 0.6}, webhook, env=MISLEADING_ENV_POOR)
    result.assert_failed_with("the metrics artifact has no 'f1_score' or 'f1' value (it has: accuracy, roc_auc)")
    assert slack.posted(webhook) == []


def test_GIVEN_a_nan_metric_WHEN_checked_THEN_it_counts_as_a_miss(runner, slack, tmp_path):
    secret = _secret()
    webhook = slack.webhook(secret, [200])
    _run(runner, tmp_path, {"accuracy": 0.99, "f1_score": "NaN"}, webhook).assert_ok()
    [request] = slack.posted(webhook)
    assert "F1 score is NaN" in slack.json_of(request)["text"]
