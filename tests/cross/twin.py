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
    """kfp's @dsl.component applied to the function `name` defined in `path`. A function its file
    already decorates is taken as the file declares it; given kwargs, its function is decorated anew."""
    obj = load_function(path, name)
    if isinstance(obj, dsl.base_component.BaseComponent):
        return dsl.component(**kwargs)(obj.python_func) if kwargs else obj
    return dsl.component(**kwargs)(obj)


def minio(task):
    """The TypeScript pipelines' withMinioCredentials: the secret as env, plus the S3 endpoint."""
    kubernetes.use_secret_as_env(task, secret_name="minio-credentials",
                                 secret_key_to_env={"access-key": "AWS_ACCESS_KEY_ID", "secret-key": "AWS_SECRET_ACCESS_KEY"})
    task.set_env_variable("MLFLOW_S3_ENDPOINT_URL", "http://minio.kubeflow.svc:9000")
    return task
