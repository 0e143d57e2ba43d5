"""The event coder: patterns over the dependency parse, roles, modality, one event per dyad."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dragoman.events.discard import discarded_topic
from dragoman.events.explain import Explanation, PatternTrial, SentenceExplanation, TokenRow
from dragoman.events.lexicon import Lexicon, Pattern, load_lexicon
from dragoman.events.matcher import Trial, best, words
from dragoman.events.merge import dedupe_sentence
from dragoman.events.modality import modality
from dragoman.events.ontology import Ontology, load_ontology
from dragoman.events.roles import (
    ActorIndex,
    Role,
    actors_of,
    find_source,
    find_targets,
    noun_source,
    subject_token,
    target_tokens,
)
from dragoman.records import Actor, Event, Quote, Trigger

log = logging.getLogger(__name__)

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


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj", "advcl", "xcomp"))


class EventCoder:
    """Loads the ontology and pattern lexicon once; ``code`` turns one parsed article into events."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.ontology: Ontology = load_ontology()
        self.lexicon: Lexicon = load_lexicon(self.ontology, extra_files)
        self.speech = self.lexicon.words("speech_verbs")
        self.light = self.lexicon.words("light_verbs")
        self.target_preps = tuple(self.lexicon.words("target_preps"))
        self.source_preps = self.lexicon.words("source_preps")
        self.symmetric_roots = frozenset(str(r) for r in self.lexicon.settings.get("symmetric_roots", []))
        self.background_marks = self.lexicon.words("background_marks")
        self.background_preps = self.lexicon.words("background_preps")
        self.obliged = self.lexicon.words("obligation_aux")
        self.mutual = self.lexicon.words("mutual_codes")
        self.stative = self.lexicon.words("stative_passives")
        self.culpable = self.lexicon.words("culpability_words")
        self.source_preps_inverse = self.lexicon.words("giver_preps")

    # -- public ------------------------------------------------------------------------------
    def code(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str) -> list[Event]:
        """Code every sentence of a parsed article; events carry rule, confidence and offsets."""
        return self._run(doc, actors, quotes, article_id, None).events

    def explain(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str = "explain") -> Explanation:
        """Code an article and keep what was tried: parse, actors, pattern trials, decisions."""
        return self._run(doc, actors, quotes, article_id, Explanation())

    # -- the run -------------------------------------------------------------------------------
    def _run(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str,
             explanation: Explanation | None) -> Explanation:
        result = explanation or Explanation()
        topic = discarded_topic(doc, self.lexicon)
        index = ActorIndex(doc, actors, quotes)
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            note: SentenceExplanation | None = None
            if explanation is not None:
                note = self._sentence_note(s_index, sent, actors)
                result.sentences.append(note)
            if topic is not None:
                if note is not None:
                    note.notes.append(f"story discarded as {topic}")
                continue
            events.extend(dedupe_sentence(self._code_sentence(s_index, sent, index, note)))
        result.discarded = topic
        prefix = article_id[:12]
        for n, event in enumerate(events, start=1):
            event.id = f"{prefix}-{n}"
        result.events = events
        return result

    def _sentence_note(self, s_index: int, sent: Span, actors: list[Actor]) -> SentenceExplanation:
        rows = [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.head.text) for t in sent]
        inside = [a for a in actors if sent.start_char <= a.start < sent.end_char]
        return SentenceExplanation(s_index, sent.text, rows, inside)

    def _tracer(self, note: SentenceExplanation | None) -> Tracer | None:
        if note is None:
            return None

        def trace(token: Token, trials: list[Trial]) -> None:
            for trial in trials:
                note.trials.append(PatternTrial(token.i, token.text, trial.pattern.id,
                                                trial.pattern.cameo or trial.pattern.family,
                                                trial.matched, trial.reason))
        return trace

    def _code_sentence(self, s_index: int, sent: Span, index: ActorIndex,
                       note: SentenceExplanation | None) -> list[Event]:
        trace = self._tracer(note)
        consumed: set[int] = set()
        matched_tokens: set[int] = set()
        events: list[Event] = []
        speakers: list[Token] = []
        ordered = sorted(sent, key=lambda t: (_depth(t), t.i))
        background = {t.i for t in ordered if self._background(t)}
        # Background clauses (conditions, time clauses, relative clauses, "since the invasion") are
        # coded only when the main clauses carry no event: one event per sentence's own predicate.
        for main in (True, False):
            if not main:
                if events or not background:
                    break
                if note is not None:
                    note.notes.append("main clauses gave no event: coding background clauses")
            for token in ordered:
                if (token.i in background) == main or token.i in consumed:
                    continue
                if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN") or self._inside_name(token, index):
                    continue
                coded = self._code_token(token, trace)
                if coded is None:
                    if _is_verb(token) and token.lemma_.lower() in self.speech:
                        speakers.append(token)
                    continue
                matched_tokens.add(token.i)
                emitted = self._emit(s_index, sent, coded, index, note)
                if emitted or coded.pattern.family:
                    # an act with no one to pin it on leaves its phrases free: "were killed in
                    # shelling by Israeli tanks" is still coded from the shelling
                    consumed.update(self._consumed(coded))
                events.extend(emitted)
        for speaker in speakers:
            if events:
                break
            events.extend(self._statement(s_index, sent, speaker, index, note, matched_tokens))
        return events

    def _background(self, token: Token) -> bool:
        """Whether ``token`` sits in a clause that only sets the scene for the sentence's own act."""
        marks = self.background_marks
        for t in (token, *token.ancestors):
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
                return True
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
                return True
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in self.background_preps:
                return True
        return False

    @staticmethod
    def _inside_name(token: Token, index: ActorIndex) -> bool:
        """A word of an actor's name ("Economic Cooperation" in a forum's name) names no event."""
        return token.pos_ == "PROPN" and index.at(token) is not None

    # -- coding a token ------------------------------------------------------------------------
    def _code_token(self, token: Token, trace: Tracer | None, depth: int = 0) -> Coded | None:
        """CAMEO code of a verb or event noun, with wrapped complements re-coded; None if no pattern."""
        if depth > 3:
            return None
        if _is_verb(token):
            pattern, trials = best(token, self.lexicon, "verb")
            if trace:
                trace(token, trials)
            is_light = token.lemma_.lower() in self.light or token.lower_ in self.light
            light = self._light(token, trace) if is_light else None
            if light is not None and (pattern is None or pattern.specificity < light.specificity + 2):
                return light
            if pattern is None:
                return None
            if pattern.family:
                return self._wrapped(token, pattern, trace, depth)
            return Coded(pattern.cameo or "", pattern, pattern.id, pattern.specificity, token, token)
        if token.pos_ in ("NOUN", "PROPN"):
            pattern, trials = best(token, self.lexicon, "noun")
            if trace:
                trace(token, trials)
            if pattern is None:
                return None
            return Coded(pattern.cameo or "", pattern, pattern.id, pattern.specificity, token, token)
        return None

    def _light(self, verb: Token, trace: Tracer | None) -> Coded | None:
        """A light verb's event noun: "held talks", "launched air strikes", "engaged in fighting"."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                objects += [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objects:
            for noun in (obj, *obj.conjuncts):
                pattern, trials = best(noun, self.lexicon, "noun")
                if trace:
                    trace(noun, trials)
                if pattern is not None:
                    return Coded(pattern.cameo or "", pattern, f"{pattern.id}", pattern.specificity, verb, verb)
        return None

    def _complements(self, token: Token) -> list[Token]:
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
        for c in children:
            if c.dep_ in ("prep", "prt") and c.lower_ in _COMPLEMENT_PREPS:
                out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
        return out

    def _wrapped(self, token: Token, pattern: Pattern, trace: Tracer | None, depth: int) -> Coded:
        family = self.lexicon.families[pattern.family or ""]
        for comp in self._complements(token):
            inner = self._code_token(comp, trace, depth + 1)
            if inner is not None:
                used = family
                if family.name == "intent":
                    # intending a hostile act ("plans to impose", "prepared to strike") is a threat
                    hostile = (self.lexicon.settings.get("future_family") or {}).get(inner.code[:2])
                    if hostile and hostile != "intent":
                        used = self.lexicon.families[hostile]
                code = used.recode(inner.code)
                return Coded(code, pattern, f"{pattern.id}>{inner.rule}", pattern.specificity + inner.specificity,
                             token, token, comp, inner.code)
        return Coded(pattern.cameo or family.default, pattern, pattern.id, pattern.specificity, token, token)

    def _consumed(self, coded: Coded) -> set[int]:
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

    # -- roles and events ----------------------------------------------------------------------
    def _roles(self, coded: Coded, index: ActorIndex) -> tuple[Role, list[Actor]]:
        token = coded.event_token
        preps = (*coded.pattern.targets, *[p for p in self.target_preps if p not in coded.pattern.targets])
        if _is_verb(token):
            source = find_source(token, index, self.speech, self.stative)
            if coded.pattern.inverse:
                return self._inverse_roles(token, index)
            if not source.actors and coded.pattern.kind == "noun":
                for obj in token.children:
                    if obj.dep_ == "dobj":
                        source = noun_source(obj, index, self.source_preps)
                        break
            candidates = target_tokens(token, preps)
            if coded.pattern.kind == "noun":
                for obj in token.children:
                    if obj.dep_ in ("dobj",) or obj.dep_ == "prep":
                        noun = obj if obj.dep_ == "dobj" else next((p for p in obj.children if p.dep_ == "pobj"), None)
                        if noun is not None:
                            candidates += target_tokens(noun, preps, passive_ok=False)
            for child in token.children:
                if child.dep_ == "xcomp" and child is not coded.complement:
                    candidates += target_tokens(child, self.target_preps)
            if coded.complement is not None:
                comp = coded.complement
                if _is_verb(comp):
                    subj, _how = subject_token(comp)
                    if subj is not None and subj.i != (subject_token(token)[0] or token).i:
                        candidates.append(subj)
                candidates += target_tokens(comp, self.target_preps)
        else:
            source = noun_source(token, index, self.source_preps, self.culpable)
            candidates = [t for t in target_tokens(token, [p for p in preps if p not in self.source_preps], False)]
        targets = find_targets(candidates, index, source.actors)
        return source, targets

    def _inverse_roles(self, verb: Token, index: ActorIndex) -> tuple[Role, list[Actor]]:
        """"X received weapons from Y": Y is the source, X the target."""
        givers: list[Actor] = []
        for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in self.source_preps_inverse:
                    givers = actors_of(next((c for c in prep.children if c.dep_ == "pobj"), None), index)
                    if givers:
                        break
            if givers:
                break
        receiver = find_source(verb, index, self.speech, self.stative)
        codes = {a.code for a in givers}
        return Role(givers, "inverse"), [a for a in receiver.actors if a.code not in codes]

    def _emit(self, s_index: int, sent: Span, coded: Coded, index: ActorIndex,
              note: SentenceExplanation | None) -> list[Event]:
        source, targets = self._roles(coded, index)
        where = f"'{coded.trigger.text}' ({coded.rule})"
        mood = modality(coded.event_token, self.lexicon)
        if mood.obligation and not mood.negated:
            demanded = self._obligation(coded, source, index)
            if demanded is not None:
                # "X said Y must do Z": X demands Z of Y, whether or not Y is a resolved actor
                speaker, code = demanded
                if note is not None:
                    note.notes.append(f"{where}: obligation in reported speech, demand {code}")
                rule = f"obligation>{coded.rule}"
                confidence = self._confidence(coded.specificity, "inherited", bool(source.actors))
                obliged: list[Actor | None] = list(source.actors) or [None]
                return [self._event(s_index, sent, coded.trigger, code, s, t, False, confidence, rule)
                        for s in speaker.actors for t in obliged if t is None or s.code != t.code]
        if not source.actors:
            if note is not None:
                note.notes.append(f"{where}: no resolved source actor, no event")
            return []
        code, negated = coded.code, False
        if coded.pattern.family == "accuse" and self._about_self(coded, source, index):
            code = self.lexicon.families["claim"].default  # "X claimed that it had attacked": 015
            targets = [t for t in targets if t.code not in {a.code for a in source.actors}]
            if note is not None:
                note.notes.append(f"{where}: the claimed act is the speaker's own, {code}")
        settings = self.lexicon.settings
        if mood.negated:
            base = coded.base if coded.pattern.family == "intent" and coded.base else code
            family = (settings.get("negated_family") or {}).get(base[:2])
            if family is None or (coded.pattern.family and coded.pattern.family != "intent"):
                if note is not None:
                    note.notes.append(f"{where}: negated act, not coded")
                return []
            code, negated = self.lexicon.families[family].recode(base), True
        elif mood.future and not coded.pattern.family:
            family = (settings.get("future_family") or {}).get(code[:2])
            if self._conditioned(coded.event_token):
                family = "threaten"
            if family is not None:
                code = self.lexicon.families[family].recode(code)
        if note is not None and code != coded.code:
            note.notes.append(f"{where}: {mood.label}, {coded.code} coded as {code}")
        symmetric = coded.pattern.symmetric
        if symmetric is None:
            symmetric = code[:2] in self.symmetric_roots
        if targets:
            dyads = [(s, t) for s in source.actors for t in targets if s.code != t.code]
            if code in self.mutual and code == coded.code:
                # "X held talks with Y": negotiating takes both sides, coded both ways
                dyads += [(t, s) for s, t in dyads if (t, s) not in dyads]
        elif symmetric and len(source.actors) >= 2:
            dyads = list(permutations(source.actors, 2))
        else:
            dyads = [(s, None) for s in source.actors]
        confidence = self._confidence(coded.specificity, source.how, bool(targets))
        return [self._event(s_index, sent, coded.trigger, code, src, tgt, negated, confidence, coded.rule)
                for src, tgt in dyads]

    def _conditioned(self, token: Token) -> bool:
        """Whether an act hangs on a condition put to others: "... unless X holds elections"."""
        marks = self.lexicon.words("threat_marks")
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in token.children)

    def _about_self(self, coded: Coded, source: Role, index: ActorIndex) -> bool:
        """Whether the act inside an accusation or claim is the speaker's own."""
        # only a clause with a subject of its own: in "accused Y of shelling" Y shelled
        comp = next((c for c in coded.event_token.children if c.dep_ == "ccomp"), None)
        if comp is None or subject_token(comp)[1] != "subject":
            return False
        agent = find_source(comp, index, self.speech, self.stative)
        codes = {a.code for a in source.actors}
        return bool(agent.actors) and all(a.code in codes for a in agent.actors)

    def _obligation(self, coded: Coded, source: Role, index: ActorIndex) -> tuple[Role, str] | None:
        """"X said Y must do Z": the speaker demands Z of Y (10x), when the speaker is another actor."""
        speaker = self._speaker_above(coded.event_token, index)
        if speaker is None or {a.code for a in source.actors} & {a.code for a in speaker.actors}:
            return None
        base = coded.base if coded.pattern.family == "intent" and coded.base else coded.code
        return speaker, self.lexicon.families["demand"].recode(base)

    def _speaker_above(self, token: Token, index: ActorIndex) -> Role | None:
        """The resolved speaker of the nearest speech verb (or light verb: "issued a reminder that")
        governing ``token``; None when there is none."""
        for ancestor in token.ancestors:
            if _is_verb(ancestor) and ancestor.lemma_.lower() in self.speech | self.light:
                speaker = find_source(ancestor, index, self.speech)
                return speaker if speaker.actors else None
        return None

    def _statement(self, s_index: int, sent: Span, speaker: Token, index: ActorIndex,
                   note: SentenceExplanation | None, matched: set[int]) -> list[Event]:
        """A bare statement (01x) by a resolved speaker whose words carry no codable act; an
        obligation laid on another actor in those words is a demand (100)."""
        source = find_source(speaker, index, self.speech)
        if not source.actors:
            return []
        clauses = [c for c in speaker.children if c.dep_ in ("ccomp", "dobj", "xcomp", "prep")]
        content = [t for c in clauses for t in c.subtree]
        seq = {w for pair in words(content) for w in pair}
        code, rule = "010", "statement.say"
        for tone_code, cues in (self.lexicon.settings.get("tone") or {}).items():
            if seq & {str(c).lower() for c in cues}:
                code, rule = str(tone_code), f"statement.tone-{tone_code}"
                break
        candidates = [t for t in content if t.pos_ in ("PROPN", "NOUN")]
        for clause in clauses:
            if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in self.obliged for c in clause.children):
                code, rule = self.lexicon.families["demand"].default, "demand.obligation"
                subject, _how = subject_token(clause)
                candidates = [subject] if subject is not None else []
                break
        if rule == "statement.say" and {t.i for t in speaker.subtree} & matched:
            return []  # the words hold an act we could not place: no bare statement in its stead
        targets = find_targets(candidates, index, source.actors)
        if note is not None:
            note.notes.append(f"'{speaker.text}': no codable act in its words -> {code} ({rule})")
        confidence = round(self._confidence(1, source.how, bool(targets)) - 0.1, 2)
        return [self._event(s_index, sent, speaker, code, src, targets[0] if targets else None, False,
                            confidence, rule) for src in source.actors]

    @staticmethod
    def _confidence(specificity: int, how: str, has_target: bool) -> float:
        """Pattern specificity and role certainty, 0..1."""
        score = 0.45 + 0.08 * min(specificity, 5)
        if how in ("inherited", "speech-pronoun", "quote-speaker", "relative", "participle", "modifier"):
            score -= 0.1
        if not has_target:
            score -= 0.05
        return round(max(0.05, min(0.99, score)), 2)

    def _event(self, s_index: int, sent: Span, trigger: Token, code: str, source: Actor,
               target: Actor | None, negated: bool, confidence: float, rule: str) -> Event:
        info = self.ontology.get(code)
        return Event(
            id="", sentence=s_index, start=sent.start_char, end=sent.end_char,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            cameo=code, cameo_root=code[:2], goldstein=info.goldstein, quad_class=info.quad_class,
            source=source, target=target, cameo_label=info.label, plover=self.ontology.plover(code),
            negated=negated, confidence=confidence, rule=rule,
        )
