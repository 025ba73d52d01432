"""Python twin of loaded_ir_alone.ts: kfp compiles a component it loaded from IR."""
from kfp import components
from twin import REPO

PIPELINE = components.load_component_from_file(str(REPO / "tests/cross/fixtures/loaded_train_model.yaml"))
