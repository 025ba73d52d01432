"""Python twin of notebook_components.ts."""
import sys

from kfp import dsl
from twin import REPO, load_function

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))
from embedded_twin import reproducible  # noqa: E402

F = "tests/cross/fixtures/embedded_functions.py"
NB = REPO / "tests/cross/fixtures/embedded_assets"

with reproducible():
    score = dsl.notebook_component(notebook_path=str(NB / "score.ipynb"))(load_function(F, "score"))
    score_bare = dsl.notebook_component(notebook_path=str(NB / "score.ipynb"), packages_to_install=[], base_image="jupyter/base-notebook:python-3.11")(load_function(F, "score"))
    summarize = dsl.notebook_component(
        notebook_path=str(NB / "notebook_dir"),
        packages_to_install=["nbclient==0.10.2", "ipykernel"],
        pip_index_urls=["https://pypi.org/simple"],
    )(load_function(F, "summarize"))


@dsl.pipeline(name="notebook-components", description="Notebooks run by Python components")
def notebook_components(name: str = "nightly", rows: int = 2):
    s = score(name=name)
    score_bare(name=s.output, threshold=0.75).set_caching_options(False)
    summarize(rows=rows).after(s)


PIPELINE = notebook_components
