from kfp import dsl
from ml import load_data, say, train

load_data = dsl.component(load_data)
train = dsl.component(train, packages_to_install=["scikit-learn==1.9.1"])
say = dsl.component(say)


@dsl.pipeline(name="quickstart")
def quickstart(source: str = "gs://my-bucket/train.csv", webhook: str = ""):
    data = load_data(source=source)
    trained = train(data=data.outputs["data"], epochs=5).set_cpu_limit("2").set_memory_limit("4Gi")
    with dsl.If(webhook != ""):
        say(message=webhook).after(trained)


PIPELINE = quickstart
