"""Fuzz the OpenAPI schema with schemathesis against the real server: no 5xx, ever.

Bounded: a fixed seed, a few examples per operation, a hard timeout.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.timeout(600)
def test_openapi_fuzz_finds_no_server_errors(live_server):
    st = shutil.which("schemathesis") or shutil.which("st")
    if st is None:
        pytest.fail("schemathesis is not installed (pip install -e '.[test]')")
    out = subprocess.run(
        [
            st, "run", f"{live_server}/openapi.json",
            "--checks", "not_a_server_error",
            "--max-examples", "25",
            "--seed", "20261124",
            "--request-timeout", "30",
            "--workers", "1",
        ],
        capture_output=True, text=True, timeout=540,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
