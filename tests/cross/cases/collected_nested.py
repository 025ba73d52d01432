"""Python twin of collected_nested.ts."""
from typing import List

from kfp import dsl
from twin import component

multiply = component("tests/cross/fixtures/grid.py", "multiply")
sum_rows = component("tests/cross/fixtures/grid.py", "sum_rows")
shout = component("tests/cross/fixtures/grid.py", "shout")
show_number = component("tests/cross/fixtures/work.py", "show_number", base_image="python:3.11-slim")


@dsl.pipeline(name="collected-nested")
def collected_nested(rows: list = [1, 2], cols: List[int] = [3, 4], labels: list = ["7", "8"]):
    with dsl.ParallelFor(rows) as a:
        with dsl.ParallelFor(cols) as b:
            product = multiply(a=a, b=b)
    sum_rows(rows=dsl.Collected(product.output))
    with dsl.ParallelFor(labels) as label:
        shout(text=label)
        show_number(number=label)


PIPELINE = collected_nested
