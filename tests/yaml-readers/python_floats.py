"""How Python and PyYAML write floats, for tests/yaml-readers/float-text.test.ts.

Input on stdin: a JSON list of IEEE 754 doubles as 16 hex digits (their bits, so -0.0, inf and nan
travel too). Output on stdout: a JSON list of [repr(x), the text yaml.dump writes for x] pairs.
"""

import json
import struct
import sys

import yaml


def main():
    out = []
    for bits in json.load(sys.stdin):
        (x,) = struct.unpack(">d", bytes.fromhex(bits))
        out.append([repr(x), yaml.safe_dump(x).split("\n")[0]])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
