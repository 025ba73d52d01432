"""The protobuf modules the schemas follow, imported without the SDK around them.

`kfp/__init__.py` and `kfp/kubernetes/__init__.py` import the whole KFP SDK (seconds); the
`_pb2` modules need none of it. Stand-in package modules with the real search paths let Python
import just `pipeline_spec_pb2` and `kubernetes_executor_config_pb2` from the installed
kfp-pipeline-spec and kfp-kubernetes distributions: the same files, the same descriptors.
"""

import importlib
import importlib.util
import sys
import types
from typing import Any


def load() -> tuple[Any, Any]:
    """Returns (pipeline_spec_pb2, kubernetes_executor_config_pb2)."""
    for name in ('kfp', 'kfp.kubernetes'):
        if name not in sys.modules:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.submodule_search_locations is None:
                raise ImportError(f'{name} is not installed; pip install -r requirements.txt')
            package = types.ModuleType(name)
            package.__path__ = list(spec.submodule_search_locations)
            sys.modules[name] = package
    return (
        importlib.import_module('kfp.pipeline_spec.pipeline_spec_pb2'),
        importlib.import_module('kfp.kubernetes.kubernetes_executor_config_pb2'),
    )
