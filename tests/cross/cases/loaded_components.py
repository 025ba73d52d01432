"""Python twin of loaded_components.ts."""
from kfp import components, dsl
from twin import REPO

F = REPO / "tests/cross/fixtures"
train_model = components.load_component_from_file(str(F / "loaded_train_model.yaml"))
make_data = components.load_component_from_file(str(F / "loaded_make_data.yaml"))
prepare_and_train = components.load_component_from_file(str(F / "loaded_prepare_and_train.yaml"))


@dsl.pipeline(name="loaded-components")
def loaded_components(rows: int = 5):
    whole = prepare_and_train(rows=rows)
    d = make_data(rows=rows)
    train_model(data=d.outputs["data"], epochs=3, tag="first").set_env_variable("MODE", "fast")
    train_model(data=d.outputs["data"], epochs=4, rate=whole.outputs["score"]) \
        .set_cpu_limit("2").set_memory_limit("4G").set_caching_options(False)


PIPELINE = loaded_components
