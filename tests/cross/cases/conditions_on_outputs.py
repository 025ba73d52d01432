"""Python twin of conditions_on_outputs.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
train = component(F, "train", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")


@dsl.pipeline(name="flip")
def flip(seed: int = 0) -> str:
    return flip_coin(seed=seed).output


@dsl.pipeline(name="conditions-on-outputs")
def conditions_on_outputs(sides: int = 6):
    a = roll_die(sides=sides)
    b = roll_die(sides=sides)
    loss = train(epochs=a.output)
    f = flip(seed=b.output)
    with dsl.If(a.output > b.output, name="a-wins"):
        notify(message="a")
    with dsl.Elif(a.output == b.output):
        notify(message="tie")
    with dsl.If(f.output != "heads"):
        with dsl.If(loss.output <= a.output):
            notify(message="low", channel=f.output)
    with dsl.If(f.output == "heads"):
        g = flip(seed=1)
    with dsl.Else():
        h = flip(seed=2)
    notify(message=dsl.OneOf(g.output, h.output))


PIPELINE = conditions_on_outputs
