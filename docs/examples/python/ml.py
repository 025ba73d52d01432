"""The Python functions the guide's examples run, one per component. kfp-ts reads each function's
source from this file and checks its signature against the component's declaration."""
from typing import Dict, List, NamedTuple, Optional

from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Model, Output, PipelineTaskFinalStatus


def load_data(source: str, data: Output[Dataset], rows: int = 100):
    import csv

    with open(data.path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["x", "y"])
        for i in range(rows):
            writer.writerow([i, 2 * i])
    data.metadata["source"] = source


def train(data: Input[Dataset], model: Output[Model], epochs: int = 3, learning_rate: float = 0.01) -> float:
    loss = 1.0 / (epochs * learning_rate * 100 + 1)
    with open(model.path, "w") as f:
        f.write(f"trained on {data.uri} for {epochs} epochs")
    return loss


def evaluate(model: Input[Model], metrics: Output[Metrics], threshold: float = 0.8) -> NamedTuple("Outputs", accuracy=float, passed=bool):
    accuracy = 0.9
    metrics.log_metric("accuracy", accuracy)
    outputs = NamedTuple("Outputs", accuracy=float, passed=bool)
    return outputs(accuracy, accuracy >= threshold)


def flip_coin() -> str:
    import random

    return random.choice(["heads", "tails"])


def say(message: str):
    print(message)


def report_status(status: PipelineTaskFinalStatus, label: str = "run"):
    print(label, status.state, status.pipeline_job_resource_name, status.error_message)


def make_shards(count: int) -> List[str]:
    return [f"shard-{i}" for i in range(count)]


def process_shard(shard: str, scale: int = 1) -> int:
    return len(shard) * scale


def total(numbers: List[int]) -> int:
    return sum(numbers)


def describe(config: Dict[str, int], tags: List[str], note: Optional[str] = None) -> str:
    return f"{config} {tags} {note}"


def merge(parts: Input[List[Dataset]], merged: Output[Dataset]):
    with open(merged.path, "w") as out:
        for part in parts:
            out.write(open(part.path).read())


def use_model(model: Input[Model], baseline: Optional[Input[Model]] = None) -> str:
    return model.uri if baseline is None else f"{model.uri} vs {baseline.uri}"


def pick(choice: str) -> str:
    return choice.upper()


def read_notebook_report(rows: int) -> str:
    dsl.run_notebook(rows=rows)
    return open("/tmp/report.txt").read()
