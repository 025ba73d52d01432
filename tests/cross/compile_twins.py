"""Compiles every Python twin under cases/ with kfp (one process, so kfp is imported once).

Usage: compile_twins.py OUT_DIR [CASE ...]; each case module defines `PIPELINE` (a @dsl.pipeline)
and optionally `COMPILE_KWARGS`. Writes OUT_DIR/<case>.yaml; prints one JSON line per case.
"""
import importlib.util
import json
import pathlib
import sys
import traceback
import warnings

from kfp import compiler

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
warnings.simplefilter("ignore")


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    names = sys.argv[2:] or sorted(p.stem for p in (HERE / "cases").glob("*.py"))
    for name in names:
        try:
            spec = importlib.util.spec_from_file_location(f"case_{name}", HERE / "cases" / f"{name}.py")
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            compiler.Compiler().compile(mod.PIPELINE, str(out / f"{name}.yaml"), **getattr(mod, "COMPILE_KWARGS", {}))
            print(json.dumps({"case": name, "ok": True}))
        except Exception as e:  # report, keep going: each case is its own test
            print(json.dumps({"case": name, "ok": False, "error": "".join(traceback.format_exception_only(e)).strip()}))


if __name__ == "__main__":
    main()
