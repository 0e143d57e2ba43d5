"""Loading the actor dictionaries: one validating loader for built-in and user files, cached per file set.

File formats are documented in ``dragoman/data/actors/README.md``. A user file is either a YAML list
of people/organisation entries, or a mapping shaped like ``countries.yaml``, ``sectors.yaml`` or
``grammar.yaml``; later files override earlier ones entry by entry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from dragoman import __version__, yamlio
from dragoman.actors.matcher import TokenTrie, phrase_tokens
from dragoman.actors.roles import PersonRole, normalize_date
from dragoman.errors import DataError
from dragoman.gazindex import cache_dir

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
BUILTIN_FILES = ("countries.yaml", "regions.yaml", "sectors.yaml", "grammar.yaml", "communities.yaml",
                 "institutions.yaml", "organizations.yaml")
PEOPLE_DIR = DATA_DIR / "people"
# converted third-party dictionaries, loaded first so that every own entry overrides them
CONVERTED_FILES = ("petrarch2/agents.yaml", "petrarch2/organizations.yaml", "petrarch2/people.yaml")
ROLE_KEYS = frozenset({"code", "title", "start", "end", "seen_until"})
SECTORS = frozenset(
    ["GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY", "BUS", "MED", "EDU",
     "REL", "CVL", "REF", "LAB", "AGR", "CRM", "HLH", "ELI", "IGO", "NGO", "UAF"]
)
TERM_KINDS = ("person", "group", "organization")
COUNTRY_KEYS = frozenset({"names", "adj", "people", "cap", "seats", "places", "name_order"})
GRAMMAR_KEYS = frozenset(
    {"modifiers", "elite", "locative", "possessive", "nominal", "pronouns", "name_particles", "coordination",
     "ethnic", "stance_prefixes", "stance_suffixes", "outsiders", "common_words", "foreign_posts",
     "community_elite", "division_words"}
)
PERSON_KEYS = frozenset({"name", "aliases", "nicknames", "surname", "roles", "gender", "note", "notes", "wikidata"})
FOLDED_FORMS = frozenset({"name", "adj", "people"})  # country forms also found in odd case ("tunisian")
MIN_FUZZY = 6  # shortest word matched with one spelling slip
CACHE_FORMAT = 2  # bump when the compiled lexicon's classes change shape
_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[PersonRole, ...]
    gender: str | None = None
    surname: str | None = None  # what a lone mention uses, when not the last word ("Xi", "Suu Kyi")
    converted: bool = False  # from a converted third-party dictionary (PETRARCH2): yields to own entries


@dataclass(frozen=True)
class ActorEntry:
    """What a dictionary phrase means.

    kind: country (form name|adj|people|capital|seat|place), org, person, community or term.
    A community ("Kurds", "Yoruba") carries its home country as code, or None when it has several.
    """

    kind: str
    name: str
    code: str | None = None  # country: ISO alpha-3; seat/org: full code
    form: str | None = None  # country form, or term kind (person|group|organization)
    sector: str | None = None  # term sector; None for honorifics ("Mr.")
    generic: bool = False
    head: str | None = None  # last word of a term ("minister"), for "the minister"
    person: Person | None = None


@dataclass
class ActorGrammar:
    """The function words of ``grammar.yaml`` that the composer and the coreference resolver read."""

    modifiers: frozenset[str] = frozenset()
    elite: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    possessive: frozenset[str] = frozenset()
    nominal: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    coordination: frozenset[str] = frozenset()
    ethnic: frozenset[str] = frozenset()
    stance_prefixes: frozenset[str] = frozenset()
    stance_suffixes: frozenset[str] = frozenset()
    outsiders: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    foreign_posts: frozenset[str] = frozenset()
    community_elite: frozenset[str] = frozenset()
    division_words: frozenset[str] = frozenset()
    pronouns: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class ActorLexicon:
    """Every actor dictionary, compiled into two tries (proper names: exact case; terms: lower case)."""

    proper: TokenTrie[ActorEntry] = field(default_factory=TokenTrie)
    terms: TokenTrie[ActorEntry] = field(default_factory=TokenTrie)
    grammar: ActorGrammar = field(default_factory=ActorGrammar)
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    people: dict[str, Person] = field(default_factory=dict)
    folded_people: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # lower-case name/surname
    folded_countries: dict[str, ActorEntry] = field(default_factory=dict)  # lower-case country word -> entry
    fuzzy: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))  # deletion index
    fuzzy_entries: dict[str, ActorEntry] = field(default_factory=dict)
    family_first: frozenset[str] = frozenset()  # countries whose names put the family name first
    files: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return self.proper.size + self.terms.size


def _fail(path: Path, where: str, problem: str) -> DataError:
    return DataError(f"{path}: {where}: {problem}")


def _strings(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise _fail(path, where, f"expected a list of strings, got {value!r}")
    return [str(v) for v in value if str(v).strip()]


def _code(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise _fail(path, where, f"code {value!r} is not a CAMEO-style code (3-letter groups, upper case)")
    return value


class _Builder:
    """Accumulates entries from files in order; later entries replace earlier ones."""

    def __init__(self) -> None:
        self.lexicon = ActorLexicon()
        self.grammar_lists: dict[str, set[str]] = defaultdict(set)
        self.pronouns: dict[str, dict[str, str]] = {}
        self.single_country_words: dict[str, ActorEntry] = {}
        self.person_phrases: dict[str, list[str]] = {}
        self.family_first: set[str] = set()
        self.converted = False  # whether the file being read is a converted third-party dictionary

    # proper names -------------------------------------------------------------------------
    def add_proper(self, phrase: str, entry: ActorEntry) -> None:
        tokens = phrase_tokens(phrase)
        self.lexicon.proper.add(tokens, entry)
        if entry.kind == "country" and len(tokens) == 1 and entry.form in FOLDED_FORMS | {"capital"}:
            self.single_country_words[tokens[0]] = entry

    def add_pycountry(self) -> None:
        for country in pycountry.countries:
            names = {country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)}
            for name in names:
                # "Korea, Republic of" and "Holy See (Vatican City State)" are catalogue forms, not prose
                if name and "," not in name and "(" not in name:
                    self.add_proper(name, ActorEntry("country", name, country.alpha_3, form="name"))

    def add_countries(self, path: Path, data: dict) -> None:
        for code, spec in data.items():
            where = f"country {code}"
            if not isinstance(code, str) or not _ISO3.match(code):
                raise _fail(path, where, "keys must be ISO-3166 alpha-3 codes")
            if not isinstance(spec, dict) or not set(spec) <= COUNTRY_KEYS:
                raise _fail(path, where, f"expected a mapping with keys among {sorted(COUNTRY_KEYS)}")
            canonical = _canonical_country(code, spec)
            order = spec.get("name_order")
            if order not in (None, "family-first", "given-first"):
                raise _fail(path, f"{where}.name_order", "expected family-first or given-first")
            if order == "family-first":
                self.family_first.add(code)
            else:
                self.family_first.discard(code)
            for form, key in (("name", "names"), ("adj", "adj"), ("people", "people"),
                              ("capital", "cap"), ("place", "places")):
                for phrase in _strings(path, f"{where}.{key}", spec.get(key)):
                    self.add_proper(phrase, ActorEntry("country", canonical, code, form=form))
            seats = spec.get("seats") or {}
            if not isinstance(seats, dict):
                raise _fail(path, f"{where}.seats", "expected a mapping of place: SECTOR")
            for phrase, sector in seats.items():
                if sector not in SECTORS:
                    raise _fail(path, f"{where}.seats.{phrase}", f"unknown sector {sector!r}")
                seat = ActorEntry("country", canonical, code + sector, form="seat", sector=sector)
                self.add_proper(str(phrase), seat)

    # terms --------------------------------------------------------------------------------
    def add_sectors(self, path: Path, data: dict) -> None:
        sectors = data.get("sectors") or {}
        generic = {g.lower() for g in _strings(path, "generic", data.get("generic"))}
        if not isinstance(sectors, dict):
            raise _fail(path, "sectors", "expected a mapping of SECTOR: {person|group|organization: [terms]}")
        for sector, kinds in sectors.items():
            if sector != "none" and sector not in SECTORS:
                raise _fail(path, f"sectors.{sector}", f"unknown sector; use one of {sorted(SECTORS)} or none")
            if not isinstance(kinds, dict) or not set(kinds) <= set(TERM_KINDS):
                raise _fail(path, f"sectors.{sector}", f"expected keys among {TERM_KINDS}")
            for kind, terms in kinds.items():
                for term in _strings(path, f"sectors.{sector}.{kind}", terms):
                    tokens = tuple(t.lower() for t in phrase_tokens(term))
                    entry = ActorEntry(
                        "term", term.lower(), form=kind, sector=None if sector == "none" else sector,
                        generic=term.lower() in generic, head=tokens[-1],
                    )
                    self.lexicon.terms.add(tokens, entry)
                    # the tokenizer splits "gen." but keeps "Gen." whole: index both spellings
                    titled = tuple(t.lower() for t in phrase_tokens(term.title()))
                    if titled != tokens:
                        self.lexicon.terms.add(titled, entry)

    def add_grammar(self, path: Path, data: dict) -> None:
        for key, value in data.items():
            if key not in GRAMMAR_KEYS:
                raise _fail(path, key, f"unknown grammar list; expected one of {sorted(GRAMMAR_KEYS)}")
            if key == "pronouns":
                if not isinstance(value, dict):
                    raise _fail(path, key, "expected a mapping pronoun: {number: sg|pl, gender: m|f}")
                for word, spec in value.items():
                    if not isinstance(spec, dict) or spec.get("number") not in {"sg", "pl"}:
                        raise _fail(path, f"pronouns.{word}", "needs number: sg or pl")
                    self.pronouns[str(word).lower()] = {k: str(v) for k, v in spec.items()}
            else:
                self.grammar_lists[key].update(w.lower() for w in _strings(path, key, value))

    # people and organisations -------------------------------------------------------------
    def add_entries(self, path: Path, data: list) -> None:
        for index, item in enumerate(data):
            where = f"entry {index + 1}"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
                raise _fail(path, where, "each entry needs a name")
            where = f"entry {index + 1} ({item['name']})"
            if "roles" in item:
                self.add_person(path, where, item)
            elif "code" in item:
                code = _code(path, where, item["code"])
                entry = ActorEntry("org", item["name"], code)
                for phrase in [item["name"], *_strings(path, where, item.get("aliases"))]:
                    self.add_proper(phrase, entry)
            else:
                raise _fail(path, where, "needs roles (a person) or code (an organisation)")

    def add_person(self, path: Path, where: str, item: dict) -> None:
        unknown = set(item) - PERSON_KEYS
        if unknown:
            raise _fail(path, where, f"unknown keys {sorted(unknown)}")
        raw_roles = item["roles"]
        if not isinstance(raw_roles, list) or not raw_roles:
            raise _fail(path, where, "roles must be a non-empty list")
        roles = []
        for number, raw in enumerate(raw_roles, 1):
            if not isinstance(raw, dict):
                raise _fail(path, f"{where} role {number}", "expected a mapping with code, title, start, end")
            unknown_keys = set(raw) - ROLE_KEYS
            if unknown_keys:
                raise _fail(path, f"{where} role {number}", f"unknown keys {sorted(unknown_keys)}")
            code = _code(path, f"{where} role {number}", raw.get("code"))
            try:
                start = normalize_date(raw.get("start"))
                end = normalize_date(raw.get("end"), upper=True)
                seen_until = normalize_date(raw.get("seen_until"), upper=True)
            except ValueError as exc:
                raise _fail(path, f"{where} role {number}", str(exc)) from exc
            if start and end and end < start:
                raise _fail(path, f"{where} role {number}", f"ends ({end}) before it starts ({start})")
            if seen_until and end:
                raise _fail(path, f"{where} role {number}", "seen_until is for open-ended roles (end: null)")
            title = raw.get("title")
            roles.append(PersonRole(code, str(title) if title else None, start, end, seen_until))
        gender = item.get("gender")
        if gender not in (None, "m", "f"):
            raise _fail(path, where, f"gender must be m or f, got {gender!r}")
        surname = item.get("surname")
        if surname is not None and (not isinstance(surname, str) or not surname.strip()):
            raise _fail(path, where, f"surname must be a non-empty string, got {surname!r}")
        person = Person(item["name"].strip(), tuple(roles), gender, surname.strip() if surname else None,
                        converted=self.converted)
        self.lexicon.people[person.name] = person
        entry = ActorEntry("person", person.name, person=person)
        phrases = [person.name, *_strings(path, where, item.get("aliases"))]
        # "Francois Hollande" is how ASCII copy writes "François Hollande"
        phrases += [folded for folded in map(ascii_fold, phrases) if folded not in phrases]
        # the same person again (a later file): its earlier aliases now name this entry ("own entries win")
        earlier = self.person_phrases.get(person.name, [])
        phrases += [phrase for phrase in earlier if phrase not in phrases]
        self.person_phrases[person.name] = phrases
        for phrase in phrases:
            self.add_proper(phrase, entry)
        for nickname in _strings(path, where, item.get("nicknames")):
            if len(phrase_tokens(nickname)) != 1:
                raise _fail(path, where, f"nickname {nickname!r} must be one word (full names go in aliases)")
            self.add_proper(nickname, entry)

    # dispatch -----------------------------------------------------------------------------
    def add_file(self, path: Path) -> None:
        data = yamlio.read_file(path, "actor dictionary")
        if data is None:
            return
        if isinstance(data, list):
            self.add_entries(path, data)
        elif isinstance(data, dict) and "sectors" in data:
            self.add_sectors(path, data)
        elif isinstance(data, dict) and "communities" in data:
            self.add_communities(path, data)
        elif isinstance(data, dict) and set(data) <= GRAMMAR_KEYS:
            self.add_grammar(path, data)
        elif isinstance(data, dict):
            self.add_countries(path, data)
        else:
            raise DataError(f"{path}: an actor dictionary is a list of entries or a mapping")

    # communities ------------------------------------------------------------------------
    def add_communities(self, path: Path, data: dict) -> None:
        spec = data.get("communities")
        if not isinstance(spec, dict) or not set(spec) <= {"home", "shared"}:
            raise _fail(path, "communities", "expected a mapping with keys home and/or shared")
        home = spec.get("home") or {}
        if not isinstance(home, dict):
            raise _fail(path, "communities.home", "expected a mapping of ISO alpha-3 code -> [names]")
        for code, names in home.items():
            if not isinstance(code, str) or not _ISO3.match(code):
                raise _fail(path, f"communities.home.{code}", "keys must be ISO-3166 alpha-3 codes")
            for name in _strings(path, f"communities.home.{code}", names):
                self.add_proper(name, ActorEntry("community", name, code, form="community"))
        for name in _strings(path, "communities.shared", spec.get("shared")):
            self.add_proper(name, ActorEntry("community", name, None, form="community"))

    def finish(self, files: Sequence[Path]) -> ActorLexicon:
        lists = self.grammar_lists
        lexicon = self.lexicon
        lexicon.grammar = ActorGrammar(
            **{key: frozenset(lists.get(key, ())) for key in GRAMMAR_KEYS - {"pronouns"}},
            pronouns=dict(self.pronouns),
        )
        lexicon.family_first = frozenset(self.family_first)
        self._index_surnames()
        common = lexicon.grammar.common_words
        for word, entry in self.single_country_words.items():
            if entry.form in FOLDED_FORMS and len(word) >= 4 and word.lower() not in common:
                lexicon.folded_countries[word.lower()] = entry
            if len(word) >= MIN_FUZZY and word.isalpha():
                self._index_fuzzy(word, "country", entry)
        lexicon.files = tuple(str(p) for p in files)
        return lexicon

    def _index_surnames(self) -> None:
        lexicon = self.lexicon
        for name, phrases in self.person_phrases.items():
            person = lexicon.people.get(name)
            if person is None:
                continue
            country = person.roles[0].country if person.roles else None
            for phrase in phrases:
                tokens = phrase_tokens(phrase)
                lexicon.folded_people[" ".join(tokens).lower()].add(name)
                if len(tokens) < 2:
                    continue
                if person.surname:
                    surname = person.surname
                elif country in lexicon.family_first:
                    surname = tokens[0]  # "Xi Jinping" is "Xi"
                else:
                    surname = tokens[-1]
                for form in {surname, ascii_fold(surname)}:
                    form = " ".join(phrase_tokens(form))
                    lexicon.surnames[form].add(name)
                    lexicon.folded_people[form.lower()].add(name)
                if len(surname) >= MIN_FUZZY + 1 and surname.isalpha():
                    self._index_fuzzy(surname, "surname", surname)

    def _index_fuzzy(self, word: str, kind: str, value: Any) -> None:
        key = f"{kind}:{word}"
        self.lexicon.fuzzy_entries[key] = value
        for variant in deletions(word.lower()):
            self.lexicon.fuzzy[variant].add((kind, key))


def ascii_fold(text: str) -> str:
    """Text without diacritics ("François" -> "Francois")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter left out (a symmetric-delete spelling index)."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def fuzzy_lookup(lexicon: ActorLexicon, word: str, kind: str) -> Any | None:
    """The one dictionary word of ``kind`` within one slip of ``word`` (a letter missing, extra,
    changed or two letters swapped); None when there is none or more than one."""
    if len(word) < MIN_FUZZY or not word.isalpha():
        return None
    # slips at the first letter are rare, and allowing them pairs unrelated names ("Allawi", "Malawi")
    found = {key for variant in deletions(word.lower()) for k, key in lexicon.fuzzy.get(variant, ())
             if k == kind and key.split(":", 1)[1][:1].lower() == word[:1].lower()}
    if len(found) != 1:
        return None
    return lexicon.fuzzy_entries[next(iter(found))]


def _canonical_country(code: str, spec: dict) -> str:
    record = pycountry.countries.get(alpha_3=code)
    names = spec.get("names") or []
    if names:
        return str(names[0])
    if record is not None:
        return getattr(record, "common_name", None) or record.name
    return code


def builtin_files() -> list[Path]:
    """The built-in dictionaries in load order: converted ones (PETRARCH2), tables, then every people file."""
    files = [DATA_DIR / name for name in CONVERTED_FILES if (DATA_DIR / name).is_file()]
    files += [DATA_DIR / name for name in BUILTIN_FILES]
    if PEOPLE_DIR.is_dir():
        files.extend(sorted(PEOPLE_DIR.glob("*.yaml")))
    return files


def expand(paths: Iterable[Path]) -> list[Path]:
    """User paths as files: a folder stands for its *.yaml/*.yml files, sorted."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        elif path.is_file():
            files.append(path)
        else:
            raise DataError(f"{path}: actor dictionary not found")
    return files


def load_lexicon(extra: Sequence[Path] = ()) -> ActorLexicon:
    """The built-in dictionaries plus ``extra`` files/folders, compiled once per set of files."""
    files = [*builtin_files(), *expand(extra)]
    key = tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _compile(key)


@lru_cache(maxsize=8)
def _compile(key: tuple[tuple[str, int, int], ...]) -> ActorLexicon:
    cached = _read_cache(key)
    if cached is not None:
        return cached
    lexicon = _build(key)
    _write_cache(key, lexicon)
    return lexicon


def _cache_path(key: tuple[tuple[str, int, int], ...]) -> Path:
    digest = hashlib.sha1(repr((CACHE_FORMAT, __version__, key)).encode()).hexdigest()[:16]
    return cache_dir() / f"actors-{digest}.pickle"


def _read_cache(key: tuple[tuple[str, int, int], ...]) -> ActorLexicon | None:
    """The compiled dictionaries of an earlier process, or None when absent or unreadable."""
    path = _cache_path(key)
    try:
        with path.open("rb") as handle:
            lexicon = pickle.load(handle)  # noqa: S301 - our own file, keyed by the sources' paths and mtimes
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as exc:
        log.warning("actor dictionary cache %s is unreadable (%s); rebuilding", path, exc)
        return None
    return lexicon if isinstance(lexicon, ActorLexicon) else None


def _write_cache(key: tuple[tuple[str, int, int], ...], lexicon: ActorLexicon) -> None:
    """Keep the compiled dictionaries for the next process; written to a temporary name, then renamed."""
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as exc:
        log.info("actor dictionary cache not written (%s): %s", path, exc)


def _build(key: tuple[tuple[str, int, int], ...]) -> ActorLexicon:
    builder = _Builder()
    builder.add_pycountry()
    converted = {str((DATA_DIR / name).resolve()) for name in CONVERTED_FILES}
    for name, _, _ in key:
        builder.converted = name in converted
        builder.add_file(Path(name))
    lexicon = builder.finish([Path(name) for name, _, _ in key])
    log.info("actor dictionaries: %d phrases from %d files", lexicon.size, len(key))
    return lexicon
