"""Python twin of container_placeholders.ts."""
from typing import List, Optional

from kfp import dsl
from kfp.dsl import HTML, Dataset, Input, Model, Output, OutputPath


@dsl.container_component
def make_table(rows: int, table: Output[Dataset], model: Output[Model], row_count: OutputPath(int)):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'seq "$0" > "$1" && echo model > "$2" && echo "$0" > "$3"'],
        args=[rows, table.path, model.path, row_count],
    )


@dsl.container_component
def transform_table(
    table: Input[Dataset],
    model: Input[Model],
    parts: Input[List[Dataset]],
    rows: int,
    out_table: Output[Dataset],
    page: Output[HTML],
    summary: OutputPath(str),
    label: str = "plain",
    suffix: Optional[str] = None,
):
    return dsl.ContainerSpec(
        image="ghcr.io/acme/transform:1.4.2",
        command=["transform", "--in", table.path, "--out", out_table.path],
        args=[
            "--model-uri", model.uri,
            "--model-meta", model.metadata, model.metadata["framework"], f"--out-meta={out_table.metadata['rows']}",
            f"--table-uri={table.uri}",
            f"--out-uri={out_table.uri}",
            f"--rows={rows}",
            "--page", page.path, page.uri, page.metadata,
            "--parts", parts,
            dsl.ConcatPlaceholder(["label=", label, "/", rows]),
            dsl.IfPresentPlaceholder(input_name="suffix", then=["--suffix", suffix], else_=["--no-suffix"]),
            dsl.IfPresentPlaceholder(input_name="suffix", then=dsl.ConcatPlaceholder(["s=", suffix])),
            dsl.ConcatPlaceholder(["x", dsl.IfPresentPlaceholder(input_name="suffix", then=suffix, else_="none")]),
            dsl.IfPresentPlaceholder(input_name="suffix", then=[suffix], else_=[]),
            "--summary", summary,
            f"--job={dsl.PIPELINE_JOB_NAME_PLACEHOLDER}",
            dsl.PIPELINE_TASK_NAME_PLACEHOLDER,
            dsl.PIPELINE_ROOT_PLACEHOLDER,
        ],
    )


@dsl.container_component
def show(text: str, count: int):
    return dsl.ContainerSpec(image="busybox", args=["echo", text, count])


@dsl.pipeline(name="container-placeholders")
def container_placeholders(parts: Input[List[Dataset]], rows: int = 10, suffix: str = ".csv"):
    made = make_table(rows=rows)
    first = transform_table(table=made.outputs["table"], model=made.outputs["model"], parts=parts, rows=made.outputs["row_count"])
    transform_table(table=first.outputs["out_table"], model=made.outputs["model"], parts=parts, rows=rows, label="second", suffix=suffix)
    show(text=first.outputs["summary"], count=made.outputs["row_count"])


PIPELINE = container_placeholders
