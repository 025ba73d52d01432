"""Python twin of conditions.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
is_ready = component(F, "is_ready", base_image="python:3.11-slim")
train = component(F, "train", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")


@dsl.pipeline(name="conditions", description="If/Elif/Else on parameters and task outputs")
def conditions(threshold: float = 0.5, mode: str = "fast", attempts: int = 3, enabled: bool = True, name: str = "x"):
    coin = flip_coin(seed=attempts)
    die = roll_die(sides=attempts)
    ready = is_ready(name=name)
    loss = train(epochs=attempts)

    with dsl.If(coin.output == "heads", name="heads"):
        notify(message="heads")
    with dsl.Elif(coin.output == "tails", name="tails"):
        notify(message="tails")
    with dsl.Else(name="edge"):
        notify(message="on its edge")

    with dsl.If(die.output > 4):
        with dsl.If(mode == "fast"):
            notify(message=coin.output, channel=mode)
        with dsl.If(mode != "fast"):
            notify(message="slow").after(ready)

    with dsl.If(die.output >= 3):
        notify(message="three or more")
    with dsl.Elif(die.output < 2):
        notify(message="one")
    with dsl.Elif(die.output <= 2):
        notify(message="two")
    notify(message="after a chain without else")

    with dsl.If(threshold != 0.5):
        notify(message="custom threshold")
    with dsl.If(attempts > threshold):
        notify(message="int against float")
    with dsl.If(loss.output < 0.25):
        notify(message="low loss")
    with dsl.If(loss.output >= attempts):
        notify(message="float output against int parameter")
    with dsl.If(enabled == True):
        with dsl.If(ready.output == False):
            notify(message=name)
    with dsl.If(attempts == 3):
        notify(message="three attempts")
    with dsl.Else():
        notify(message="other attempts")


PIPELINE = conditions
