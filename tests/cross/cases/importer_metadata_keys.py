"""Python twin of importer_metadata_keys.ts."""
from kfp import dsl
from kfp.dsl import Dataset
from twin import component

F = "tests/cross/fixtures/work.py"
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")


@dsl.pipeline(name="importer-metadata-keys")
def importer_metadata_keys(run: str = "r1", tag: str = "v1", shards: int = 4):
    image = pick_image(flavour=tag)
    die = roll_die(sides=shards)
    dsl.importer(
        artifact_uri=run,
        artifact_class=Dataset,
        metadata={
            run: image.output,
            "rolled": die.output,
            image.output: [tag, shards, "fixed"],
            f"{tag}-key": {"job": dsl.PIPELINE_JOB_NAME_PLACEHOLDER, "where": f"{dsl.WORKSPACE_PATH_PLACEHOLDER}/{run}"},
            "nested": {"inner": {tag: 1, "plain": shards}},
            run: tag,  # noqa: F601 (a repeated key, as the TypeScript case repeats it)
        })
    dsl.importer(artifact_uri="gs://acme/fixed", artifact_class=Dataset, reimport=True, metadata={tag: run})


PIPELINE = importer_metadata_keys
