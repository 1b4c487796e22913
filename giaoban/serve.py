"""The one command line that starts the dashboard, shared by `giaoban serve`, the browser tests and
the page-render benchmark, so they all run the app the same way."""

from __future__ import annotations

import sys

from giaoban.config import ROOT

APP = ROOT / "dashboard" / "app.py"


def streamlit_command(port: int, address: str | None = None) -> list[str]:
    """argv for a headless Streamlit server on ``port`` (bound to ``address`` when given)."""
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)]
    if address:
        command += ["--server.address", address]
    return [*command, "--server.headless", "true", "--browser.gatherUsageStats", "false"]
