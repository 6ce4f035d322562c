"""The layers hold: text, meaning and language import no database, network, Arrow or Prefect, a layer
imports only from those below it, and no package's modules import each other in a cycle (import-linter,
with the contracts in pyproject.toml)."""
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_the_import_contracts_are_kept():
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Contracts: 3 kept, 0 broken." in result.stdout
