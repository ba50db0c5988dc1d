"""What the subcommands share: finding the store and loading it."""

from __future__ import annotations

import argparse


def load_gazetteer_for_cli(args: argparse.Namespace):
    """The built-in gazetteer plus the user's actors.yaml (store root or config folder)."""
    return None
