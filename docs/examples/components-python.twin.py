from kfp import dsl
from ml import load_data, train

load_data = dsl.component(load_data, base_image="python:3.12-slim")
train = dsl.component(
    train,
    base_image="python:3.12-slim",
    packages_to_install=["scikit-learn==1.9.1", "pandas==3.1.1"],
    pip_index_urls=["https://pypi.org/simple"],
)


@dsl.component
def shout(text: str) -> str:
    return text.upper()


@dsl.pipeline(name="components-python")
def components_python(source: str = "gs://my-bucket/train.csv"):
    data = load_data(source=source, rows=500)
    train(data=data.outputs["data"])
    shout(text=source)


PIPELINE = components_python
