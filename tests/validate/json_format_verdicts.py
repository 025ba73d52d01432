"""The official parser's verdict on KFP IR documents, for the strictness test.

Reads a JSON array of cases `{"id": ..., "docs": [pipelineSpec, platformSpec?]}` from stdin and
writes a JSON array of `{"id": ..., "ok": bool, "error": str | null}` to stdout, in one batch so
the test pays Python's start-up once.

A case is accepted when google.protobuf.json_format.ParseDict, strict (ignore_unknown_fields=False),
accepts:
  - docs[0] as ml_pipelines.PipelineSpec, and its deploymentSpec as PipelineDeploymentConfig
    (the proto declares it a Struct; KFP parses it as PipelineDeploymentConfig);
  - docs[1], when present, as ml_pipelines.PlatformSpec, and every executor under
    platforms.kubernetes.deploymentSpec.executors as kfp_kubernetes.KubernetesExecutorConfig.
"""

import json
import pathlib
import sys
from typing import Any

from google.protobuf import json_format

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / 'scripts' / 'schema'))
import kfp_protos  # noqa: E402  (imports the _pb2 modules without the rest of the KFP SDK)

pipeline_spec_pb2, kubernetes_executor_config_pb2 = kfp_protos.load()


def _last_value(message: dict, json_name: str, proto_name: str) -> Any:
    """What json_format keeps when a field is given under both spellings: the last one wins."""
    value = None
    for key in message:
        if key in (json_name, proto_name):
            value = message[key]
    return value


def _parse(js: Any, message: Any) -> None:
    json_format.ParseDict(js, message, ignore_unknown_fields=False)


def verdict(docs: list) -> None:
    """Raises when the official parser rejects the documents."""
    if not 1 <= len(docs) <= 2:
        raise ValueError(f'expected one or two documents, got {len(docs)}')
    spec = docs[0]
    _parse(spec, pipeline_spec_pb2.PipelineSpec())
    deployment = _last_value(spec, 'deploymentSpec', 'deployment_spec')
    if deployment is not None:
        _parse(deployment, pipeline_spec_pb2.PipelineDeploymentConfig())
    if len(docs) == 2:
        platform = docs[1]
        _parse(platform, pipeline_spec_pb2.PlatformSpec())
        kubernetes = (platform.get('platforms') or {}).get('kubernetes') or {}
        k8s_deployment = _last_value(kubernetes, 'deploymentSpec', 'deployment_spec') or {}
        for executor in (k8s_deployment.get('executors') or {}).values():
            _parse(executor, kubernetes_executor_config_pb2.KubernetesExecutorConfig())


def main() -> int:
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        try:
            verdict(case['docs'])
            results.append({'id': case['id'], 'ok': True, 'error': None})
        except Exception as e:  # any failure of the official parser is a rejection
            results.append({'id': case['id'], 'ok': False, 'error': f'{type(e).__name__}: {e}'[:500]})
    json.dump(results, sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
