from kfp import dsl
from ml import flip_coin, pick, say

flip_coin = dsl.component(flip_coin)
pick = dsl.component(pick)
say = dsl.component(say)


@dsl.pipeline(name="one-of")
def one_of() -> str:
    coin = flip_coin()
    with dsl.If(coin.output == "heads"):
        on_heads = pick(choice="heads")
    with dsl.Else():
        on_tails = pick(choice="tails")
    chosen = dsl.OneOf(on_heads.output, on_tails.output)
    say(message=chosen)
    return chosen


PIPELINE = one_of
