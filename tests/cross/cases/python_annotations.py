"""Python twin of python_annotations.ts: the decorated components of fixtures/annotations.py as they are."""
from kfp import dsl
from twin import load_function

A = "tests/cross/fixtures/annotations.py"
produce, consume_paths, consume_generics, consume_artifacts, score, stats, report = (
    load_function(A, n) for n in ("produce", "consume_paths", "consume_generics", "consume_artifacts", "score", "stats", "report"))


@dsl.pipeline(name="python-annotations")
def python_annotations(message: str = "hi"):
    with dsl.ExitHandler(report(label="annotations")):
        made = produce(message=message)
        consume_paths(text=made.outputs["text"], numbers=made.outputs["numbers"], data=made.outputs["data"],
                      blob=made.outputs["blob"], csv=made.outputs["table"], count=made.outputs["total"],
                      table=made.outputs["table"], maybe=made.outputs["best"])
        consume_generics(names=["a", "b"], table={"x": 1}, old=["c"], maybe=[1, 2], either=made.outputs["text"],
                         nested=[{"f": 0.5}])
        with dsl.ParallelFor([1, 2]) as _:
            again = produce(message="again")
        joined = consume_artifacts(data=made.outputs["data"], models=dsl.Collected(again.outputs["model"]),
                                   parts=dsl.Collected(again.outputs["table"]), one=made.outputs["table"])
        scored = score(data=joined.output)
        stats(values=[made.outputs["score"], scored.outputs["accuracy"]])


PIPELINE = python_annotations
