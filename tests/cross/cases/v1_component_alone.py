"""Python twin of v1_component_alone.ts: kfp compiles a loaded v1 component on its own."""
from v1_components import load_v1

PIPELINE = load_v1("xgboost_train")
