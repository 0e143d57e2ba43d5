"""Finding the pieces of actor mentions in a parsed doc: dictionary matches, names and leftover entities."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dragoman.actors.lexicon import Entry, Lexicon
from dragoman.actors.matcher import norm
from dragoman.actors.places import country_of_place

NAME_TAGS = frozenset({"NNP", "NNPS"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# entities whose words are not actors ("the Geneva Conventions", "World Cup")
OPAQUE_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
UNKNOWN_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON", "FAC"})


@dataclass
class Piece:
    """A run of tokens [start, end) that names part of an actor."""

    start: int
    end: int
    kind: str  # country|org|person|term|name|unknown
    entry: Entry | None = None
    label: str = ""  # spaCy entity label of an unknown piece
    country: str | None = None  # country found for an unknown piece (gazetteer, adjective inside)


def _sentence_ends(doc: Doc) -> list[int]:
    ends = [len(doc)] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            ends[i] = sent.end
    return ends


def dictionary_pieces(doc: Doc, lexicon: Lexicon) -> list[Piece]:
    """Longest matches of the proper-name trie (exact case) and the term trie (lower case or lemma)."""
    proper_keys = [(norm(t.text),) for t in doc]
    term_keys = [tuple(dict.fromkeys((norm(t.lower_), norm(t.lemma_.lower())))) for t in doc]
    sent_end = _sentence_ends(doc)
    pieces: list[Piece] = []
    i = 0
    while i < len(doc):
        if doc[i].is_space or doc[i].is_punct and doc[i].text not in {"'s", "’s"}:
            i += 1
            continue
        proper_end, proper = lexicon.proper.longest(proper_keys, i)
        term_end, term = lexicon.terms.longest(term_keys, i)
        if proper is not None and proper_end >= term_end and proper_end <= sent_end[i]:
            pieces.append(Piece(i, proper_end, proper.kind, proper))
            i = proper_end
        elif term is not None and term_end <= sent_end[i]:
            if term.form == "person" and doc[term_end - 1].tag_ in PLURAL_TAGS:
                term = replace(term, form="group")  # "officials" found through the lemma "official"
            pieces.append(Piece(i, term_end, "term", term))
            i = term_end
        else:
            i += 1
    return pieces


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


def entity_pieces(doc: Doc, pieces: list[Piece], lexicon: Lexicon) -> list[Piece]:
    """Add names after person titles and the entities no dictionary covered; drop pieces inside titles."""
    particles = lexicon.grammar.name_particles
    taken = [False] * len(doc)
    for piece in pieces:
        for i in range(piece.start, piece.end):
            taken[i] = True
    sent_end = _sentence_ends(doc)
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
        if ent.label_ == "ORG" and inside and _has_free_words(doc, ent.start, ent.end, taken):
            # "Sudanese People's Liberation Army": a body the dictionary lacks; keep only its country
            country = next((p.entry.code[:3] for p in inside if p.kind == "country" and p.entry), None)
            for piece in inside:
                pieces.remove(piece)
            kept.append(Piece(ent.start, ent.end, "unknown", label="ORG", country=country))
            for i in range(ent.start, ent.end):
                taken[i] = True
    new: list[Piece] = []
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
            if taken[i] or doc[i].is_punct or doc[i].lower_ in {"the", "a", "an"}:
                i += 1
                continue
            j = i
            while j < ent.end and not taken[j]:
                j += 1
            if ent.label_ == "PERSON":
                new.append(Piece(i, j, "name"))
            else:
                text = doc[i:j].text
                country = country_of_place(text) if ent.label_ == "GPE" else None
                new.append(Piece(i, j, "unknown", label=ent.label_, country=country))
            for k in range(i, j):
                taken[k] = True
            i = j
    # a name word seen in a person mention, repeated alone later ("Matiang'i promised...")
    name_words = {doc[i].text for p in [*pieces, *new] if p.kind in {"person", "name"} for i in range(p.start, p.end)
                  if doc[i].lower_ not in particles and doc[i].is_alpha or "'" in doc[i].text}
    first_name_at = min((p.start for p in [*pieces, *new] if p.kind in {"person", "name"}), default=len(doc))
    for i in range(first_name_at, len(doc)):
        token = doc[i]
        if not taken[i] and token.tag_ in NAME_TAGS and token.text in name_words:
            new.append(Piece(i, i + 1, "name"))
            taken[i] = True
    return sorted([*pieces, *kept, *new], key=lambda p: p.start)


def _has_free_words(doc: Doc, start: int, end: int, taken: list[bool]) -> bool:
    return any(not taken[i] and doc[i].is_alpha and doc[i].lower_ not in {"the", "of", "and", "for"}
               for i in range(start, end))
