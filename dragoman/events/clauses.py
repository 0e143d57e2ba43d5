"""Coding one token: a verb or event noun, a light verb's noun, a wrapper's complement act, and
which clauses of a sentence are its own and which only set the scene."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dragoman.events.columns import Columns
from dragoman.events.grammar import EventGrammar, is_verb
from dragoman.events.lexicon import Pattern
from dragoman.events.matcher import KindsOf, Trial, best
from dragoman.events.roles import ActorIndex

# Dependents whose subtrees belong to a coded event and are not coded again on their own
# ("accused Y of shelling": the shelling is the content of the accusation, not a second event).
_CONSUME_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "prep", "acomp", "xcomp", "agent",
                           "nsubjpass", "pcomp", "npadvmod", "ccomp", "advcl"})
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj"})
_COMPLEMENT_PREPS = ("to", "for", "of", "on", "against", "with", "in", "from")

Tracer = Callable[[Token, list[Trial]], None]


@dataclass
class Coded:
    """A token's CAMEO code before roles and modality are applied."""

    code: str
    pattern: Pattern  # the pattern deciding the code (the wrapper's, for wrapped acts)
    rule: str
    specificity: int
    trigger: Token
    event_token: Token  # the verb or noun whose roles are read
    complement: Token | None = None
    base: str | None = None  # the wrapped act's own code


def code_token(
    token: Token, grammar: EventGrammar, trace: Tracer | None, depth: int = 0, kinds: KindsOf | None = None
) -> Coded | None:
    """CAMEO code of a verb or event noun, with wrapped complements re-coded; None if no pattern.

    ``kinds`` tells what phrases name, for the patterns' sense constraints.
    """
    if depth > 3:
        return None
    lexicon = grammar.lexicon
    if is_verb(token):
        pattern, trials = best(token, lexicon, "verb", kinds)
        if trace:
            trace(token, trials)
        is_light = token.lemma_.lower() in grammar.light or token.lower_ in grammar.light
        light = light_event(token, grammar, trace, kinds) if is_light else None
        if light is not None and (pattern is None or pattern.specificity < light.specificity + 2):
            return light
        if pattern is None:
            return None
        if pattern.family:
            return _wrapped(token, pattern, grammar, trace, depth, kinds)
        return Coded(pattern.cameo or "", pattern, pattern.id, pattern.specificity, token, token)
    if token.pos_ in ("NOUN", "PROPN"):
        pattern, trials = best(token, lexicon, "noun", kinds)
        if trace:
            trace(token, trials)
        if pattern is None:
            return None
        return Coded(pattern.cameo or "", pattern, pattern.id, pattern.specificity, token, token)
    return None


def light_event(verb: Token, grammar: EventGrammar, trace: Tracer | None, kinds: KindsOf | None = None) -> Coded | None:
    """A light verb's event noun: "held talks", "launched air strikes", "engaged in fighting"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
            objects += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in objects:
        for noun in (obj, *obj.conjuncts):
            pattern, trials = best(noun, grammar.lexicon, "noun", kinds)
            if trace:
                trace(noun, trials)
            if pattern is not None:
                return Coded(pattern.cameo or "", pattern, f"{pattern.id}", pattern.specificity, verb, verb)
    return None


def complements(token: Token) -> list[Token]:
    """Heads of the phrases a wrapper verb can wrap, most direct first."""
    out: list[Token] = []
    children = list(token.children)
    out += [c for c in children if c.dep_ == "xcomp"]
    for c in children:
        if c.dep_ == "acomp":
            out += [cc for cc in c.children if cc.dep_ == "xcomp"]
            for prep in c.children:
                if prep.dep_ == "prep":
                    out += [p for p in prep.children if p.dep_ in ("pobj", "pcomp")]
    for c in children:
        if c.dep_ == "dobj":
            out += [cc for cc in c.children if cc.dep_ in ("acl", "relcl") and cc.pos_ == "VERB"]
            out.append(c)
    out += [c for c in children if c.dep_ == "ccomp"]
    # "have sworn to fight": an infinitive the parser hung on as an adverbial clause
    out += [c for c in children if c.dep_ == "advcl" and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)]
    for c in children:
        if c.dep_ in ("prep", "prt") and c.lower_ in _COMPLEMENT_PREPS:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
    return out


def _wrapped(
    token: Token, pattern: Pattern, grammar: EventGrammar, trace: Tracer | None, depth: int, kinds: KindsOf | None
) -> Coded | None:
    lexicon = grammar.lexicon
    family = lexicon.families[pattern.family or ""]
    for comp in complements(token):
        inner = code_token(comp, grammar, trace, depth + 1, kinds)
        if inner is not None:
            used = family
            if family.name == "intent":
                # intending a hostile act ("plans to impose", "prepared to strike") is a threat
                hostile = (lexicon.settings.get("future_family") or {}).get(inner.code[:2])
                if hostile and hostile != "intent":
                    used = lexicon.families[hostile]
            if used.strict_map and not used.maps(inner.code):
                # "promised to criticize": no intent to cooperate, and the criticism has not happened
                return Coded("", replace(pattern, withholds=True), f"{pattern.id}>{inner.rule}",
                             pattern.specificity, token, token, comp, inner.code)
            code = used.recode(inner.code)
            return Coded(code, pattern, f"{pattern.id}>{inner.rule}", pattern.specificity + inner.specificity,
                         token, token, comp, inner.code)
    if pattern.needs_complement:
        return None
    code = pattern.cameo or family.default
    if family.agent_default and kinds is not None and _acting_clause(token, kinds):
        code = family.agent_default
    return Coded(code, pattern, pattern.id, pattern.specificity, token, token)


_ACTING_KINDS = frozenset({"person", "group", "organization", "country", "political", "armed"})


def _acting_clause(token: Token, kinds: KindsOf) -> bool:
    """Whether the verb is aimed at an actor ("warned Washington not to ...") or wraps a clause with
    an actor as its subject ("that police will ...", "it would take countermeasures"; not "it would
    be difficult")."""
    for child in token.children:
        if child.dep_ in ("dobj", "dative") and kinds(child) & _ACTING_KINDS:
            return True
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if kinds(subject) & _ACTING_KINDS or (subject.pos_ == "PRON" and child.lemma_ != "be"):
                return True
    return False


def consumed(coded: Coded) -> set[int]:
    """Tokens of the phrases that belong to a coded event and are not coded again on their own."""
    token = coded.event_token
    out: set[int] = set()
    for child in token.children:
        if child.dep_ not in _CONSUME_DEPS:
            continue
        own_clause = child.dep_ in ("ccomp", "advcl") and any(c.dep_ in _OWN_CLAUSE for c in child.children)
        if own_clause and not coded.pattern.family:
            continue
        out.update(t.i for t in child.subtree)
    return out


def reduced_relative(verb: Token) -> Token | None:
    """The real main verb when the parser took a reduced relative for it: in "the civilians
    imprisoned for X were released", "imprisoned" heads a "conj" that has no conjunction, its own
    passive auxiliary and no subject. None when ``verb`` is not such a misparse."""
    if verb.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ in ("aux", "auxpass", "cc") for c in verb.children):
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.i > verb.i and any(c.dep_ == "auxpass" for c in conj.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in conj.children):
            return conj
    return None


def reduced_relatives(sent: Span, columns: Columns) -> dict[int, int]:
    """Misparsed reduced relatives of a sentence: the participle's index -> the real main verb's."""
    found = {}
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if columns.tags[i] not in ("VBD", "VBN"):  # reduced_relative's first test, without a Token
            continue
        main = reduced_relative(doc[i])
        if main is not None:
            found[i] = main.i
    return found


def is_background(token: Token, grammar: EventGrammar, reduced: dict[int, int] | None = None) -> bool:
    """Whether ``token`` sits in a clause that only sets the scene for the sentence's own act;
    ``reduced`` holds the sentence's misparsed reduced relatives (see ``reduced_relatives``)."""
    marks = grammar.background_marks
    below: Token | None = None
    for t in (token, *token.ancestors):
        main = reduced.get(t.i) if reduced else None
        if main is not None and (below is None or below.i != main):
            return True
        below = t
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in grammar.background_preps:
            return True
    return False


def background_indices(sent: Span, grammar: EventGrammar, reduced: dict[int, int], columns: Columns) -> set[int]:
    """Indices of the sentence's tokens for which ``is_background`` holds, walking head indices
    instead of building Token objects for every ancestor of every token."""
    doc = sent.doc
    start, end = sent.start, sent.end
    heads = columns.heads[start:end]
    if any(not start <= h < end for h in heads):  # a head outside the sentence: take the slow path
        return {t.i for t in sent if is_background(t, grammar, reduced)}
    # only these labels can set the scene (see _sets_scene): the other tokens need no Token object
    scene = [columns.deps[i] in _SCENE_DEPS and _sets_scene(doc[i], grammar) for i in range(start, end)]
    found: set[int] = set()
    for first in range(start, end):
        i, below, steps = first, -1, 0
        while True:
            main = reduced.get(i) if reduced else None
            if (main is not None and (below < 0 or below != main)) or scene[i - start]:
                found.add(first)
                break
            head = heads[i - start]
            steps += 1
            if head == i or steps > len(heads):
                break
            below, i = i, head
    return found


_SCENE_DEPS = frozenset({"relcl", "acl", "advcl", "pobj"})


def _sets_scene(t: Token, grammar: EventGrammar) -> bool:
    """The checks of ``is_background`` that look at one token of the head chain."""
    if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
        return True
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in grammar.background_marks for c in t.children):
        return True
    return t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in grammar.background_preps


def sentence_depths(sent: Span, columns: Columns) -> dict[int, int]:
    """``depth`` of every token of the sentence (heads above it), from head indices."""
    heads = {i: columns.heads[i] for i in range(sent.start, sent.end)}
    depths: dict[int, int] = {}
    for i in heads:
        chain = []
        j = i
        while j not in depths:
            head = heads.get(j)
            if head is None:  # a head outside the sentence: count the Token way
                depths[j] = sum(1 for _ in sent.doc[j].ancestors)
                break
            if head == j:
                depths[j] = 0
                break
            chain.append(j)
            j = head
            if len(chain) > len(heads):  # no tree: count the Token way, as ``depth`` does
                depths.update((k, sum(1 for _ in sent.doc[k].ancestors)) for k in chain)
                chain = []
                break
        for k in reversed(chain):
            depths[k] = depths[heads[k]] + 1
    return depths


def inside_name(token: Token, index: ActorIndex) -> bool:
    """A word of an actor's name ("Economic Cooperation" in a forum's name) names no event."""
    return token.pos_ == "PROPN" and index.at(token) is not None
