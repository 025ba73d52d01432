"""Python twin of v1_placeholders.ts."""
from kfp import components, dsl
from twin import REPO

every_placeholder = components.load_component_from_file(str(REPO / "tests/cross/fixtures/v1_placeholders.yaml"))
report_status = components.load_component_from_file(str(REPO / "tests/cross/fixtures/v1_report_status.yaml"))


@dsl.container_component
def make(model: dsl.Output[dsl.Model], data: dsl.Output[dsl.Dataset], blob: dsl.Output[dsl.Artifact]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo > "$0"; echo > "$1"; echo > "$2"'],
                             args=[model.path, data.path, blob.path])


@dsl.pipeline(name="v1-placeholders")
def v1_placeholders(text: str = "hi"):
    made = make()
    with dsl.ExitHandler(report_status(channel="#alerts")):
        first = every_placeholder(input_text=text, untyped=made.outputs["model"], vertex=made.outputs["blob"],
                                  mapping_type=made.outputs["data"], optional_data=made.outputs["data"])
        first.set_env_variable("MODE", "slow")
        every_placeholder(untyped=first.outputs["out_model"], vertex=first.outputs["out_any"], mapping_type=first.outputs["out_metrics"],
                          model_with_default=first.outputs["out_model"], count=first.outputs["out_int"], input_text=first.outputs["out_text"])


PIPELINE = v1_placeholders
