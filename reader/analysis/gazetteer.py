"""Known actors, their kinds and aliases: built-in data plus the user's actors.yaml.

The built-in part comes from the files in `reader/analysis/data/` (see SOURCES.md there)
and is loaded once per process. A user's `actors.yaml` names actors, kinds and aliases
and wins over everything built in:

    Kim Jong Un:
      kind: person
      aliases: [Kim, Mr Kim, Supreme Leader]
    North Korea:
      kind: place
      aliases: [the North, DPRK]
    Ignore: [Korean War]          # optional: names that are never actors

A list of mappings with `name`, `kind` and `aliases` is accepted too. A `Corrections:`
entry holds the reader's corrections made in the app; they are applied after analysis
(`reader.corrections`), so the gazetteer leaves them out and changing them leaves every
cached analysis valid.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from reader.model import Problem
from reader.text import clean_line, safe_name

KINDS = ("person", "organisation", "place")
KIND_SYNONYMS = {
    "person": "person", "people": "person", "per": "person",
    "organisation": "organisation", "organization": "organisation", "org": "organisation",
    "place": "place", "location": "place", "loc": "place", "country": "place", "gpe": "place",
}
ACTORS_FILE = "actors.yaml"
MAX_BYTES = 8_000_000  # a larger actors.yaml is reported, not read
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)  # canonical name -> kind
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical name
    # Capital or seat of government -> its country, used when the city stands for the state.
    capitals: dict[str, str] = field(default_factory=dict)
    # Names the user says are never actors.
    ignored: frozenset[str] = frozenset()
    # Names that come from the user's file: they beat every rule, not only the data.
    user_names: frozenset[str] = frozenset()
    # (len(kinds), len(aliases), max words): recomputed when an entry is added, not per article.
    _max_words_memo: tuple[int, int, int] = field(default=(-1, -1, 1), init=False, repr=False, compare=False)

    def lookup(self, name: str) -> tuple[str, str] | None:
        """(canonical actor, kind) for a name or alias, else None."""
        canonical = self.aliases.get(name, name)
        kind = self.kinds.get(canonical)
        return (canonical, kind) if kind else None

    def overlaid(self, user: Gazetteer) -> Gazetteer:
        """This gazetteer with `user`'s entries winning on every conflict."""
        kinds = {**self.kinds, **user.kinds}
        aliases = {**self.aliases, **user.aliases}
        for name in user.kinds:
            aliases.pop(name, None)  # a user's canonical name is never someone else's alias
        capitals = {k: v for k, v in self.capitals.items() if k not in user.kinds and k not in user.aliases}
        return replace(
            self,
            kinds=kinds,
            aliases=aliases,
            capitals=capitals,
            ignored=self.ignored | user.ignored,
            user_names=self.user_names | user.user_names | frozenset(user.kinds) | frozenset(user.aliases),
        )

    def fingerprint(self) -> str:
        """Its repr with the sets in sorted order: a frozenset's repr follows string
        hashing, which differs from process to process, and the index keys its analyses
        by this (reader.index.sync.analyser_key). With no set of two names or more it is
        the repr itself, as it was before. Every compared field is in it, so a field
        added later is too."""

        def shown(value: object) -> str:
            if isinstance(value, frozenset):
                return "frozenset({" + ", ".join(map(repr, sorted(value))) + "})" if value else "frozenset()"
            return repr(value)

        parts = (f"{part.name}={shown(getattr(self, part.name))}" for part in fields(self) if part.compare)
        return f"Gazetteer({', '.join(parts)})"

    def max_words(self) -> int:
        """The most words any known name has (bounds the phrase search)."""
        sizes = (len(self.kinds), len(self.aliases))
        if self._max_words_memo[:2] != sizes:
            names = list(self.kinds) + list(self.aliases)
            self._max_words_memo = (*sizes, max((n.count(" ") + 1 for n in names), default=1))
        return self._max_words_memo[2]


# ---------------------------------------------------------------- built-in data


def read_data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_entries(name: str) -> frozenset[str]:
    """One entry a line (an entry may have several words)."""
    return frozenset(line.strip() for line in read_data_lines(name))


def read_words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a data file."""
    return frozenset(word for line in read_data_lines(name) for word in line.split())


def _strip_article(name: str) -> str:
    return name[4:] if name[:4] in ("the ", "The ") and len(name) > 4 else name


@functools.cache
def builtin() -> Gazetteer:
    """Countries (with short forms and capitals), places and well-known organisations."""
    kinds: dict[str, str] = {}
    aliases: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in read_data_lines("places.tsv"):
        name = line.split("\t", 1)[0].strip()
        kinds[name] = "place"
    for line in read_data_lines("countries.tsv"):
        cols = [c.strip() for c in line.split("\t")] + ["", "", ""]
        name, alias_list, _demonyms, capital_list = cols[:4]
        kinds[name] = "place"
        for alias in filter(None, alias_list.split("|")):
            aliases[_strip_article(alias)] = name
        for capital in filter(None, capital_list.split("|")):
            if capital != name:
                kinds.setdefault(capital, "place")
                capitals[capital] = name
    for line in read_data_lines("organisations.tsv"):
        cols = [c.strip() for c in line.split("\t")] + ["", ""]
        name, alias_list, kind = cols[:3]
        kinds[name] = kind or "organisation"
        for alias in filter(None, alias_list.split("|")):
            aliases[_strip_article(alias)] = name
    for alias, canonical in aliases.items():
        if alias != canonical:
            kinds.pop(alias, None)
    return Gazetteer(kinds=kinds, aliases=aliases, capitals=capitals)


# ---------------------------------------------------------------- the user's actors.yaml


_PYTHON_TAG = "tag:yaml.org,2002:python/"


def _yaml_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_user_gazetteer(text: str, path: str, *, in_store: bool = True) -> tuple[Gazetteer, list[Problem]]:
    """Read an actors.yaml text. Bad entries are reported (path:line: reason) and skipped.
    `in_store`: the store's own file, the one whose `Corrections:` the app applies."""
    import yaml

    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=_yaml_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        return Gazetteer(), [Problem(path, f"not valid YAML: {reason}", line, fatal=False)]
    user = Gazetteer()
    if root is None:
        return user, problems
    from reader.yaml_safe import duplicate_keys, walk_nodes

    # Nothing here is ever constructed, so a Python tag would do nothing; it is still
    # refused out loud (the file does not mean what its author thinks) and its entry skipped.
    refused = {id(node) for node in walk_nodes(root) if str(node.tag).startswith(_PYTHON_TAG)}
    for node in walk_nodes(root):
        if id(node) in refused:
            tag = "!!" + str(node.tag)[len("tag:yaml.org,2002:"):]
            problems.append(_problem(path, node, f"refused YAML tag {tag}: actors.yaml is plain data, Python objects are never loaded"))
    for key, line in duplicate_keys(root):
        problems.append(Problem(path, f"duplicate key {safe_name(key)!r}; only the last entry is used", line, fatal=False))
    entries: list[tuple[yaml.Node, str | None, yaml.Node | None]] = []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            entries.append((key, _scalar(key), value))
    elif isinstance(root, yaml.SequenceNode):
        for item in root.value:
            if not isinstance(item, yaml.MappingNode):
                problems.append(_problem(path, item, "each list item must be a mapping with a name"))
                continue
            fields = {_scalar(k): v for k, v in item.value}
            entries.append((item, _scalar(fields["name"]) if "name" in fields else None, item))
    else:
        return user, [_problem(path, root, "expected a mapping of actor names (or a list of actors)")]
    from reader.corrections.actors_section import is_section_key

    ignored: set[str] = set()
    for node, name, value in entries:
        if refused and any(id(inner) in refused for part in (node, value) if part is not None for inner in walk_nodes(part)):
            continue
        if not name:
            problems.append(_problem(path, node, "an actor needs a name"))
            continue
        if name.lower() == "ignore":
            ignored.update(_string_list(value, path, problems))
            continue
        if is_section_key(name):
            if not in_store:
                problems.append(_problem(path, node, "Corrections: are read only from the store's actors.yaml; ignored here"))
            continue
        kind, alias_list = "person", []
        if isinstance(value, yaml.MappingNode):
            fields = {_scalar(k): v for k, v in value.value}
            if "kind" in fields:
                raw_kind = (_scalar(fields["kind"]) or "").strip().lower()
                if raw_kind not in KIND_SYNONYMS:
                    problems.append(_problem(path, fields["kind"], f"unknown kind {raw_kind!r} (person, organisation or place)"))
                    continue
                kind = KIND_SYNONYMS[raw_kind]
            if "aliases" in fields:
                alias_list = _string_list(fields["aliases"], path, problems)
        elif isinstance(value, yaml.ScalarNode) and _scalar(value):
            raw_kind = (_scalar(value) or "").strip().lower()
            if raw_kind not in KIND_SYNONYMS:
                problems.append(_problem(path, value, f"unknown kind {raw_kind!r} (person, organisation or place)"))
                continue
            kind = KIND_SYNONYMS[raw_kind]
        elif value is not None and not (isinstance(value, yaml.ScalarNode) and not _scalar(value)):
            problems.append(_problem(path, value, f"{safe_name(name)}: expected kind and aliases"))
            continue
        canonical = clean_line(name)
        user.kinds[canonical] = kind
        for alias in alias_list:
            user.aliases[_strip_article(clean_line(alias))] = canonical
    user.ignored = frozenset(ignored)
    return user, problems


def _scalar(node) -> str | None:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def _string_list(node, path: str, problems: list[Problem]) -> list[str]:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return [str(node.value)] if node.value else []
    if isinstance(node, yaml.SequenceNode):
        values = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.value:
                values.append(str(item.value))
            else:
                problems.append(_problem(path, item, "aliases must be plain names"))
        return values
    problems.append(_problem(path, node, "expected a list of names"))
    return []


def _problem(path: str, node, reason: str) -> Problem:
    return Problem(path, reason, node.start_mark.line + 1, fatal=False)


def load_user_file(path: Path, *, in_store: bool = True) -> tuple[Gazetteer | None, list[Problem]]:
    """Parse one actors.yaml; (None, []) when there is no such file."""
    from reader.regular_file import read_regular_file

    try:
        text = read_regular_file(path, MAX_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        return None, []
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return None, [Problem(safe_name(str(path)), f"cannot read: {reason}", fatal=False)]
    return parse_user_gazetteer(text, safe_name(str(path)), in_store=in_store)


def load_gazetteer(store_root: Path | None = None, config_dir: Path | None = None) -> tuple[Gazetteer, list[Problem]]:
    """Built-in data, overlaid by the config folder's actors.yaml, overlaid by the store's."""
    gazetteer = builtin()
    problems: list[Problem] = []
    store_file = _file_key(Path(store_root) / ACTORS_FILE) if store_root is not None else None
    seen: set[Path] = set()
    for folder in (config_dir, store_root):
        if folder is None:
            continue
        path = Path(folder) / ACTORS_FILE
        key = _file_key(path)
        if key in seen:
            continue
        seen.add(key)
        user, found = load_user_file(path, in_store=key == store_file)
        problems.extend(found)
        if user is not None:
            gazetteer = gazetteer.overlaid(user)
    return gazetteer, problems


def _file_key(path: Path) -> Path:
    """One key for one file, however the folder was named."""
    try:
        return path.resolve() if path.exists() else path
    except OSError:
        return path
