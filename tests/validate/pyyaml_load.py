"""What PyYAML reads, for the YAML-compatibility test.

Reads a JSON array of YAML texts from stdin; writes a JSON array holding, for each text, the list of
its documents as `yaml.safe_load_all` returns them (the way the KFP SDK loads compiled pipelines).
Non-finite floats, which JSON cannot hold, are written as {"$float": "inf" | "-inf" | "nan"}.
"""

import json
import math
import sys
from typing import Any

import yaml


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return {'$float': 'nan' if math.isnan(value) else ('inf' if value > 0 else '-inf')}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def main() -> int:
    texts = json.load(sys.stdin)
    json.dump([_jsonable(list(yaml.safe_load_all(text))) for text in texts], sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
