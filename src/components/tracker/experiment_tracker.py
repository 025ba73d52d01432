"""Real-time experiment tracking for training loops: buffered MLflow logging that survives outages.

One file, no dependency beyond ``mlflow`` (``psutil`` is used for system metrics when it is
installed). It works in a plain training script and inside a KFP component (kfp-ts embeds this
file into the component program and puts it on ``sys.path``)::

    from experiment_tracker import ExperimentTracker

    tracker = ExperimentTracker("churn-training", "http://mlflow.kubeflow.svc:5000")
    with tracker.start_run(run_name="model-v1", params={"lr": 0.01}):
        for epoch in range(epochs):
            for i, (x, y) in enumerate(loader):
                loss = train_step(model, x, y)
                tracker.log_batch(epoch * len(loader) + i, {"loss": loss})
            tracker.log_epoch(epoch, {"val_loss": val_loss, "val_f1": val_f1})
    print(tracker.summary)

Points are kept in memory and sent in the background with MLflow's ``log-batch`` call (up to
1000 metrics per request) every ``flush_interval`` seconds, or sooner when a run has a full
batch waiting, so a fast loop does not make one HTTP request per point. When the server cannot
be reached the training goes on: the points stay buffered and are sent once it answers again
(retries back off up to ``max_retry_interval``). Ending the outermost run waits up to
``final_flush_timeout`` for what is still buffered; whatever could not be sent then is counted
in ``summary``, reported, and written to ``unsent_path`` when one is given, from where
``ExperimentTracker.send_unsent`` sends it later. Leaving ``with tracker.start_run(...)`` through
an exception ends the run FAILED (KILLED for KeyboardInterrupt) and lets the exception through.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import math
import os
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Mapping, Optional

__all__ = ["ExperimentTracker", "TrackerSummary"]

# MLflow's per-request limits for log-batch (mlflow.utils.validation).
_MAX_METRICS = 1000
_MAX_PARAMS_OR_TAGS = 100
_MAX_PARAM_LENGTH = 6000


@dataclasses.dataclass
class TrackerSummary:
    """What happened to the points a tracker was given; ``str()`` gives one line."""

    points_logged: int = 0
    points_sent: int = 0
    points_unsent: int = 0
    points_rejected: int = 0
    points_dropped: int = 0
    requests: int = 0
    failed_requests: int = 0
    runs_not_closed: List[str] = dataclasses.field(default_factory=list)
    unsent_path: Optional[str] = None
    last_error: Optional[str] = None

    @property
    def complete(self) -> bool:
        """Every point logged reached MLflow and every run got its final status."""
        return (self.points_sent == self.points_logged and not self.runs_not_closed)

    def __str__(self) -> str:
        text = (f"{self.points_sent}/{self.points_logged} points sent in {self.requests} requests "
                f"({self.failed_requests} failed)")
        if self.points_unsent:
            text += f"; {self.points_unsent} unsent"
            if self.unsent_path:
                text += f" (saved to {self.unsent_path})"
        if self.points_rejected:
            text += f"; {self.points_rejected} rejected by the server"
        if self.points_dropped:
            text += f"; {self.points_dropped} dropped (buffer full)"
        if self.runs_not_closed:
            text += f"; status not set on run(s) {', '.join(self.runs_not_closed)}"
        if self.last_error and not self.complete:
            text += f"; last error: {self.last_error}"
        return text


@dataclasses.dataclass
class _Pending:
    """What is buffered for one run, in the order it was logged."""

    metrics: List[tuple] = dataclasses.field(default_factory=list)  # (key, value, timestamp_ms, step)
    params: List[tuple] = dataclasses.field(default_factory=list)
    tags: List[tuple] = dataclasses.field(default_factory=list)
    final_status: Optional[tuple] = None  # (status, end_time_ms), sent after the data
    dropped: int = 0  # metrics removed from the front by overflow, so a send in flight can tell

    def has_data(self) -> bool:
        return bool(self.metrics or self.params or self.tags)

    def size(self) -> int:
        return len(self.metrics) + len(self.params) + len(self.tags)


class _RejectedError(Exception):
    """The server answered and refused the request (a 4xx other than 429): resending cannot help."""


def _json_number(value: float):
    # Protobuf's JSON form, which the MLflow server parses, spells non-finite doubles as strings.
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


class _RestTransport:
    """MLflow's REST API with one attempt per call and a bounded timeout: the tracker retries itself."""

    def __init__(self, tracking_uri: str, timeout: float):
        from mlflow.utils.credentials import get_default_host_creds

        self._creds = get_default_host_creds(tracking_uri)
        self._timeout = timeout

    def _post(self, endpoint: str, body: Dict[str, Any]) -> None:
        from mlflow.exceptions import MlflowException
        from mlflow.utils.rest_utils import http_request, verify_rest_response

        response = http_request(self._creds, endpoint, "POST", json=body, max_retries=0, backoff_factor=0,
                                timeout=self._timeout, raise_on_status=False)
        if 400 <= response.status_code < 500 and response.status_code != 429:
            raise _RejectedError(f"HTTP {response.status_code}: {response.text[:300]}")
        try:
            verify_rest_response(response, endpoint)
        except MlflowException as err:
            raise ConnectionError(f"HTTP {response.status_code}: {err}") from None

    def log_batch(self, run_id: str, metrics, params, tags) -> None:
        self._post("/api/2.0/mlflow/runs/log-batch", {
            "run_id": run_id,
            "metrics": [{"key": k, "value": _json_number(v), "timestamp": t, "step": s} for k, v, t, s in metrics],
            "params": [{"key": k, "value": v} for k, v in params],
            "tags": [{"key": k, "value": v} for k, v in tags],
        })

    def set_terminated(self, run_id: str, status: str, end_time: int) -> None:
        self._post("/api/2.0/mlflow/runs/update", {"run_id": run_id, "status": status, "end_time": end_time})


class _ClientTransport:
    """A local store (file:, sqlite:, …) through MlflowClient: no network to lose."""

    def __init__(self, tracking_uri: str):
        from mlflow.tracking import MlflowClient

        self._client = MlflowClient(tracking_uri=tracking_uri)

    def log_batch(self, run_id: str, metrics, params, tags) -> None:
        from mlflow.entities import Metric, Param, RunTag

        self._client.log_batch(run_id, metrics=[Metric(k, v, t, s) for k, v, t, s in metrics],
                               params=[Param(k, v) for k, v in params], tags=[RunTag(k, v) for k, v in tags],
                               synchronous=True)

    def set_terminated(self, run_id: str, status: str, end_time: int) -> None:
        self._client.set_terminated(run_id, status, end_time)


def _transport_for(tracking_uri: str, timeout: float):
    if tracking_uri.split(":", 1)[0].lower() in ("http", "https"):
        return _RestTransport(tracking_uri, timeout)
    return _ClientTransport(tracking_uri)


class _SystemSampler:
    """CPU and memory readings: psutil's when it is installed, otherwise what the OS gives for free."""

    def __init__(self):
        try:
            import psutil
        except ImportError:
            psutil = None
        self._psutil = psutil
        self._last = (time.monotonic(), sum(os.times()[:2]))
        if psutil is not None:
            psutil.cpu_percent(interval=None)  # the first call only sets the reference point

    def sample(self) -> Dict[str, float]:
        now, cpu = time.monotonic(), sum(os.times()[:2])
        wall = now - self._last[0]
        values: Dict[str, float] = {}
        if wall > 0:
            values["system/process_cpu_percentage"] = 100.0 * (cpu - self._last[1]) / wall
        self._last = (now, cpu)
        if self._psutil is not None:
            memory = self._psutil.virtual_memory()
            values["system/cpu_utilization_percentage"] = float(self._psutil.cpu_percent(interval=None))
            values["system/system_memory_usage_megabytes"] = (memory.total - memory.available) / 2**20
            values["system/system_memory_usage_percentage"] = float(memory.percent)
            values["system/process_memory_rss_megabytes"] = self._psutil.Process().memory_info().rss / 2**20
            return values
        if hasattr(os, "getloadavg"):
            values["system/load_average_1m"] = os.getloadavg()[0]
        meminfo = self._meminfo()
        if meminfo:
            total, available = meminfo
            values["system/system_memory_usage_megabytes"] = (total - available) / 1024
            values["system/system_memory_usage_percentage"] = 100.0 * (total - available) / total
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            values["system/process_peak_rss_megabytes"] = peak / (2**20 if sys.platform == "darwin" else 1024)
        except ImportError:
            pass
        return values

    @staticmethod
    def _meminfo():
        try:
            with open("/proc/meminfo", encoding="ascii") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            return int(fields["MemTotal"].split()[0]), int(fields["MemAvailable"].split()[0])
        except (OSError, KeyError, ValueError):
            return None


class ExperimentTracker:
    """Logs a training loop's metrics to MLflow in batches, in the background, surviving outages.

    Args:
        experiment_name: The MLflow experiment; created when missing.
        tracking_uri: The MLflow server (``http://…``) or a local store; ``None`` uses MLflow's
            default (``MLFLOW_TRACKING_URI``, else ``./mlruns``).
        flush_interval: Seconds between background sends.
        max_batch_size: Points per request (MLflow accepts at most 1000); a run with that many
            waiting is sent at once.
        max_pending: Points kept while the server is unreachable; beyond that the oldest are
            dropped (and counted).
        request_timeout: Seconds to wait for one request.
        max_retry_interval: Longest pause between attempts while the server is unreachable.
        final_flush_timeout: Seconds that ending the outermost run waits for buffered points.
        system_metrics: Log CPU and memory use (``system/…`` metrics) on the outermost run.
        system_metrics_interval: Seconds between system samples.
        unsent_path: Where to write (JSON lines) what could not be sent by the end.
        log: Called with each message (warnings about the server, the final summary); default
            prints to stderr.
    """

    def __init__(self, experiment_name: str, tracking_uri: Optional[str] = None, *, flush_interval: float = 5.0,
                 max_batch_size: int = _MAX_METRICS, max_pending: int = 1_000_000, request_timeout: float = 10.0,
                 max_retry_interval: float = 30.0, final_flush_timeout: float = 60.0, system_metrics: bool = True,
                 system_metrics_interval: float = 10.0, unsent_path: Optional[str] = None,
                 log: Optional[Callable[[str], None]] = None):
        import mlflow

        if not experiment_name or not experiment_name.strip():
            raise ValueError("ExperimentTracker: experiment_name is empty")
        if not 1 <= max_batch_size <= _MAX_METRICS:
            raise ValueError(f"ExperimentTracker: max_batch_size must be between 1 and {_MAX_METRICS}")
        if flush_interval <= 0 or request_timeout <= 0:
            raise ValueError("ExperimentTracker: flush_interval and request_timeout must be positive")
        self.experiment_name = experiment_name
        self.tracking_uri = tracking_uri or mlflow.get_tracking_uri()
        self.flush_interval = float(flush_interval)
        self.max_batch_size = int(max_batch_size)
        self.max_pending = int(max_pending)
        self.max_retry_interval = float(max_retry_interval)
        self.final_flush_timeout = float(final_flush_timeout)
        self.system_metrics_interval = float(system_metrics_interval)
        self.unsent_path = unsent_path
        self._log = log or (lambda message: print(f"experiment_tracker: {message}", file=sys.stderr, flush=True))
        self._transport = _transport_for(self.tracking_uri, float(request_timeout))
        self._sampler = _SystemSampler() if system_metrics else None
        self.summary = TrackerSummary()

        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._pending: Dict[str, _Pending] = {}
        self._stack: List[str] = []
        self.last_run_id: Optional[str] = None  # the run ended last, for reading it back afterwards
        self._thread: Optional[threading.Thread] = None
        self._stopping = False
        self._failures = 0
        self._outage_reported = False
        self._flush_requested = False
        self._next_flush = 0.0
        self._retry_at = 0.0
        self._system_step = 0
        atexit.register(self._at_exit)

    # --- runs -------------------------------------------------------------------------------

    @property
    def run_id(self) -> Optional[str]:
        """The innermost open run, or None."""
        return self._stack[-1] if self._stack else None

    def start_run(self, run_name: Optional[str] = None, *, run_id: Optional[str] = None,
                  tags: Optional[Mapping[str, Any]] = None, params: Optional[Mapping[str, Any]] = None,
                  nested: bool = False, description: Optional[str] = None) -> "ExperimentTracker":
        """Opens a run (or resumes ``run_id``) and returns the tracker, for use in ``with``.

        A run opened while another is open must say ``nested=True``: it becomes a child run
        (MLflow's ``mlflow.parentRunId`` tag) and the logging calls go to it until it ends.
        Opening needs the server; everything after that survives it being away.
        """
        from mlflow.tracking import MlflowClient

        if self._stack and not nested and run_id is None:
            raise RuntimeError(f"ExperimentTracker: run {self._stack[-1]} is still open; end it or pass nested=True")
        client = MlflowClient(tracking_uri=self.tracking_uri)
        if run_id is not None:
            run = client.get_run(run_id)
            if run.info.lifecycle_stage != "active":
                raise ValueError(f"ExperimentTracker: run {run_id} is deleted and cannot be resumed")
            client.update_run(run_id, status="RUNNING")
        else:
            from mlflow.tracking.context.registry import resolve_tags

            all_tags = {str(k): str(v) for k, v in (tags or {}).items()}
            if nested and self._stack:
                all_tags["mlflow.parentRunId"] = self._stack[-1]
            if description:
                all_tags["mlflow.note.content"] = description
            run = client.create_run(self._experiment_id(client), run_name=run_name, tags=resolve_tags(all_tags))
            run_id = run.info.run_id
        with self._lock:
            self._stack.append(run_id)
            if self._thread is None:
                self._stopping = False
                self._thread = threading.Thread(target=self._flush_loop, name="experiment-tracker", daemon=True)
                self._thread.start()
        if params:
            self.log_params(params)
        return self

    def _experiment_id(self, client) -> str:
        from mlflow.exceptions import MlflowException

        experiment = client.get_experiment_by_name(self.experiment_name)
        if experiment is None:
            try:
                return client.create_experiment(self.experiment_name)
            except MlflowException:  # created meanwhile by another process
                experiment = client.get_experiment_by_name(self.experiment_name)
                if experiment is None:
                    raise
        if experiment.lifecycle_stage != "active":
            raise ValueError(f"ExperimentTracker: experiment '{self.experiment_name}' is deleted; restore it "
                             "or choose another name")
        return experiment.experiment_id

    def __enter__(self) -> "ExperimentTracker":
        if not self._stack:
            raise RuntimeError("ExperimentTracker: use `with tracker.start_run(...)`")
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            status = "FINISHED"
        elif issubclass(exc_type, KeyboardInterrupt):
            status = "KILLED"
        else:
            status = "FAILED"
        self.end_run(status)
        return False

    def end_run(self, status: str = "FINISHED") -> TrackerSummary:
        """Ends the innermost run with ``status`` (FINISHED, FAILED or KILLED).

        A nested run's status is queued behind its points. Ending the outermost run sends
        everything still buffered (waiting up to ``final_flush_timeout``), stops the background
        sender, reports what could not be sent and returns the summary.
        """
        if status not in ("FINISHED", "FAILED", "KILLED"):
            raise ValueError(f"ExperimentTracker: status must be FINISHED, FAILED or KILLED, not {status!r}")
        with self._lock:
            if not self._stack:
                raise RuntimeError("ExperimentTracker: no run is open")
            run_id = self.last_run_id = self._stack.pop()
            self._buffer(run_id).final_status = (status, int(time.time() * 1000))
            outermost = not self._stack
            if outermost and self._sampler is not None:
                self._enqueue_metrics(run_id, self._sampler.sample(), self._system_step)
            self._wake.notify_all()
        if outermost:
            self._finish()
        return self.summary

    # --- logging ----------------------------------------------------------------------------

    def log_metrics(self, metrics: Mapping[str, float], step: Optional[int] = None) -> None:
        """Buffers ``metrics`` at ``step`` (default 0) on the open run; returns at once."""
        run_id = self._require_run()
        values = {}
        for key, value in metrics.items():
            try:
                values[str(key)] = float(value)
            except (TypeError, ValueError):
                raise TypeError(f"ExperimentTracker: metric {key!r} is not a number: {value!r}") from None
        with self._lock:
            self._enqueue_metrics(run_id, values, 0 if step is None else int(step))

    def log_epoch(self, epoch: int, metrics: Mapping[str, float]) -> None:
        """Per-epoch metrics, under their own names, at step ``epoch``."""
        self.log_metrics(metrics, step=epoch)

    def log_batch(self, batch: int, metrics: Mapping[str, float]) -> None:
        """Per-batch metrics, named ``batch_<name>``, at step ``batch`` (a global batch counter)."""
        self.log_metrics({f"batch_{k}": v for k, v in metrics.items()}, step=batch)

    def log_params(self, params: Mapping[str, Any]) -> None:
        run_id = self._require_run()
        with self._lock:
            buffer = self._buffer(run_id)
            for key, value in params.items():
                buffer.params.append((str(key), str(value)[:_MAX_PARAM_LENGTH]))
            self._wake.notify_all()

    def set_tags(self, tags: Mapping[str, Any]) -> None:
        run_id = self._require_run()
        with self._lock:
            self._buffer(run_id).tags.extend((str(k), str(v)) for k, v in tags.items())
            self._wake.notify_all()

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends what is buffered now; True when nothing is left (within ``timeout`` seconds)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            if self._thread is None:
                return not self._pending
            self._flush_requested = True
            self._wake.notify_all()
            while self._pending_size() and (deadline is None or time.monotonic() < deadline):
                self._wake.wait(0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic())))
            return not self._pending

    def _require_run(self) -> str:
        run_id = self._stack[-1] if self._stack else None
        if run_id is None:
            raise RuntimeError("ExperimentTracker: no run is open; call start_run first")
        return run_id

    def _buffer(self, run_id: str) -> _Pending:
        buffer = self._pending.get(run_id)
        if buffer is None:
            buffer = self._pending[run_id] = _Pending()
        return buffer

    def _pending_size(self) -> int:
        return sum(b.size() + (b.final_status is not None) for b in self._pending.values())

    def _enqueue_metrics(self, run_id: str, values: Mapping[str, float], step: int) -> None:
        # Called with the lock held.
        now = int(time.time() * 1000)
        buffer = self._buffer(run_id)
        buffer.metrics.extend((k, v, now, step) for k, v in values.items())
        self.summary.points_logged += len(values)
        overflow = sum(len(b.metrics) for b in self._pending.values()) - self.max_pending
        if overflow > 0:
            self._drop_oldest(overflow)
        if len(buffer.metrics) >= self.max_batch_size:
            self._wake.notify_all()

    def _drop_oldest(self, count: int) -> None:
        for buffer in self._pending.values():
            n = min(count, len(buffer.metrics))
            del buffer.metrics[:n]
            buffer.dropped += n
            self.summary.points_dropped += n
            count -= n
            if count == 0:
                return

    # --- the background sender --------------------------------------------------------------

    def _flush_loop(self) -> None:
        next_sample = time.monotonic()
        while True:
            with self._lock:
                if self._stopping:
                    return
                if self._sampler is not None and self._stack and time.monotonic() >= next_sample:
                    self._enqueue_metrics(self._stack[0], self._sampler.sample(), self._system_step)
                    self._system_step += 1
                    next_sample = time.monotonic() + self.system_metrics_interval
                if not self._ready():
                    self._wake.wait(self._wait_time(next_sample))
                    continue
                self._flush_requested = False
            self._send_once()

    def _ready(self) -> bool:
        # With the lock held: is a send due now?
        if not self._pending:
            return False
        if self._failures:
            return time.monotonic() >= self._retry_at
        if self._flush_requested or any(len(b.metrics) >= self.max_batch_size for b in self._pending.values()):
            return True
        return time.monotonic() >= self._next_flush

    def _wait_time(self, next_sample: float) -> float:
        now = time.monotonic()
        due = self._retry_at if self._failures else self._next_flush
        if self._sampler is not None and self._stack:
            due = min(due, next_sample)
        return max(0.01, min(self.flush_interval, due - now))

    def _send_once(self) -> bool:
        """Sends every buffered run's data, then pending final statuses; stops at the first failure."""
        with self._lock:
            run_ids = list(self._pending)
        for run_id in run_ids:
            while True:
                with self._lock:
                    buffer = self._pending.get(run_id)
                    if buffer is None:
                        break
                    chunk = self._take_chunk(buffer)
                    dropped_before = buffer.dropped
                    status = buffer.final_status if chunk is None else None
                    if chunk is None and status is None:
                        if not buffer.has_data():
                            del self._pending[run_id]
                        break
                ok = self._send(run_id, chunk, status)
                with self._lock:
                    buffer = self._pending[run_id]
                    if ok is None:  # failed: keep everything, try again later
                        self._wake.notify_all()
                        return False
                    if chunk is not None:
                        metrics, params, tags = chunk
                        still_there = max(0, len(metrics) - (buffer.dropped - dropped_before))
                        del buffer.metrics[:still_there], buffer.params[:len(params)], buffer.tags[:len(tags)]
                        if ok:
                            self.summary.points_sent += len(metrics)
                        else:
                            self.summary.points_rejected += len(metrics)
                    else:
                        buffer.final_status = None
                        if not ok:
                            self.summary.runs_not_closed.append(run_id)
                    if not buffer.has_data() and buffer.final_status is None:
                        del self._pending[run_id]
                    self._wake.notify_all()
        with self._lock:
            self._next_flush = time.monotonic() + self.flush_interval
            self._wake.notify_all()
        return True

    def _take_chunk(self, buffer: _Pending):
        if not buffer.has_data():
            return None
        metrics = buffer.metrics[:self.max_batch_size]
        room = _MAX_METRICS - len(metrics)
        params = buffer.params[:min(_MAX_PARAMS_OR_TAGS, room)]
        tags = buffer.tags[:min(_MAX_PARAMS_OR_TAGS, room - len(params))]
        return metrics, params, tags

    def _send(self, run_id: str, chunk, status) -> Optional[bool]:
        """True sent, False refused by the server (not retried), None unreachable (retried later)."""
        with self._lock:
            self.summary.requests += 1
        try:
            if chunk is not None:
                self._transport.log_batch(run_id, *chunk)
            else:
                self._transport.set_terminated(run_id, *status)
        except _RejectedError as err:
            with self._lock:
                self.summary.failed_requests += 1
                self.summary.last_error = str(err)
            self._log(f"MLflow refused {'points' if chunk else 'the status'} for run {run_id}: {err}")
            return False
        except Exception as err:  # connection refused, timeout, 5xx, 429: the server may come back
            with self._lock:
                self.summary.failed_requests += 1
                self.summary.last_error = f"{type(err).__name__}: {err}"[:500]
                self._failures += 1
                delay = min(self.max_retry_interval, self.flush_interval * 2 ** (self._failures - 1))
                self._retry_at = time.monotonic() + delay
                if not self._outage_reported:
                    self._outage_reported = True
                    self._log(f"cannot reach MLflow at {self.tracking_uri} ({type(err).__name__}); training goes "
                              f"on, {self._pending_size()} buffered points are kept and retried")
            return None
        with self._lock:
            if self._failures:
                self._log(f"MLflow answers again after {self._failures} failed attempt(s); sending the backlog")
            self._failures = 0
            self._outage_reported = False
        return True

    # --- the end ----------------------------------------------------------------------------

    def _finish(self) -> None:
        deadline = time.monotonic() + self.final_flush_timeout
        with self._lock:
            self._flush_requested = True
            # A retry is due at once: the run is over, there is nothing left to wait for.
            self._retry_at = min(self._retry_at, time.monotonic())
            self._wake.notify_all()
            while self._pending and time.monotonic() < deadline:
                if self._failures:
                    self._retry_at = min(self._retry_at, time.monotonic() + min(2.0, self.max_retry_interval))
                self._wake.wait(min(0.1, max(0.0, deadline - time.monotonic())))
            self._stopping = True
            self._wake.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=self._transport_timeout() + 5)
        with self._lock:
            leftover = {run_id: buffer for run_id, buffer in self._pending.items()}
            self._pending = {}
            self.summary.points_unsent += sum(len(b.metrics) for b in leftover.values())
            for run_id, buffer in leftover.items():
                if buffer.final_status is not None and run_id not in self.summary.runs_not_closed:
                    self.summary.runs_not_closed.append(run_id)
        if leftover and self.unsent_path:
            self._write_unsent(leftover)
        if leftover:
            self._log(f"could not send everything to MLflow within {self.final_flush_timeout:g} s: {self.summary}")
        else:
            self._log(str(self.summary))

    def _transport_timeout(self) -> float:
        return getattr(self._transport, "_timeout", 10.0)

    def _write_unsent(self, leftover: Mapping[str, _Pending]) -> None:
        with open(self.unsent_path, "a", encoding="utf-8") as f:
            for run_id, buffer in leftover.items():
                f.write(json.dumps({
                    "tracking_uri": self.tracking_uri, "run_id": run_id,
                    "metrics": [[k, _json_number(v), t, s] for k, v, t, s in buffer.metrics],
                    "params": buffer.params, "tags": buffer.tags,
                    "final_status": list(buffer.final_status) if buffer.final_status else None,
                }) + "\n")
        self.summary.unsent_path = self.unsent_path

    def _at_exit(self) -> None:
        # Like mlflow.start_run without `with`: runs still open when the interpreter exits end FINISHED.
        while self._stack:
            self.end_run("FINISHED")

    @staticmethod
    def send_unsent(path: str, tracking_uri: Optional[str] = None, request_timeout: float = 30.0) -> TrackerSummary:
        """Sends what a tracker wrote to ``unsent_path``; raises if the server still cannot take it."""
        summary = TrackerSummary()
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        for record in records:
            transport = _transport_for(tracking_uri or record["tracking_uri"], request_timeout)
            metrics = [(k, float(v), t, s) for k, v, t, s in record["metrics"]]
            params, tags = [tuple(p) for p in record["params"]], [tuple(t) for t in record["tags"]]
            summary.points_logged += len(metrics)
            while metrics or params or tags:
                chunk_m = metrics[:_MAX_METRICS]
                chunk_p = params[:min(_MAX_PARAMS_OR_TAGS, _MAX_METRICS - len(chunk_m))]
                chunk_t = tags[:min(_MAX_PARAMS_OR_TAGS, _MAX_METRICS - len(chunk_m) - len(chunk_p))]
                summary.requests += 1
                transport.log_batch(record["run_id"], chunk_m, chunk_p, chunk_t)
                summary.points_sent += len(chunk_m)
                metrics, params, tags = metrics[len(chunk_m):], params[len(chunk_p):], tags[len(chunk_t):]
            if record.get("final_status"):
                summary.requests += 1
                transport.set_terminated(record["run_id"], *record["final_status"])
        return summary
