"""The devices' JS logic (m4l/js/*.js) runs under node with the Max API stubbed:
`node --test m4l/js/test/` (node's built-in runner, no npm packages)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (needed for m4l/js tests)")
def test_m4l_js_logic_under_node():
    done = subprocess.run(["node", "--test", "m4l/js/test/"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
