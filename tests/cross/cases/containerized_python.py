"""Python twin of containerized_python.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/options.py"
greet = component(F, "greet", base_image="python:3.11", target_image="registry.example.com/acme/greet:1.0")
greet_pkgs = component(F, "greet", target_image="registry.example.com/acme/greet:1.1", packages_to_install=["six==1.17.0"],
                       pip_index_urls=["https://mirror.example.com/simple"])
log_line = component(F, "log_line", target_image="registry.example.com/acme/log:2", use_venv=True)
log_plain = component(F, "log_line")


@dsl.pipeline(name="containerized-python", pipeline_root="s3://acme/pipeline-root")
def containerized_python(name: str = "world"):
    hello = greet(name=name)
    again = greet_pkgs(name=hello.output, punctuation="?")
    log_line(line=again.output)
    log_plain(line=hello.output)


PIPELINE = containerized_python
