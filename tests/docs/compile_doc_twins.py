"""Compiles the Python twins of the guide's examples (docs/examples/*.twin.py) with kfp, in one
process: `compile_doc_twins.py OUT_DIR [NAME ...]` writes OUT_DIR/<name>.yaml and prints one JSON
line per example.

A twin imports its functions from docs/examples/python (on sys.path here) and defines `PIPELINE`,
optionally `COMPILE_KWARGS`; `DISABLE_EXECUTION_CACHING_BY_DEFAULT = True` compiles it as
`kfp dsl compile --disable-execution-caching-by-default` does. Embedded archives are made
reproducible (tests/cross/fixtures/embedded_twin.py) so they can equal kfp-ts's byte for byte.
"""
import importlib.util
import json
import pathlib
import re
import sys
import traceback
import warnings

from kfp import compiler
from kfp.dsl import pipeline_context

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"
sys.path.insert(0, str(EXAMPLES / "python"))
sys.path.insert(0, str(REPO / "tests" / "cross" / "fixtures"))
from embedded_twin import reproducible  # noqa: E402

warnings.simplefilter("ignore")


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    names = sys.argv[2:] or sorted(p.name[: -len(".twin.py")] for p in EXAMPLES.glob("*.twin.py"))
    for name in names:
        file = EXAMPLES / f"{name}.twin.py"
        previous = pipeline_context.Pipeline._execution_caching_default
        try:
            if re.search(r"^DISABLE_EXECUTION_CACHING_BY_DEFAULT = True$", file.read_text(), re.M):
                pipeline_context.Pipeline._execution_caching_default = False
            with reproducible():
                spec = importlib.util.spec_from_file_location(f"twin_{name.replace('-', '_')}", file)
                mod = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(mod)
                compiler.Compiler().compile(mod.PIPELINE, str(out / f"{name}.yaml"), **getattr(mod, "COMPILE_KWARGS", {}))
            print(json.dumps({"name": name, "ok": True}))
        except Exception as e:  # report, keep going: each example is its own test
            print(json.dumps({"name": name, "ok": False, "error": "".join(traceback.format_exception_only(e)).strip()}))
        finally:
            pipeline_context.Pipeline._execution_caching_default = previous


if __name__ == "__main__":
    main()
