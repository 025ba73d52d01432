import pathlib

from kfp import components, dsl

process_shard = components.load_component_from_file(str(pathlib.Path(__file__).with_name("components") / "process_shard.yaml"))


@dsl.pipeline(name="components-loaded")
def components_loaded(shard: str = "shard-0"):
    first = process_shard(shard=shard)
    process_shard(shard="shard-1", scale=first.output)


PIPELINE = components_loaded
