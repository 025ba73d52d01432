from typing import Dict, List

from kfp import dsl
from ml import load_data, make_shards, merge, process_shard, total

make_shards = dsl.component(make_shards)
process_shard = dsl.component(process_shard)
total = dsl.component(total)
load_data = dsl.component(load_data)
merge = dsl.component(merge)


@dsl.pipeline(name="loops")
def loops(count: int = 4, sources: List[str] = ["gs://my-bucket/a.csv", "gs://my-bucket/b.csv"], runs: List[Dict] = [{"shard": "a", "scale": 2}]):
    shards = make_shards(count=count)
    with dsl.ParallelFor(shards.output, parallelism=2) as shard:
        size = process_shard(shard=shard)
    total(numbers=dsl.Collected(size.output))

    with dsl.ParallelFor([1, 2, 3]) as scale:
        process_shard(shard="fixed", scale=scale)

    with dsl.ParallelFor(runs) as run:
        process_shard(shard=run.shard, scale=run.scale)

    with dsl.ParallelFor(sources) as src:
        part = load_data(source=src)
    merge(parts=dsl.Collected(part.outputs["data"]))


PIPELINE = loops
