"""`corrections.yaml`: the reader's fixes to quotes, one quote of one article each.
Reading it is safe YAML, every bad entry a problem with its line, skipped; writing it
is `reader.corrections.storage`'s (atomically, under a lock, re-read first).

    # newsreader corrections (see the README, "Corrections")
    quotes:
    - article: 2021/07/12-seoul.txt   # the article's id, as `newsreader list` gives it
      quote: We will never give up.   # the quote's text
      at: 1234                        # where it starts in the body
      speaker: Kim Jong Un            # who said it
    - article: 2021/07/12-seoul.txt
      quote: Axis of evil
      at: 88
      not_statement: true             # nobody said it: a quoted term, or not speech

A quote fix is found by its text (nearest `at` when the text occurs twice). Fixes to
actors are kept in actors.yaml (`reader.corrections.actors_section`); an `actors:`
section here, as the app wrote them before, is still read, and moved to actors.yaml
the next time the app corrects an actor.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from reader.corrections.model import KINDS, Corrections, NameFix, QuoteFix
from reader.errors import UserError
from reader.model import Problem
from reader.text import clean_line, safe_name

CORRECTIONS_FILE = "corrections.yaml"
MAX_BYTES = 8_000_000  # a larger file is reported, not read
HEADER = (
    "# newsreader corrections to quotes: made in the app (e on a quote) or by hand; see the README,\n"
    "# \"Corrections\". The app rewrites this file when you correct a quote (comments are not kept).\n"
)
_PYTHON_TAG = "tag:yaml.org,2002:python/"
_KIND_SYNONYMS = {"organization": "organisation", "org": "organisation", "people": "person", "location": "place"}


class CorrectionsError(UserError):
    """A corrections file cannot be written now (it has problems, or cannot be read)."""


def corrections_path(store_root: Path) -> Path:
    return Path(store_root) / CORRECTIONS_FILE


def read_corrections_file(store_root: Path) -> tuple[Corrections, list[Problem]]:
    """What the store's corrections.yaml says and its problems; none when there is no file."""
    from reader.regular_file import read_regular_file

    path = corrections_path(store_root)
    shown = CORRECTIONS_FILE  # as the store's other problems are named: relative to it
    try:
        data = read_regular_file(path, MAX_BYTES)
    except FileNotFoundError:
        return Corrections(), []
    except OSError as error:
        return Corrections(), [Problem(shown, f"cannot read: {error.strerror or error}", fatal=False)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Corrections(), [Problem(shown, "not UTF-8 text", fatal=False)]
    return parse_corrections(text, shown)


def compose_checked(text: str, path: str) -> tuple[yaml.Node | None, Problem | None]:
    """The YAML node tree of `text` (safe loader, aliases bounded), or why there is none."""
    from reader.yaml_safe import ExpansionError, check_expansion, expansion_limit

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if root is not None:
            check_expansion(root, expansion_limit(len(text)))
    except ExpansionError as error:
        return None, Problem(path, str(error.args[0]), error.args[1] if len(error.args) > 1 else None, fatal=False)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, Problem(path, f"not valid YAML: {reason}", mark.line + 1 if mark else None, fatal=False)
    except (RecursionError, MemoryError):
        return None, Problem(path, "not valid YAML: nested too deeply", fatal=False)
    return root, None


def parse_corrections(text: str, path: str) -> tuple[Corrections, list[Problem]]:
    """Read a corrections text. Every bad entry is a problem (path:line: reason) and is skipped."""
    from reader.yaml_safe import duplicate_keys, walk_nodes

    problems: list[Problem] = []
    root, broken = compose_checked(text, path)
    if broken is not None:
        return Corrections(), [broken]
    if root is None:
        return Corrections(), []
    refused = [node for node in walk_nodes(root) if str(node.tag).startswith(_PYTHON_TAG)]
    if refused:
        # Nothing is ever constructed here; the file still does not mean what it says.
        return Corrections(), [
            _problem(path, node, "refused a Python object tag: corrections are plain data") for node in refused
        ]
    if not isinstance(root, yaml.MappingNode):
        return Corrections(), [_problem(path, root, "expected a mapping with `actors:` and `quotes:`")]
    for key, line in duplicate_keys(root):
        problems.append(Problem(path, f"duplicate key {safe_name(key)!r}; only the last entry is used", line, fatal=False))
    names: dict[str, NameFix] = {}
    quotes: dict[tuple[str, int], QuoteFix] = {}
    for key, value in root.value:
        section = _scalar(key)
        if section == "actors":
            names.update(read_name_fixes(value, path, problems))
        elif section == "quotes":
            quotes.update(_read_quotes(value, path, problems))
        else:
            problems.append(_problem(path, key, f"unknown section {safe_name(str(section))!r} (actors or quotes)"))
    return Corrections(names, quotes), problems


def read_name_fixes(node: yaml.Node, path: str, problems: list[Problem], section: str = "actors") -> dict[str, NameFix]:
    """The fixes of an `actors:` mapping (or actors.yaml's `Corrections:`); bad ones are problems."""
    found: dict[str, NameFix] = {}
    if _empty(node):
        return found
    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(path, node, f"{section}: expected a mapping of names to fixes"))
        return found
    for key, value in node.value:
        name = clean_line(_scalar(key) or "")
        if not name:
            problems.append(_problem(path, key, "an actor fix needs a name"))
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(_problem(path, value, f"{safe_name(name)}: expected name, kind or not_actor"))
            continue
        fields = {_scalar(k): v for k, v in value.value}
        unknown = [str(k) for k in fields if k not in ("name", "kind", "not_actor")]
        if unknown:
            problems.append(_problem(path, value, f"{safe_name(name)}: unknown field {safe_name(unknown[0])!r} (name, kind or not_actor)"))
            continue
        new_name = clean_line(_scalar(fields["name"]) or "") if "name" in fields else None
        if "name" in fields and not new_name:
            problems.append(_problem(path, fields["name"], f"{safe_name(name)}: name must be a plain name"))
            continue
        kind = None
        if "kind" in fields:
            raw = (_scalar(fields["kind"]) or "").strip().lower()
            kind = _KIND_SYNONYMS.get(raw, raw)
            if kind not in KINDS:
                problems.append(_problem(path, fields["kind"], f"unknown kind {safe_name(raw)!r} (person, organisation or place)"))
                continue
        not_actor = False
        if "not_actor" in fields:
            flag = _flag(fields["not_actor"])
            if flag is None:
                problems.append(_problem(path, fields["not_actor"], "not_actor must be true or false"))
                continue
            not_actor = flag
        fix = NameFix(new_name if new_name != name else None, kind, not_actor)
        if not fix.empty:
            found[name] = fix
    return found


def _read_quotes(node: yaml.Node, path: str, problems: list[Problem]) -> dict[tuple[str, int], QuoteFix]:
    found: dict[tuple[str, int], QuoteFix] = {}
    if _empty(node):
        return found
    if not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(path, node, "quotes: expected a list of quote fixes"))
        return found
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(_problem(path, item, "a quote fix is a mapping: article, quote, at, then speaker or not_statement"))
            continue
        fields = {_scalar(k): v for k, v in item.value}
        unknown = [str(k) for k in fields if k not in ("article", "quote", "at", "speaker", "not_statement")]
        if unknown:
            problems.append(_problem(path, item, f"unknown field {safe_name(unknown[0])!r} in a quote fix"))
            continue
        missing = [f for f in ("article", "quote", "at") if not _scalar(fields.get(f))]
        if missing:
            problems.append(_problem(path, item, f"a quote fix needs {missing[0]}"))
            continue
        try:
            at = int(_scalar(fields["at"]) or "")
        except ValueError:
            at = -1
        if at < 0:
            problems.append(_problem(path, fields["at"], "at must be a whole number, the quote's start in the body"))
            continue
        speaker = clean_line(_scalar(fields["speaker"]) or "") if "speaker" in fields else None
        not_statement = _flag(fields["not_statement"]) if "not_statement" in fields else False
        if not_statement is None:
            problems.append(_problem(path, fields["not_statement"], "not_statement must be true or false"))
            continue
        if not speaker and not not_statement:
            problems.append(_problem(path, item, "a quote fix needs a speaker or not_statement: true"))
            continue
        article = str(_scalar(fields["article"]))
        quote = clean_line(_scalar(fields["quote"]) or "")
        fix = QuoteFix(article, quote, at, speaker or None, not_statement, line=item.start_mark.line + 1)
        found[fix.key] = fix
    return found


def _scalar(node: yaml.Node | None) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def _empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")


def _flag(node: yaml.Node) -> bool | None:
    value = (_scalar(node) or "").lower()
    return True if value in ("true", "yes") else False if value in ("false", "no") else None


def _problem(path: str, node: yaml.Node, reason: str) -> Problem:
    return Problem(path, reason, node.start_mark.line + 1, fatal=False)


# ---------------------------------------------------------------- writing


def render_corrections(corrections: Corrections) -> str:
    from reader.yaml_safe import dump_yaml

    data = corrections.as_data()
    return HEADER + (dump_yaml(data) if data else "")
