"""Python twin of importers.ts."""
import sys

from kfp import dsl
from kfp.dsl import Dataset, Model
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # artifacts.py imports bq_types
from bq_types import BQTable  # noqa: E402

A = "tests/cross/fixtures/artifacts.py"
train_on = component(A, "train_on", base_image="python:3.12")
inspect_everything = component(A, "inspect_everything", base_image="python:3.12")
make_everything = component(A, "make_everything", base_image="python:3.12")


@dsl.pipeline(name="importers", description="Artifacts imported by URI")
def importers(data_uri: str = "gs://acme/data/train.csv", tag: str = "v1", epochs: int = 2):
    model = dsl.importer(artifact_uri="gs://acme/models/base", artifact_class=Model, reimport=True,
                         metadata={"framework": "sklearn", "layers": [1, 2], "nested": {"ok": True}})
    data = dsl.importer(artifact_uri=data_uri, artifact_class=Dataset,
                        metadata={"tag": tag, "label": f"{tag}-{epochs}", "epochs": epochs, "again": tag})
    table = dsl.importer(artifact_uri="bq://acme.dataset.table", artifact_class=BQTable)
    trained = train_on(data=data.output, epochs=epochs)
    made = make_everything(seed=epochs)
    inspect_everything(anything=table.outputs["artifact"], dataset=data.output, model=model.output,
                       metrics=made.outputs["metrics"], confusion=made.outputs["confusion"], sliced=made.outputs["sliced"],
                       page=made.outputs["page"], notes=made.outputs["notes"], report=table.output, extra=data.output)
    trained.after(model)


PIPELINE = importers
