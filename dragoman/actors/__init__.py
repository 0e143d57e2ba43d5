"""Actors stage: find person, organisation and country mentions and resolve them to CAMEO-style codes.

Interface used by the pipeline: ``ActorResolver(extra_files).extract(doc, published) -> list[Actor]``.
Knowledge lives in ``dragoman/data/actors/`` (formats in its README); modules:
``lexicon`` (loading), ``matcher`` (token trie), ``pieces`` (matching), ``compose`` (composition),
``roles`` (dated roles), ``coref`` (within-document resolution).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import numpy
from spacy.tokens import Doc

from dragoman.actors.apposition import code_apposed_names
from dragoman.actors.compose import NON_COUNTRIES, Composer, Group, group_pieces
from dragoman.actors.coref import ActorMention, DocContext, dominant_country, resolved_copy
from dragoman.actors.lexicon import ActorLexicon, load_lexicon
from dragoman.actors.pieces import Piece, dictionary_pieces, entity_pieces
from dragoman.actors.roles import country_on
from dragoman.nlp import doc_text
from dragoman.records import Actor, split_code

__all__ = ["ActorResolver", "load_lexicon"]



class ActorResolver:
    """Loads the actor dictionaries once; ``extract`` resolves the mentions of one parsed article."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.extra_files = list(extra_files)
        self.lexicon: ActorLexicon = load_lexicon(self.extra_files)
        self.composer = Composer(self.lexicon)

    def extract(self, doc: Doc, published: str | None = None) -> list[Actor]:
        """Every actor mention in ``doc``, in text order; ``published`` (YYYY-MM-DD) selects dated roles."""
        grammar = self.lexicon.grammar
        pieces = entity_pieces(doc, dictionary_pieces(doc, self.lexicon), self.lexicon)
        groups = group_pieces(doc, pieces, grammar)
        sentence_of = {}
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sentence_of[i] = number
        covered = {i for g in groups for i in range(g.start, g.end)}
        pronouns = [doc[i] for i in _indices_of(doc, grammar.pronouns) if i not in covered]
        # one pass in reading order, so each mention sees only what came before it
        items: list[tuple[int, object]] = [(g.start, g) for g in groups] + [(t.i, t) for t in pronouns]
        items.sort(key=lambda item: item[0])
        context = DocContext(grammar)
        named = self._named_countries(doc, pieces, published, sentence_of)
        context.document_country = dominant_country([code for _, code in named])
        for sentence, code in named:
            context.sentence_countries.setdefault(sentence, []).append(code)
        actors: list[Actor] = []
        mentions: list[ActorMention] = []
        for index, item in items:
            sentence = sentence_of.get(index, 0)
            if isinstance(item, Group):
                mention = self.composer.actor(doc, item, context, published, sentence)
                if mention is not None:
                    actors.append(mention.actor)
                    mentions.append(mention)
            else:
                token = item
                earlier = context.pronoun(token, sentence, doc)  # type: ignore[arg-type]
                if earlier is None:
                    continue
                actor = resolved_copy(earlier.actor, token.text, token.idx, token.idx + len(token.text),  # type: ignore[attr-defined]
                                      "pronoun", "coref:pronoun")
                context.add(ActorMention(actor, earlier.kind, sentence, True, earlier.heads, earlier.gender))
                actors.append(actor)
        _share_coordinated_sector(doc, actors, grammar.coordination)
        return code_apposed_names(doc, actors, grammar.name_particles)


    def _named_countries(self, doc: Doc, pieces: list[Piece], published: str | None,
                         sentence_of: dict[int, int]) -> list[tuple[int, str]]:
        """(sentence, country) for every country the text names: country words, national bodies,
        places and known people (their country on the article's date)."""
        named = []
        for piece in pieces:
            code = None
            if piece.kind == "country" and piece.entry is not None:
                code = piece.entry.code
            elif piece.kind == "org" and piece.entry is not None and (piece.entry.code or "")[3:6] != "BUS":
                code = piece.entry.code  # companies trade everywhere: they do not set the sentence's country
            elif piece.kind == "unknown" and piece.label == "GPE":
                code = piece.country
            elif piece.kind == "person" and piece.entry is not None and piece.entry.person is not None:
                code = country_on(piece.entry.person.roles, published)
            elif piece.kind == "name":
                # "Obama" alone: the country every dictionary person of that surname shares
                code = self.composer.surname_country(tuple(t.text for t in doc[piece.start:piece.end]), published)
            if code and code[:3] not in NON_COUNTRIES:
                named.append((sentence_of.get(piece.start, 0), code[:3]))
        return named


def _share_coordinated_sector(doc: Doc, actors: list[Actor], coordination: frozenset[str]) -> None:
    """"Hungarian and Romanian officials": the bare nationality takes the title of its partner."""
    text = doc_text(doc)
    for left, right in itertools.pairwise(actors):
        if left.kind != "country" or left.code is None or len(left.code) != 3 or not right.code:
            continue
        between = text[left.end:right.start].strip().lower()
        _right_country, right_sector = split_code(right.code)
        if between in coordination and right_sector and (right.rule or "").startswith("compose:country+"):
            left.code = left.code + right_sector.replace(" ", "")
            left.sector = right_sector
            left.kind = right.kind
            left.rule = "compose:coordinated"



def _indices_of(doc: Doc, lower_words: frozenset[str] | set[str]) -> list[int]:
    """Token indices whose lower-case form is one of ``lower_words``, without building Token objects."""
    wanted = numpy.array([doc.vocab.strings.add(w) for w in lower_words], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), wanted)).tolist()
