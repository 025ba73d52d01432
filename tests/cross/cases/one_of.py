"""Python twin of one_of.ts."""
import sys

from kfp import dsl
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # artifacts.py imports bq_types

F = "tests/cross/fixtures/work.py"
A = "tests/cross/fixtures/artifacts.py"
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
write_shard = component(A, "write_shard", base_image="python:3.12")
train_on = component(A, "train_on", base_image="python:3.12")


@dsl.pipeline(name="one-of")
def one_of(seed: int = 1) -> str:
    coin = flip_coin(seed=seed)
    with dsl.If(coin.output == "heads", name="heads"):
        a = pick_image(flavour="slim")
        sa = write_shard(index=1)
    with dsl.Elif(coin.output == "tails"):
        b = pick_image(flavour="alpine")
        sb = write_shard(index=2)
    with dsl.Else():
        c = pick_image(flavour="bookworm")
        sc = write_shard(index=3)
    image = dsl.OneOf(a.output, b.output, c.output)
    notify(message=image)
    train_on(data=dsl.OneOf(sa.outputs["shard"], sb.outputs["shard"], sc.outputs["shard"]))
    with dsl.If(seed > 0):
        d = pick_image(flavour="left")
    with dsl.Else():
        e = pick_image(flavour="right")
    return dsl.OneOf(d.output, e.output)


PIPELINE = one_of
