"""Helpers for the Python twins: build kfp components from the same .py files the TypeScript side embeds."""
import importlib.util
import pathlib

from kfp import dsl, kubernetes

REPO = pathlib.Path(__file__).resolve().parents[2]


def load_function(path, name):
    path = pathlib.Path(path)
    if not path.is_absolute():
        path = REPO / path
    spec = importlib.util.spec_from_file_location(f"twin_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def component(path, name, **kwargs):
    """kfp's @dsl.component applied to the function `name` defined in `path`."""
    return dsl.component(**kwargs)(load_function(path, name))


PACKAGES = {
    "pandas": "pandas==3.1.1",
    "pyarrow": "pyarrow==25.0.1",
    "boto3": "boto3==1.44.8",
    "sklearn": "scikit-learn==1.9.1",
    "mlflow": "mlflow==3.17.2",
    "optuna": "optuna==5.0.0",
    "plotly": "plotly==7.1.0",
    "requests": "requests==2.33.0",
    "numpy": "numpy==2.4.6",
    "scipy": "scipy==1.17.1",
    "joblib": "joblib==1.6.0",
    "skops": "skops==0.16.0",
}


def minio(task):
    """The TypeScript pipelines' withMinioCredentials: the secret as env, plus the S3 endpoint."""
    kubernetes.use_secret_as_env(task, secret_name="minio-credentials",
                                 secret_key_to_env={"access-key": "AWS_ACCESS_KEY_ID", "secret-key": "AWS_SECRET_ACCESS_KEY"})
    task.set_env_variable("MLFLOW_S3_ENDPOINT_URL", "http://minio.kubeflow.svc:9000")
    return task
