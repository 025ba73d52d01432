"""Python twin of loaded_python_component_alone.ts: kfp compiles the component itself."""
from twin import component

PIPELINE = component("tests/cross/fixtures/work.py", "double", base_image="python:3.11-slim")
