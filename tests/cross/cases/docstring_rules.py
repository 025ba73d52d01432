"""Python twin of docstring_rules.ts."""
from kfp import dsl
from kfp.dsl import Dataset, Input
from twin import component

D = "tests/cross/fixtures/docstring_rules.py"
args_and_returns = component(D, "args_and_returns", base_image="python:3.12")
parameters_and_returns = component(D, "parameters_and_returns", base_image="python:3.12")
raises_without_colon = component(D, "raises_without_colon", base_image="python:3.12")
args_twice = component(D, "args_twice", base_image="python:3.12")
return_heading = component(D, "return_heading", base_image="python:3.12")


@dsl.pipeline(name="docstring-rules")
def docstring_rules(data: Input[Dataset], n: int = 3):
    args_and_returns(data=data, n=n)
    parameters_and_returns(data=data, n=n)
    raises_without_colon(data=data, n=n)
    args_twice(data=data, n=n)
    return_heading(n=n)


PIPELINE = docstring_rules
