"""Python twin of descriptions.ts."""
from kfp import dsl
from kfp.dsl import Dataset, Input, Model, Output, OutputPath
from twin import component

D = "tests/cross/fixtures/documented.py"
score_model = component(D, "score_model", base_image="python:3.12")
summarise = component(D, "summarise", base_image="python:3.12")


@dsl.container_component
def copy_file(source: Input[Dataset], target: Output[Dataset], lines: OutputPath(int), mode: str = "plain"):
    """Copies a file.

    Args:
        source: The file to copy.
        target: Where the copy goes.
        lines: How many lines were copied.
        mode: How to copy.
    """
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'cp "$0" "$1" && wc -l < "$0" > "$2"'],
                             args=[source.path, target.path, lines])


@dsl.pipeline(name="descriptions")
def descriptions(model: Input[Model], data: Input[Dataset], threshold: float = 0.5, text: str = "hello"):
    """Scores and copies data; this short description is the pipeline's description.

    Extra lines join the description.

    Args:
        model: The candidate model.
        data: Data to score.
        threshold: Minimum accuracy.
    """
    copied = copy_file(source=data)
    score_model(model=model, data=copied.outputs["target"], threshold=threshold)
    summarise(text=text)


PIPELINE = descriptions
