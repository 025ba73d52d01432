from kfp import dsl
from ml import flip_coin, say

# As `kfp dsl compile --disable-execution-caching-by-default`.
DISABLE_EXECUTION_CACHING_BY_DEFAULT = True

flip_coin = dsl.component(flip_coin)
say = dsl.component(say)


@dsl.pipeline(name="caching")
def caching():
    coin = flip_coin().set_caching_options(True)
    say(message=coin.output)
    say(message="cached under a key").set_caching_options(True, cache_key="say-v1")


PIPELINE = caching
