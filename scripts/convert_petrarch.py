"""Convert the PETRARCH2/Phoenix actor dictionaries (MIT) into dragoman's actor YAML. Run once:

    python scripts/convert_petrarch.py /work/shared/data/petrarch2 dragoman/data/actors/petrarch2

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (TABARI format) and writes, beside a
copy of the licence: ``people.yaml`` (people with dated roles), ``organizations.yaml`` (national
institutions, IGOs, NGOs, companies, armed groups) and ``agents.yaml`` (generic nouns -> sectors,
in the sectors format).
A summary of what was dropped and why goes to ``CONVERSION.md``.

Rules (the README of the data folder states them too):
* Case: PETRARCH writes every name in capitals; names are written back in title case ("Ban Ki-moon"
  and "Ban Ki-Moon" both kept), short all-capital words of organisations as acronyms ("PLA").
* Dates: YYMMDD (a two-digit year above 15 is 19YY) or YYYYMMDD. ``>D`` is an open-ended role from D:
  written with ``end: null`` and ``seen_until`` = the file's date, so the role beyond that date is
  used but marked (rule ``...:role+unconfirmed``); ``<D`` ends at D; an undated code after dated ones
  is the person's code after their last closed role.
* Dropped (general rules, counted in CONVERSION.md): one-word agents that are not agent nouns
  (-er, -ist, -man ..., not -ment; vehicles and things listed in NOT_AGENTS); one-word personal names (bare surnames are
  ambiguous); aliases that begin with a title ("President Xi Jinping": the composer reads titles);
  one- and two-letter acronyms; one-word names of organisations that are ordinary English words
  (verb, adjective or adverb in the model's WordNet index, or stop words); codes with no country or
  body (``---``, a bare ``ELI``, ``MNC`` without a country); malformed dates.
* Companies ``MNC<country>...`` become ``<country>BUS``; ``GOVLEG`` (legislatures) becomes ``LEG``.
* Duplicates are folded: an entry that names a person or organisation of dragoman's own
  dictionaries is written under the own canonical name (so its extra aliases are kept, while the own
  entry, loaded later, wins); PETRARCH entries of the same name are merged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dragoman.actors.lexicon import BUILTIN_FILES, DATA_DIR, PEOPLE_DIR, SECTORS  # noqa: E402
from dragoman.actors.places import country_of_place  # noqa: E402

FILE_DATES = {  # the date each file's evidence ends (its generation date, from its header or history)
    "Phoenix.Countries.actors.txt": "2014-01-30",
    "Phoenix.International.actors.txt": "2014-06-30",
    "Phoenix.MilNonState.actors.txt": "2013-03-21",
}
LOWER_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "du", "des", "al", "el",
                         "bin", "ibn", "van", "von", "der", "da", "dos", "das", "y", "et", "to", "at", "a"})
BODIES = frozenset({"IGO", "NGO", "IMG"})
RELIGIONS = frozenset({"MUS", "CHR", "BUD", "HIN", "JEW", "CTH", "PRO", "SHI", "SUN", "ORT"})
_DATE_RANGE = re.compile(r"^(?P<start>\d{6,8})?-(?P<end>\d{6,8})?$")
CONNECTIVES = frozenset({"of", "for", "to", "at", "in", "and", "the"})
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ar", "crat", "arch", "ers", "ors",
                  "ists", "ians", "ants", "ents", "ees", "ars", "crats", "archs")
# one-word agents that end like agent nouns but name things, vehicles or no party to an event
NOT_AGENTS = frozenset({"carrier", "customer", "infant", "producer", "oiler", "tourer", "humvee", "airliner",
                        "jetliner", "freighter", "tanker", "supertanker", "cruiser", "destroyer", "jetfighter",
                        "taxpayers", "believer", "islamist"})
_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


# --- reading TABARI entries ------------------------------------------------------------------------
class Entry:
    def __init__(self, name: str) -> None:
        self.name = name
        self.aliases: list[str] = []
        self.codes: list[str] = []  # raw "[...]" contents

    def __repr__(self) -> str:
        return f"Entry({self.name!r}, {self.aliases}, {self.codes})"


def _phrases(text: str) -> list[str]:
    """``ARMY_OF_X+_ISLAMIC_Y_`` -> the phrases it holds (a stray ``+`` separates two)."""
    return [p.strip().strip("_").strip() for p in text.replace(" ", "_").split("+") if p.strip().strip("_")]


def read_actor_file(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line)
        if raw[:1] in {" ", "\t"} and not text.strip():
            if current is not None:
                current.codes.extend(codes)
            continue
        if text.strip().startswith("+"):
            if current is not None:
                current.aliases.extend(_phrases(text.strip()[1:]))
                current.codes.extend(codes)
            continue
        phrases = _phrases(text.strip())
        if not phrases:
            continue
        current = Entry(phrases[0])
        current.aliases.extend(phrases[1:])
        current.codes.extend(codes)
        entries.append(current)
    return entries


# --- case, dates, codes ---------------------------------------------------------------------------
def _word_case(word: str, acronyms: bool) -> list[str]:
    if not word:
        return [word]
    letters = re.sub(r"[^A-Za-z]", "", word)
    if acronyms and letters and (len(letters) <= 4 and not re.search(r"[AEIOUY]", letters.upper())
                                 or "." in word):
        return [word.upper()]  # "PLA", "U.N.", "NLD"
    if word.lower() in LOWER_WORDS:
        return [word.lower()]
    parts = re.split(r"([-'])", word.lower())
    titled = "".join(p[:1].upper() + p[1:] if p not in {"-", "'"} else p for p in parts)
    if titled.startswith("Mc") and len(titled) > 3:
        titled = "Mc" + titled[2].upper() + titled[3:]
    if "-" in word:
        # "Ban Ki-moon": Korean given names keep the second syllable in lower case
        first, _, rest = word.lower().partition("-")
        return [titled, first.capitalize() + "-" + rest]
    return [titled]


def cased(phrase: str, acronyms: bool = False) -> list[str]:
    """A PETRARCH phrase (``BAN_KI-MOON``) as the spellings news copy uses (``Ban Ki-moon``, ``Ban Ki-Moon``)."""
    words = [w for w in phrase.replace("_", " ").split() if w]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]  # "THE_UNITED_NATIONS": the article is not part of the name
    if not words:
        return []
    letters = re.sub(r"[^A-Za-z]", "", words[0])
    if acronyms and len(words) == 1 and len(letters) <= 5:
        # a short one-word name of a body is an acronym ("OOG", "ANSF"), or a short name ("Hamas")
        titled = words[0][:1].upper() + words[0][1:].lower()
        if country_of_place(titled):
            return [titled]  # "GAZA" is the place Gaza, not an acronym
        forms = [words[0].upper()]
        if len(letters) >= 4 and re.search(r"[AEIOU]", letters.upper()):
            forms += [titled]
        return forms
    forms = [""]
    for index, word in enumerate(words):
        options = _word_case(word, acronyms)
        if index == 0:
            options = [o[:1].upper() + o[1:] for o in options]
        forms = [f"{f} {o}".strip() for f in forms for o in options]
    return list(dict.fromkeys(forms))


def parse_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD as YYYY-MM-DD; None when malformed."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 15 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_code(code: str) -> str | None:
    """A PETRARCH code in dragoman's scheme, or None when it names no country or body."""
    code = code.strip().upper()
    if not _CODE.match(code):
        return None
    head = code[:3]
    if head == "MNC":
        country = code[3:6]
        return country + "BUS" if country in ISO3 else None
    if head in BODIES:
        return code
    if head not in ISO3:
        return None
    sectors = [code[i:i + 3] for i in range(3, len(code), 3)]
    if sectors[:2] == ["GOV", "LEG"]:
        sectors = sectors[1:]  # legislatures and legislators: LEG, as dragoman codes parliaments
    return head + "".join(sectors)


class RoleReader:
    def __init__(self) -> None:
        self.dropped: Counter[str] = Counter()

    def roles(self, raw_codes: list[str], seen_until: str) -> tuple[list[dict], list[str]]:
        """(dated roles, undated codes)."""
        roles: list[dict] = []
        undated: list[str] = []
        for raw in raw_codes:
            parts = raw.split()
            if not parts:
                continue
            code = normalize_code(parts[0].lstrip("~"))
            if code is None:
                self.dropped["code without a country or body"] += 1
                continue
            if len(parts) == 1:
                undated.append(code)
                continue
            spec = "".join(parts[1:])
            role: dict = {"code": code}
            if spec.startswith(">"):
                start = parse_date(spec[1:])
                if start is None:
                    self.dropped["malformed date"] += 1
                    continue
                role.update(start=start, end=None, seen_until=max(seen_until, start))
            elif spec.startswith("<"):
                end = parse_date(spec[1:])
                if end is None:
                    self.dropped["malformed date"] += 1
                    continue
                role.update(start=None, end=end)
            else:
                match = _DATE_RANGE.match(spec)
                start = parse_date(match["start"]) if match and match["start"] else None
                end = parse_date(match["end"]) if match and match["end"] else None
                if not match or (match["start"] and start is None) or (match["end"] and end is None) \
                        or (start and end and end < start):
                    self.dropped["malformed date"] += 1
                    continue
                role.update(start=start, end=end)
            roles.append(role)
        return roles, undated


def _day_after(date: str) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()


# --- own dictionaries (for folding and titles) --------------------------------------------------
class Own:
    def __init__(self) -> None:
        self.people: dict[str, str] = {}  # lower-case name/alias -> canonical name
        self.orgs: dict[str, tuple[str, str]] = {}  # lower-case name/alias -> (name, code)
        self.titles: set[str] = set()
        self.terms: set[str] = set()
        self.org_heads: set[str] = set()
        self.person_heads: set[str] = set()
        self.elite: set[str] = set()
        self.single_terms: set[str] = set()  # one-word titles and bodies ("president", "administration")
        self.country_words: set[str] = set()  # country names and adjectives, lower case ("american", "u.s.")
        self.country_words.update(c.name.lower() for c in pycountry.countries)
        files = [DATA_DIR / name for name in BUILTIN_FILES] + sorted(PEOPLE_DIR.glob("*.yaml"))
        for path in files:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, list):
                for item in data:
                    names = [item["name"], *(item.get("aliases") or [])]
                    for name in names:
                        if "roles" in item:
                            self.people[str(name).lower()] = item["name"]
                        else:
                            self.orgs[str(name).lower()] = (item["name"], item["code"])
            elif isinstance(data, dict) and path.name == "grammar.yaml":
                self.elite.update(str(w).lower() for w in data.get("elite") or [])
            elif isinstance(data, dict) and path.name == "countries.yaml":
                for spec in data.values():
                    for key in ("names", "adj", "people"):
                        self.country_words.update(str(w).lower() for w in spec.get(key) or [])
            elif isinstance(data, dict) and "sectors" in data:
                for _sector, kinds in data["sectors"].items():
                    for kind, terms in kinds.items():
                        for term in terms or []:
                            self.terms.add(str(term).lower())
                            if " " not in str(term).strip() and kind in {"person", "organization"}:
                                self.single_terms.add(str(term).lower().rstrip("."))
                            if kind == "person":
                                self.titles.add(str(term).lower().split()[0])
                                self.person_heads.add(str(term).lower().split()[-1])
                            if kind == "organization":
                                self.org_heads.add(str(term).lower().split()[-1])


def common_words(parts: tuple[str, ...] = ("verb", "adj", "adv"), stop_words: bool = True) -> frozenset[str]:
    """Ordinary English words: by default verbs, adjectives and adverbs of the model's WordNet index
    and stop words; ``("noun",)`` without stop words gives its nouns."""
    from spacy.strings import hash_string

    from dragoman.nlp import load_nlp

    nlp = load_nlp()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set(nlp.Defaults.stop_words) if stop_words else set()
    wanted = {hash_string(pos) for pos in parts}
    for key, values in index.items():
        if key in wanted:
            words.update(v.lower() for v in values)
    return frozenset(words)


# --- conversion ------------------------------------------------------------------------------------
class Converter:
    def __init__(self, own: Own, common: frozenset[str], nouns: frozenset[str]) -> None:
        self.own = own
        self.common = common
        self.nouns = nouns
        self.reader = RoleReader()
        self.dropped: Counter[str] = self.reader.dropped
        self.people: dict[str, dict] = {}
        self.orgs: dict[str, dict] = {}
        self.folded: Counter[str] = Counter()

    def _is_person_alias_ok(self, phrase: str) -> bool:
        words = phrase.split()
        if len(words) < 2:
            self.dropped["one-word personal name or alias (bare surname)"] += 1
            return False
        if words[0].lower() in self.own.titles or words[0].lower().rstrip(".") in self.own.titles:
            self.dropped["personal alias beginning with a title"] += 1
            return False
        lowered = {w.lower() for w in words} | {w.lower().rstrip(".") for w in words}
        if lowered & self.own.single_terms or lowered & self.own.country_words or "the" in lowered:
            # "American President Bush", "Bush Administration": the composer reads titles and countries
            self.dropped["personal alias holding a title, body or country word"] += 1
            return False
        return True

    def _is_org_phrase_ok(self, phrase: str) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", phrase)
        if len(letters) <= 2:
            self.dropped["one- or two-letter acronym"] += 1
            return False
        if phrase.lower() in self.own.terms:
            # "Secretary of State", "Senate": titles and generic bodies take their country from the text
            self.dropped["organisation name that is a title or generic body"] += 1
            return False
        words = phrase.split()
        if len(words) == 1 and (phrase.lower() in self.common or phrase.lower() in self.nouns) \
                and not phrase.isupper():
            self.dropped["one-word organisation name that is an ordinary word"] += 1
            return False
        if len(words) == 1 and phrase.isupper() and phrase.lower() in self.common and len(letters) <= 4:
            self.dropped["acronym that is an ordinary word"] += 1
            return False
        return True

    def add_file(self, path: Path) -> None:
        seen_until = FILE_DATES.get(path.name, "2014-01-30")
        for entry in read_actor_file(path):
            roles, undated = self.reader.roles(entry.codes, seen_until)
            if not roles and not undated:
                if entry.codes or not entry.aliases:
                    self.dropped["entry without a usable code"] += 1
                continue
            bare = [c for c in undated if len(c) == 3 and c not in BODIES]
            if not roles and bare and len(undated) == 1:
                # a country block's own names: spellings (the fuzzy index finds those), cities (the
                # gazetteer's) and provinces whose one-word names are also personal names ("Farah")
                self.dropped["country-block name or place (not shipped)"] += 1 + len(entry.aliases)
            elif roles or self._looks_like_person(entry, undated):
                self._add_person(entry, roles, undated)
            else:
                self._add_org(entry, undated[0])

    def _looks_like_person(self, entry: Entry, undated: list[str]) -> bool:
        words = entry.name.lower().split("_")
        if any(w in self.own.org_heads for w in words) or any(len(w) <= 2 for w in words[:1]):
            return False
        return (len(undated) == 1 and undated[0][3:6] == "ELI" and 2 <= len(words) <= 4
                and undated[0][:3] not in BODIES)

    def _add_person(self, entry: Entry, roles: list[dict], undated: list[str]) -> None:
        if undated and not roles:
            roles.append({"code": undated[0], "start": None, "end": None})
        elif undated:
            # PETRARCH's default code for dates no dated role covers (mostly ELI after office): left
            # out, so that outside every role the title in the text decides, as for own entries
            self.dropped["undated default code beside dated roles"] += len(undated)
        if not roles:
            self.dropped["person without roles"] += 1
            return
        phrases = [f for p in [entry.name, *entry.aliases] for f in cased(p)]
        phrases = [p for p in dict.fromkeys(phrases) if self._is_person_alias_ok(p)]
        if not phrases:
            return
        name = next((self.own.people[p.lower()] for p in phrases if p.lower() in self.own.people), None)
        if name is not None:
            self.folded["person"] += 1
        name = name or phrases[0]
        record = self.people.setdefault(name, {"name": name, "aliases": [], "roles": []})
        if record["roles"]:
            self.folded["person (same name in PETRARCH)"] += 1
        record["aliases"].extend(p for p in phrases if p != name and p not in record["aliases"])
        for role in roles:
            if role not in record["roles"]:
                record["roles"].append(role)

    def _add_org(self, entry: Entry, code: str) -> None:
        phrases = [f for p in [entry.name, *entry.aliases] for f in cased(p, acronyms=True)]
        phrases = [p for p in dict.fromkeys(phrases) if self._is_org_phrase_ok(p)]
        if not phrases:
            return
        own = next((self.own.orgs[p.lower()] for p in phrases if p.lower() in self.own.orgs), None)
        if own is not None:
            self.folded["organisation"] += 1
            name, code = own
        else:
            name = phrases[0]
        record = self.orgs.setdefault(name, {"name": name, "aliases": [], "code": code})
        record["aliases"].extend(p for p in phrases if p != name and p not in record["aliases"])

    # agents -----------------------------------------------------------------------------------------
    def agents(self, path: Path) -> dict[str, dict[str, list[str]]]:
        macros: dict[str, list[str]] = {}
        sectors: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            macro = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
            if macro:
                macros[macro[1]] = [w.strip() for w in macro[2].split(",") if w.strip()]
                continue
            code = re.search(r"\[~?([A-Z]*)\]", line)
            if not code:
                continue
            sector = self._agent_sector(code[1])
            if sector is None:
                self.dropped["agent whose code names no dragoman sector"] += 1
                continue
            words = line[:code.start()].strip().replace("AD!MINIST!RAT", "ADMINISTRAT")
            # a word without a closing "_" is a stem in TABARI: "DEFENSE_MINIST" is minister/ministry
            words = re.sub(r"MINIST(?=\s|$|\{)", "!MINIST!", words)
            plural = re.search(r"\{([^}]*)\}", words)
            words = re.sub(r"\{[^}]*\}", "", words).strip()
            forms = self._expand(words, macros) + [f for p in (plural[1].split() if plural else [])
                                                   for f in self._expand(p, macros)]
            for form in forms:
                term = form.replace("_", " ").lower().strip()
                term = " ".join(term.split())
                if not term or term in self.own.terms or term.split()[-1] in CONNECTIVES or len(term) <= 3 \
                        or not re.fullmatch(r"[a-z' .-]+", term):
                    continue
                if term.split()[0] in self.own.elite:
                    self.dropped["agent beginning with an elite word (the composer reads 'former', 'exiled')"] += 1
                    continue
                if " " not in term and (term in self.common or not term.endswith(AGENT_SUFFIXES)
                                        or term.endswith(("ment", "ments")) or term in NOT_AGENTS):
                    self.dropped["one-word agent that is not an agent noun (-er, -ist, -man ...)"] += 1
                    continue
                kind = self._agent_kind(term)
                if term not in sectors[sector][kind]:
                    sectors[sector][kind].append(term)
        return {s: {k: sorted(v) for k, v in kinds.items()} for s, kinds in sorted(sectors.items())}

    def _agent_kind(self, term: str) -> str:
        """What a term names, from its head word (the last word before "of"/"for"): a body, people, a person."""
        head = re.split(r" (?:of|for|to|at|in) ", term)[0].split()[-1]
        if head in self.own.org_heads:
            return "organization"
        if head.endswith(("men", "ies")) or (head.endswith("s") and head[:-1] in self.own.person_heads):
            return "group"
        return "person"

    @staticmethod
    def _expand(words: str, macros: dict[str, list[str]]) -> list[str]:
        found = re.search(r"!(\w+)!", words)
        if not found or found[1] not in macros:
            return [words] if "!" not in words else []
        return [w for option in macros[found[1]]
                for w in Converter._expand(words[:found.start()] + option + words[found.end():], macros)]

    @staticmethod
    def _agent_sector(code: str) -> str | None:
        for i in range(0, len(code), 3):
            part = code[i:i + 3]
            if part in SECTORS and part not in {"IGO", "NGO"}:
                return part
            if part in RELIGIONS:
                return "REL"
        return None


def _flow_dump(items: list[dict], header: str) -> str:
    body = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    return header + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="folder with the Phoenix.*.txt dictionaries and LICENSE")
    parser.add_argument("out", type=Path, help="output folder (dragoman/data/actors/petrarch2)")
    args = parser.parse_args(argv)
    own = Own()
    converter = Converter(own, common_words(), common_words(("noun",), stop_words=False))
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        converter.add_file(args.source / name)
    agents = converter.agents(args.source / "Phoenix.agents.txt")
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.source / "LICENSE", args.out / "LICENSE")
    header = ("# Converted from the PETRARCH2/Phoenix dictionaries (openeventdata/petrarch2 @676801c, MIT licence,\n"
              "# see LICENSE beside this file) by scripts/convert_petrarch.py. Do not edit: rerun the script.\n")
    people = sorted(converter.people.values(), key=lambda p: p["name"])
    for person in people:
        if not person["aliases"]:
            del person["aliases"]
    orgs = sorted(converter.orgs.values(), key=lambda o: o["name"])
    for org in orgs:
        if not org["aliases"]:
            del org["aliases"]
    (args.out / "people.yaml").write_text(_flow_dump(people, header), encoding="utf-8")
    (args.out / "organizations.yaml").write_text(_flow_dump(orgs, header), encoding="utf-8")
    (args.out / "agents.yaml").write_text(header + yaml.safe_dump({"sectors": agents}, sort_keys=False,
                                                                   allow_unicode=True, width=120), encoding="utf-8")
    lines = ["# PETRARCH2 conversion summary", "",
             f"people: {len(people)}, organisations: {len(orgs)}, "
             f"agent terms: {sum(len(v) for kinds in agents.values() for v in kinds.values())}", "",
             "## Folded into dragoman's own entries (own entries win)", ""]
    lines += [f"- {what}: {count}" for what, count in sorted(converter.folded.items())]
    lines += ["", "## Dropped, by rule", ""]
    lines += [f"- {what}: {count}" for what, count in sorted(converter.dropped.items())]
    (args.out / "CONVERSION.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
