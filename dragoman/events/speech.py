"""Reported speech: demands put in a speaker's words, claims about the speaker's own acts, and the
bare statement (01x) a resolved speaker makes when nothing in the words is codable."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.events.clauses import Coded
from dragoman.events.grammar import EventGrammar, is_verb
from dragoman.events.matcher import words
from dragoman.events.roles import ActorIndex, EventRole, find_source, find_targets, others, overlap
from dragoman.nlp.syntax import AGENT, subject_of
from dragoman.records import Actor


@dataclass
class Statement:
    """A speaker's bare statement, tone comment or demand, before it becomes events."""

    source: EventRole
    code: str
    rule: str
    target: Actor | None


def speaker_above(token: Token, index: ActorIndex, grammar: EventGrammar) -> EventRole | None:
    """The resolved speaker of the nearest speech verb (or light verb: "issued a reminder that")
    governing ``token``; None when there is none."""
    for ancestor in token.ancestors:
        if is_verb(ancestor) and ancestor.lemma_.lower() in grammar.speech | grammar.light:
            speaker = find_source(ancestor, index, grammar.speech)
            return speaker if speaker.actors else None
    return None


def leading_speaker(token: Token, index: ActorIndex, grammar: EventGrammar) -> EventRole | None:
    """The resolved speaker who opens a report of ``token``'s act: "X said (that) Y shelled Z", the
    speaker's subject and verb before the clause. None for a trailing attribution (", police said")
    or no resolved speaker."""
    child = token
    for ancestor in token.ancestors:
        if is_verb(ancestor) and ancestor.lemma_.lower() in grammar.speech:
            subject, how = subject_of(ancestor, AGENT)
            if child.dep_ != "ccomp" or child.i < ancestor.i or how != "subject" or subject is None \
                    or subject.i > ancestor.i:
                return None
            speaker = find_source(ancestor, index, grammar.speech)
            return speaker if speaker.actors else None
        child = ancestor
    return None


def allegation(coded: Coded, source: EventRole, index: ActorIndex, grammar: EventGrammar) -> EventRole | None:
    """The speaker alleging an act of violence by others ("X said Y shelled the town"), or None."""
    if coded.code[:2] not in grammar.alleged_roots or coded.pattern.family:
        return None
    speaker = leading_speaker(coded.event_token, index, grammar)
    if speaker is None:
        return None
    if any((a.sector or "").split(" ")[0] in grammar.relaying_sectors or (a.code or "")[3:6] in grammar.relaying_sectors
           for a in speaker.actors):
        return None  # the media relay reports, they do not accuse
    if overlap(speaker.actors, source.actors):
        return None  # a speaker telling of its own act claims it
    return speaker


def obligation(coded: Coded, source: EventRole, index: ActorIndex,
               grammar: EventGrammar) -> tuple[EventRole, str] | None:
    """"X said Y must do Z": the speaker demands Z of Y (10x), when the speaker is another actor."""
    speaker = speaker_above(coded.event_token, index, grammar)
    if speaker is None or overlap(source.actors, speaker.actors):
        return None
    base = coded.base if coded.pattern.family == "intent" and coded.base else coded.code
    return speaker, grammar.lexicon.families["demand"].recode(base)


def about_self(coded: Coded, source: EventRole, index: ActorIndex, grammar: EventGrammar) -> bool:
    """Whether the act inside an accusation or claim is the speaker's own."""
    # only a clause with a subject of its own: in "accused Y of shelling" Y shelled
    comp = next((c for c in coded.event_token.children if c.dep_ == "ccomp"), None)
    if comp is None or subject_of(comp, AGENT).how != "subject":
        return False
    agent = find_source(comp, index, grammar.speech, grammar.stative)
    return bool(agent.actors) and not others(agent.actors, source.actors)


def statement(speaker: Token, index: ActorIndex, grammar: EventGrammar, matched: set[int]) -> Statement | None:
    """A bare statement (01x) by a resolved speaker whose words carry no codable act; an
    obligation laid on another actor in those words is a demand (100)."""
    source = find_source(speaker, index, grammar.speech)
    if not source.actors:
        return None
    lexicon = grammar.lexicon
    clauses = [c for c in speaker.children if c.dep_ in ("ccomp", "dobj", "xcomp", "prep")]
    content = [t for c in clauses for t in c.subtree]
    seq = {w for pair in words(content) for w in pair}
    code, rule = "010", "statement.say"
    for tone_code, cues in (lexicon.settings.get("tone") or {}).items():
        if seq & {str(c).lower() for c in cues}:
            code, rule = str(tone_code), f"statement.tone-{tone_code}"
            break
    candidates = [t for t in content if t.pos_ in ("PROPN", "NOUN")]
    for clause in clauses:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in grammar.obliged for c in clause.children):
            code, rule = lexicon.families["demand"].default, "demand.obligation"
            subject, _how = subject_of(clause, AGENT)
            candidates = [subject] if subject is not None else []
            break
    if rule == "statement.say" and {t.i for t in speaker.subtree} & matched:
        return None  # the words hold an act we could not place: no bare statement in its stead
    targets = find_targets(candidates, index, source.actors)
    return Statement(source, code, rule, targets[0] if targets else None)
