"""Python twin of loaded_pipeline_alone.ts: kfp compiles the loaded pipeline itself."""
from kfp import components

from twin import REPO

PIPELINE = components.load_component_from_file(str(REPO / "tests/cross/fixtures/loaded_prepare_and_train.yaml"))
COMPILE_KWARGS = {"pipeline_parameters": {"rows": 20}}
