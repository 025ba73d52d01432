"""Runs a component body exactly as a KFP v2 container would.

kfp itself turns the function in ``src/components/<name>.py`` into a component
(``dsl.component``), which gives the same ``sh -ec`` program and embedded source
that a compiled pipeline carries. That program is run in a subprocess with an
executor-input JSON shaped like the one the KFP backend driver hands to the
container: ``inputs.parameterValues`` (defaults filled in, as the driver does),
``inputs.artifacts.<name>.artifacts[0]`` with ``name``/``type``/``uri``/``metadata``,
``outputs.artifacts.<name>.artifacts[0]`` and ``outputs.outputFile``.

Artifact URIs are local paths under the test's temp dir, as kfp's local
SubprocessRunner uses. On a cluster the URIs are ``minio://`` / ``s3://`` /
``gs://`` and ``Artifact.path`` maps them to ``/minio/``, ``/s3/``, ``/gcs/``
mounts that the launcher fills; for a local path ``path == uri``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

from google.protobuf import json_format

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPONENTS_DIR = REPO_ROOT / "src" / "components"
COMPONENT_NAMES = (
    "ingest_data",
    "validate_data",
    "train_model",
    "hyperparameter_search",
    "generate_comparison_report",
    "check_and_alert",
)
# Components whose program carries an embedded file (their @dsl.component embedded_artifact_path).
EMBEDDED = {"hyperparameter_search": COMPONENTS_DIR / "tracker" / "experiment_tracker.py"}
VENV_BIN = Path(sys.executable).parent
# Variables a component could pick up by accident from the developer's shell; tests set what they need.
_SCRUBBED_PREFIXES = ("AWS_", "MLFLOW_", "KFP_", "GOOGLE_")
_SCRUBBED_NAMES = {"F1_SCORE", "ACCURACY", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"}


def load_component(name: str):
    """Imports ``src/components/<name>.py`` and returns its ``@dsl.component`` as the file declares it."""
    path = COMPONENTS_DIR / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kfp_ts_component_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def load_function(name: str):
    """The plain Python function of ``src/components/<name>.py`` (under its decorator)."""
    return load_component(name).python_func


def build_component(name: str):
    """The kfp PythonComponent for the function, without a pip-install preamble.

    An embedded file goes into the program as on a cluster: extracted at start-up onto sys.path.
    """
    from kfp import dsl

    embedded = EMBEDDED.get(name)
    return dsl.component(load_function(name), base_image="python:3.11", install_kfp_package=False,
                         embedded_artifact_path=str(embedded) if embedded else None)


def component_spec_dict(name: str) -> Dict[str, Any]:
    pipeline_spec = build_component(name).pipeline_spec
    return json_format.MessageToDict(pipeline_spec).get("components", {})[
        f"comp-{name.replace('_', '-')}"]


@dataclasses.dataclass(frozen=True)
class ArtifactRef:
    """An artifact as the backend passes it between tasks: uri + metadata + type."""

    name: str
    uri: str
    schema_title: str
    metadata: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.uri  # local-path URIs: Artifact.path == uri

    def to_runtime(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "type": {"schemaTitle": self.schema_title, "schemaVersion": "0.0.1"},
            "uri": self.uri,
            "metadata": dict(self.metadata),
        }


@dataclasses.dataclass
class RunResult:
    name: str
    returncode: int
    stdout: str
    stderr: str
    executor_input: Dict[str, Any]
    executor_output: Optional[Dict[str, Any]]
    outputs: Dict[str, ArtifactRef]

    @property
    def output_text(self) -> str:
        return self.stdout + "\n" + self.stderr

    @property
    def component_output(self) -> str:
        """stdout + stderr without kfp's own echo of the executor input.

        kfp.dsl.executor_main logs ``Got executor_input:`` followed by the whole JSON
        (parameters included, so a webhook URL too); everything else is the component's
        or kfp's own one-line messages.
        """
        kept, skipping = [], False
        for line in self.output_text.splitlines():
            if "Got executor_input:" in line:
                skipping = True  # json.dumps(indent=4) of a dict: ends with a lone "}"
            elif skipping:
                skipping = line != "}"
            else:
                kept.append(line)
        return "\n".join(kept)

    def describe(self) -> str:
        return (f"component {self.name} exited {self.returncode}\n--- stdout ---\n{self.stdout[-6000:]}"
                f"\n--- stderr ---\n{self.stderr[-6000:]}")

    def assert_ok(self) -> "RunResult":
        assert self.returncode == 0, self.describe()
        assert self.executor_output is not None, "no executor output file written\n" + self.describe()
        return self

    def assert_failed_with(self, *fragments: str) -> "RunResult":
        assert self.returncode != 0, "expected a failure\n" + self.describe()
        for fragment in fragments:
            assert fragment in self.stderr, f"expected {fragment!r} in stderr\n" + self.describe()
        return self

    def artifact(self, output_name: str) -> ArtifactRef:
        return self.outputs[output_name]


class ComponentRunner:
    """Runs components in subprocesses, each task under its own directory."""

    def __init__(self, root: Path):
        self.root = root
        self._count = 0
        self._specs: Dict[str, Any] = {}

    def _spec(self, name: str):
        if name not in self._specs:
            component = build_component(name)
            container = component.component_spec.implementation.container
            self._specs[name] = (list(container.command), list(container.args), component_spec_dict(name))
        return self._specs[name]

    def run(
        self,
        name: str,
        parameters: Optional[Mapping[str, Any]] = None,
        artifacts: Optional[Mapping[str, ArtifactRef]] = None,
        env: Optional[Mapping[str, str]] = None,
        cwd: Optional[Path] = None,
        timeout: float = 600,
    ) -> RunResult:
        command, args, spec = self._spec(name)
        parameters = dict(parameters or {})
        artifacts = dict(artifacts or {})
        input_params = spec.get("inputDefinitions", {}).get("parameters", {})
        input_artifacts = spec.get("inputDefinitions", {}).get("artifacts", {})
        output_artifacts = spec.get("outputDefinitions", {}).get("artifacts", {})

        unknown = set(parameters) - set(input_params)
        assert not unknown, f"{name} has no parameters {sorted(unknown)}"
        unknown = set(artifacts) - set(input_artifacts)
        assert not unknown, f"{name} has no input artifacts {sorted(unknown)}"

        self._count += 1
        task_root = self.root / f"{self._count:03d}-{name.replace('_', '-')}"
        task_root.mkdir(parents=True)

        parameter_values = {k: v["defaultValue"] for k, v in input_params.items() if "defaultValue" in v}
        parameter_values.update(parameters)
        missing = [k for k, v in input_params.items() if not v.get("isOptional") and k not in parameter_values]
        assert not missing, f"{name} needs parameters {missing}"

        outputs: Dict[str, ArtifactRef] = {}
        for out_name, out_spec in output_artifacts.items():
            outputs[out_name] = ArtifactRef(out_name, str(task_root / out_name),
                                            out_spec["artifactType"]["schemaTitle"])
        executor_input = {
            "inputs": {
                "parameterValues": parameter_values,
                "artifacts": {
                    k: {"artifacts": [dataclasses.replace(
                        ref, schema_title=input_artifacts[k]["artifactType"]["schemaTitle"]).to_runtime()]}
                    for k, ref in artifacts.items()
                },
            },
            "outputs": {
                "artifacts": {k: {"artifacts": [ref.to_runtime()]} for k, ref in outputs.items()},
                "outputFile": str(task_root / "executor_output.json"),
            },
        }
        resolved_args = [json.dumps(executor_input) if a == "{{$}}" else a for a in args]

        run_env = {k: v for k, v in os.environ.items()
                   if not k.startswith(_SCRUBBED_PREFIXES) and k not in _SCRUBBED_NAMES}
        run_env["PATH"] = f"{VENV_BIN}{os.pathsep}{run_env.get('PATH', '')}"
        run_env["PYTHONDONTWRITEBYTECODE"] = "1"
        run_env["GIT_PYTHON_REFRESH"] = "quiet"
        run_env.update(env or {})
        work_dir = cwd or (task_root / "cwd")
        work_dir.mkdir(parents=True, exist_ok=True)

        proc = subprocess.run(command + resolved_args, cwd=work_dir, env=run_env, capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        output_file = task_root / "executor_output.json"
        executor_output = json.loads(output_file.read_text()) if output_file.exists() else None
        if executor_output:
            for out_name, produced in executor_output.get("artifacts", {}).items():
                runtime = produced["artifacts"][0]
                ref = outputs[out_name]
                outputs[out_name] = dataclasses.replace(ref, uri=runtime.get("uri") or ref.uri,
                                                        metadata=runtime.get("metadata", {}))
        (task_root / "stdout.txt").write_text(proc.stdout)
        (task_root / "stderr.txt").write_text(proc.stderr)
        return RunResult(name, proc.returncode, proc.stdout, proc.stderr, executor_input, executor_output,
                         outputs)


def dataset_artifact(path: Path, metadata: Optional[Mapping[str, Any]] = None) -> ArtifactRef:
    """A Dataset input that did not come from an upstream task (e.g. hand-written Parquet)."""
    return ArtifactRef("input", str(path), "system.Dataset", dict(metadata or {}))


def metrics_artifact(path: Path, metadata: Mapping[str, Any]) -> ArtifactRef:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return ArtifactRef("metrics", str(path), "system.Metrics", dict(metadata))
