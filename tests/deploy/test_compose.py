"""The deployment files in deploy/: a three-node Qdrant cluster and emkb.

Fast and offline: the compose file is read with PyYAML (``docker compose config`` is run
too where the compose plugin is installed). No engine, no image, no network.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "docker-compose.yml"
ENV_EXAMPLE = DEPLOY / ".env.example"
DOCKERFILE = DEPLOY / "Dockerfile"

CLUSTER_VARS = {"EMKB_QDRANT_SHARDS": "3", "EMKB_QDRANT_REPLICAS": "2", "EMKB_QDRANT_WRITE_CONSISTENCY": "1"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def _env(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def _command(service: dict) -> list[str]:
    cmd = service.get("command") or []
    return cmd.split() if isinstance(cmd, str) else [str(c) for c in cmd]


def _flag(cmd: list[str], name: str) -> str | None:
    for i, part in enumerate(cmd):
        if part == name and i + 1 < len(cmd):
            return cmd[i + 1]
        if part.startswith(name + "="):
            return part.split("=", 1)[1]
    return None


def _qdrant_services(compose: dict) -> dict[str, dict]:
    return {
        name: svc
        for name, svc in compose["services"].items()
        if str(svc.get("image", "")).split(":")[0] in ("qdrant/qdrant", "docker.io/qdrant/qdrant")
    }


def _volume_sources(service: dict) -> list[str]:
    out = []
    for v in service.get("volumes") or []:
        out.append(v.split(":", 1)[0] if isinstance(v, str) else v["source"])
    return out


def _interpolated_vars(text: str) -> set[str]:
    """Names of the variables compose substitutes: ${VAR}, ${VAR:-x}, ${VAR:?msg}, $VAR;
    ``$$`` is an escaped dollar, left for the container's shell."""
    names: set[str] = set()
    i = 0
    while i < len(text):
        if text[i] != "$":
            i += 1
            continue
        nxt = text[i + 1 : i + 2]
        if nxt == "$":
            i += 2
            continue
        m = re.match(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", text[i:]) or re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)", text[i:])
        if m:
            names.add(m.group(1))
            i += m.end()
        else:
            i += 1
    return names


def _env_example() -> dict[str, str]:
    out = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def test_three_qdrant_nodes_in_cluster_mode(compose):
    nodes = _qdrant_services(compose)
    assert len(nodes) == 3, sorted(nodes)
    for name, svc in nodes.items():
        env = _env(svc)
        assert env.get("QDRANT__CLUSTER__ENABLED", "").lower() == "true", name
        assert env.get("QDRANT__SERVICE__API_KEY", "").startswith("${QDRANT_API_KEY"), name
        tag = svc["image"].split(":", 1)[1] if ":" in svc["image"] else "latest"
        assert re.fullmatch(r"v\d+\.\d+\.\d+", tag), f"{name}: pin a release tag, not {tag!r}"
        assert "healthcheck" in svc and svc["healthcheck"].get("test"), name


def test_one_first_peer_the_others_bootstrap_from_it(compose):
    nodes = _qdrant_services(compose)
    first = [name for name, svc in nodes.items() if _flag(_command(svc), "--bootstrap") is None]
    assert len(first) == 1, first
    first_uri = _flag(_command(nodes[first[0]]), "--uri")
    assert first_uri and urlparse(first_uri).hostname == first[0] and urlparse(first_uri).port == 6335
    uris = set()
    for name, svc in nodes.items():
        cmd = _command(svc)
        uri = _flag(cmd, "--uri")
        assert uri, f"{name} has no --uri"
        assert urlparse(uri).hostname == name and urlparse(uri).port == 6335, (name, uri)
        uris.add(uri)
        if name != first[0]:
            assert _flag(cmd, "--bootstrap") == first_uri, (name, cmd)
            assert name in compose["services"] and first[0] in (svc.get("depends_on") or {}), name
    assert len(uris) == 3


def test_each_node_has_its_own_volumes(compose):
    nodes = _qdrant_services(compose)
    declared = set((compose.get("volumes") or {}).keys())
    seen: list[str] = []
    for name, svc in nodes.items():
        targets = {
            (v.split(":")[1] if isinstance(v, str) else v["target"]) for v in svc.get("volumes") or []
        }
        assert {"/qdrant/storage", "/qdrant/snapshots"} <= targets, (name, targets)
        sources = _volume_sources(svc)
        assert all(s in declared for s in sources), (name, sources)  # named volumes, not bind mounts
        seen.extend(sources)
    assert len(seen) == len(set(seen)) == 6, seen


def test_only_node_one_http_port_is_published_on_loopback(compose):
    nodes = _qdrant_services(compose)
    published = {name: svc.get("ports") or [] for name, svc in nodes.items()}
    with_ports = [name for name, ports in published.items() if ports]
    assert len(with_ports) <= 1, with_ports
    for name in with_ports:
        for port in published[name]:
            text = str(port)
            assert text.startswith("127.0.0.1:") and text.endswith(":6333"), text
    for svc in compose["services"].values():
        for port in svc.get("ports") or []:
            assert not str(port).endswith(("6334", "6335")), port


def test_emkb_service(compose):
    nodes = _qdrant_services(compose)
    emkb = compose["services"]["emkb"]
    assert emkb["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / emkb["build"]["context"]).resolve() == ROOT
    env = _env(emkb)
    url = urlparse(env["QDRANT_URL"])
    assert url.hostname in nodes and url.port == 6333, env["QDRANT_URL"]
    assert env["QDRANT_API_KEY"].startswith("${QDRANT_API_KEY")
    assert env["EMKB_DATA_DIR"] == "/data"
    assert "/data" in {(v.split(":")[1] if isinstance(v, str) else v["target"]) for v in emkb["volumes"]}
    assert env["EMKB_ADMIN_API_KEY"].startswith("${EMKB_ADMIN_API_KEY")
    for var, default in CLUSTER_VARS.items():
        assert re.fullmatch(r"\$\{" + var + r":-" + default + r"\}", env.get(var, "")), (var, env.get(var))
    deps = emkb["depends_on"]
    assert set(deps) == set(nodes)
    assert all(d["condition"] == "service_healthy" for d in deps.values())
    assert any(str(p).endswith(":8000") for p in emkb["ports"])
    cmd = " ".join(_command(emkb))
    assert "emkb ingest" in cmd and "emkb serve" in cmd and cmd.index("emkb ingest") < cmd.index("emkb serve")
    assert "--port 8000" in cmd and "--host 0.0.0.0" in cmd


def test_every_variable_is_in_env_example():
    used = _interpolated_vars(COMPOSE.read_text(encoding="utf-8"))
    listed = _env_example()
    assert used, "the compose file reads no variables?"
    assert not (used - set(listed)), f"missing in deploy/.env.example: {sorted(used - set(listed))}"
    assert not (set(listed) - used), f"listed but not read by the compose file: {sorted(set(listed) - used)}"
    for var, default in CLUSTER_VARS.items():
        assert listed[var] == default


def test_interpolation_scanner():
    assert _interpolated_vars("a ${A} ${B:-1} ${C:?x} $D $$E $${F} $$$G") == {"A", "B", "C", "D", "G"}


def test_dockerfile():
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    torch_line = next(line for line in text.splitlines() if "torch==" in line)
    assert "torch==2.13.0" in torch_line and "--index-url https://download.pytorch.org/whl/cpu" in torch_line
    assert text.index("torch==2.13.0") < text.index("pip install .")
    assert re.search(r"^USER (?!root|0\b)\S+", text, re.M)
    assert "HEALTHCHECK" in text and "/healthz" in text


def test_docker_compose_config_validates(tmp_path):
    """Where the compose plugin is installed, let it validate the file with the example .env."""
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker CLI not installed")
    if subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("docker compose plugin not installed")
    env_file = tmp_path / ".env"
    shutil.copy(ENV_EXAMPLE, env_file)
    result = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE), "--env-file", str(env_file), "config", "--quiet"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
