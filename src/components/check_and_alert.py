"""KFP component body: post a Slack alert when a trained model misses its thresholds."""

from kfp import dsl
from kfp.dsl import Input, Metrics


@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "requests==2.33.0",
    ],
)
def check_and_alert(
    metrics: Input[Metrics],
    slack_webhook_url: str,
    f1_threshold: float = 0.85,
    accuracy_threshold: float = 0.9,
):
    """Compares the model's F1 and accuracy with thresholds and alerts Slack if either is missed.

    Reads ``f1_score`` (or ``f1``) and ``accuracy`` from the metrics artifact.
    The message is Slack incoming-webhook JSON (``text`` plus ``blocks``). Server
    errors (5xx, 429) and connection failures are retried with exponential backoff
    (4 attempts, 0.5 s / 1 s / 2 s apart); a 4xx answer fails at once. The webhook
    URL is a secret: it is never printed or put in an error message. An empty
    webhook means alerts are off: the step says so and does nothing else.

    Args:
        metrics: Metrics artifact from train_model.
        slack_webhook_url: Slack incoming webhook; empty disables alerting.
        f1_threshold: Lowest acceptable F1 score.
        accuracy_threshold: Lowest acceptable accuracy.
    """
    import logging
    import math
    import time
    import urllib.parse

    import requests

    # urllib3 logs request lines (with the secret path) at DEBUG; keep it quiet whatever the root level.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    f1_threshold, accuracy_threshold = float(f1_threshold), float(accuracy_threshold)
    webhook = (slack_webhook_url or "").strip()
    if not webhook:
        print("slack_webhook_url is empty: alerting is off, nothing checked or sent")
        return
    values = dict(metrics.metadata or {})

    def read(*keys):
        for key in keys:
            if key in values and values[key] is not None:
                try:
                    return key, float(values[key])
                except (TypeError, ValueError):
                    raise ValueError(f"check_and_alert: metric '{key}' in the metrics artifact is not a "
                                     f"number: {values[key]!r}") from None
        raise ValueError(f"check_and_alert: the metrics artifact has no {' or '.join(repr(k) for k in keys)} "
                         f"value (it has: {', '.join(sorted(values)) or 'nothing'}). Pass the 'metrics' "
                         "output of train_model.")

    f1_key, f1 = read("f1_score", "f1")
    _, accuracy = read("accuracy")
    print(f"Metrics from {metrics.name or 'the metrics artifact'}: {f1_key}={f1:.4f}, accuracy={accuracy:.4f}")

    problems = []
    for label, value, threshold in (("F1 score", f1, f1_threshold), ("Accuracy", accuracy, accuracy_threshold)):
        if math.isnan(value):
            problems.append(f"{label} is NaN (threshold {threshold})")
        elif value < threshold:
            problems.append(f"{label} ({value:.4f}) below threshold ({threshold})")

    if not problems:
        print(f"All metrics within thresholds (f1 >= {f1_threshold}, accuracy >= {accuracy_threshold}): no alert")
        return
    for p in problems:
        print(f"Below threshold: {p}")

    if not webhook.lower().startswith(("https://", "http://")):
        raise ValueError("check_and_alert: slack_webhook_url must be an http(s) URL (value not shown)")

    def redact(text):
        text = str(text)
        for secret in {webhook, webhook.split("://", 1)[-1], urllib.parse.urlsplit(webhook).path}:
            if len(secret) > 1:
                text = text.replace(secret, "<webhook>")
        return text

    message = {
        "text": "Experiment alert: model below threshold\n" + "\n".join(problems),
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Experiment alert: model below threshold"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(f"• {p}" for p in problems)}},
            {"type": "section", "fields": [
                {"type": "mrkdwn", "text": f"*F1 score*\n{f1:.4f} (min {f1_threshold})"},
                {"type": "mrkdwn", "text": f"*Accuracy*\n{accuracy:.4f} (min {accuracy_threshold})"},
            ]},
        ],
    }

    attempts, base_delay, last = 4, 0.5, ""
    for attempt in range(1, attempts + 1):
        try:
            response = requests.post(webhook, json=message, timeout=10)
        except requests.RequestException as err:
            last = f"{type(err).__name__} (could not reach the webhook host)"
        else:
            status = response.status_code
            if 200 <= status < 300:
                print(f"Alert sent to Slack (HTTP {status}, attempt {attempt}/{attempts})")
                return
            body = redact(response.text[:200]).strip()
            if 400 <= status < 500 and status != 429:
                raise RuntimeError(f"check_and_alert: Slack rejected the alert with HTTP {status}"
                                   f"{': ' + body if body else ''}. Check the webhook URL and that the "
                                   "Slack app is still installed; not retrying.")
            last = f"HTTP {status}{': ' + body if body else ''}"
        if attempt < attempts:
            delay = base_delay * 2 ** (attempt - 1)
            print(f"Sending alert failed (attempt {attempt}/{attempts}: {last}); retrying in {delay:.1f} s")
            time.sleep(delay)
    raise RuntimeError(f"check_and_alert: could not send the Slack alert after {attempts} attempts; "
                       f"last error: {last}")
