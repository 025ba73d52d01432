"""Python twin of artifact_types.ts."""
import sys
from typing import List, NamedTuple

from kfp import dsl
from kfp.dsl import Dataset, Input, Model
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # so the custom type's module is `bq_types`

F = "tests/cross/fixtures/artifacts.py"
make_everything = component(F, "make_everything", base_image="python:3.12")
inspect_everything = component(F, "inspect_everything", base_image="python:3.12")
merge_datasets = component(F, "merge_datasets", base_image="python:3.12")
train_on = component(F, "train_on", base_image="python:3.12")


@dsl.pipeline(name="artifact-types")
def artifact_types(raw: Input[Dataset], parts: Input[List[Dataset]], seed: int = 7) -> NamedTuple("Outputs", trained=Model, rows=int):
    """Every artifact type in and out.

    Args:
        raw: An extra dataset for the second inspection.
        parts: Datasets to merge.
    """
    made = make_everything(seed=seed)
    inspect_everything(anything=made.outputs["model"], dataset=made.outputs["dataset"], model=made.outputs["model"],
                       metrics=made.outputs["metrics"], confusion=made.outputs["confusion"], sliced=made.outputs["sliced"],
                       page=made.outputs["page"], notes=made.outputs["notes"], report=made.outputs["report"])
    inspect_everything(anything=made.outputs["report"], dataset=raw, model=made.outputs["model"],
                       metrics=made.outputs["metrics"], confusion=made.outputs["confusion"], sliced=made.outputs["sliced"],
                       page=made.outputs["page"], notes=made.outputs["notes"], report=made.outputs["report"], extra=raw)
    merged = merge_datasets(parts=parts)
    trained = train_on(data=merged.outputs["merged"], epochs=3)
    Outputs = NamedTuple("Outputs", trained=Model, rows=int)
    return Outputs(trained=trained.outputs["model"], rows=merged.outputs["Output"])


PIPELINE = artifact_types
