"""Python twin of pipelines/monitoring_pipeline.ts, embedding the same component files."""
from kfp import dsl
from twin import component, minio

# The component files declare their base image and packages (@dsl.component), as the TypeScript side
# reads them (src/components/*.ts are generated from these files).
C = "src/components/"
ingest_data = component(C + "ingest_data.py", "ingest_data")
validate_data = component(C + "validate_data.py", "validate_data")
train_model = component(C + "train_model.py", "train_model")
generate_comparison_report = component(C + "generate_comparison_report.py", "generate_comparison_report")
check_and_alert = component(C + "check_and_alert.py", "check_and_alert")


@dsl.pipeline(name="ml-experiment-monitoring", description="Train, track, and monitor ML experiments")
def monitoring(
    training_data_path: str,
    experiment_name: str,
    model_type: str = "random_forest",
    n_estimators: int = 100,
    slack_webhook: str = "",
    mlflow_tracking_uri: str = "http://mlflow.kubeflow.svc:5000",
    f1_threshold: float = 0.85,
    accuracy_threshold: float = 0.9,
):
    ingest = minio(ingest_data(source_path=training_data_path).set_caching_options(False))
    validated = validate_data(input_data=ingest.outputs["output_data"])
    train = minio(train_model(training_data=validated.outputs["validated_data"], experiment_name=experiment_name,
                              mlflow_tracking_uri=mlflow_tracking_uri, model_type=model_type, n_estimators=n_estimators))
    train.set_cpu_limit("4").set_memory_limit("8Gi")
    minio(generate_comparison_report(experiment_name=experiment_name, mlflow_tracking_uri=mlflow_tracking_uri)
          .set_caching_options(False)).after(train)
    with dsl.If(slack_webhook != ""):
        check_and_alert(metrics=train.outputs["metrics"], slack_webhook_url=slack_webhook,
                        f1_threshold=f1_threshold, accuracy_threshold=accuracy_threshold).set_caching_options(False)


PIPELINE = monitoring
