"""Python twin of v1_serving.ts."""
from kfp import dsl
from v1_components import load_v1

build_dict = load_v1("build_dict")
kserve = load_v1("kserve")
vertex_model_upload = load_v1("vertex_model_upload")


class VertexModel(dsl.Artifact):
    schema_title = "google.VertexModel"
    schema_version = "0.0.1"


@dsl.pipeline(name="v1-serving")
def v1_serving(model_uri: str = "gs://acme/models/tips", namespace: str = "models", istio: bool = False):
    spec = build_dict(key_1="framework", value_1={"name": "xgboost", "version": 2})
    wrapped = build_dict(key_1="spec", value_1=spec.outputs["output"], key_2="replicas", value_2={"min": 1})
    serve = kserve(action="apply", model_name="tips", model_uri=model_uri, namespace=namespace, framework="xgboost",
                   enable_istio_sidecar=istio, custom_model_spec="{}")
    serve.set_env_variable("LOG_LEVEL", "debug")
    serve.set_caching_options(False)
    serve.after(wrapped)
    with dsl.If(serve.outputs["inferenceservice_status"] != ""):
        parent = dsl.importer(artifact_uri="https://us-central1-aiplatform.googleapis.com/v1/projects/acme/locations/us-central1/models/1",
                              artifact_class=VertexModel, metadata={"resourceName": "projects/acme/locations/us-central1/models/1"})
        vertex_model_upload(project="acme", display_name="tips", parent_model=parent.output, labels={"team": "ml"})
    vertex_model_upload(project="acme", location="europe-west4", display_name="tips-eu", description="first upload")


PIPELINE = v1_serving
