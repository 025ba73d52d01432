import pathlib

from kfp import dsl
from ml import read_notebook_report

NOTEBOOK = pathlib.Path(__file__).with_name("notebooks") / "report.ipynb"
report = dsl.notebook_component(notebook_path=str(NOTEBOOK))(read_notebook_report)


@dsl.pipeline(name="components-notebook")
def components_notebook(rows: int = 20):
    report(rows=rows)


PIPELINE = components_notebook
