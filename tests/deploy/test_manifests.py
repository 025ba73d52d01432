"""deploy/: the MLflow server manifests, checked offline.

* Every document validates (strict: unknown fields rejected) against the Kubernetes OpenAPI
  schemas shipped by PyPI ``kubernetes-validate==1.37.0`` — with sockets disabled, so the
  check provably needs no network.
* The article's flaws stay fixed: no literal password anywhere under deploy/, secrets by
  reference, backend store URI composed by ``$(VAR)`` expansion from earlier env entries,
  Service ↔ Deployment labels and ports agree, pinned image, probes, resources, securityContext.

Each check is a function returning a list of problems; the negative controls feed it a
manifest with the flaw put back and require it to be reported, so no check passes vacuously.
"""

from __future__ import annotations

import copy
import re
import socket
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY = REPO_ROOT / "deploy"
K8S_VERSION = "1.37.0"
MANIFESTS = sorted(p for p in DEPLOY.glob("*.y*ml"))


def load_docs() -> List[dict]:
    docs = []
    for path in MANIFESTS:
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def one(kind: str, docs: List[dict] | None = None) -> dict:
    found = [d for d in (docs or load_docs()) if d.get("kind") == kind]
    assert len(found) == 1, f"expected one {kind} in deploy/, found {len(found)}"
    return found[0]


def mlflow_container(deployment: dict) -> dict:
    containers = deployment["spec"]["template"]["spec"]["containers"]
    return next(c for c in containers if c["name"] == "mlflow")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# ---------------------------------------------------------------------------------------------
# schema validation


def schema_errors(doc: dict) -> List[str]:
    import kubernetes_validate

    try:
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
    except kubernetes_validate.ValidationError as e:  # type: ignore[attr-defined]
        return [f"{'.'.join(str(p) for p in e.path)}: {e.message}"]
    except Exception as e:  # InvalidSchemaError, SchemaNotFoundError, ...
        return [f"{type(e).__name__}: {e}"]
    return []


def test_deploy_has_the_manifests():
    assert [p.name for p in MANIFESTS] == ["mlflow-deployment.yaml", "mlflow-service.yaml"]
    kinds = sorted(d["kind"] for d in load_docs())
    assert kinds == ["Deployment", "Service"]


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_validates_against_kubernetes_schema(path, no_network):
    for doc in yaml.safe_load_all(path.read_text()):
        if doc:
            assert schema_errors(doc) == []


@pytest.mark.parametrize("mutate, what", [
    (lambda d: d["spec"]["template"]["spec"]["containers"][0]["ports"][0].update(containerPort="five"), "string port"),
    (lambda d: d["spec"]["template"]["spec"]["containers"][0].update(imagePullPolicy_="x"), "unknown field (strict)"),
    (lambda d: d["spec"].pop("selector"), "missing required selector"),
    (lambda d: d["spec"]["template"]["spec"]["containers"][0]["env"][1]["valueFrom"]["secretKeyRef"].pop("key"),
     "secretKeyRef without key"),
])
def test_schema_check_rejects_broken_deployment(mutate, what, no_network):
    doc = copy.deepcopy(one("Deployment"))
    mutate(doc)
    assert schema_errors(doc), f"schema check accepted a Deployment with {what}"


def test_schema_check_rejects_broken_service(no_network):
    doc = copy.deepcopy(one("Service"))
    doc["spec"]["ports"][0]["port"] = "5000x"
    assert schema_errors(doc)


# ---------------------------------------------------------------------------------------------
# no literal password

VAR_REF = re.compile(r"^\$\([A-Z_][A-Z0-9_]*\)$")
URI_USERINFO = re.compile(r"[a-z][a-z0-9+.-]*://([^/\s@:]+):([^/\s@]+)@", re.I)
SENSITIVE_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|ACCESS_KEY", re.I)


def literal_password_problems(texts: Dict[str, str], docs: List[dict]) -> List[str]:
    problems = []
    for name, text in texts.items():
        for m in URI_USERINFO.finditer(text):
            if not VAR_REF.match(m.group(2)):
                problems.append(f"{name}: literal password in URI {m.group(0)!r}")
        for m in re.finditer(r"--?[\w-]*password[\w-]*[ =]\S+", text, re.I):
            problems.append(f"{name}: password on a command line {m.group(0)!r}")
    for doc in docs:
        if doc.get("kind") == "Secret" and (doc.get("data") or doc.get("stringData")):
            problems.append("a Secret with values is checked in under deploy/")
        if doc.get("kind") != "Deployment":
            continue
        for c in doc["spec"]["template"]["spec"]["containers"]:
            for e in c.get("env", []):
                if SENSITIVE_NAME.search(e["name"]) and "value" in e:
                    problems.append(f"env {e['name']} has a literal value")
            for arg in c.get("command", []) + c.get("args", []):
                if re.search(r"password|://[^/\s]*:[^/\s]*@", arg, re.I):
                    problems.append(f"credential on the command line: {arg!r}")
    return problems


def deploy_texts() -> Dict[str, str]:
    return {str(p.relative_to(REPO_ROOT)): p.read_text() for p in sorted(DEPLOY.rglob("*")) if p.is_file()}


def test_no_literal_password_anywhere_in_deploy():
    assert literal_password_problems(deploy_texts(), load_docs()) == []


def test_literal_password_check_catches_the_articles_flaw():
    doc = copy.deepcopy(one("Deployment"))
    c = mlflow_container(doc)
    c["args"].append("--backend-store-uri=postgresql://mlflow:hunter2@postgres:5432/mlflow")
    text = yaml.safe_dump(doc)
    assert len(literal_password_problems({"flawed.yaml": text}, [doc])) >= 2
    doc2 = copy.deepcopy(one("Deployment"))
    env = mlflow_container(doc2)["env"]
    env[[e["name"] for e in env].index("MLFLOW_DB_PASSWORD")] = {"name": "MLFLOW_DB_PASSWORD", "value": "hunter2"}
    assert literal_password_problems({"flawed.yaml": yaml.safe_dump(doc2)}, [doc2])
    assert literal_password_problems({"README.md": "use postgresql://u:s3cret@db/mlflow"}, [])


# ---------------------------------------------------------------------------------------------
# secret references and the backend store URI

EXPECTED_SECRET_ENV = {
    "MLFLOW_DB_USER": ("mlflow-db", "username"),
    "MLFLOW_DB_PASSWORD": ("mlflow-db", "password"),
    "AWS_ACCESS_KEY_ID": ("minio-credentials", "access-key"),
    "AWS_SECRET_ACCESS_KEY": ("minio-credentials", "secret-key"),
}


def secret_ref_problems(deployment: dict) -> List[str]:
    problems = []
    env = mlflow_container(deployment).get("env", [])
    names = [e["name"] for e in env]
    by_name = {e["name"]: e for e in env}
    for var, (secret, key) in EXPECTED_SECRET_ENV.items():
        ref = by_name.get(var, {}).get("valueFrom", {}).get("secretKeyRef")
        if ref != {"name": secret, "key": key}:
            problems.append(f"{var} is not secretKeyRef {secret}/{key}: {by_name.get(var)}")
    uri = by_name.get("MLFLOW_BACKEND_STORE_URI", {}).get("value", "")
    if "$(MLFLOW_DB_PASSWORD)" not in uri:
        problems.append(f"MLFLOW_BACKEND_STORE_URI does not use $(MLFLOW_DB_PASSWORD): {uri!r}")
    # Kubernetes expands $(VAR) only for variables defined earlier in the list; a later or
    # unknown one is left as the literal text "$(VAR)".
    if "MLFLOW_BACKEND_STORE_URI" in names:
        before = set(names[:names.index("MLFLOW_BACKEND_STORE_URI")])
        for ref in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", uri):
            if ref not in before:
                problems.append(f"$({ref}) in MLFLOW_BACKEND_STORE_URI is not defined before it")
    command_line = " ".join(mlflow_container(deployment).get("command", []) + mlflow_container(deployment).get("args", []))
    if "--backend-store-uri" in command_line and "$(MLFLOW_BACKEND_STORE_URI)" not in command_line:
        problems.append("--backend-store-uri on the command line overrides the env-composed URI")
    return problems


def test_secret_refs_and_store_uri():
    assert secret_ref_problems(one("Deployment")) == []


def test_secret_ref_check_catches_mistakes():
    doc = copy.deepcopy(one("Deployment"))
    env = mlflow_container(doc)["env"]
    env[[e["name"] for e in env].index("AWS_SECRET_ACCESS_KEY")]["valueFrom"]["secretKeyRef"]["name"] = "minio"
    assert any("AWS_SECRET_ACCESS_KEY" in p for p in secret_ref_problems(doc))
    doc = copy.deepcopy(one("Deployment"))
    env = mlflow_container(doc)["env"]
    uri = env.pop([e["name"] for e in env].index("MLFLOW_BACKEND_STORE_URI"))
    env.insert(0, uri)  # before the variables it refers to: would not expand
    assert any("not defined before" in p for p in secret_ref_problems(doc))


def test_readme_names_every_secret_and_key_but_no_value():
    readme = (DEPLOY / "README.md").read_text()
    for secret, key in EXPECTED_SECRET_ENV.values():
        assert f"`{secret}`" in readme and f"`{key}`" in readme, (secret, key)
    assert "kubectl apply -f deploy/" in readme


# ---------------------------------------------------------------------------------------------
# Service ↔ Deployment, probes, image, resources, securityContext


def wiring_problems(deployment: dict, service: dict) -> List[str]:
    problems = []
    pod_labels = deployment["spec"]["template"]["metadata"].get("labels", {})
    match = deployment["spec"]["selector"].get("matchLabels", {})
    if not match or any(pod_labels.get(k) != v for k, v in match.items()):
        problems.append(f"Deployment selector {match} does not match its pod labels {pod_labels}")
    selector = service["spec"].get("selector", {})
    if not selector or any(pod_labels.get(k) != v for k, v in selector.items()):
        problems.append(f"Service selector {selector} does not select the pod labels {pod_labels}")
    if service["metadata"].get("namespace") != deployment["metadata"].get("namespace") or \
            deployment["metadata"].get("namespace") != "kubeflow":
        problems.append("Service and Deployment are not both in namespace kubeflow")
    c = mlflow_container(deployment)
    ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
    for sp in service["spec"]["ports"]:
        target = sp.get("targetPort", sp["port"])
        number = ports.get(target) if isinstance(target, str) else target
        if number not in ports.values():
            problems.append(f"Service targetPort {target!r} is not a container port {ports}")
        elif number != 5000 or sp["port"] != 5000:
            problems.append(f"Service port {sp['port']}→{number}, expected 5000→5000")
    args = " ".join(c.get("command", []) + c.get("args", []))
    if "--port=5000" not in args:
        problems.append("mlflow server does not listen on 5000")
    for probe in ("readinessProbe", "livenessProbe"):
        http = c.get(probe, {}).get("httpGet", {})
        port = http.get("port")
        if (ports.get(port) if isinstance(port, str) else port) != 5000 or http.get("path") != "/health":
            problems.append(f"{probe} is not httpGet /health on port 5000: {c.get(probe)}")
    return problems


def test_service_selects_the_deployment_pods_on_5000():
    assert wiring_problems(one("Deployment"), one("Service")) == []


@pytest.mark.parametrize("break_it", [
    lambda d, s: s["spec"]["selector"].update({"app.kubernetes.io/name": "mlflow-server"}),
    lambda d, s: s["spec"]["ports"][0].update(targetPort=8080),
    lambda d, s: s["spec"]["ports"][0].update(targetPort="web"),
    lambda d, s: mlflow_container(d)["readinessProbe"]["httpGet"].update(port=8080),
    lambda d, s: mlflow_container(d).pop("livenessProbe"),
    lambda d, s: d["spec"]["template"]["metadata"]["labels"].update({"app.kubernetes.io/component": "x"}),
])
def test_wiring_check_catches_mismatches(break_it):
    d, s = copy.deepcopy(one("Deployment")), copy.deepcopy(one("Service"))
    break_it(d, s)
    assert wiring_problems(d, s)


def hardening_problems(deployment: dict) -> List[str]:
    problems = []
    pod = deployment["spec"]["template"]["spec"]
    c = mlflow_container(deployment)
    image = c.get("image", "")
    tag = image.rsplit("/", 1)[-1].partition(":")[2]
    if "@sha256:" not in image and (not tag or tag == "latest"):
        problems.append(f"image not pinned: {image!r}")
    res = c.get("resources", {})
    for part in ("requests", "limits"):
        if not {"cpu", "memory"} <= set(res.get(part, {})):
            problems.append(f"resources.{part} lacks cpu or memory")
    psc, csc = pod.get("securityContext", {}), c.get("securityContext", {})
    if not (psc.get("runAsNonRoot") or csc.get("runAsNonRoot")):
        problems.append("runAsNonRoot not set")
    if (csc.get("runAsUser", psc.get("runAsUser")) or 0) == 0:
        problems.append("no non-zero runAsUser (an image whose user is root would not start)")
    if csc.get("allowPrivilegeEscalation") is not False:
        problems.append("allowPrivilegeEscalation not false")
    if "ALL" not in csc.get("capabilities", {}).get("drop", []):
        problems.append("capabilities not dropped")
    if csc.get("privileged"):
        problems.append("privileged container")
    return problems


def test_image_pinned_resources_and_security_context():
    assert hardening_problems(one("Deployment")) == []


@pytest.mark.parametrize("break_it", [
    lambda c, p: c.update(image="ghcr.io/mlflow/mlflow:latest"),
    lambda c, p: c.update(image="ghcr.io/mlflow/mlflow"),
    lambda c, p: c["resources"].pop("limits"),
    lambda c, p: (c["securityContext"].pop("runAsNonRoot"), p["securityContext"].pop("runAsNonRoot")),
    lambda c, p: c["securityContext"].update(allowPrivilegeEscalation=True),
    lambda c, p: p["securityContext"].update(runAsUser=0),
])
def test_hardening_check_catches_regressions(break_it):
    d = copy.deepcopy(one("Deployment"))
    break_it(mlflow_container(d), d["spec"]["template"]["spec"])
    assert hardening_problems(d)
