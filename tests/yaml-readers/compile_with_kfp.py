"""Compiles, with kfp 2.17.3, one pipeline per string given: the string as a parameter's default.

Usage: compile_with_kfp.py OUT_DIR < strings.json  (a JSON array of strings). Writes OUT_DIR/N.yaml
for the N-th string (from 0) and prints nothing; fails on the first compile error.
"""

import json
import os
import sys

from kfp import compiler, dsl


@dsl.container_component
def step():
    return dsl.ContainerSpec(image='alpine', command=['true'])


def main() -> int:
    out_dir = sys.argv[1]
    for i, value in enumerate(json.load(sys.stdin)):

        @dsl.pipeline(name='kfp-strings')
        def pipeline(p: str = value):
            step()

        compiler.Compiler().compile(pipeline, os.path.join(out_dir, f'{i}.yaml'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
