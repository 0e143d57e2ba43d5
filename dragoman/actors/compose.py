"""Composition: pieces that form one noun phrase become one actor.

"Russian Foreign Minister Sergei Lavrov" is country + title + person: one actor spanning the phrase.
The code comes from the strongest evidence: a person's dated role, then country/organisation + title
sector, then country alone. Sector choice: a specific term beats a generic one ("military officials"
-> MIL); among equals the head (last) wins ("civilian refugees" -> REF); "former"/"ousted" titles
become ELI. Titles with no country of their own take the sentence's (or article's) clear country
(``_context_country``; the rule is documented in dragoman/data/actors/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman.actors.coref import ActorMention, DocContext
from dragoman.actors.lexicon import ActorEntry, ActorGrammar, ActorLexicon, Person, fuzzy_lookup
from dragoman.actors.pieces import Piece, sentence_ends
from dragoman.actors.places import is_region
from dragoman.actors.roles import article_date, country_on, role_on
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
    located: Piece | None = None  # "rebels in Mali": the country the title sits in (its own actor too)


def _gap_ok(doc: Doc, a: Piece, b: Piece, grammar: ActorGrammar) -> tuple[bool, bool]:
    """Whether the words between a and b may sit inside one phrase; second value: an elite word among them."""
    elite = False
    for i in range(a.end, b.start):
        token = doc[i]
        word = token.lower_
        if word in grammar.elite:
            elite = True
            continue
        if word in grammar.possessive and a.kind in {"country", "org", "person", "name", "community"} \
                and i == a.end:
            continue
        if word in grammar.modifiers or token.text == "-":
            continue
        if token.dep_ in BRIDGE_DEPS and i < token.head.i < b.end and not token.is_punct:
            continue
        return False, elite
    return True, elite


_OF = (["of"], ["of", "the"])
_LOCATED = frozenset({"in", "from"})
_GAP_TAGS = frozenset({"JJ", "VBN", "HYPH", "DT"})


def _located_gap(doc: Doc, a: Piece, b: Piece) -> bool:
    """ "rebels in the Ivory Coast", "dissidents from military-ruled Myanmar": a located title."""
    gap = doc[a.end:b.start]
    if len(gap) > 1 and gap[0].tag_ in {"VBN", "VBG"} and gap[1].lower_ in _LOCATED:
        gap = gap[1:]  # "a group based in Trinidad", "troops stationed in Mali"
    if not len(gap) or gap[0].lower_ not in _LOCATED:
        return False
    return all(t.tag_ in _GAP_TAGS or t.text == "-" for t in gap[1:])


LOCATED = "located"  # _joinable's answer for "rebels in Mali": not one phrase, but the title takes the place


def _joinable(doc: Doc, group: list[Piece], b: Piece, grammar: ActorGrammar,
              sent_end: list[int]) -> tuple[bool | str, bool]:
    a = group[-1]
    if b.start - a.end > MAX_GAP or sent_end[a.start] != sent_end[b.start]:
        return False, False
    gap = [t.lower_ for t in doc[a.end:b.start]]
    kinds = {p.kind for p in group}
    place = b.kind == "unknown" and b.label == "GPE" and b.country is not None
    if b.kind in {"country", "org"} or place:
        if kinds & {"country", "org", "community"}:
            if b.kind == "country" and a.kind == "country" and not gap and a.entry is not None \
                    and b.entry is not None and a.entry.form == "adj" and b.entry.form == "people":
                return True, False  # "Bosnian Serbs": the people of one country living in another
            return False, False
        # "the president of France", "King Hassan of Morocco": a title, then "of" and its country
        if gap in _OF and not place and (a.kind == "term" or (kinds & {"name", "person"} and "term" in kinds)):
            return True, False
        # "rebels in the Ivory Coast", "a court in Guyana": a group or body located in a country
        if a.kind == "term" and a.entry is not None and not kinds & {"person", "name"} \
                and _located_gap(doc, a, b) and (b.kind == "country" or place):
            if a.entry.form == "group":
                return LOCATED, False
            if a.entry.form == "organization" and "in" in gap[:2] and a.entry.head not in grammar.foreign_posts:
                return LOCATED, False
        return False, False
    if b.kind == "community":
        # "Iraqi Kurds", "Turkish Kurd refugees"
        return a.kind == "country" and a.entry is not None and a.entry.form == "adj" and not gap, False
    if b.kind == "unknown" and b.label == "ORG" and b.country is None and b.sector and len(group) == 1 \
            and a.kind == "country" and gap and len(gap) == 1 and gap[0] in grammar.possessive:
        return True, False  # "Russia's Black Sea Fleet": a named body of the country before it
    if a.kind == "unknown" and a.country and len(group) == 1 and not gap and b.kind == "term" \
            and b.entry is not None and b.entry.form in {"organization", "group"}:
        return True, False  # "Lagos State government", "Istanbul police": a place's body
    if b.kind not in {"term", "name", "person"} or a.kind == "unknown":
        return False, False
    possessive_gap = bool(gap) and gap[0] in grammar.possessive
    if a.kind in {"person", "name"}:
        # "Zoran Djindjic's opposition coalition", "the Bush administration": a person's body
        organization = b.kind == "term" and b.entry is not None and b.entry.form == "organization"
        if not (b.kind == "term" and (possessive_gap or (organization and not gap))):
            return False, False
        if a.kind == "name" or organization:
            return (possessive_gap and len(gap) == 1) or not gap, False
    if kinds & {"person", "name"} and b.kind in {"name", "person"}:
        return False, False
    if b.kind in {"name", "person"} and a.kind == "term" and a.entry is not None and a.entry.form != "person":
        return False, False
    return _gap_ok(doc, a, b, grammar)


def group_pieces(doc: Doc, pieces: list[Piece], grammar: ActorGrammar) -> list[Group]:
    """Join adjacent pieces of one noun phrase."""
    groups: list[Group] = []
    current: list[Piece] = []
    elite = False
    sent_end = sentence_ends(doc)  # Token.sent would rebuild the sentence span for every pair
    for piece in pieces:
        if current:
            ok, gap_elite = _joinable(doc, current, piece, grammar, sent_end)
            if ok == LOCATED:
                groups.append(_finish(doc, current, elite, grammar))
                groups[-1].located = piece
            elif ok:
                current.append(piece)
                elite = elite or gap_elite
                continue
            else:
                groups.append(_finish(doc, current, elite, grammar))
        current, elite = [piece], False
    if current:
        groups.append(_finish(doc, current, elite, grammar))
    return groups


def _finish(doc: Doc, pieces: list[Piece], elite: bool, grammar: ActorGrammar) -> Group:
    start = pieces[0].start
    # "former President X", "ex-president": an elite word just before the phrase
    i = start - 1
    # "former Socialist prime minister": an adjective may stand between
    while i >= 0 and i >= start - 3 and (doc[i].lower_ in grammar.elite or doc[i].text == "-"
                                         or doc[i].tag_ == "JJ" or doc[i].lower_ in grammar.modifiers):
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


def _sector(terms: list[ActorEntry]) -> str | None:
    """A specific term beats a generic one; among equals the head (the last one) decides
    ("civilian refugees": REF, "military officials": MIL)."""
    with_sector = [t for t in terms if t.sector]
    specific = [t for t in with_sector if not t.generic]
    chosen = (specific or with_sector or [None])[-1]
    return chosen.sector if chosen else None


def _join(country: str, sector: str | None) -> str:
    if sector and not country.endswith(sector):
        return country + sector
    return country


class Composer:
    """Turns groups into actors, consulting the document context as it goes."""

    def __init__(self, lexicon: ActorLexicon) -> None:
        self.lexicon = lexicon
        self.grammar = lexicon.grammar

    def actor(self, doc: Doc, group: Group, context: DocContext, published: str | None,
              sentence: int) -> ActorMention | None:
        """The actor a group names, as an ActorMention (None when the group names nothing)."""
        span = doc[group.start:group.end]
        terms = [p.entry for p in group.pieces if p.kind == "term" and p.entry is not None]
        countries = [p for p in group.pieces if p.kind == "country"]
        orgs = [p.entry for p in group.pieces if p.kind == "org" and p.entry is not None]
        persons = [p.entry.person for p in group.pieces if p.kind == "person" and p.entry and p.entry.person]
        names = [p for p in group.pieces if p.kind == "name"]
        unknown = [p for p in group.pieces if p.kind == "unknown"]
        heads = frozenset(t.head for t in terms if t.head)
        sector = _sector(terms) or next((p.sector for p in unknown if p.sector), None)
        if group.elite and (sector in ELITE_SECTORS or (sector is None and (persons or names))):
            sector = "ELI"
        subject = span.root.dep_ in {"nsubj", "nsubjpass"}
        base = {"text": span.text, "start": span.start_char, "end": span.end_char}

        def made(code: str | None, kind: str, rule: str, name: str | None,
                 sector_only: str | None = None, extra_heads: frozenset[str] = frozenset(),
                 gender: str | None = None, name_words: tuple[str, ...] = ()) -> ActorMention:
            country, code_sector = split_code(code)
            actor = Actor(**base, name=name or span.text, code=code, country=country,
                          sector=code_sector or sector_only, kind=kind, rule=rule)
            mention = ActorMention(actor, kind, sentence, subject, heads | extra_heads, gender)
            context.add(mention, name_words)
            return mention

        if unknown and len(group.pieces) == 1:
            piece = unknown[0]
            words = tuple(t.text for t in span if not t.is_punct and t.lower_ not in {"the", "a", "an"})
            if not piece.country and words and all(w[:1].isupper() for w in words):
                # "Lavrov" tagged ORG after "Sergei Lavrov": a surname, not a body
                resolved = self._surname(words, context, published, sector, made, words, heads)
                if resolved is not None:
                    return resolved
            kind = {"GPE": "place", "NORP": "group", "ORG": "organization", "FAC": "place"}.get(piece.label, "group")
            if piece.label == "GPE" and piece.country:
                # a city that acts or is acted on ("Algiers was shelled") stands for its people;
                # after "in"/"from" it only locates something, and US states are regions, not cities
                city = not self._locative(doc, group.start) and not is_region(span.text)
                return made(piece.country + ("CVL" if city else ""), kind, "gazetteer:place", span.text)
            rule = "compose:organization-country" if piece.country else "unresolved"
            code = piece.country
            if code and len(code) == 3 and code not in NON_COUNTRIES and piece.sector:
                code += piece.sector
            return made(code, kind, rule, span.text, sector_only=piece.sector)

        if group.nominal:
            return self._nominal(doc, group, terms, context, sentence, base, sector)

        country_code, country_rule = self._country(doc, countries, orgs, terms, unknown)
        if country_code is None and group.located is not None and terms:
            located = group.located
            country_code = (located.entry.code or "")[:3] if located.entry is not None else located.country
            country_rule = "located"
        person_words = tuple(t.text for p in group.pieces if p.kind in {"person", "name"}
                             for t in doc[p.start:p.end])
        communities = [p for p in group.pieces if p.kind == "community"]
        last_person = max((i for i, p in enumerate(group.pieces) if p.kind in {"person", "name"}), default=None)
        tail = [p.entry for p in group.pieces[(last_person or 0) + 1:] if p.kind == "term" and p.entry] \
            if last_person is not None else []

        if tail:
            # "Zoran Djindjic's opposition coalition", "the Bush administration": a body of the person's country
            words = tuple(t.text for p in group.pieces if p.kind in {"person", "name"} for t in doc[p.start:p.end])
            owner = country_code or (
                country_on(persons[0].roles, published) if persons else self._name_country(words, context, published)
            ) or self._context_country(doc, group, context, sentence)
            owned_sector = _sector(tail)
            kind = tail[-1].form or "group"
            if owner and owner not in NON_COUNTRIES:
                return made(_join(owner, owned_sector), kind, "compose:person+title", None)
            return made(None, kind, "compose:sector-only", None, sector_only=owned_sector)

        if communities and not persons and not names and not orgs:
            return self._community(doc, group, communities[0], countries, terms, sector, context, sentence, made)

        if persons:
            person = persons[0]
            return self._person(person, published, country_code, sector, made, person_words)

        if names:
            words = tuple(t.text for t in doc[names[0].start:names[0].end])
            if not country_code:
                resolved = self._surname(words, context, published, sector, made, person_words, heads)
                if resolved is not None:
                    return resolved
            name = doc[names[0].start:names[0].end].text
            if country_code:
                return made(_join(country_code, sector), "person", f"compose:{country_rule}+name", name,
                            name_words=person_words)
            near = self._context_country(doc, group, context, sentence) if sector else None
            if near:
                return made(_join(near, sector), "person", "compose:title+name+context", name,
                            name_words=person_words)
            return made(None, "person", "unresolved" if not sector else "compose:title-only", name,
                        sector_only=sector, name_words=person_words)

        if country_code:
            kind = self._kind(countries, orgs, terms)
            if not terms and len(countries) > 1 and countries[-1].entry is not None \
                    and countries[-1].entry.form == "people":
                # "Bosnian Serbs": civilians of the first country
                return made(country_code + "CVL", "group", "compose:country+people", None)
            if not terms and unknown and sector and countries:
                # "Russia's Black Sea Fleet": the country's body, of the kind its name says
                return made(_join(country_code, sector), "organization", "compose:country+organization", None)
            if not terms and countries and countries[0].entry is not None:
                entry = countries[0].entry
                if entry.form in {"capital", "seat"} and self._locative(doc, group.start):
                    return made(entry.code[:3], "place", "dictionary:place", entry.name)
                if entry.form == "capital":
                    return made(entry.code + "GOV", "organization", "dictionary:capital-metonym", entry.name)
                if entry.form == "people":
                    # "Palestinians": the people of a country are its civilians
                    return made(entry.code + "CVL", "group", "dictionary:people", entry.name)
                rule = {"seat": "dictionary:seat", "place": "dictionary:place"}.get(entry.form or "",
                                                                                   "dictionary:country")
                return made(entry.code, kind, rule, entry.name)
            if not terms and orgs:
                return made(orgs[0].code, "organization", "dictionary:organization", orgs[0].name)
            code = _join(country_code, sector)
            if orgs and split_code(country_code)[0] not in NON_COUNTRIES and len(country_code) > 3:
                code = country_code  # "CIA officials" stay USASPY
            return made(code, kind, f"compose:{country_rule}+title", None)

        if terms:
            kind = terms[-1].form or "group"
            near = self._context_country(doc, group, context, sentence) if sector else None
            if near:
                return made(_join(near, sector), kind, "compose:title+context", None)
            return made(None, kind, "compose:sector-only", None, sector_only=sector)
        return None

    def _context_country(self, doc: Doc, group: Group, context: DocContext, sentence: int,
                         exclude: frozenset[str] = frozenset()) -> str | None:
        """The country a bare title belongs to: the sentence's clear country, else the article's.

        "foreign troops", "international monitors": an outsider word before the phrase blocks it.
        """
        before = {t.lower_ for t in doc[max(group.start - 2, 0):group.start]}
        inside = {t.lower_ for t in doc[group.start:group.end]}
        if (before | inside) & self.grammar.outsiders:
            return None
        return context.country_near(sentence, exclude)

    def _community(self, doc: Doc, group: Group, piece: Piece, countries: list[Piece], terms: list[ActorEntry],
                   sector: str | None, context: DocContext, sentence: int, made) -> ActorMention:  # type: ignore[no-untyped-def]
        """ "Iraqi Kurds", "Hutu rebels", "ethnic Albanians", "Sunnis": a community's country.

        A nationality in the phrase decides; "ethnic X" lives where the sentence is (else in X's
        country); a community with one home country belongs to it; a community spread over several
        countries takes the sentence's (or the article's) clear country, else stays without one.
        """
        entry = piece.entry
        home = entry.code if entry is not None else None
        chosen_sector = sector or "CVL"
        if chosen_sector == "GOV" and terms and terms[-1].head in self.grammar.community_elite:
            chosen_sector = "ELI"  # "Yoruba leaders": a community's leaders are not a government
        kind = (terms[-1].form or "group") if terms else "group"
        if countries and countries[0].entry is not None and countries[0].entry.code:
            country, rule = countries[0].entry.code[:3], "compose:country+community"
        elif entry is not None and entry.form == "ethnic":
            near = self._context_country(doc, group, context, sentence, frozenset({home or ""}))
            country, rule = near or home, "compose:ethnic+context" if near else "compose:ethnic"
        elif home:
            country, rule = home, "dictionary:community"
        else:
            country, rule = self._context_country(doc, group, context, sentence), "compose:community+context"
        if not country:
            return made(None, kind, "compose:community-only", None, sector_only=chosen_sector)
        return made(_join(country, chosen_sector), kind, rule, None)

    def _name_country(self, words: tuple[str, ...], context: DocContext, published: str | None) -> str | None:
        """The country of a partial name: an earlier person so called, else every dictionary person so called."""
        earlier = context.by_name(words)
        if earlier is not None:
            return earlier.actor.country
        return self.surname_country(words, published)

    def surname_country(self, words: tuple[str, ...], published: str | None) -> str | None:
        """The one country of every dictionary person a partial name may mean, else None."""
        countries = {country_on(p.roles, published) for p in self._people_named(words, published, frozenset(), False)}
        return countries.pop() if len(countries) == 1 else None

    def _people_named(self, words: tuple[str, ...], published: str | None, heads: frozenset[str],
                      fuzzy: bool) -> list[Person]:
        """Dictionary people a partial name may mean, narrowed by the date and by the title in the text."""
        key = " ".join(words)
        names = self.lexicon.surnames.get(key)
        if not names and any(w.islower() for w in words):
            names = self.lexicon.folded_people.get(key.lower())  # "President obama"
        if not names and fuzzy and len(words) == 1:
            surname = fuzzy_lookup(self.lexicon, words[0], "surname")
            names = self.lexicon.surnames.get(surname) if surname else None
        people = [self.lexicon.people[n] for n in sorted(names or ()) if n in self.lexicon.people]
        own = [p for p in people if not p.converted]
        if own and len(own) < len(people):
            people = own  # a surname the own dictionaries know is not made ambiguous by converted entries
        if len(people) > 1 and heads:
            # "King Hussein", "President Kim": the ones who held an office with that title
            titled = [p for p in people if any(r.title and r.title.split()[-1].lower() in heads for r in p.roles)]
            people = titled or people
        if len(people) > 1 and article_date(published):
            active = [p for p in people if role_on(p.roles, published) is not None]
            people = active or people
        return people

    def _surname(self, words: tuple[str, ...], context: DocContext, published: str | None,
                 sector: str | None, made, person_words: tuple[str, ...],  # type: ignore[no-untyped-def]
                 heads: frozenset[str] = frozenset()) -> ActorMention | None:
        """A partial name: an earlier person of the document, else the one dictionary person so called."""
        earlier = context.by_name(words)
        if earlier is not None:
            return made(earlier.actor.code, "person", "coref:surname", earlier.actor.name,
                        sector_only=earlier.actor.sector, extra_heads=earlier.heads,
                        gender=earlier.gender, name_words=person_words)
        people = self._people_named(words, published, heads, fuzzy=sector is not None)
        if len(people) == 1:
            mention = self._person(people[0], published, None, sector, made, person_words)
            mention.actor.rule = (mention.actor.rule or "").replace("dictionary:", "dictionary:surname:")
            return mention
        countries = {country_on(p.roles, published) for p in people}
        if len(countries) == 1 and people:
            # "President Bush": two people, one country
            country = countries.pop()
            if country and country not in NON_COUNTRIES:
                return made(_join(country, sector), "person", "dictionary:surname:country", " ".join(words),
                            name_words=person_words)
        return None

    def _country(self, doc: Doc, countries: list[Piece], orgs: list[ActorEntry],
                 terms: list[ActorEntry], unknown: list[Piece]) -> tuple[str | None, str]:
        if orgs:
            return orgs[0].code, "organization"
        if countries and countries[0].entry is not None:
            entry = countries[0].entry
            if entry.form == "seat" and not terms:
                return entry.code, "seat"
            return (entry.code or "")[:3] or None, "country"
        place = next((p.country for p in unknown if p.country and len(p.country) == 3), None)
        if place and terms:
            return place[:3], "place"  # "militias in Tripoli"
        return None, ""

    def _kind(self, countries: list[Piece], orgs: list[ActorEntry], terms: list[ActorEntry]) -> str:
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
        # "in the", "in central Baghdad", "in the capital Baghdad"
        while i >= 0 and i >= start - 3 and (doc[i].lower_ == "the" or doc[i].tag_ == "JJ"):
            i -= 1
        return i >= 0 and doc[i].lower_ in self.grammar.locative

    def _person(self, person: Person, published: str | None, text_country: str | None,
                sector: str | None, made, name_words: tuple[str, ...]) -> ActorMention:  # type: ignore[no-untyped-def]
        role = role_on(person.roles, published)
        if sector and role is not None and article_date(published) is None and sector not in (role.code[3:] or ""):
            # no date: "Prime Minister X" means the office the text names, not merely the latest one
            role = max((r for r in person.roles if sector in r.code[3:]), default=role,
                       key=lambda r: r.start or "")
        titles = frozenset(r.title.split()[-1].lower() for r in person.roles if r.title)
        if role is not None and sector and sector != "ELI" and role.code[3:6] == "ELI" \
                and role.country not in NON_COUNTRIES:
            # "Prime Minister X" on a date the dictionary has X out of office: the text's title decides
            return made(_join(role.country or "", sector), "person", "dictionary:person+title", person.name,
                        extra_heads=titles, gender=person.gender, name_words=name_words)
        if role is not None and sector == "ELI" and role.country not in NON_COUNTRIES:
            # "ousted President X": the text says the office is over, whatever the dictionary's dates
            return made(_join(role.country or "", "ELI"), "person", "dictionary:person+former", person.name,
                        extra_heads=titles, gender=person.gender, name_words=name_words)
        if role is not None:
            # an open-ended role past its source's last evidence is used, but marked as such
            rule = "dictionary:person:role+unconfirmed" if role.unconfirmed_on(published) else "dictionary:person:role"
            return made(role.code, "person", rule, person.name, extra_heads=titles,
                        gender=person.gender, name_words=name_words)
        country = text_country if text_country and text_country not in NON_COUNTRIES else country_on(
            person.roles, published)
        if sector and country:
            return made(_join(country, sector), "person", "dictionary:person+title", person.name,
                        gender=person.gender, name_words=name_words)
        return made(country, "person", "dictionary:person:country", person.name,
                    gender=person.gender, name_words=name_words)

    def _nominal(self, doc: Doc, group: Group, terms: list[ActorEntry], context: DocContext, sentence: int,
                 base: dict, sector: str | None) -> ActorMention | None:
        head_term = terms[-1]
        kind = head_term.form or "group"
        earlier = context.nominal(head_term.head or "", kind, sector, sentence, head_term.generic)
        if earlier is not None:
            actor = Actor(**base, name=earlier.actor.name, code=earlier.actor.code, country=earlier.actor.country,
                          sector=earlier.actor.sector, kind="nominal", rule="coref:nominal")
            subject = doc[group.start:group.end].root.dep_ in {"nsubj", "nsubjpass"}
            mention = ActorMention(actor, earlier.kind, sentence, subject,
                              earlier.heads, earlier.gender)
            context.add(mention)
            return mention
        # nothing earlier fits: the sentence's (or article's) clear country, else sector only
        near = self._context_country(doc, group, context, sentence) if sector else None
        code = _join(near, sector) if near else None
        actor = Actor(**base, name=base["text"], code=code, country=near, sector=sector, kind=kind,
                      rule="compose:title+context" if near else "compose:sector-only")
        mention = ActorMention(actor, kind, sentence, False, frozenset({head_term.head or ""}))
        context.add(mention)
        return mention
