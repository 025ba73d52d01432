from typing import Optional

from kfp import dsl
from kfp.dsl import ConcatPlaceholder, Dataset, IfPresentPlaceholder, Input, Output, OutputPath


@dsl.container_component
def download(url: str, data: Output[Dataset], size: OutputPath(int), retries: int = 3):
    return dsl.ContainerSpec(
        image="curlimages/curl:8.11.1",
        command=["sh", "-c", 'curl --retry "$1" -o "$2" "$0" && wc -c < "$2" > "$3"'],
        args=[url, retries, data.path, size],
    )


@dsl.container_component
def summarize(data: Input[Dataset], title: Optional[str] = None):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c"],
        args=[
            f"head -n 5 {data.path}",
            ConcatPlaceholder(["--source=", data.uri]),
            IfPresentPlaceholder(input_name="title", then=["--title", title], else_=["--untitled"]),
        ],
    )


@dsl.pipeline(name="components-container")
def components_container(url: str = "https://example.com/data.csv"):
    d = download(url=url)
    summarize(data=d.outputs["data"], title="first rows")


PIPELINE = components_container
