"""Reading the dependency parse: the subject of a verb, for every stage that asks for one.

The quotes stage asks who said something, the events stage who did something. Both climb the parse
the same way, but what counts as the subject differs, so ``subject_of`` takes its rules:

- ``SPEAKER`` (quotes): a passive subject speaks ("X was quoted"); a relative pronoun stands for
  the noun it modifies; a verb the author coordinates after a reported clause ("said A and
  predicted B") climbs past the clause to the cue's subject; at most three verbs up.
- ``AGENT`` (events): a passive subject is the agent only of a stative verb (``stative``: "Israel
  is opposed to") and is otherwise inherited through a coordinated or raising verb; a by-phrase
  names the agent; the subject may hang on the auxiliary; participles take the noun they modify
  or the subject of the verb whose object that noun is; any number of verbs up, prepositional
  complements included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Optional

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_ACTIVE_SUBJECT_DEPS = ("nsubj", "csubj")
_RELATIVE_TAGS = ("WDT", "WP", "WP$")
_VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class SubjectRules:
    """What ``subject_of`` takes as the subject of a verb; see the module docstring."""

    passive_subjects: bool  # nsubjpass is a subject like nsubj (else only for stative verbs)
    relative_antecedents: bool  # "the man who said": the man, not "who"
    auxiliary_subjects: bool  # "Peru [is <- nsubj] opposed": the parser hung the subject on the auxiliary
    agents: bool  # "was attacked by X": X
    participles: bool  # "troops fighting", "issued a declaration demanding ..."
    climb_deps: tuple[str, ...]  # the dependencies through which a verb takes its head's subject
    past_reported_clause: bool  # "said A and predicted B": B's subject is the cue's, not A's
    max_climbs: Optional[int]  # how many verbs up the subject may be sought (None: no limit)


SPEAKER = SubjectRules(passive_subjects=True, relative_antecedents=True, auxiliary_subjects=False,
                       agents=False, participles=False, climb_deps=("conj", "advcl", "xcomp"),
                       past_reported_clause=True, max_climbs=3)
AGENT = SubjectRules(passive_subjects=False, relative_antecedents=False, auxiliary_subjects=True,
                     agents=True, participles=True, climb_deps=("xcomp", "conj", "advcl", "pcomp"),
                     past_reported_clause=False, max_climbs=None)


class Subject(NamedTuple):
    """The token naming a verb's subject (None when there is none) and how it was found: "subject",
    "agent", "relative", "participle", "inherited" or "none"."""

    token: Optional[Token]
    how: str


_NONE = Subject(None, "none")


def first_child(token: Token, *deps: str) -> Optional[Token]:
    """The first child of ``token`` attached by one of ``deps``."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def prep_object(prep: Token) -> Optional[Token]:
    """The object of a preposition (a noun, or a clause: "by attacking")."""
    return first_child(prep, "pobj", "pcomp")


def follows_reported_clause(verb: Token) -> bool:
    """True for a verb that shares its subject and follows a reported clause as the author's, not
    the speaker's: a finite past verb after a clause in another form ("said she didn't want A and
    predicted B"; in "said the council visited A and praised B" both verbs are one clause) or a
    participle after a comma ("said A, adding B")."""
    if verb.dep_ == "conj":
        return verb.tag_ == "VBD" and verb.head.tag_ != "VBD"
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].text == ",")


def subject_of(verb: Token, rules: SubjectRules, stative: frozenset[str] = frozenset(),
               climbs: int = 0) -> Subject:
    """The subject of ``verb`` under ``rules``, through conjunctions, participles and relative clauses.
    ``stative`` lists verbs whose passive subject is their agent ("Israel is opposed to")."""
    subj = first_child(verb, *(SUBJECT_DEPS if rules.passive_subjects else _ACTIVE_SUBJECT_DEPS))
    if subj is None and rules.auxiliary_subjects:
        subj = next((g for c in verb.children if c.dep_ in ("aux", "auxpass")
                     for g in c.children if g.dep_ == "nsubj"), None)
    if subj is not None:
        if rules.relative_antecedents and subj.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
            return Subject(verb.head, "relative")
        return Subject(subj, "subject")
    if rules.agents:
        agent = first_child(verb, "agent")
        if agent is not None and prep_object(agent) is not None:
            return Subject(prep_object(agent), "agent")
    if verb.lemma_.lower() in stative and first_child(verb, "nsubjpass") is not None:
        return Subject(first_child(verb, "nsubjpass"), "subject")
    if verb.dep_ == "relcl":
        return Subject(verb.head, "relative")
    if rules.participles and verb.dep_ == "acl":
        if verb.head.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i != verb.head.i
                                             for c in verb.head.head.children):
            # "X resorted to Y, officials said": a verb with two subjects is a trailing attribution
            # the parser folded into one clause; the first subject heads its own clause
            return Subject(verb.head, "subject")
        if verb.tag_ != "VBN":
            # "issued a declaration demanding ...": the declaring verb's subject demands
            if verb.head.dep_ == "dobj" and verb.head.head.pos_ in _VERBAL:
                return Subject(subject_of(verb.head.head, rules, climbs=climbs).token, "inherited")
            return Subject(verb.head, "participle")
    if verb.dep_ not in rules.climb_deps or verb.head is verb:
        return _NONE
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "acomp":
        head = head.head  # "the army is guilty of violating the truce"
    if head.pos_ not in _VERBAL:
        return _NONE
    if rules.max_climbs is not None and climbs >= rules.max_climbs:
        return _NONE
    if rules.past_reported_clause and head.dep_ == "ccomp" and head.head.i < head.i \
            and head.head.pos_ in _VERBAL and follows_reported_clause(verb):
        # "The senator said she didn't want A and predicted B": the senator predicted. Only a cue
        # before its clause: a parse that hangs the sentence on a verb inside a later quotation
        # names no speaker.
        head = head.head
    if not rules.passive_subjects and verb.dep_ == "conj" and first_child(head, *_ACTIVE_SUBJECT_DEPS) is None \
            and first_child(head, "nsubjpass") is not None:
        # "X was indicted by the court and will resign": X, not the court, resigns
        return Subject(first_child(head, "nsubjpass"), "inherited")
    token = subject_of(head, rules, stative, climbs + 1).token
    if token is None and not rules.passive_subjects and verb.dep_ == "xcomp":
        # "Obama is scheduled to attend": the passive subject of a raising verb acts
        token = first_child(head, "nsubjpass")
    return Subject(token, "inherited")
