"""Python twin of python_options.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/options.py"
INDEXES = ["https://pypi.org/simple", "https://mirror.example.com/simple"]

greet = component(F, "greet")
greet_mirrors = component(F, "greet", base_image="python:3.12-slim", packages_to_install=["six==1.17.0"], pip_index_urls=INDEXES)
greet_trusted = component(F, "greet", packages_to_install=["six==1.17.0"], pip_index_urls=INDEXES, pip_trusted_hosts=["mirror.example.com"])
greet_untrusted = component(F, "greet", pip_index_urls=["https://pypi.org/simple"], pip_trusted_hosts=[])
fetch_status = component(F, "fetch_status", base_image="python:3.11-alpine", packages_to_install=["requests==2.33.0"], install_kfp_package=False)
log_bare = component(F, "log_line", base_image="registry.example.com/team/python-kfp:3.11", install_kfp_package=False)
log_venv = component(F, "log_line", packages_to_install=["rich"], use_venv=True)
log_venv_only = component(F, "log_line", use_venv=True)
log_own_kfp = component(F, "log_line", packages_to_install=["kfp==2.17.3", "kfp-kubernetes"])
log_kfp_path = component(F, "log_line", kfp_package_path="git+https://github.com/kubeflow/pipelines.git@refs/pull/1/head#subdirectory=sdk/python")
log_kfp_req = component(F, "log_line", kfp_package_path="kfp>=2.17,<3", pip_index_urls=["https://pypi.org/simple"])


@dsl.pipeline(name="python-options", display_name="Python component options", description="Base images, pip settings, kfp install modes")
def python_options(name: str = "world", url: str = "https://example.com"):
    hello = greet(name=name)
    greet_mirrors(name=hello.output, punctuation="?")
    greet_trusted(name=name)
    greet_untrusted(name=name)
    status = fetch_status(url=url)
    log_bare(line=hello.output)
    log_venv(line=hello.output)
    log_venv_only(line=hello.output)
    log_own_kfp(line=hello.output)
    log_kfp_path(line=hello.output).after(status)
    log_kfp_req(line=hello.output)


PIPELINE = python_options
