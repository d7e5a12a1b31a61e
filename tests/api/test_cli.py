"""The emkb command line, run as a real subprocess on a copy of the ingested corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration


def emkb(data_dir, *args, timeout=300):
    env = {**os.environ, "EMKB_DATA_DIR": str(data_dir), "EMKB_PROGRESS": "false"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_ask_json_is_the_api_json(kb_dir):
    out = emkb(kb_dir, "ask", "重大隐患动态清零行动由哪个科室负责？", "--json")
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert body["owners"] == ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"]
    assert body["citations"][0]["locator"] == "任务9"


def test_ask_prints_answer_and_citations(kb_dir):
    out = emkb(kb_dir, "ask", "安全生产法第二十一条")
    assert out.returncode == 0
    assert "[1] 《中华人民共和国安全生产法" in out.stdout and "第二十一条" in out.stdout


def test_search_and_bad_question(kb_dir):
    out = emkb(kb_dir, "search", "除尘系统 锁气卸灰", "--top-k", "3", "--json")
    assert any("锁气卸灰" in h["text"] for h in json.loads(out.stdout)["hits"])
    bad = emkb(kb_dir, "ask", "？？？")
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("error:") and len(bad.stderr.strip().splitlines()) == 1


def test_help_has_examples():
    out = subprocess.run([sys.executable, "-m", "api.cli", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert "emkb ask" in out.stdout and "emkb ingest corpus/" in out.stdout


def test_backup_and_restore_answer_identically(kb_dir, tmp_path):
    q = "生产经营单位的主要负责人有哪些职责？"
    before = json.loads(emkb(kb_dir, "ask", q, "--json").stdout)
    out = emkb(kb_dir, "backup", str(tmp_path / "bk"))
    assert out.returncode == 0, out.stderr
    assert emkb(kb_dir, "delete", "anquan-shengchan-fa-2021").returncode == 0
    assert emkb(kb_dir, "backup", str(tmp_path / "bk")).returncode == 2  # never overwrite a backup
    out = emkb(kb_dir, "restore", str(tmp_path / "bk"))
    assert out.returncode == 0, out.stderr
    after = json.loads(emkb(kb_dir, "ask", q, "--json").stdout)
    assert after == before


def test_inspect_shows_tasks(kb_dir):
    out = emkb(kb_dir, "inspect", str(ROOT / "corpus/work_plans/001_6081a029a38b96ac.txt"))
    assert out.returncode == 0, out.stderr
    assert "任务9" in out.stdout and "执法支队" in out.stdout
    bad = emkb(kb_dir, "inspect", str(ROOT / "nope.txt"))
    assert bad.returncode == 1 and "nope.txt" in bad.stderr
