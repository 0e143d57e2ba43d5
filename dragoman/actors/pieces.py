"""Finding the pieces of actor mentions in a parsed doc: dictionary matches, names and leftover entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dragoman.actors.lexicon import ActorEntry, ActorLexicon, fuzzy_lookup
from dragoman.actors.matcher import norm
from dragoman.actors.places import country_of_body_place, country_of_place

NAME_TAGS = frozenset({"NNP", "NNPS"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# entities whose words are not actors ("the Geneva Conventions", "World Cup")
OPAQUE_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
UNKNOWN_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON", "FAC"})
# entity labels whose single words may be misspelt country words ("Ethopia", "Quatar")
FUZZY_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG"})
PERSON_LABELS = frozenset({"PERSON", "NORP"})


@dataclass
class Piece:
    """A run of tokens [start, end) that names part of an actor."""

    start: int
    end: int
    kind: str  # country|org|person|term|name|unknown
    entry: ActorEntry | None = None
    label: str = ""  # spaCy entity label of an unknown piece
    country: str | None = None  # country found for an unknown piece (gazetteer, adjective inside)
    rule: str = ""  # how the piece was found, when not by an exact dictionary match
    sector: str | None = None  # an unknown body's sector, from the head title inside it ("... University")


def sentence_ends(doc: Doc) -> list[int]:
    """For each token, the end of its sentence (two tokens share a sentence when their ends agree)."""
    ends = [len(doc)] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            ends[i] = sent.end
    return ends


def _columns(doc: Doc, attrs: list[str]) -> list[list[str]]:
    """One list of strings per attribute, read through ``doc.to_array``: no Token object per word."""
    strings = doc.vocab.strings
    return [[strings[h] for h in column] for column in doc.to_array(attrs).T.tolist()]


def dictionary_pieces(doc: Doc, lexicon: ActorLexicon) -> list[Piece]:
    """Longest matches of the proper-name trie (exact case) and the term trie (lower case or lemma)."""
    texts, lowers, lemmas, tags = _columns(doc, ["ORTH", "LOWER", "LEMMA", "TAG"])
    skip = [space or punct and text not in {"'s", "’s"} for space, punct, text in
            zip(*doc.to_array(["IS_SPACE", "IS_PUNCT"]).T.tolist(), texts, strict=True)]
    proper_keys = [(norm(text),) for text in texts]
    # the lemma only for nouns: "officials" finds "official", but "pressed" must not find "press"
    term_keys = [tuple(dict.fromkeys((norm(lower), norm(lemma.lower() if tag.startswith("NN") else lower))))
                 for lower, lemma, tag in zip(lowers, lemmas, tags, strict=True)]
    sent_end = sentence_ends(doc)
    pieces: list[Piece] = []
    i = 0
    while i < len(texts):
        if skip[i]:
            i += 1
            continue
        proper_end, proper = lexicon.proper.longest(proper_keys, i)
        term_end, term = lexicon.terms.longest(term_keys, i)
        if proper is not None and proper_end >= term_end and proper_end <= sent_end[i]:
            pieces.append(Piece(i, proper_end, proper.kind, proper))
            i = proper_end
        elif term is not None and term_end <= sent_end[i]:
            if term.form == "person" and tags[term_end - 1] in PLURAL_TAGS:
                term = replace(term, form="group")  # "officials" found through the lemma "official"
            pieces.append(Piece(i, term_end, "term", term))
            i = term_end
        elif lowers[i] in lexicon.folded_countries and texts[i] != texts[i].capitalize():
            # "tunisian", "iSrael": a country word in odd case (lower-case common words are listed out)
            pieces.append(Piece(i, i + 1, "country", lexicon.folded_countries[lowers[i]], rule="case"))
            i += 1
        else:
            i += 1
    return pieces


def _stance(doc: Doc, piece: Piece, prefixes: frozenset[str], suffixes: frozenset[str]) -> bool:
    """ "pro-Iranian", "anti-Syria", "Syrian-backed", "UK-based": the country is not the actor."""
    start, end = piece.start, piece.end
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in prefixes:
        return True
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in suffixes


def _ethnic(doc: Doc, piece: Piece, ethnic: frozenset[str]) -> Piece:
    """ "ethnic Albanians": a community whose home is Albania, living wherever the sentence says."""
    if piece.kind == "country" and piece.entry is not None and piece.entry.form in {"adj", "people"} \
            and piece.start > 0 and doc[piece.start - 1].lower_ in ethnic:
        entry = replace(piece.entry, kind="community", form="ethnic", code=(piece.entry.code or "")[:3])
        return Piece(piece.start - 1, piece.end, "community", entry)
    return piece


def _shared_capital(doc: Doc, piece: Piece, named: Counter[str]) -> Piece:
    """ "Tripoli, the north Lebanese port": a capital's name used for a city of a country the text names."""
    if piece.kind != "country" or piece.entry is None or piece.entry.form != "capital" or not piece.entry.code:
        return piece
    own = piece.entry.code[:3]
    if named[own] > 1:  # the capital's own country is named elsewhere too
        return piece
    others = {code for code, count in named.items() if count and code != own}
    other = country_of_place(doc[piece.start:piece.end].text, others)
    if other and other != own and other in others:
        return Piece(piece.start, piece.end, "unknown", label="GPE", country=other)
    return piece


def _fuzzy_piece(lexicon: ActorLexicon, doc: Doc, i: int, j: int, label: str) -> Piece | None:
    """A lone misspelt country word ("Afganistan"): one slip away from exactly one dictionary word."""
    if j - i != 1 or label not in FUZZY_LABELS:
        return None
    word = doc[i].text
    entry = fuzzy_lookup(lexicon, word, "country")
    if entry is None:
        return None
    return Piece(i, j, "country", entry, rule="spelling")


def is_name_token(token: Token, particles: frozenset[str]) -> bool:
    """A word that can be part of a person's name."""
    if token.tag_ in NAME_TAGS:
        return True
    return token.lower_ in particles or (token.is_alpha and token.text[:1].isupper() and not token.is_sent_start)


def _name_run(doc: Doc, start: int, limit: int, taken: list[bool], particles: frozenset[str]) -> int:
    """End of the run of name tokens from ``start`` (a hyphen joins words written without spaces)."""
    end = start
    i = start
    while i < limit and not taken[i]:
        token = doc[i]
        if token.text in {"-", "'"} and i > start and not doc[i - 1].whitespace_ and i + 1 < limit:
            i += 1
            continue
        if not is_name_token(token, particles):
            break
        i += 1
        if token.lower_ not in particles:
            end = i
    return end


def entity_pieces(doc: Doc, pieces: list[Piece], lexicon: ActorLexicon) -> list[Piece]:
    """Add names after person titles and the entities no dictionary covered; drop pieces inside titles."""
    grammar = lexicon.grammar
    particles = grammar.name_particles
    taken = [False] * len(doc)
    for piece in pieces:
        for i in range(piece.start, piece.end):
            taken[i] = True
    kept_pieces = []
    for piece in pieces:
        if piece.kind == "org" and piece.entry is not None and (piece.entry.code or "")[3:6] == "BUS" \
                and piece.end < len(doc) and doc[piece.end].like_num:
            continue  # "Boeing 777", "Airbus 380": a company's product, not the company

        if piece.kind in {"country", "org", "community"} and _stance(doc, piece, grammar.stance_prefixes,
                                                                     grammar.stance_suffixes):
            for i in range(max(piece.start - 2, 0), min(piece.end + 2, len(doc))):
                taken[i] = True  # the hyphenated word as a whole ("pro-Iranian") is a modifier
            continue
        kept_pieces.append(_ethnic(doc, piece, grammar.ethnic))
    pieces = kept_pieces
    for piece in pieces:
        for i in range(piece.start, piece.end):
            taken[i] = True
    named = Counter(p.entry.code[:3] for p in pieces if p.kind == "country" and p.entry and p.entry.code)
    doc_countries = set(named)
    pieces = [_shared_capital(doc, p, named) for p in pieces]
    sent_end = sentence_ends(doc)
    kept: list[Piece] = []
    for ent in doc.ents:
        inside = [p for p in pieces if ent.start <= p.start and p.end <= ent.end]
        if ent.label_ in OPAQUE_LABELS:
            for piece in inside:
                pieces.remove(piece)
                for i in range(piece.start, piece.end):
                    taken[i] = False
            for i in range(ent.start, ent.end):
                taken[i] = True
            continue
        if ent.label_ == "ORG" and inside and _has_free_words(doc, ent.start, ent.end, taken) \
                and not any(p.kind == "country" and p.end == ent.end and p.entry is not None
                            and p.entry.form in {"adj", "people"} for p in inside):
            # "Sudanese People's Liberation Army": a body the dictionary lacks; keep only its country
            # (or the organisation it belongs to: "the UN Emergency Relief Coordinator")
            country = next((p.entry.code[:3] for p in inside if p.kind == "country" and p.entry), None)
            if country is None:
                org = next((p.entry.code for p in inside if p.kind == "org" and p.entry and p.entry.code), None)
                if org:
                    country = org if org[:3] in {"IGO", "NGO", "IMG"} else org[:3]
            if country is None:
                # "Lahore High Court", "Kano State government": a place the gazetteer knows names the country
                country = _place_inside(doc, ent.start, ent.end, taken, doc_countries, grammar.division_words)
            # "Baghdad University Medical School": the last specific title inside names the kind of body
            heads = [p.entry for p in inside if p.kind == "term" and p.entry and p.entry.sector and not p.entry.generic]
            for piece in inside:
                pieces.remove(piece)
            kept.append(Piece(ent.start, ent.end, "unknown", label="ORG", country=country,
                              sector=heads[-1].sector if heads else None))
            for i in range(ent.start, ent.end):
                taken[i] = True
    new: list[Piece] = []
    # "Karachi police", "Delhi High Court", "Sindh government": a place right before a body or a group
    for piece in pieces:
        if piece.kind == "term" and piece.entry is not None and piece.entry.form in {"organization", "group"}:
            place = _place_before(doc, piece.start, taken, doc_countries, lexicon)
            if place is not None:
                new.append(place)
                for i in range(place.start, place.end):
                    taken[i] = True
    # names after person titles: "Interior Minister Fred Matiang'i", "Gen. Abdel Fattah al-Burhan"
    for piece in pieces:
        if piece.kind == "term" and piece.entry is not None and piece.entry.form == "person":
            end = _name_run(doc, piece.end, sent_end[piece.start], taken, particles)
            if end > piece.end:
                new.append(Piece(piece.end, end, "name"))
                for i in range(piece.end, end):
                    taken[i] = True
    # leftover entity words: unknown people become names, other entities stay unresolved
    for ent in doc.ents:
        if ent.label_ not in UNKNOWN_LABELS:
            continue
        i = ent.start
        while i < ent.end:
            if taken[i] or doc[i].is_punct or doc[i].lower_ in {"the", "a", "an"} \
                    or doc[i].lower_ in grammar.possessive:
                i += 1
                continue
            j = i
            while j < ent.end and not taken[j] and doc[j].lower_ not in grammar.possessive:
                j += 1
            place = country_of_place(doc[i:j].text, doc_countries) if ent.label_ == "GPE" else None
            fuzzy = None if place else _fuzzy_piece(lexicon, doc, i, j, ent.label_)
            if fuzzy is not None:
                new.append(fuzzy)
            elif ent.label_ == "PERSON":
                new.append(Piece(i, j, "name"))
            else:
                new.append(Piece(i, j, "unknown", label=ent.label_, country=place))
            for k in range(i, j):
                taken[k] = True
            i = j
    # a name word seen in a person mention, repeated alone later ("Matiang'i promised...")
    name_words = {doc[i].text for p in [*pieces, *new] if p.kind in {"person", "name"} for i in range(p.start, p.end)
                  if doc[i].lower_ not in particles and doc[i].is_alpha or "'" in doc[i].text}
    first_name_at = min((p.start for p in [*pieces, *new] if p.kind in {"person", "name"}), default=len(doc))
    texts, tags = _columns(doc, ["ORTH", "TAG"])
    for i in range(first_name_at, len(doc)):
        if not taken[i] and tags[i] in NAME_TAGS and texts[i] in name_words:
            new.append(Piece(i, i + 1, "name"))
            taken[i] = True
    return sorted([*pieces, *kept, *new], key=lambda p: p.start)


def _place_before(doc: Doc, end: int, taken: list[bool], preferred: set[str], lexicon: ActorLexicon) -> Piece | None:
    """The free proper nouns (up to three) just before ``end``, as a place piece when the gazetteer knows them.

    Not a person's name: "the Bush administration" is no town called Bush.
    """
    start = end
    while start > 0 and end - start < 3 and not taken[start - 1] and doc[start - 1].tag_ in NAME_TAGS \
            and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].ent_type_ not in PERSON_LABELS:
        start -= 1
    for first in range(start, end):  # longest first: "Kano State" before "State"
        words = doc[first:end].text
        if words in lexicon.surnames or words.lower() in lexicon.folded_people:
            continue
        country = country_of_body_place(words, preferred, lexicon.grammar.division_words)
        if country:
            label = doc[first].ent_type_ or "GPE"
            return Piece(first, end, "unknown", label=label, country=country)
    return None


def _place_inside(doc: Doc, start: int, end: int, taken: list[bool], preferred: set[str],
                  division_words: frozenset[str]) -> str | None:
    """The country of the longest run of free capitalised words inside [start, end) that names a place."""
    runs: list[tuple[int, int]] = []
    i = start
    while i < end:
        if taken[i] or not doc[i].is_alpha or not doc[i].text[:1].isupper() or doc[i].lower_ == "the":
            i += 1
            continue
        j = i
        while j < end and not taken[j] and doc[j].is_alpha and doc[j].text[:1].isupper():
            j += 1
        runs.append((i, j))
        i = j
    for run_start, run_end in runs:
        for length in range(min(run_end - run_start, 3), 0, -1):
            for first in range(run_start, run_end - length + 1):
                country = country_of_body_place(doc[first:first + length].text, preferred, division_words)
                if country:
                    return country
    return None


def _has_free_words(doc: Doc, start: int, end: int, taken: list[bool]) -> bool:
    return any(not taken[i] and doc[i].is_alpha and doc[i].lower_ not in {"the", "of", "and", "for"}
               for i in range(start, end))
