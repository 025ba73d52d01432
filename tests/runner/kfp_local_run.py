"""Runs compiled pipelines with kfp 2.17.3's own local runner, for comparison with kfp-ts's.

Reads a JSON list of jobs ``[{"name", "yaml", "yaml_sha256", "args", "root"}]`` from argv[1] and
writes one result per job to argv[2] (after each job; jobs already there for the same YAML and
arguments are skipped): the run's outcome and the pipeline's outputs, artifacts summarised as
their schema title, metadata and a content hash (the same summary kfp-ts's side computes). One
interpreter runs every job; each task is still a subprocess (``SubprocessRunner(use_venv=False)``,
this venv), with ``PIP_NO_INDEX=1`` so a task's pip prelude never installs anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys  # noqa: F401 - argv
import time
from pathlib import Path

TIMEOUT_SECONDS = 300  # kfp's runner loops forever on some pipelines (nested_with_parameters)


class TimedOut(Exception):
    pass


def on_alarm(signum, frame):
    raise TimedOut(f"kfp's local runner did not finish in {TIMEOUT_SECONDS} s")


def content_hash(path: str):
    p = Path(path)
    if p.is_file():
        return hashlib.sha256(p.read_bytes()).hexdigest()
    if p.is_dir():
        h = hashlib.sha256()
        for f in sorted((x for x in p.rglob("*") if x.is_file()), key=lambda x: x.relative_to(p).as_posix()):
            h.update(f"{f.relative_to(p).as_posix()}\0{hashlib.sha256(f.read_bytes()).hexdigest()}\n".encode())
        return h.hexdigest()
    return None


def summarise(value):
    from kfp import dsl

    if isinstance(value, dsl.Artifact):
        return {"artifact": value.schema_title, "metadata": value.metadata, "content": content_hash(value.path) if value.uri else None}
    if isinstance(value, list) and value and all(isinstance(v, dsl.Artifact) for v in value):
        return [summarise(v) for v in value]
    return {"value": value}


def main() -> None:
    # kfp's runner prints every task's output and redraws status lines (gigabytes on a pipeline
    # it loops on): drop stdout and stderr; progress goes to the original stderr.
    progress = os.fdopen(os.dup(2), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    signal.signal(signal.SIGALRM, on_alarm)
    os.environ["PIP_NO_INDEX"] = "1"
    os.environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    import kfp.components
    import kfp.local

    jobs = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    # Results so far are kept: a long batch can be stopped and continued.
    results = json.loads(out.read_text()) if out.exists() else {}
    for job in jobs:
        done = results.get(job["name"], {})
        if done.get("yaml") == job["yaml_sha256"] and done.get("args") == job.get("args_template", job["args"]):
            continue
        started = time.monotonic()
        kfp.local.init(runner=kfp.local.SubprocessRunner(use_venv=False), pipeline_root=job["root"])
        signal.alarm(TIMEOUT_SECONDS)
        try:
            pipeline = kfp.components.load_component_from_file(job["yaml"])
            task = pipeline(**job["args"])
            outputs = {name: summarise(v) for name, v in (task.outputs or {}).items()}
            results[job["name"]] = {"state": "SUCCEEDED", "outputs": outputs}
        except BaseException as err:  # noqa: BLE001 - any failure of kfp's runner is a result
            results[job["name"]] = {"state": "FAILED", "error": f"{type(err).__name__}: {err}".splitlines()[0][:300]}
        finally:
            signal.alarm(0)
        results[job["name"]]["yaml"] = job["yaml_sha256"]
        results[job["name"]]["args"] = job.get("args_template", job["args"])
        print(f"{job['name']}: {results[job['name']]['state']} in {time.monotonic() - started:.1f} s", file=progress, flush=True)
        out.write_text(json.dumps(results, indent=1, sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main()
