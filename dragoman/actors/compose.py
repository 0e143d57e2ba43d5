"""Composition: pieces that form one noun phrase become one actor.

"Russian Foreign Minister Sergei Lavrov" is country + title + person: one actor spanning the phrase.
The code comes from the strongest evidence: a person's dated role, then country/organisation + title
sector, then country alone. Sector choice: a specific term beats a generic one ("military officials"
-> MIL); among equals the first wins; "former"/"ousted" titles become ELI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dragoman.actors.coref import DocContext, Mention
from dragoman.actors.lexicon import Entry, Grammar, Lexicon, Person
from dragoman.actors.pieces import Piece
from dragoman.actors.roles import country_on, role_on
from dragoman.records import Actor, split_code

MAX_GAP = 4  # bridge words allowed between two pieces of one phrase
BRIDGE_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "advmod", "npadvmod", "poss", "case"})
NON_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
ELITE_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD"})


@dataclass
class Group:
    """The pieces of one phrase, with the token span it covers."""

    pieces: list[Piece]
    start: int
    end: int
    elite: bool = False
    nominal: bool = False  # "the minister": a title behind a determiner, nothing else
    extras: list[str] = field(default_factory=list)


def _gap_ok(doc: Doc, a: Piece, b: Piece, grammar: Grammar) -> tuple[bool, bool]:
    """Whether the words between a and b may sit inside one phrase; second value: an elite word among them."""
    elite = False
    for i in range(a.end, b.start):
        token = doc[i]
        word = token.lower_
        if word in grammar.elite:
            elite = True
            continue
        if word in grammar.possessive and a.kind in {"country", "org", "person"} and i == a.end:
            continue
        if word in grammar.modifiers or token.text == "-":
            continue
        if token.dep_ in BRIDGE_DEPS and i < token.head.i < b.end and not token.is_punct:
            continue
        return False, elite
    return True, elite


def _joinable(doc: Doc, group: list[Piece], b: Piece, grammar: Grammar) -> tuple[bool, bool]:
    a = group[-1]
    if b.start - a.end > MAX_GAP or doc[a.start].sent.start != doc[b.start].sent.start:
        return False, False
    gap = [t.lower_ for t in doc[a.end:b.start]]
    kinds = {p.kind for p in group}
    if b.kind in {"country", "org"}:
        # "the president of France": a title, then "of" and the body it belongs to
        # "rebels in the Ivory Coast": a bare group located in a country belongs to it
        ok = a.kind == "term" and gap in (["of"], ["of", "the"], ["in"], ["in", "the"]) \
            and not kinds & {"country", "org", "person", "name"}
        if ok and gap[0] == "in":
            ok = b.kind == "country" and a.entry is not None and a.entry.form == "group"
        return ok, False
    if b.kind not in {"term", "name", "person"} or a.kind in {"name", "unknown"}:
        return False, False
    if a.kind == "person" and not (b.kind == "term" and gap and gap[0] in grammar.possessive):
        return False, False
    if kinds & {"person", "name"} and b.kind in {"name", "person"}:
        return False, False
    if b.kind in {"name", "person"} and a.kind == "term" and a.entry is not None and a.entry.form != "person":
        return False, False
    return _gap_ok(doc, a, b, grammar)


def group_pieces(doc: Doc, pieces: list[Piece], grammar: Grammar) -> list[Group]:
    """Join adjacent pieces of one noun phrase."""
    groups: list[Group] = []
    current: list[Piece] = []
    elite = False
    for piece in pieces:
        if current:
            ok, gap_elite = _joinable(doc, current, piece, grammar)
            if ok:
                current.append(piece)
                elite = elite or gap_elite
                continue
            groups.append(_finish(doc, current, elite, grammar))
        current, elite = [piece], False
    if current:
        groups.append(_finish(doc, current, elite, grammar))
    return groups


def _finish(doc: Doc, pieces: list[Piece], elite: bool, grammar: Grammar) -> Group:
    start = pieces[0].start
    # "former President X", "ex-president": an elite word just before the phrase
    i = start - 1
    while i >= 0 and i >= start - 2 and (doc[i].lower_ in grammar.elite or doc[i].text == "-"):
        if doc[i].lower_ in grammar.elite:
            elite = True
            start = i
        i -= 1
    nominal = (
        all(p.kind == "term" for p in pieces)
        and start > 0
        and doc[start - 1].lower_ in grammar.nominal
    )
    if nominal:
        start -= 1
    return Group(pieces, start, pieces[-1].end, elite=elite, nominal=nominal)


def _sector(terms: list[Entry]) -> str | None:
    with_sector = [t for t in terms if t.sector]
    specific = [t for t in with_sector if not t.generic]
    chosen = (specific or with_sector or [None])[0]
    return chosen.sector if chosen else None


def _join(country: str, sector: str | None) -> str:
    if sector and not country.endswith(sector):
        return country + sector
    return country


class Composer:
    """Turns groups into actors, consulting the document context as it goes."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.grammar = lexicon.grammar

    def actor(self, doc: Doc, group: Group, context: DocContext, published: str | None,
              sentence: int) -> Mention | None:
        """The actor a group names, as a Mention (None when the group names nothing)."""
        span = doc[group.start:group.end]
        terms = [p.entry for p in group.pieces if p.kind == "term" and p.entry is not None]
        countries = [p for p in group.pieces if p.kind == "country"]
        orgs = [p.entry for p in group.pieces if p.kind == "org" and p.entry is not None]
        persons = [p.entry.person for p in group.pieces if p.kind == "person" and p.entry and p.entry.person]
        names = [p for p in group.pieces if p.kind == "name"]
        unknown = [p for p in group.pieces if p.kind == "unknown"]
        heads = frozenset(t.head for t in terms if t.head)
        sector = _sector(terms)
        if group.elite and (sector in ELITE_SECTORS or (sector is None and (persons or names))):
            sector = "ELI"
        subject = span.root.dep_ in {"nsubj", "nsubjpass"}
        base = {"text": span.text, "start": span.start_char, "end": span.end_char}

        def made(code: str | None, kind: str, rule: str, name: str | None,
                 sector_only: str | None = None, extra_heads: frozenset[str] = frozenset(),
                 gender: str | None = None, name_words: tuple[str, ...] = ()) -> Mention:
            country, code_sector = split_code(code)
            actor = Actor(**base, name=name or span.text, code=code, country=country,
                          sector=code_sector or sector_only, kind=kind, rule=rule)
            mention = Mention(actor, kind, sentence, subject, heads | extra_heads, gender)
            context.add(mention, name_words)
            return mention

        if unknown and len(group.pieces) == 1:
            piece = unknown[0]
            words = tuple(t.text for t in span if not t.is_punct and t.lower_ not in {"the", "a", "an"})
            if not piece.country and words and all(w[:1].isupper() for w in words):
                # "Lavrov" tagged ORG after "Sergei Lavrov": a surname, not a body
                resolved = self._surname(words, context, published, sector, made, words)
                if resolved is not None:
                    return resolved
            kind = {"GPE": "place", "NORP": "group", "ORG": "organization", "FAC": "place"}.get(piece.label, "group")
            rule = "gazetteer:place" if piece.label == "GPE" and piece.country else (
                "compose:organization-country" if piece.country else "unresolved")
            return made(piece.country, kind, rule, span.text)

        if group.nominal:
            return self._nominal(doc, group, terms, context, sentence, base, sector)

        country_code, country_rule = self._country(doc, countries, orgs, terms)
        person_words = tuple(t.text for p in group.pieces if p.kind in {"person", "name"}
                             for t in doc[p.start:p.end])

        if persons:
            person = persons[0]
            return self._person(person, published, country_code, sector, made, person_words)

        if names:
            words = tuple(t.text for t in doc[names[0].start:names[0].end])
            if not country_code:
                resolved = self._surname(words, context, published, sector, made, person_words)
                if resolved is not None:
                    return resolved
            name = doc[names[0].start:names[0].end].text
            if country_code:
                return made(_join(country_code, sector), "person", f"compose:{country_rule}+name", name,
                            name_words=person_words)
            dominant = context.document_country if sector else None
            if dominant:
                return made(_join(dominant, sector), "person", "compose:title+name+context", name,
                            name_words=person_words)
            return made(None, "person", "unresolved" if not sector else "compose:title-only", name,
                        sector_only=sector, name_words=person_words)

        if country_code:
            kind = self._kind(countries, orgs, terms)
            if not terms and countries and countries[0].entry is not None:
                entry = countries[0].entry
                if entry.form in {"capital", "seat"} and self._locative(doc, group.start):
                    return made(entry.code[:3], "place", "dictionary:place", entry.name)
                if entry.form == "capital":
                    return made(entry.code + "GOV", "organization", "dictionary:capital-metonym", entry.name)
                if entry.form == "people":
                    # "Palestinians": the people of a country are its civilians
                    return made(entry.code + "CVL", "group", "dictionary:people", entry.name)
                rule = {"seat": "dictionary:seat", "place": "dictionary:place"}.get(entry.form or "", "dictionary:country")
                return made(entry.code, kind, rule, entry.name)
            if not terms and orgs:
                return made(orgs[0].code, "organization", "dictionary:organization", orgs[0].name)
            code = _join(country_code, sector)
            if orgs and split_code(country_code)[0] not in NON_COUNTRIES and len(country_code) > 3:
                code = country_code  # "CIA officials" stay USASPY
            return made(code, kind, f"compose:{country_rule}+title", None)

        if terms:
            kind = terms[-1].form or "group"
            return made(None, kind, "compose:sector-only", None, sector_only=sector)
        return None

    def _surname(self, words: tuple[str, ...], context: DocContext, published: str | None,
                 sector: str | None, made, person_words: tuple[str, ...]) -> Mention | None:  # type: ignore[no-untyped-def]
        """A partial name: an earlier person of the document, else the one dictionary person so called."""
        earlier = context.by_name(words)
        if earlier is not None:
            return made(earlier.actor.code, "person", "coref:surname", earlier.actor.name,
                        sector_only=earlier.actor.sector, extra_heads=earlier.heads,
                        gender=earlier.gender, name_words=person_words)
        if len(words) == 1:
            known = self.lexicon.surnames.get(words[0], set())
            if len(known) == 1:
                person = self.lexicon.people[next(iter(known))]
                mention = self._person(person, published, None, sector, made, person_words)
                mention.actor.rule = (mention.actor.rule or "").replace("dictionary:", "dictionary:surname:")
                return mention
        return None

    def _country(self, doc: Doc, countries: list[Piece], orgs: list[Entry],
                 terms: list[Entry]) -> tuple[str | None, str]:
        if orgs:
            return orgs[0].code, "organization"
        if countries and countries[0].entry is not None:
            entry = countries[0].entry
            if entry.form == "seat" and not terms:
                return entry.code, "seat"
            return (entry.code or "")[:3] or None, "country"
        return None, ""

    def _kind(self, countries: list[Piece], orgs: list[Entry], terms: list[Entry]) -> str:
        if terms:
            return terms[-1].form or "group"
        if orgs:
            return "organization"
        entry = countries[0].entry if countries else None
        if entry is not None and entry.form == "people":
            return "group"
        if entry is not None and entry.form in {"capital", "seat"}:
            return "organization"
        if entry is not None and entry.form == "place":
            return "place"
        return "country"

    def _locative(self, doc: Doc, start: int) -> bool:
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        return i >= 0 and doc[i].lower_ in self.grammar.locative

    def _person(self, person: Person, published: str | None, text_country: str | None,
                sector: str | None, made, name_words: tuple[str, ...]) -> Mention:  # type: ignore[no-untyped-def]
        role = role_on(person.roles, published)
        titles = frozenset(r.title.split()[-1].lower() for r in person.roles if r.title)
        if role is not None:
            return made(role.code, "person", "dictionary:person:role", person.name, extra_heads=titles,
                        gender=person.gender, name_words=name_words)
        country = text_country if text_country and text_country not in NON_COUNTRIES else country_on(
            person.roles, published)
        if sector and country:
            return made(_join(country, sector), "person", "dictionary:person+title", person.name,
                        gender=person.gender, name_words=name_words)
        return made(country, "person", "dictionary:person:country", person.name,
                    gender=person.gender, name_words=name_words)

    def _nominal(self, doc: Doc, group: Group, terms: list[Entry], context: DocContext, sentence: int,
                 base: dict, sector: str | None) -> Mention | None:
        head_term = terms[-1]
        kind = head_term.form or "group"
        earlier = context.nominal(head_term.head or "", kind, sector, sentence, head_term.generic)
        if earlier is not None:
            actor = Actor(**base, name=earlier.actor.name, code=earlier.actor.code, country=earlier.actor.country,
                          sector=earlier.actor.sector, kind="nominal", rule="coref:nominal")
            mention = Mention(actor, earlier.kind, sentence, doc[group.start:group.end].root.dep_ in {"nsubj", "nsubjpass"},
                              earlier.heads, earlier.gender)
            context.add(mention)
            return mention
        # nothing earlier fits: keep the phrase, sector only, never a guessed country
        actor = Actor(**base, name=base["text"], code=None, country=None, sector=sector, kind=kind,
                      rule="compose:sector-only")
        mention = Mention(actor, kind, sentence, False, frozenset({head_term.head or ""}))
        context.add(mention)
        return mention
