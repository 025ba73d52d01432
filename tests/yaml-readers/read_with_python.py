"""Reads compiled pipeline files as PyYAML and kfp 2.17.3's loader do, for tests/yaml-readers.

Input on stdin: one JSON object per line, {"text": FILE, "expected": [DOC, ...]}: a compiled file
and the documents kfp-ts compiled into it. Output on stdout, one JSON object per input line:

  pyyaml  {"docs": [...]} as yaml.safe_load_all returns them (kfp's reader), or {"error": ...}.
          Values JSON cannot hold are written as {"$float": "inf"|"-inf"|"nan"} and
          {"$python": TYPE-NAME} (dates, bytes, sets), so they never compare equal to a string.
  kfp     {"equal": true} when kfp.components.load_component_from_text loads the file and its
          pipeline_spec and platform_spec equal the expected documents parsed by
          json_format.ParseDict; else {"error": ...} or {"differs": ...}.

kfp's loader calls yaml.safe_load_all once per file; a wrapper remembers what that call returned,
so the PyYAML reading above is the very one kfp's loader got and each file is parsed once (pure
Python PyYAML reads about 0.4 MB/s). YamlComponent.pipeline_spec is ParseDict of that first
document, computed here from the remembered one instead of parsing the file a second time.
"""

import json
import math
import multiprocessing
import sys
from typing import Any

import yaml
from google.protobuf import json_format
from kfp import components
from kfp.dsl import structures
from kfp.pipeline_spec import pipeline_spec_pb2

_last_load: list = []
_safe_load_all = yaml.safe_load_all


def _remembering_safe_load_all(stream):
    docs = list(_safe_load_all(stream))
    _last_load.append(docs)
    return iter(docs)


structures.yaml.safe_load_all = _remembering_safe_load_all  # type: ignore[attr-defined]


def _jsonable(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {'$float': 'nan' if math.isnan(value) else ('inf' if value > 0 else '-inf')}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return {'$python': 'dict with non-string keys', 'keys': [repr(k) for k in value]}
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return {'$python': type(value).__name__}


def _read(line: str) -> str:
    request = json.loads(line)
    text, expected = request['text'], request['expected']
    out: dict = {}
    _last_load.clear()
    try:
        component = components.load_component_from_text(text)
    except Exception as e:  # noqa: BLE001 - every failure is a finding
        component = None
        kfp_error = f'{type(e).__name__}: {e}'
    docs = _last_load[0] if _last_load else None
    if docs is None:
        try:
            docs = list(_safe_load_all(text))
        except Exception as e:  # noqa: BLE001
            out['pyyaml'] = {'error': f'{type(e).__name__}: {e}'}
    if docs is not None:
        out['pyyaml'] = {'docs': _jsonable(docs)}
    if component is None:
        out['kfp'] = {'error': kfp_error}
        return json.dumps(out)
    try:
        want = json_format.ParseDict(expected[0], pipeline_spec_pb2.PipelineSpec())
        got = json_format.ParseDict(docs[0], pipeline_spec_pb2.PipelineSpec())
        want_platform = pipeline_spec_pb2.PlatformSpec()
        if len(expected) > 1:
            json_format.ParseDict(expected[1], want_platform)
        if got != want:
            out['kfp'] = {'differs': 'pipeline_spec'}
        elif component.component_spec.platform_spec != want_platform:
            out['kfp'] = {'differs': 'platform_spec'}
        else:
            out['kfp'] = {'equal': True}
    except Exception as e:  # noqa: BLE001
        out['kfp'] = {'error': f'{type(e).__name__}: {e}'}
    return json.dumps(out)


def main() -> int:
    lines = [line for line in sys.stdin if line.strip()]
    workers = max(1, min(int(sys.argv[1]) if len(sys.argv) > 1 else 1, len(lines)))
    if workers == 1:
        results = map(_read, lines)
    else:
        results = multiprocessing.get_context('fork').Pool(workers).imap(_read, lines, chunksize=1)
    for result in results:
        sys.stdout.write(result + '\n')
    sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
