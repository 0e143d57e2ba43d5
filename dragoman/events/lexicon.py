"""The verb-pattern lexicon: verb and nominal patterns plus the grammar settings they rely on.

Built-in files live in ``dragoman/data/patterns/``; users add pattern files (``patterns:`` and/or
``nominals:`` lists, same shape) through ``load_lexicon(extra_files)``. Every entry is validated;
a malformed one raises DataError naming the file and the pattern id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman import yamlio
from dragoman.errors import DataError
from dragoman.events.kinds import KINDS
from dragoman.events.ontology import DATA, Ontology

PATTERN_DIR = DATA / "patterns"
SETTINGS_FILE = PATTERN_DIR / "settings.yaml"
BUILTIN_FILES = (PATTERN_DIR / "verbs.yaml", PATTERN_DIR / "nouns.yaml")
PURPOSES_FILE = PATTERN_DIR / "purposes.yaml"

_PATTERN_KEYS = {"id", "verbs", "nouns", "particle", "prep", "objects", "xcomp", "subject", "cameo",
                 "family", "targets", "symmetric", "needs_agent", "inverse", "intransitive", "needs_complement",
                 "subject_kinds", "object_kinds", "no_predicate", "withholds", "predicate"}
_LIST_KEYS = ("verbs", "nouns", "objects", "xcomp", "subject", "targets")


@dataclass(frozen=True)
class Pattern:
    """One pattern; ``kind`` is "verb" or "noun". Word lists hold lower-case lemma phrases."""

    id: str
    kind: str
    heads: tuple[tuple[str, ...], ...]  # each head as words ("air", "strike")
    cameo: str | None = None
    family: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: tuple[tuple[str, ...], ...] = ()
    xcomp: tuple[str, ...] = ()
    subject: tuple[tuple[str, ...], ...] = ()
    targets: tuple[str, ...] = ()
    symmetric: bool | None = None
    needs_agent: bool = False  # the complement has its own agent: "wants Putin to attack", not "wants to attack"
    # a wrapper that codes only a codable complement: "decided to meet" is 036, "decided to run" nothing
    needs_complement: bool = False
    intransitive: bool = False  # the verb takes no direct object: crowds "gathered", not "gathered information"
    # sense constraints (events/kinds.py): the kinds the subject / direct object may be, and no
    # predicate complement ("called him unfit" is no phone call)
    subject_kinds: frozenset[str] = frozenset()
    object_kinds: frozenset[str] = frozenset()
    no_predicate: bool = False
    predicate: bool = False  # needs a predicate complement: "called him unfit", "branded the vote a sham"
    # the act in the complement did not happen ("stopped short of imposing sanctions", "refrained
    # from criticizing"): the complement is taken and nothing is coded
    withholds: bool = False
    inverse: bool = False  # roles swapped: "X received arms from Y" is Y -> X
    source: str = ""  # file it came from
    order: int = 0

    @property
    def specificity(self) -> int:
        """How much of the parse the pattern pins down: more constraints, more specific."""
        score = 1 + max(len(h) for h in self.heads) - 1
        score += 1 if self.particle else 0
        score += 1 if self.prep else 0
        score += 2 if self.objects else 0
        score += 2 if self.xcomp else 0
        score += 2 if self.subject else 0
        return score  # sense constraints only filter: they make a pattern no more specific


@dataclass(frozen=True)
class Family:
    name: str
    default: str
    map: dict[str, str]
    # a complement act outside the map makes no event: "vowed to criticize" is no intent to cooperate
    strict_map: bool = False
    # the code when the wrapped clause has an actor as its subject but no codable act: "warned that
    # police will no longer tolerate rallies" threatens, "warned that growth would slow" does not
    agent_default: str | None = None

    def maps(self, code: str) -> bool:
        """Whether the map holds a prefix of ``code``."""
        return any(code[:length] in self.map for length in range(len(code), 1, -1))

    def recode(self, code: str | None) -> str:
        """Code of the wrapped act: the longest prefix of ``code`` in the map, else the default."""
        if code:
            for length in range(len(code), 1, -1):
                hit = self.map.get(code[:length])
                if hit:
                    return hit
        return self.default


@dataclass
class PatternLexicon:
    """Verb and noun patterns indexed by their last head word, with the settings, families and
    purpose tables they rely on."""

    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))  # by last head word
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    settings: dict[str, Any] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    purposes: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # cue phrases by purpose
    refinements: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # code -> (purpose, finer)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # word lists read so far

    def words(self, key: str) -> frozenset[str]:
        """A word list from settings.yaml, lower-cased; DataError when it is not a list of words."""
        cached = self._words.get(key)
        if cached is not None:
            return cached
        value = self.settings.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, (str, int)) for w in value):
            raise DataError(f"{SETTINGS_FILE}: '{key}' must be a list of words")
        self._words[key] = frozenset(str(w).lower() for w in value)
        return self._words[key]


def _with_hyphens(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Each phrase plus, for hyphenated words, the way the tokenizer splits them ("cease - fire")."""
    out = list(phrases)
    for phrase in phrases:
        if any("-" in w.strip("-") for w in phrase):
            split = tuple(part for w in phrase for part in _split_hyphen(w))
            if split not in out:
                out.append(split)
    return tuple(out)


def _split_hyphen(word: str) -> list[str]:
    parts = word.split("-")
    if len(parts) == 1 or not all(parts):
        return [word]
    out = [parts[0]]
    for part in parts[1:]:
        out += ["-", part]
    return out


def _phrases(value: Any, where: str, key: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: '{key}' must be a list of words")
    return tuple(tuple(v.lower().split()) for v in value)


def _pattern(entry: Any, kind: str, path: Path, order: int, ontology: Ontology, families: dict[str, Family]) -> Pattern:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataError(f"{path}: entry {order}: every pattern needs an 'id'")
    where = f"{path}: pattern {entry['id']}"
    unknown = set(entry) - _PATTERN_KEYS
    if unknown:
        raise DataError(f"{where}: unknown keys {sorted(unknown)}")
    head_key = "verbs" if kind == "verb" else "nouns"
    if head_key not in entry:
        raise DataError(f"{where}: missing '{head_key}'")
    for key in _LIST_KEYS:
        if key in entry and entry[key] is not None:
            _phrases(entry[key], where, key)
    cameo = entry.get("cameo")
    family = entry.get("family")
    if cameo is None and family is None and not entry.get("withholds"):
        raise DataError(f"{where}: needs 'cameo' or 'family' (or 'withholds: true')")
    kinds = {}
    for key in ("subject_kinds", "object_kinds"):
        values = entry.get(key) or []
        if not isinstance(values, list) or not set(values) <= KINDS:
            raise DataError(f"{where}: '{key}' must be a list of kinds from {sorted(KINDS)}")
        kinds[key] = frozenset(values)
    if cameo is not None and str(cameo) not in ontology:
        raise DataError(f"{where}: unknown CAMEO code {cameo!r} (quote codes: \"010\")")
    if family is not None and family not in families:
        raise DataError(f"{where}: unknown family {family!r}; known: {sorted(families)}")
    for key in ("particle", "prep"):
        if key in entry and not isinstance(entry[key], str):
            raise DataError(f"{where}: '{key}' must be one word")
    for key in ("symmetric", "needs_agent", "inverse", "intransitive", "needs_complement", "no_predicate",
                "withholds", "predicate"):
        if key in entry and not isinstance(entry[key], bool):
            raise DataError(f"{where}: '{key}' must be true or false")
    return Pattern(
        id=entry["id"], kind=kind, heads=_phrases(entry[head_key], where, head_key),
        cameo=str(cameo) if cameo is not None else None, family=family,
        particle=entry.get("particle", None) and entry["particle"].lower(),
        prep=entry.get("prep", None) and entry["prep"].lower(),
        objects=_with_hyphens(_phrases(entry["objects"], where, "objects")) if entry.get("objects") else (),
        xcomp=tuple(w.lower() for w in entry.get("xcomp") or []),
        subject=_with_hyphens(_phrases(entry["subject"], where, "subject")) if entry.get("subject") else (),
        targets=tuple(w.lower() for w in entry.get("targets") or []),
        symmetric=entry.get("symmetric"), needs_agent=bool(entry.get("needs_agent", False)),
        needs_complement=bool(entry.get("needs_complement", False)),
        subject_kinds=kinds["subject_kinds"], object_kinds=kinds["object_kinds"],
        no_predicate=bool(entry.get("no_predicate", False)), withholds=bool(entry.get("withholds", False)),
        predicate=bool(entry.get("predicate", False)),
        inverse=bool(entry.get("inverse", False)), intransitive=bool(entry.get("intransitive", False)),
        source=str(path), order=order,
    )


def _families(settings: dict[str, Any], ontology: Ontology) -> dict[str, Family]:
    families: dict[str, Family] = {}
    raw = settings.get("families")
    if not isinstance(raw, dict):
        raise DataError(f"{SETTINGS_FILE}: 'families' must be a mapping")
    for name, spec in raw.items():
        where = f"{SETTINGS_FILE}: family {name}"
        if not isinstance(spec, dict) or "default" not in spec or not isinstance(spec.get("map", {}), dict):
            raise DataError(f"{where}: needs 'default' and a 'map'")
        mapping = {str(k): str(v) for k, v in (spec.get("map") or {}).items()}
        for code in [str(spec["default"]), *mapping.values()]:
            if code not in ontology:
                raise DataError(f"{where}: unknown CAMEO code {code!r}")
        agent_default = spec.get("agent_default")
        if agent_default is not None and str(agent_default) not in ontology:
            raise DataError(f"{where}: unknown CAMEO code {agent_default!r}")
        families[name] = Family(name, str(spec["default"]), mapping, bool(spec.get("strict_map", False)),
                                str(agent_default) if agent_default is not None else None)
    return families


def load_purposes(lexicon: PatternLexicon, ontology: Ontology, path: Path = PURPOSES_FILE) -> None:
    """Read purpose cues and the finer codes they give (purposes.yaml) into ``lexicon``."""
    expected = "'purposes' and 'refinements' mappings"
    doc = yamlio.load_mapping(path, "purpose table", yamlio.WORDS, expected=expected)
    if not isinstance(doc.get("purposes"), dict) or not isinstance(doc.get("refinements"), dict):
        raise DataError(f"{path}: expected {expected}")
    for name, cues in doc["purposes"].items():
        lexicon.purposes[str(name)] = _with_hyphens(_phrases(cues, f"{path}: purpose {name}", "cues"))
    for code, table in doc["refinements"].items():
        where = f"{path}: refinement {code}"
        if str(code) not in ontology or not isinstance(table, dict):
            raise DataError(f"{where}: needs a known CAMEO code and a mapping of purposes")
        for purpose, finer in table.items():
            if purpose not in lexicon.purposes:
                raise DataError(f"{where}: unknown purpose {purpose!r}")
            if str(finer) not in ontology or not str(finer).startswith(str(code)[:2]):
                raise DataError(f"{where}: {purpose}: {finer!r} is not a CAMEO code under {code}")
        lexicon.refinements[str(code)] = tuple((str(p), str(f)) for p, f in table.items())


def load_lexicon(ontology: Ontology, extra_files: Sequence[Path] = ()) -> PatternLexicon:
    """Load settings and the built-in pattern files, then the user's files on top."""
    settings = yamlio.load_mapping(SETTINGS_FILE, "pattern settings", yamlio.WORDS)
    lexicon = PatternLexicon(settings=settings, families=_families(settings, ontology))
    load_purposes(lexicon, ontology)
    for name in ("future_family", "negated_family"):
        for root, family in (settings.get(name) or {}).items():
            if family not in lexicon.families:
                raise DataError(f"{SETTINGS_FILE}: {name} {root}: unknown family {family!r}")
    seen: dict[str, str] = {}
    order = 0
    for path in [*BUILTIN_FILES, *map(Path, extra_files)]:
        expected = "a mapping with 'patterns' and/or 'nominals' lists"
        doc = yamlio.load_mapping(path, "pattern file", yamlio.WORDS, expected=expected)
        if not {"patterns", "nominals"} & set(doc):
            raise DataError(f"{path}: expected {expected}")
        lexicon.files.append(str(path))
        for key, kind in (("patterns", "verb"), ("nominals", "noun")):
            entries = doc.get(key) or []
            if not isinstance(entries, list):
                raise DataError(f"{path}: '{key}' must be a list")
            for entry in entries:
                order += 1
                pattern = _pattern(entry, kind, path, order, ontology, lexicon.families)
                if pattern.id in seen:
                    raise DataError(f"{path}: pattern id {pattern.id!r} already defined in {seen[pattern.id]}")
                seen[pattern.id] = str(path)
                index = lexicon.verbs if kind == "verb" else lexicon.nouns
                for head in pattern.heads:
                    index[head[-1]].append(pattern)
    return lexicon
