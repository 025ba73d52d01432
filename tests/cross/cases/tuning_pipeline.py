"""Python twin of pipelines/tuning_pipeline.ts, embedding the same component files."""
import sys

from kfp import dsl
from twin import REPO, component, minio

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))
from embedded_twin import reproducible  # noqa: E402

# The component files declare their base image, packages and embedded file (@dsl.component); the
# embedded archive is made when the file is loaded, so it is loaded reproducibly.
C = "src/components/"
ingest_data = component(C + "ingest_data.py", "ingest_data")
validate_data = component(C + "validate_data.py", "validate_data")
with reproducible():
    hyperparameter_search = component(C + "hyperparameter_search.py", "hyperparameter_search")
generate_comparison_report = component(C + "generate_comparison_report.py", "generate_comparison_report")


@dsl.pipeline(name="ml-hyperparameter-tuning", description="Search hyperparameters with Optuna, tracked in MLflow")
def tuning(
    training_data_path: str,
    experiment_name: str,
    n_trials: int = 50,
    metric_to_optimize: str = "f1",
    mlflow_tracking_uri: str = "http://mlflow.kubeflow.svc:5000",
):
    ingest = minio(ingest_data(source_path=training_data_path).set_caching_options(False))
    validated = validate_data(input_data=ingest.outputs["output_data"])
    search = minio(hyperparameter_search(training_data=validated.outputs["validated_data"], experiment_name=experiment_name,
                                         mlflow_tracking_uri=mlflow_tracking_uri, n_trials=n_trials,
                                         metric_to_optimize=metric_to_optimize))
    search.set_cpu_limit("4").set_memory_limit("8Gi")
    minio(generate_comparison_report(experiment_name=f"{experiment_name}-tuning",
                                     mlflow_tracking_uri=mlflow_tracking_uri).set_caching_options(False)).after(search)


PIPELINE = tuning
