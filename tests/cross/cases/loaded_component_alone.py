"""Python twin of loaded_component_alone.ts: kfp compiles the component itself."""
import sys

from twin import REPO

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))
from loaded_fixtures import train_model  # noqa: E402

PIPELINE = train_model
