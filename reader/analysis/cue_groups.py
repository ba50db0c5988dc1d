"""Attribution verbs as data: which verb a cue is, its group (neutral or loaded), and
which verbs introduce reported speech. Read from data/cue_groups.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.yaml_safe import load_yaml

CUE_GROUPS_FILE = Path(__file__).with_name("data") / "cue_groups.yaml"


@dataclass(frozen=True, slots=True)
class CueGroups:
    verb_by_form: dict[str, str]  # "claimed" -> "claim"
    group_by_verb: dict[str, str]  # "claim" -> "loaded"
    reported_verbs: frozenset[str]  # verbs that introduce "X said (that) …"
    _verbs: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def verb(self, cue: str | None) -> str | None:
        """The verb a cue's text is a form of ("has claimed" → "claim"), or None."""
        if not cue:
            return None
        try:
            return self._verbs[cue]
        except KeyError:
            found = self._verbs[cue] = self._verb(cue)
            return found

    def _verb(self, cue: str) -> str | None:
        key = normal_form(cue)
        verb = self.verb_by_form.get(key)
        if verb is None:
            # A cue matched with words around it ("also said", "has said"): its last form listed.
            words = key.split()
            for size in (2, 1):
                for index in range(len(words) - size, -1, -1):
                    verb = self.verb_by_form.get(" ".join(words[index : index + size]))
                    if verb is not None:
                        return verb
        return verb

    def group(self, cue: str | None) -> str | None:
        verb = self.verb(cue)
        return self.group_by_verb.get(verb) if verb is not None else None

    def verbs_for(self, typed: str) -> tuple[str, ...]:
        """The verbs a search for `typed` means: a group's name means all of its verbs,
        a form means its verb (`claimed` → `claim`); unknown words mean themselves."""
        key = normal_form(typed)
        in_group = tuple(verb for verb, group in self.group_by_verb.items() if group == key)
        if in_group:
            return in_group
        return (self.verb_by_form.get(key, key),)

    def reported_forms(self) -> list[str]:
        return [form for form, verb in self.verb_by_form.items() if verb in self.reported_verbs]


_SPACES = re.compile(r"\s+")


def normal_form(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower())


@lru_cache(maxsize=1)
def cue_groups(path: Path = CUE_GROUPS_FILE) -> CueGroups:
    data = load_yaml(path.read_text(encoding="utf-8"))
    verb_by_form: dict[str, str] = {}
    group_by_verb: dict[str, str] = {}
    for group, verbs in data["groups"].items():
        for verb, forms in verbs.items():
            verb = normal_form(str(verb))
            group_by_verb[verb] = str(group)
            for form in forms:
                verb_by_form[normal_form(str(form))] = verb
    reported = frozenset(normal_form(str(verb)) for verb in data.get("reported_speech", ()))
    unknown = reported - group_by_verb.keys()
    if unknown:
        raise ValueError(f"{path.name}: reported_speech lists verbs in no group: {', '.join(sorted(unknown))}")
    return CueGroups(verb_by_form, group_by_verb, reported)
