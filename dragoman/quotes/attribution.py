"""Attribution rules on the dependency parse: cue, content clause and speaker phrase.

Each rule reads the parse spaCy already made (no re-parsing) and yields a ``Cue``:

- ``same-sentence:nsubj``   "X said (that) ..."; "X told Y ..."; "..., X said"; "..., said X"
- ``same-sentence:parataxis`` the reported clause heads the sentence and the cue hangs off it
- ``quoted-as-saying``      "X was quoted as saying ...", "state media quoted X as saying ..."
- ``according-to``          "according to X, ..." (any phrase of ``source_phrases``)
- ``infinitive``            "X urged voters to ...", "X wants to ..."
- ``naming``                "X called the plan 'a disaster'", "X described it as ..."
- ``colon-intro``           "Lavrov: ..." on a line of its own (headlines, transcripts)
- ``object``                "X accused Y of lying", "X criticized the plan", "X reiterated the premise"
                            (the object is the content)
- ``prepositional``         "X called for an inquiry", "X lashed out at the union"
- ``nominal``               "his criticism of Y", "X voiced criticism of Y", "the claim that ..."
- ``record``                "a new poll shows Y ahead" (the record is the source)
- ``in-record``             "In a new poll, Y leads by ten points"
- ``evidential``            "Y appears close to a deal" (content without a source)
- ``topic``                 "X lied about his record" (any verb but a stop verb; ``topic_prepositions``)
- ``clause``                "X implied that ...": any other verb with a subject and a full clause
                            after it, unless ``clause_stop_verbs`` lists it
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.nlp import doc_text
from dragoman.nlp.syntax import SPEAKER, SUBJECT_DEPS, follows_reported_clause, subject_of
from dragoman.quotes.lexicon import CueLexicon

# Subjects that name no one: "it" and "there" of passives and clefts, a relative or demonstrative.
_EMPTY_SUBJECTS = ("it", "there", "this", "that", "which")
# Prepositions that tell where, when or with whom something was said, not what.
_SETTING_WORDS = ("in", "at", "during", "after", "before", "with", "via", "through", "since", "amid", "while")
_SPEAKER_STOP_DEPS = {"relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "parataxis", "case"}
_COMPLEMENTIZERS = ("that", "whether", "if")
_EDGE_PUNCT = {",", ";", ":", "—", "–", "-", "(", ")", '"', "“", "”", "‘", "’", "'", "''", "``"}




_STARTS_KEY = "dragoman.quotes.token_starts"


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token, read once per Doc from the token array (callers only read it)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = doc.to_array("IDX").tolist() if len(doc) else []
    return starts


@dataclass
class Cue:
    """One attribution found on the parse: the content tokens, the cue and the speaker phrase."""

    cue: str  # lemma or phrase
    cue_start: int  # character span of the cue words
    cue_end: int
    content: list[tuple[int, int]]  # character spans of the content, in order
    speaker: Optional[tuple[int, int]]  # token span [i, j) of the speaker phrase
    speaker_head: Optional[int]  # token index of the speaker's head word
    rule: str

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


def _char_spans(doc: Doc, indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of token indices as character spans, edge punctuation trimmed."""
    indices = sorted(set(indices))
    while indices and doc[indices[0]].text in _EDGE_PUNCT:
        indices.pop(0)
    # A content never ends in the "and" of a clause the parse hung on it and the author's own.
    while indices and (doc[indices[-1]].text in _EDGE_PUNCT or doc[indices[-1]].is_space
                       or doc[indices[-1]].dep_ == "cc"):
        indices.pop()
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(doc[a].idx, doc[b].idx + len(doc[b].text)) for a, b in runs]


def speaker_span(token: Token) -> tuple[int, int]:
    """Token span [i, j) of the noun phrase headed by ``token``, without relative clauses or appositions."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _SPEAKER_STOP_DEPS:
            break
        end = child.right_edge.i + 1
    start = token.i
    for child in token.lefts:
        if child.dep_ not in _SPEAKER_STOP_DEPS:
            start = min(start, child.left_edge.i)
    return start, end


def _quoting_source(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The speaker of "X was quoted as saying" / "media quoted X as saying", or None."""
    node = verb
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in lexicon.quoting_verbs:
            for child in node.children:
                if child.dep_ == "nsubjpass":
                    return child
            for child in node.children:
                if child.dep_ == "dobj":
                    return child
            return None
        if node.head is node:
            return None
    return None


def _next_attributions(head: Token, lexicon: CueLexicon) -> set[int]:
    """Token indices of the attributions the author coordinates after a reported clause, which the
    parse hangs inside it: "X said A and predicted B", "half said A, and 4 in 10 said B",
    "X said A, adding B", "half say A, while 4 in 10 want B". Each is an attribution of its own."""
    skip: set[int] = set()
    for token in head.subtree:
        if token.i <= head.i or token.i in skip or token.pos_ != "VERB":
            continue
        key = cue_key(token, lexicon.verbs)
        if key is None or key not in lexicon.attribution_verbs:
            continue  # "said the economy is weak and voters know it": what voters know is reported too
        if any(c.dep_ == "mark" and c.lower_ in _COMPLEMENTIZERS for c in token.children):
            continue  # "said A and that B": a second clause of the same attribution
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
        after_comma = token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
        if token.dep_ == "conj":
            cut = own_subject or follows_reported_clause(token)
        elif token.dep_ == "advcl":
            # ", adding that ...", ", calling it a farce": a participle of speech with its own content
            cut = (own_subject and after_comma) or (
                follows_reported_clause(token) and key in lexicon.speech_verbs | lexicon.naming_verbs
                and any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in token.children))
        else:
            cut = False
        if not cut:
            continue
        skip.update(t.i for t in token.subtree)
        first = token.left_edge.i - 1  # the "and" or comma that joins it
        while first > head.i and token.doc[first].dep_ in ("cc", "punct"):
            skip.add(first)
            first -= 1
    return skip


def _reported_indices(head: Token, lexicon: CueLexicon) -> list[int]:
    """The reported clause headed by ``head`` without the attributions coordinated after it."""
    skip = _next_attributions(head, lexicon)
    return [t.i for t in head.subtree if t.i not in skip]


def _clause_indices(head: Token, lexicon: CueLexicon) -> list[int]:
    """The reported clause without the asides the author tacks on after a comma (", which ...",
    ", one that ...") and without the attributions coordinated after it: when in doubt the
    guidelines leave them out."""
    skip = _next_attributions(head, lexicon)
    for token in head.subtree:
        if token.i == head.i or token.i in skip or token.dep_ not in ("relcl", "appos", "acl"):
            continue
        before = token.left_edge.i - 1
        if before > token.head.i and token.doc[before].text in (",", "—", "–", ";"):
            skip.update(t.i for t in token.subtree)
    return [t.i for t in head.subtree if t.i not in skip]


def _subtree_indices(token: Token, exclude: Optional[Token] = None) -> list[int]:
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    return [t.i for t in token.subtree if t.i not in skip]


def _cue(doc: Doc, cue_tokens: list[Token], name: str, content: list[int], subject: Optional[Token],
         rule: str) -> Optional[Cue]:
    # The parse can run a sentence over a paragraph break; content stays in the cue's paragraph.
    text = doc_text(doc)
    first_char = cue_tokens[0].idx
    para_start = text.rfind("\n", 0, first_char) + 1
    para_end = text.find("\n", first_char)
    para_end = len(text) if para_end < 0 else para_end
    starts = token_starts(doc)
    content = [i for i in content if para_start <= starts[i] < para_end]
    spans = _char_spans(doc, content)
    if not spans:
        return None
    speaker = speaker_span(subject) if subject is not None else None
    first, last = cue_tokens[0], cue_tokens[-1]
    return Cue(name, first.idx, last.idx + len(last.text), spans, speaker,
               subject.i if subject is not None else None, rule)


def _has_clause_subject(token: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS or (child.dep_ == "mark" and child.lower_ in ("that", "whether", "if"))
               for child in token.children)


def cue_key(token: Token, words: frozenset[str]) -> Optional[str]:
    """The entry of ``words`` this verb is: "lemma particle" ("shoot back") first, else the lemma."""
    lemma = token.lemma_.lower()
    for child in token.rights:
        # spaCy tags "back" in "shot back" as an adverb as often as a particle
        if child.dep_ in ("prt", "advmod") and f"{lemma} {child.lower_}" in words:
            return f"{lemma} {child.lower_}"
    return lemma if lemma in words else None


def _verb_cues(doc: Doc, token: Token, lexicon: CueLexicon) -> Iterator[Cue]:
    if token.pos_ not in ("VERB", "AUX"):
        return
    lemma = cue_key(token, lexicon.verbs) or token.lemma_.lower()
    quoting = _quoting_source(token, lexicon) if lemma in lexicon.speech_verbs else None
    subject = quoting if quoting is not None else subject_of(token, SPEAKER).token
    rule = "quoted-as-saying" if quoting is not None else "same-sentence:nsubj"
    if lemma in lexicon.clause_verbs:
        # A parse run over a paragraph break can hang the last sentence of the paragraph before
        # on the verb too; _cue keeps none of it, so the next clause is the content.
        for child in token.children:
            if child.dep_ == "ccomp" and (lemma in lexicon.speech_verbs or _has_clause_subject(child)):
                cue = _cue(doc, [token], lemma, _clause_indices(child, lexicon), subject, rule)
                if cue is not None:
                    yield cue
                    return
        # "The talks failed, he said." — the reported clause heads the sentence.
        if (lemma in lexicon.speech_verbs and token.dep_ in ("ccomp", "parataxis")
                and token.head.i < token.i and token.head.pos_ in ("VERB", "AUX")
                and subject is not None and token.i > 0):
            content = [i for i in _subtree_indices(token.head, exclude=token) if i < token.left_edge.i]
            if content and doc[content[-1]].text in (",", "”", '"', "''"):
                yield from _opt(_cue(doc, [token], lemma, content, subject, "same-sentence:parataxis"))
                return
    if (lemma not in lexicon.clause_verbs and lemma not in lexicon.clause_stop_verbs and token.pos_ == "VERB"
            and token.is_alpha
            and subject is not None and subject.lower_ not in _EMPTY_SUBJECTS):
        # Any verb of a speaker with a full clause after it reports that clause ("X implied that
        # ...", "X speculated he might ..."); verbs that only cause or allow things are stopped.
        for child in token.rights:
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and _has_clause_subject(child):
                yield from _opt(_cue(doc, [token], lemma, _reported_indices(child, lexicon), subject, "clause"))
                return
    if lemma in lexicon.evidential_verbs and subject is not None:
        # "The speaker appears closer to an endorsement": how things seem, with no source named.
        complements = [c for c in token.rights if c.dep_ in ("xcomp", "acomp", "attr", "oprd")
                       or (c.dep_ == "advmod" and any(True for _ in c.children))]
        if complements and subject.i < token.i:
            indices = _subtree_indices(subject) + _subtree_indices(complements[0])
            yield from _opt(_cue(doc, [token], lemma, indices, None, "evidential"))
        return
    if subject is None:
        return
    if lemma in lexicon.finding_verbs and subject.lemma_.lower() in lexicon.record_nouns:
        # "A new poll shows the senator ten points ahead": what the record shows, its source.
        indices = [i for c in token.rights if c.dep_ not in ("punct", "cc", "conj", "prt")
                   for i in _subtree_indices(c)]
        yield from _opt(_cue(doc, [token], lemma, indices, subject, "record"))
        return
    if lemma in lexicon.prepositional_heads:
        # "X called for an inquiry", "X talked about the economy": the object of the preposition.
        own = [c.lower_ for c in token.rights if c.dep_ in ("prt", "dobj", "advmod")]
        for child in token.rights:
            if child.dep_ not in ("prep", "dative"):
                continue
            phrases = [f"{lemma} {child.lower_}"] + [f"{lemma} {word} {child.lower_}" for word in own]
            phrase = next((p for p in phrases if p in lexicon.prepositional_verbs), None)
            if phrase is not None:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    yield from _opt(_cue(doc, [token, child], phrase, _subtree_indices(objects[0]),
                                         subject, "prepositional"))
                    return
    if lemma in lexicon.infinitive_verbs:
        for child in token.children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                objects = [c for c in token.children if c.dep_ == "dobj" and c.i < child.i]
                indices = _reported_indices(child, lexicon)
                if objects:
                    indices += _subtree_indices(objects[0])
                yield from _opt(_cue(doc, [token], lemma, indices, subject, "infinitive"))
                return
    if lemma in lexicon.naming_verbs:
        # "X called the plan 'a disaster'": the object and its predicate are the content.
        parts = [c for c in token.rights if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")
                 or (c.dep_ == "prep" and c.lower_ == "as")]
        if len(parts) >= 2 or any(c.dep_ == "oprd" for c in parts):
            indices = [i for c in parts for i in _subtree_indices(c)]
            yield from _opt(_cue(doc, [token], lemma, indices, subject, "naming"))
            return
    said_object = lemma in lexicon.speech_verbs and lemma not in lexicon.clause_only_verbs
    if lemma in lexicon.object_verbs or said_object:
        # "X reiterated the premise": the object of a speech verb is what was said.
        objects = [c for c in token.rights if c.dep_ == "dobj"]
        if objects and not (objects[0].lemma_.lower() in lexicon.nominal_heads
                            and _light_object(objects[0], lexicon)):  # the noun's own cue takes it
            obj = objects[0]
            indices = _subtree_indices(obj)
            # "accused Y of lying", "criticized Y for ...": the complements belong to the content.
            indices += _following(token, obj)
            yield from _opt(_cue(doc, [token], lemma, indices, subject, "object"))
            return
    if lemma not in lexicon.clause_stop_verbs and subject.lower_ not in _EMPTY_SUBJECTS:
        # "X lied about his record": a preposition that names a topic on its own.
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in lexicon.topic_prepositions:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    yield from _opt(_cue(doc, [token, child], f"{lemma} {child.lower_}",
                                         _subtree_indices(objects[0]), subject, "topic"))
                    return


def _following(verb: Token, after: Token) -> list[int]:
    """Token indices of the verb's complements after ``after`` up to a comma, conjunction or
    clause of the author's ("criticized the mayor for his silence on the strike")."""
    indices: list[int] = []
    for child in verb.rights:
        if child.i <= after.i:
            continue
        if child.dep_ in ("punct", "cc", "conj", "parataxis", "advcl", "relcl"):
            break
        if child.dep_ in ("prep", "npadvmod") and child.lower_ in _SETTING_WORDS:
            continue  # "defended Cruz in an interview", "on Tuesday": where and when
        indices += _subtree_indices(child)
    return indices


def _topic_noun(noun: Token) -> bool:
    """A noun whose "about" phrase is what someone said or thought: a subject or object ("his
    remarks about", "amid new questions about"), not a bare adverbial ("spoke at length about")."""
    return noun.dep_ != "pobj" or any(c.dep_ in ("det", "poss", "amod", "nummod", "compound")
                                      for c in noun.lefts)


def _nominal_source(noun: Token, lexicon: CueLexicon) -> Optional[Token]:
    """Who holds the view a cue noun names: "his criticism of ...", "X voiced support for ..."."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if _light_object(noun, lexicon):
        return subject_of(noun.head, SPEAKER).token
    return None


def _light_object(noun: Token, lexicon: CueLexicon) -> bool:
    """True for the object of a light verb ("voiced support for", "made the claim that")."""
    return (noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX")
            and noun.head.lemma_.lower() in lexicon.light_verbs)


def _nominal_cues(doc: Doc, noun: Token, lexicon: CueLexicon) -> Iterator[Cue]:
    """"support for X", "criticism of X", "the claim that ...", "his promise to ...": the complement."""
    lemma = noun.lemma_.lower()
    for child in noun.rights:
        content: Optional[Token] = None
        if child.dep_ == "prep" and (f"{lemma} {child.lower_}" in lexicon.nominal_cues
                                     or child.lower_ in lexicon.topic_prepositions):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            content = objects[0] if objects else None
            word = child.lower_
        elif child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            marks = [c.lower_ for c in child.children if c.dep_ in ("mark", "aux") and c.i < child.i]
            word = next((m for m in marks if f"{lemma} {m}" in lexicon.nominal_cues), "")
            content = child if word and child.dep_ != "relcl" else None
        if content is None:
            continue
        indices = _subtree_indices(content)
        source = _nominal_source(noun, lexicon)
        yield from _opt(_cue(doc, [noun], f"{lemma} {word}", indices, source, "nominal"))
        return


def _opt(cue: Optional[Cue]) -> Iterator[Cue]:
    if cue is not None:
        yield cue


def _phrase_cues(doc: Doc, sent: Span, lexicon: CueLexicon, lowers: list[str]) -> Iterator[Cue]:
    """"according to X, ...": X is the source, the rest of the sentence the content;
    ``lowers`` are the lower-case words of the whole doc."""
    words = lowers[sent.start : sent.end]
    present = set(words)
    for phrase in lexicon.source_phrases:
        parts = phrase.split()
        if parts and parts[0] not in present:  # most sentences hold no phrase: skip the scan
            continue
        for k in range(len(words) - len(parts) + 1):
            if words[k : k + len(parts)] != parts:
                continue
            first = sent[k]
            last = sent[k + len(parts) - 1]
            objects = [c for c in last.children if c.dep_ == "pobj"]
            if not objects:
                continue
            phrase_tokens = {first.i, *(t.i for t in last.subtree), *(t.i for t in first.subtree)}
            content = [t.i for t in sent if t.i not in phrase_tokens and not t.is_space]
            cue = _cue(doc, [first, last], phrase, content, objects[0], "according-to")
            if cue is not None:
                yield cue


def _record_cues(doc: Doc, sent: Span, lexicon: CueLexicon) -> Iterator[Cue]:
    """"In a new poll, the senator leads by ten points": the record is the source of its clause."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in lexicon.clause_verbs:
        return  # "In a statement, the ministry said ...": the verb has its own source
    for child in root.children:
        if child.dep_ != "prep" or child.lower_ != "in" or child.i != sent.start:
            continue  # only a sentence that opens with the record: "In a new poll, ..."
        objects = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in lexicon.record_nouns]
        if objects:
            phrase = {t.i for t in child.subtree}
            content = [t.i for t in root.subtree if t.i not in phrase and not t.is_space]
            yield from _opt(_cue(doc, [child], "in", content, objects[0], "in-record"))
            return


_COLON_LINE = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(\S[^\n]*)$", re.MULTILINE)
_COLON_LINE_WORDS = 40  # a headline or a one-line statement, not a paragraph of prose


def _colon_cues(doc: Doc) -> Iterator[Cue]:
    """``Lavrov: "We are ready."`` / ``Graham: Trump's rhetoric is destroying the party``: name, colon, statement."""
    text = doc_text(doc)
    starts = token_starts(doc)
    for match in _COLON_LINE.finditer(text):
        name_start, name_end = match.span(1)
        if len(match.group(2).split()) > _COLON_LINE_WORDS:
            continue
        first = bisect_left(starts, name_start)
        last = bisect_left(starts, name_end) - 1
        if first > last or last >= len(doc):
            continue
        name = doc[first : last + 1]
        # A name, not a label: "WATCH:", "UPDATE:" are single all-caps words.
        if not any(t.pos_ == "PROPN" for t in name) or (len(name) == 1 and name.text.isupper()):
            continue
        content_first = bisect_left(starts, match.start(2))
        content_last = bisect_left(starts, match.end(2)) - 1
        content = list(range(content_first, content_last + 1))
        if doc[content[-1]].text == "." if content else False:
            content.pop()
        colon = doc[last + 1] if last + 1 < len(doc) else doc[last]
        spans = _char_spans(doc, content)
        if spans:
            yield Cue(":", colon.idx, colon.idx + 1, spans, (first, last + 1), last, "colon-intro")


def find_cues(doc: Doc, lexicon: CueLexicon) -> list[Cue]:
    """Every attribution the parse shows, in text order."""
    cues: list[Cue] = []
    verbs = lexicon.verbs
    nouns = lexicon.nominal_heads
    topics = lexicon.topic_prepositions
    strings = doc.vocab.strings
    lowers, lemmas, poses, deps = ([strings[h] for h in column] for column in
                                   doc.to_array(["LOWER", "LEMMA", "POS", "DEP"]).T.tolist())
    for i in _cue_candidates(doc, lexicon, lowers, lemmas, poses, deps):
        token = doc[i]
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN":
            if lemma in nouns or (any(c.lower_ in topics for c in token.rights) and _topic_noun(token)):
                cues.extend(_nominal_cues(doc, token, lexicon))
        elif lemma in verbs or (token.pos_ == "VERB" and (
                cue_key(token, verbs) is not None
                or any(c.dep_ == "ccomp" or c.lower_ in topics for c in token.rights))):
            cues.extend(_verb_cues(doc, token, lexicon))
    if lexicon.source_phrases or lexicon.record_nouns:
        for sent in doc.sents:
            cues.extend(_phrase_cues(doc, sent, lexicon, lowers))
            cues.extend(_record_cues(doc, sent, lexicon))
    cues.extend(_colon_cues(doc))
    cues.sort(key=lambda c: c.start)
    return cues


def _cue_candidates(doc: Doc, lexicon: CueLexicon, lowers: list[str], lemmas: list[str], poses: list[str],
                    deps: list[str]) -> list[int]:
    """Indices of the tokens that can pass ``find_cues``' tests, from attribute arrays: the few
    that do get a Token object, not every word of the article."""
    verbs, nouns, topics = lexicon.verbs, lexicon.nominal_heads, lexicon.topic_prepositions
    rights: dict[int, list[int]] = {}
    for j, offset in enumerate(doc.to_array("HEAD").view("int64").tolist()):
        if offset < 0:  # j is a right child of its head
            rights.setdefault(j + offset, []).append(j)
    found = []
    for i, (pos, lemma) in enumerate(zip(poses, lemmas, strict=True)):
        lemma = lemma.lower()
        if pos == "NOUN":
            if lemma in nouns or any(lowers[j] in topics for j in rights.get(i, ())):
                found.append(i)
        elif pos not in ("VERB", "AUX"):
            continue  # _verb_cues reads verbs only
        elif lemma in verbs or pos == "VERB" and any(
            deps[j] == "ccomp" or lowers[j] in topics
            or (deps[j] in ("prt", "advmod") and f"{lemma} {lowers[j]}" in verbs)
            for j in rights.get(i, ())
        ):
            found.append(i)
    return found
