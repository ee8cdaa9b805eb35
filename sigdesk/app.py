"""Starts the desktop application (the window comes with the GUI issue)."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    print(
        "sigdesk: the window is not built yet; use the subcommands (sigdesk --help).",
        file=sys.stderr,
    )
    return 2
