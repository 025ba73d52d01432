from kfp import dsl
from ml import flip_coin, process_shard, say

flip_coin = dsl.component(flip_coin)
process_shard = dsl.component(process_shard)
say = dsl.component(say)


@dsl.pipeline(name="conditions")
def conditions(threshold: int = 5, mode: str = "full"):
    coin = flip_coin()
    with dsl.If(coin.output == "heads", name="on-heads"):
        say(message="heads")
    with dsl.Elif(coin.output == "tails"):
        say(message="tails")
    with dsl.Else():
        say(message="on its edge")

    size = process_shard(shard=mode)
    with dsl.If(size.output >= threshold):
        with dsl.If(mode == "full"):
            say(message="large and full")
    with dsl.If(size.output < 2):
        say(message="tiny")


PIPELINE = conditions
