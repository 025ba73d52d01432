"""The shape of src/components/*.py that the TypeScript side relies on.

Each file is one ``@dsl.component`` function: the decorator declares the base image, the
pinned packages and an embedded file, the signature the interface. ``kfp-ts codegen``
generates the TypeScript declarations (src/components/*.ts) from these files, and the TS
compiler embeds the function's source text (``def`` line to the end of its block, as kfp's
``_get_function_source_definition`` gives it) and checks the declaration against the
signature. These tests pin that contract and check it against kfp 2.17.3 and the
reference pipeline.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import symtable
from pathlib import Path

import pytest
import yaml
from kfp.dsl import component_factory

from component_harness import COMPONENT_NAMES, COMPONENTS_DIR, EMBEDDED, component_spec_dict, load_component, load_function

REFERENCE_YAML = Path("/work/shared/reference/monitoring_pipeline.yaml")
REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"
ALLOWED_ARTIFACTS = {"Dataset", "Model", "Metrics", "HTML", "Markdown"}
ALLOWED_PARAMETERS = {"str": str, "int": int, "float": float, "bool": bool}

# The contract with the TypeScript declarations: (name, annotation, default source or None).
EXPECTED_SIGNATURES = {
    "ingest_data": [
        ("source_path", "str", None),
        ("output_data", "Output[Dataset]", None),
    ],
    "validate_data": [
        ("input_data", "Input[Dataset]", None),
        ("validated_data", "Output[Dataset]", None),
        ("report", "Output[Markdown]", None),
        ("target_column", "str", '"target"'),
        ("min_rows", "int", "50"),
    ],
    "train_model": [
        ("training_data", "Input[Dataset]", None),
        ("model_output", "Output[Model]", None),
        ("metrics", "Output[Metrics]", None),
        ("experiment_name", "str", None),
        ("mlflow_tracking_uri", "str", '""'),
        ("model_type", "str", '"random_forest"'),
        ("n_estimators", "int", "100"),
        ("max_depth", "int", "10"),
        ("learning_rate", "float", "0.1"),
        ("target_column", "str", '"target"'),
    ],
    "hyperparameter_search": [
        ("training_data", "Input[Dataset]", None),
        ("best_params", "Output[Metrics]", None),
        ("experiment_name", "str", None),
        ("mlflow_tracking_uri", "str", '""'),
        ("n_trials", "int", "50"),
        ("metric_to_optimize", "str", '"f1"'),
        ("target_column", "str", '"target"'),
    ],
    "generate_comparison_report": [
        ("experiment_name", "str", None),
        ("report", "Output[HTML]", None),
        ("mlflow_tracking_uri", "str", '""'),
    ],
    "check_and_alert": [
        ("metrics", "Input[Metrics]", None),
        ("slack_webhook_url", "str", None),
        ("f1_threshold", "float", "0.85"),
        ("accuracy_threshold", "float", "0.9"),
    ],
}


def _module(name: str):
    source = (COMPONENTS_DIR / f"{name}.py").read_text()
    return source, ast.parse(source)


def _function(tree: ast.Module) -> ast.FunctionDef:
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef))


def _decorator_keywords(name: str) -> dict:
    source, tree = _module(name)
    (decorator,) = _function(tree).decorator_list
    return {k.arg: k.value for k in decorator.keywords}


def test_GIVEN_src_components_WHEN_listed_THEN_exactly_the_six_component_files_exist():
    assert sorted(p.stem for p in COMPONENTS_DIR.glob("*.py")) == sorted(COMPONENT_NAMES)


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_file_WHEN_parsed_THEN_it_is_docstring_imports_and_one_decorated_function(name):
    source, tree = _module(name)
    body = list(tree.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # module docstring
    *imports, func = body
    assert isinstance(func, ast.FunctionDef) and func.name == name, f"{name}.py must end with its one function"
    # pathlib only where the decorator names a file beside the module.
    allowed_modules = {"kfp", "kfp.dsl"} | ({"pathlib"} if name in EMBEDDED else set())
    assert all(isinstance(i, ast.ImportFrom) and i.module in allowed_modules and i.level == 0 for i in imports), (
        f"{name}.py imports only from {sorted(allowed_modules)}")
    assert [ast.get_source_segment(source, d) for d in func.decorator_list][0].startswith("dsl.component("), (
        "one @dsl.component(...) decorator: it declares the base image and packages")
    assert len(func.decorator_list) == 1

    dsl_imports = [i for i in imports if i.module == "kfp.dsl"]
    imported = {alias.name for i in dsl_imports for alias in i.names}
    assert imported <= {"Input", "Output"} | ALLOWED_ARTIFACTS
    used = {n.id for a in func.args.args for n in ast.walk(a.annotation) if isinstance(n, ast.Name)}
    assert imported == used - set(ALLOWED_PARAMETERS), (
        f"import exactly the kfp names the signature uses: imported {sorted(imported)}, used {sorted(used)}")


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_decorator_WHEN_read_THEN_it_runs_on_python_3_11_with_the_venvs_pins(name):
    """The container installs exactly the versions the tests run (requirements.txt)."""
    keywords = _decorator_keywords(name)
    assert set(keywords) <= {"base_image", "packages_to_install", "embedded_artifact_path"}
    assert ast.literal_eval(keywords["base_image"]) == "python:3.11"
    pins = {line.split("==")[0].lower(): line.strip() for line in REQUIREMENTS.read_text().splitlines()
            if "==" in line and not line.startswith("#")}
    packages = ast.literal_eval(keywords["packages_to_install"])
    assert packages, "every component pins what it imports"
    for requirement in packages:
        assert requirement == pins.get(requirement.split("==")[0].lower()), f"{requirement} is not requirements.txt's pin"
    assert ("embedded_artifact_path" in keywords) == (name in EMBEDDED)
    assert load_component(name).python_func.__name__ == name


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_WHEN_its_signature_is_read_THEN_it_matches_the_declared_contract(name):
    source, tree = _module(name)
    func = _function(tree)
    args = func.args
    assert not (args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs), "plain parameters only"
    assert func.returns is None, "components return nothing; outputs are Output[...] artifacts"

    defaults = [None] * (len(args.args) - len(args.defaults)) + list(args.defaults)
    actual = []
    for arg, default in zip(args.args, defaults):
        annotation = ast.get_source_segment(source, arg.annotation)
        default_src = None if default is None else ast.get_source_segment(source, default)
        actual.append((arg.arg, annotation, default_src))

        if annotation in ALLOWED_PARAMETERS:
            if default is not None:
                assert isinstance(default, ast.Constant), f"{arg.arg}: default must be a literal"
                assert type(default.value) is ALLOWED_PARAMETERS[annotation], (
                    f"{arg.arg}: a {annotation} parameter needs a {annotation} literal default, got {default_src}")
                if annotation == "str":
                    assert default_src.startswith('"'), f"{arg.arg}: string defaults use double quotes"
        else:
            wrapper, inner = annotation.rstrip("]").split("[")
            assert wrapper in ("Input", "Output") and inner in ALLOWED_ARTIFACTS, annotation
            assert default is None, f"{arg.arg}: artifacts have no default"
    assert actual == EXPECTED_SIGNATURES[name]


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_WHEN_its_block_is_cut_from_the_file_text_THEN_it_equals_what_kfp_embeds(name):
    """The rule the TS extractor follows, on plain text.

    From the ``def <name>(`` line, take every following line that is blank, indented,
    or starts with ``)`` (the close of a multi-line signature); stop at the first other
    line; drop trailing blank lines; end with one newline.
    """
    lines = (COMPONENTS_DIR / f"{name}.py").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"def {name}("))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t)"):
        end += 1
    block = lines[start:end]
    while block and not block[-1].strip():
        block.pop()
    text_cut = "\n".join(block) + "\n"

    func = load_function(name)
    assert text_cut == component_factory._get_function_source_definition(func)
    # inspect.getsource starts at the decorator; kfp drops what precedes the def.
    assert inspect.getsource(func).endswith(text_cut)


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_body_WHEN_its_names_are_resolved_THEN_it_needs_nothing_from_module_scope(name):
    """kfp runs the function with only ``from kfp.dsl import *`` and ``from typing import *`` above it."""
    source = component_factory._get_function_source_definition(load_function(name))
    table = symtable.symtable(source, f"{name}.py", "exec")

    def free_globals(scope):
        names = set(scope.get_globals()) if scope.get_type() == "function" else set()
        for child in scope.get_children():
            names |= free_globals(child)
        return names

    outside = free_globals(table) - set(dir(builtins))
    # Annotations are evaluated at definition time against kfp.dsl's star import.
    outside -= {"Input", "Output"} | ALLOWED_ARTIFACTS
    assert not outside, f"{name} uses module-level names {sorted(outside)}: import them inside the function"


def _reference_components():
    spec = yaml.safe_load(REFERENCE_YAML.read_text())
    return spec["components"]


@pytest.mark.parametrize("name", ["ingest_data", "validate_data", "train_model",
                                  "generate_comparison_report", "check_and_alert"])
def test_GIVEN_the_reference_pipeline_WHEN_compared_with_kfps_spec_of_our_function_THEN_ours_is_a_compatible_superset(name):
    reference = _reference_components()[f"comp-{name.replace('_', '-')}"]
    ours = component_spec_dict(name)
    for section in ("inputDefinitions", "outputDefinitions"):
        for kind in ("parameters", "artifacts"):
            ref_entries = reference.get(section, {}).get(kind, {})
            our_entries = ours.get(section, {}).get(kind, {})
            for key, ref in ref_entries.items():
                assert key in our_entries, f"{name}: {section}.{kind}.{key} missing"
                got = {k: v for k, v in our_entries[key].items() if k != "description"}
                assert got == ref, f"{name}: {section}.{kind}.{key} differs from the reference"
            for key in set(our_entries) - set(ref_entries):
                if kind == "parameters" and section == "inputDefinitions":
                    assert our_entries[key].get("isOptional"), f"{name}: added parameter {key} must be optional"


def test_GIVEN_the_signatures_WHEN_kfp_builds_specs_THEN_parameter_types_are_the_kfp_ones():
    expected_types = {"str": "STRING", "int": "NUMBER_INTEGER", "float": "NUMBER_DOUBLE", "bool": "BOOLEAN"}
    for name, signature in EXPECTED_SIGNATURES.items():
        params = component_spec_dict(name).get("inputDefinitions", {}).get("parameters", {})
        for arg, annotation, default in signature:
            if annotation in expected_types:
                assert params[arg]["parameterType"] == expected_types[annotation], (name, arg)
                if default is not None:
                    assert params[arg]["defaultValue"] == ast.literal_eval(default), (name, arg)


@pytest.mark.parametrize("name", COMPONENT_NAMES)
def test_GIVEN_a_component_WHEN_its_declaration_embeds_a_file_THEN_the_harness_embeds_the_same_one(name):
    """The harness runs a component with the file its decorator (and so its generated TypeScript declaration) embeds."""
    source, _ = _module(name)
    keywords = _decorator_keywords(name)
    declaration = (COMPONENTS_DIR / f"{name.replace('_', '-')}.ts").read_text()
    assert declaration.startswith("// Generated by kfp-ts codegen from "), "src/components/*.ts are generated from the .py files"
    assert ("embeddedArtifact" in declaration) == (name in EMBEDDED)
    if name in EMBEDDED:
        assert EMBEDDED[name] == COMPONENTS_DIR / "tracker" / "experiment_tracker.py"
        assert ast.get_source_segment(source, keywords["embedded_artifact_path"]) == (
            'str(Path(__file__).parent / "tracker" / "experiment_tracker.py")')
        assert "embeddedArtifact: new URL('./tracker/experiment_tracker.py', import.meta.url)" in declaration
        assert "new URL('./tracker/experiment_tracker.py', import.meta.url)" in (COMPONENTS_DIR / "tracker.ts").read_text()
