"""People the dictionaries lack, coded from an apposed introduction.

"Ana Quispe, Peru's interior minister, resigned" and "Peru's interior minister, Ana Quispe, resigned":
the name beside a country-and-title phrase takes that phrase's code, and later mentions of the name
("Quispe said") keep it. The phrase itself is already an actor (rule ``compose:country+title``); the
name becomes one with rule ``compose:apposition`` and the later mentions ``coref:surname``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dragoman.actors.pieces import NAME_TAGS
from dragoman.nlp import doc_text
from dragoman.records import Actor

TITLED_RULES = frozenset({"compose:country+title"})
BODIES = frozenset({"IGO", "NGO"})
MAX_NAME = 4  # words of a personal name
NOT_NAMES = frozenset({"GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "EVENT", "CARDINAL", "ORDINAL", "MONEY"})


def _name_run(doc: Doc, start: int, step: int, particles: frozenset[str]) -> Span | None:
    """The proper-noun run that begins at ``start`` and extends by ``step`` (-1: leftwards)."""
    i = start
    taken: list[int] = []
    while 0 <= i < len(doc) and len(taken) < MAX_NAME:
        token = doc[i]
        if token.ent_type_ in NOT_NAMES:
            return None
        if token.tag_ in NAME_TAGS and (token.is_alpha or "-" in token.text or "'" in token.text):
            taken.append(i)
        elif token.lower_ in particles and taken:
            taken.append(i)
        else:
            break
        i += step
    if not taken:
        return None
    first, last = min(taken), max(taken)
    if doc[first].lower_ in particles or doc[last].lower_ in particles:
        return None
    # the run must be bounded: by the sentence start, or by a word that is not part of a name
    outside = first - 1 if step < 0 else last + 1
    if 0 <= outside < len(doc) and doc[outside].tag_ in NAME_TAGS:
        return None
    if step < 0 and outside >= 0 and doc[outside].pos_ == "ADP":
        return None  # "In Lima, Peru's interior minister said": a place, not a name
    return doc[first:last + 1]


def _covering(actors: list[Actor], start: int, end: int) -> Actor | None:
    return next((a for a in actors if a.start < end and start < a.end), None)


def _office_from_apposed_body(doc: Doc, actors: list[Actor]) -> None:
    """ "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a known person holding no
    dictionary role on the date takes the international body's code the apposition gives."""
    for person, body in zip(actors, actors[1:], strict=False):
        if person.rule != "dictionary:person:country" or not body.code or body.code[:3] not in BODIES:
            continue
        if doc_text(doc)[person.end:body.start].strip() == ",":
            person.code, person.country, person.sector = body.code, body.country, body.sector
            person.rule = "compose:apposition"


def code_apposed_names(doc: Doc, actors: list[Actor], particles: frozenset[str]) -> list[Actor]:
    """``actors`` with apposed names coded (and added when no actor covered them), in text order."""
    added: list[Actor] = []
    named: dict[str, Actor] = {}  # name word -> the apposed actor it belongs to
    for actor in actors:
        if actor.rule not in TITLED_RULES or actor.kind != "person" or not actor.code:
            continue
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        runs = []
        if span.start >= 2 and doc[span.start - 1].text == ",":
            runs.append(_name_run(doc, span.start - 2, -1, particles))  # "Ana Quispe, Peru's interior minister"
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            runs.append(_name_run(doc, span.end + 1, 1, particles))  # "Peru's interior minister, Ana Quispe,"
        for run in runs:
            if run is None or doc[run.start].sent != span.sent:
                continue
            other = _covering([*actors, *added], run.start_char, run.end_char)
            if other is not None and (other.code or other.kind not in {"person", None}):
                continue
            name = Actor(text=run.text, start=run.start_char, end=run.end_char, name=run.text, code=actor.code,
                         country=actor.country, sector=actor.sector, kind="person", rule="compose:apposition")
            if other is not None:
                other.code, other.country, other.sector = actor.code, actor.country, actor.sector
                other.kind, other.rule, other.name = "person", "compose:apposition", run.text
                name = other
            else:
                added.append(name)
            for token in run:
                if token.lower_ not in particles:
                    named.setdefault(token.text, name)
            break
    _office_from_apposed_body(doc, actors)
    if not named:
        return actors
    result = sorted([*actors, *added], key=lambda a: a.start)
    for actor in result:
        words = actor.text.split()
        if actor.code is None and words and all(w in named for w in words) \
                and len({id(named[w]) for w in words}) == 1 and named[words[0]].start < actor.start:
            source = named[words[0]]
            actor.code, actor.country, actor.sector = source.code, source.country, source.sector
            actor.kind, actor.rule, actor.name = "person", "coref:surname", source.name
    return result
