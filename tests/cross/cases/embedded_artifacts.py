"""Python twin of embedded_artifacts.ts."""
import sys

from kfp import dsl
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))
from embedded_twin import reproducible  # noqa: E402

F = "tests/cross/fixtures/embedded_functions.py"
ASSETS = REPO / "tests/cross/fixtures/embedded_assets/assets"

with reproducible():
    tokenize = component(F, "tokenize", embedded_artifact_path=str(ASSETS))
    read_config = component(F, "read_config", base_image="python:3.12-slim", embedded_artifact_path=str(ASSETS / "config.json"))
    read_config_no_kfp = component(F, "read_config", install_kfp_package=False, packages_to_install=["kfp==2.17.3"], embedded_artifact_path=str(ASSETS / "vocab" / "words.txt"))
count_lines = component(F, "count_lines")


@dsl.pipeline(name="embedded-artifacts", description="A directory and single files embedded in Python components")
def embedded_artifacts(text: str = "Hello brave new world"):
    t = tokenize(text=text)
    count_lines(tokens=t.outputs["tokens"])
    read_config()
    read_config_no_kfp().set_caching_options(False)


PIPELINE = embedded_artifacts
