"""In-process timing of kfp, the twin of bench/inprocess-kfp-ts.ts.

    python bench/inprocess_kfp.py CASE_lib.py WARMUP_lib.py OUT.yaml REPS

Each repetition times what a program that already imported kfp does to produce the YAML file:
define the pipeline (kfp builds the pipeline spec in the @dsl.pipeline decorator) and
`compiler.Compiler().compile(...)` (which writes the file). One untimed warm-up compile of
WARMUP_lib.py comes first. Prints one JSON line, {"wallMs": [...], "cpuMs": [...]}
(CPU: user + system of the process).
"""
import importlib.util
import json
import sys
import time
import warnings

from kfp import compiler

warnings.simplefilter("ignore")


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def compile_once(mod, out):
    compiler.Compiler().compile(mod.define_pipeline(), out)


def main():
    case_file, warmup_file, out, reps = sys.argv[1:5]
    warmup = load(warmup_file, "bench_warmup")
    mod = load(case_file, "bench_case")
    compile_once(warmup, out)
    wall_ms, cpu_ms = [], []
    for _ in range(int(reps)):
        c0 = time.process_time_ns()
        t0 = time.perf_counter_ns()
        compile_once(mod, out)
        wall_ms.append((time.perf_counter_ns() - t0) / 1e6)
        cpu_ms.append((time.process_time_ns() - c0) / 1e6)
    print(json.dumps({"wallMs": wall_ms, "cpuMs": cpu_ms}))


if __name__ == "__main__":
    main()
