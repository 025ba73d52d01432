"""Python twin of loops.ts."""
from typing import Dict, List

from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
notify = component(F, "notify", base_image="python:3.11-slim")
make_grid = component(F, "make_grid", base_image="python:3.11-slim")
show_struct = component(F, "show_struct", base_image="python:3.11-slim")
show_number = component(F, "show_number", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")


@dsl.pipeline(name="loops", description="ParallelFor over literal items, parameters and task outputs")
def loops(names: List[str] = ["a", "b"], plain: list = [1, 2], sizes: List[int] = [4, 6], limit: int = 3, prefix: str = "run"):
    with dsl.ParallelFor(names, parallelism=2) as name:
        notify(message=name, channel=prefix)
    with dsl.ParallelFor([6, 8, 12], name="dice") as sides:
        die = roll_die(sides=sides)
        show_number(number=limit).after(die)
        with dsl.If(die.output > 3):
            notify(message=f"{prefix}: big roll")
    grid = make_grid(size=limit)
    with dsl.ParallelFor(grid.output) as cell:
        show_number(number=cell.depth)
        show_struct(config=cell)
        with dsl.If(cell.width == 1):
            notify(message="narrow")
    with dsl.ParallelFor([{"a": "x", "b": 1}, {"a": "y", "b": 2}]) as item:
        notify(message=item.a)
        with dsl.ParallelFor(plain) as inner:
            show_number(number=inner)
            show_number(number=limit)
        with dsl.ParallelFor(sizes) as size:
            roll_die(sides=size)
    notify(message="after the loops").after(grid)


PIPELINE = loops
