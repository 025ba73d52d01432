"""Python twin of generic_artifact_args.ts."""
from kfp import dsl
from kfp.dsl import Artifact, Dataset, Input, Model, Output


@dsl.container_component
def make_any(thing: Output[Artifact]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo hi > "$0"'], args=[thing.path])


@dsl.container_component
def use_typed(data: Input[Dataset], model: Input[Model]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["cat", data.path, model.path])


@dsl.container_component
def check_typed(data: Input[Dataset], model: Input[Model]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["test", "-e", data.path, "-a", "-e", model.path])


@dsl.pipeline(name="inner")
def inner(thing: Input[Artifact], data: Input[Dataset]):
    check_typed(data=data, model=thing)


@dsl.pipeline(name="generic-artifact-args")
def generic_artifact_args(given: Input[Artifact]):
    made = make_any()
    use_typed(data=made.outputs["thing"], model=given)
    inner(thing=made.outputs["thing"], data=made.outputs["thing"])
    inner(thing=given, data=given)


PIPELINE = generic_artifact_args
