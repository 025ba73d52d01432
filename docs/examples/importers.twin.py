from kfp import dsl
from kfp.dsl import Dataset, Model
from ml import train, use_model

train = dsl.component(train)
use_model = dsl.component(use_model)


@dsl.pipeline(name="importers")
def importers(data_uri: str = "gs://my-bucket/train.csv", owner: str = "ml-team"):
    data = dsl.importer(artifact_uri=data_uri, artifact_class=Dataset, metadata={"owner": owner, "format": "csv"})
    baseline = dsl.importer(artifact_uri="gs://my-bucket/models/baseline", artifact_class=Model, reimport=True)
    trained = train(data=data.output)
    use_model(model=trained.outputs["model"], baseline=baseline.output)


PIPELINE = importers
