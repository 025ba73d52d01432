"""Python twin of string_templates.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
P = "tests/cross/fixtures/params.py"
notify = component(F, "notify", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
summarise_params = component(P, "summarise_params")


@dsl.pipeline(name="string-templates")
def string_templates(bucket: str = "gs://acme", run: str = "r1", shards: int = 4, ratio: float = 0.5, on: bool = False):
    image = pick_image(flavour=f"{run}-slim")
    die = roll_die(sides=shards)
    notify(message=f"{bucket}/{run}/data", channel=f"#{image.output}")
    notify(message=f"rolled {die.output} of {shards} at {ratio} ({on}) for {run} in {run}")
    notify(message=f"{image.output}")
    with dsl.If(die.output > 2):
        notify(message=f"{bucket}/{die.output}/{image.output}")
    summarise_params(text=f"{run}!", count=die.output, ratio=ratio, enabled=on,
                     names=["fixed", run, f"{bucket}-{run}"], settings={"shards": shards, "rolled": die.output},
                     tags=[die.output, image.output], limits={"nested": {"k": [run]}, "label": f"x{run}"})


PIPELINE = string_templates
