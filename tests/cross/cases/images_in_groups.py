"""Python twin of images_in_groups.ts."""
from typing import List

from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
notify = component(F, "notify", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")


@dsl.pipeline(name="images-in-groups")
def images_in_groups(images: List[str] = ["alpine:3.20", "busybox:1.36"], default_image: str = "alpine", check: bool = True):
    picked = pick_image(flavour="slim")
    with dsl.ParallelFor(images) as image:
        notify(message="loop item").set_container_image(image)
        notify(message="parameter").set_container_image(default_image)
        with dsl.If(check == True):  # noqa: E712
            notify(message="task output").set_container_image(picked.output)


PIPELINE = images_in_groups
