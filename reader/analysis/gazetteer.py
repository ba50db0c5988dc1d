"""Known actors, their kinds and aliases: built-in data plus the user's actors.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)  # canonical name -> kind
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical name
