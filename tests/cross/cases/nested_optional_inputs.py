"""Python twin of nested_optional_inputs.ts."""
from typing import Optional

from kfp import dsl, kubernetes


@dsl.container_component
def component_int_default(componentInput: int = 0):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", componentInput])


@dsl.container_component
def component_nil_str_default(componentInput: Optional[str] = None):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", componentInput])


@dsl.container_component
def component_bool_default(componentInput: bool = False):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", componentInput])


@dsl.pipeline(name="nested-pipeline-defaults")
def nested(nestedInputInt: Optional[int] = None, nestedInputStr: str = "Input - nested pipeline", nestedInputBool: Optional[bool] = None):
    component_nil_str_default(componentInput=nestedInputStr)
    component_int_default(componentInput=nestedInputInt)
    component_bool_default(componentInput=nestedInputBool)


@dsl.pipeline(name="nested-k8s")
def nested_k8s(count: int):
    kubernetes.add_node_selector(component_int_default(componentInput=count), label_key="disktype", label_value="ssd")


@dsl.pipeline(name="nested-optional-inputs")
def nested_optional_inputs(inputInt: int = 1, inputStr: str = "Input - parent pipeline"):
    kubernetes.add_node_selector(component_int_default(), label_key="pool", label_value="parent")
    nested(nestedInputInt=inputInt, nestedInputStr=inputStr, nestedInputBool=True)
    nested()
    nested_k8s(count=inputInt)
    nested_k8s(count=5)


PIPELINE = nested_optional_inputs
