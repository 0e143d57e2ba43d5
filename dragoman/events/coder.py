"""The event coder: walks each sentence's clauses, codes tokens, applies roles and modality, and
makes one event per dyad. Token coding lives in ``clauses``, roles in ``participants``, reported
speech in ``speech``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import permutations
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dragoman.events.agentless import AGENTLESS_RULE, CAUSE_RULE, agentless_reason
from dragoman.events.clauses import (
    Coded,
    Tracer,
    background_indices,
    code_token,
    consumed,
    inside_name,
    reduced_relatives,
    sentence_depths,
)
from dragoman.events.columns import Columns
from dragoman.events.discard import discarded_topic
from dragoman.events.explain import Explanation, PatternTrial, SentenceExplanation, TokenRow
from dragoman.events.grammar import EventGrammar, clause_head, is_verb
from dragoman.events.kinds import KindWords, TokenKinds
from dragoman.events.lexicon import PatternLexicon, load_lexicon
from dragoman.events.matcher import Trial
from dragoman.events.merge import assign_ids, dedupe_sentence
from dragoman.events.modality import conditioned, modality
from dragoman.events.ontology import Ontology, load_ontology
from dragoman.events.participants import event_roles
from dragoman.events.refine import refine
from dragoman.events.roles import ActorIndex, EventRole, is_generic, others, same_entity
from dragoman.events.speech import about_self, allegation, obligation, statement
from dragoman.records import BACKGROUND_PENALTY, Actor, Event, Quote, Trigger

log = logging.getLogger(__name__)

# How a role was found, when it is less certain than a subject or a "by" phrase.
_INDIRECT = ("agentless", "inherited", "speech-pronoun", "quote-speaker", "relative", "participle", "modifier")


class EventCoder:
    """Loads the ontology and pattern lexicon once; ``code`` turns one parsed article into events."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.ontology: Ontology = load_ontology()
        self.lexicon: PatternLexicon = load_lexicon(self.ontology, extra_files)
        self.grammar = EventGrammar.of(self.lexicon)
        self.kind_words = KindWords.of(self.lexicon)

    # -- public ------------------------------------------------------------------------------
    def code(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str) -> list[Event]:
        """Code every sentence of a parsed article; events carry rule, confidence and offsets."""
        return self._run(doc, actors, quotes, article_id, None).events

    def explain(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str = "explain",
                explanation: Explanation | None = None) -> Explanation:
        """Code an article and keep what was tried (in ``explanation`` when given): parse, actors,
        pattern trials, decisions."""
        return self._run(doc, actors, quotes, article_id, explanation or Explanation())

    # -- the run -------------------------------------------------------------------------------
    def _run(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str,
             explanation: Explanation | None) -> Explanation:
        result = explanation or Explanation()
        topic = discarded_topic(doc, self.lexicon)
        index = ActorIndex(doc, actors, quotes)
        columns = Columns.of(doc)
        kinds = TokenKinds(index, self.kind_words)
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
            coded = self._code_sentence(s_index, sent, index, note, columns, kinds)
            events.extend(dedupe_sentence(coded, lambda event: clause_head(doc, event)))
        result.discarded = topic
        assign_ids(events, article_id)
        result.events = events
        return result

    @staticmethod
    def _sentence_note(s_index: int, sent: Span, actors: list[Actor]) -> SentenceExplanation:
        rows = [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.head.text) for t in sent]
        inside = [a for a in actors if sent.start_char <= a.start < sent.end_char]
        return SentenceExplanation(s_index, sent.text, rows, inside)

    @staticmethod
    def _tracer(note: SentenceExplanation | None) -> Tracer | None:
        if note is None:
            return None

        def trace(token: Token, trials: list[Trial]) -> None:
            for trial in trials:
                note.trials.append(PatternTrial(token.i, token.text, trial.pattern.id,
                                                trial.pattern.cameo or trial.pattern.family,
                                                trial.matched, trial.reason))
        return trace

    def _code_sentence(self, s_index: int, sent: Span, index: ActorIndex,
                       note: SentenceExplanation | None, columns: Columns, kinds: TokenKinds) -> list[Event]:
        trace = self._tracer(note)
        used: set[int] = set()
        matched_tokens: set[int] = set()
        events: list[Event] = []
        speakers: list[Token] = []
        doc = sent.doc
        depths = sentence_depths(sent, columns)
        ordered = sorted(range(sent.start, sent.end), key=lambda i: (depths[i], i))
        reduced = reduced_relatives(sent, columns)
        background = background_indices(sent, self.grammar, reduced, columns)
        # Background clauses (conditions, time clauses, relative clauses, "since the invasion") are
        # coded only when the main clauses carry no event: one event per sentence's own predicate.
        for main in (True, False):
            if not main:
                if events or not background:
                    break
                if note is not None:
                    note.notes.append("main clauses gave no event: coding background clauses")
            for i in ordered:
                if (i in background) == main or i in used or columns.poses[i] not in ("VERB", "AUX", "NOUN", "PROPN"):
                    continue
                token = doc[i]
                if inside_name(token, index):
                    continue
                coded = code_token(token, self.grammar, trace, kinds=kinds.of)
                if coded is None:
                    if is_verb(token) and token.lemma_.lower() in self.grammar.speech:
                        speakers.append(token)
                    continue
                matched_tokens.add(token.i)
                if coded.pattern.withholds:
                    # "stopped short of imposing sanctions": the act did not happen
                    used.update(consumed(coded))
                    if note is not None:
                        note.notes.append(f"'{token.text}' ({coded.rule}): the act it names did not happen, not coded")
                    continue
                emitted = self._emit(s_index, sent, coded, index, note, main, kinds)
                if emitted and (not main or self._told_as_past(coded.event_token)):
                    for event in emitted:
                        event.mark_background()
                    if note is not None:
                        note.notes.append(f"'{token.text}': background (a scene-setting clause or an earlier act), "
                                          f"confidence lowered by {BACKGROUND_PENALTY}")
                # an act with no doer leaves its phrases free too: in "were killed in an air
                # strike by government forces" the strike names who did it
                doers = any(e.source is not None for e in emitted)
                if doers or coded.pattern.family or coded.code[:2] in self.grammar.content_roots:
                    # an act with no one to pin it on leaves its phrases free: "were killed in
                    # shelling by Israeli tanks" is still coded from the shelling; the words of a
                    # verbal act stay its words
                    used.update(consumed(coded))
                events.extend(emitted)
        # an act with no doer yields to one with a doer in its clause or below it ("killed in Israeli
        # shelling")
        events = [e for e in events if e.source is not None or not _has_doer_below(doc, e, events)]
        # and a verb of harm with no doer yields to the act that caused it: "killed in a car bomb
        # explosion" is the car bombing
        events = [e for e in events if e.source is not None or not _yields_to_cause(doc, e, events)]
        for speaker in speakers:
            if events:
                break
            events.extend(self._statement(s_index, sent, speaker, index, note, matched_tokens))
        return events

    # -- roles, modality and events ------------------------------------------------------------
    def _emit(self, s_index: int, sent: Span, coded: Coded, index: ActorIndex,
              note: SentenceExplanation | None, main: bool = True, kinds: TokenKinds | None = None) -> list[Event]:
        grammar = self.grammar
        source, targets = event_roles(coded, index, grammar)
        where = f"'{coded.trigger.text}' ({coded.rule})"
        if source.actors and all(is_generic(a) for a in source.actors) and (
                coded.code[:2] not in grammar.generic_source_roots
                or (coded.code[:2] in grammar.fire_roots
                    and not any(set((a.sector or "").split()) & grammar.generic_force_sectors for a in source.actors))):
            if note is not None:
                note.notes.append(f"{where}: a generic source ('{source.actors[0].text}') acts only in material "
                                  "events, not in this one")
            source = EventRole([], source.how)
        mood = modality(coded.event_token, self.lexicon)
        if mood.obligation and not mood.negated:
            demanded = obligation(coded, source, index, grammar)
            if demanded is not None:
                # "X said Y must do Z": X demands Z of Y, whether or not Y is a resolved actor
                speaker, code = demanded
                code = self._refine(code, coded.event_token, where, note)
                if note is not None:
                    note.notes.append(f"{where}: obligation in reported speech, demand {code}")
                rule = f"obligation>{coded.rule}"
                confidence = self._confidence(coded.specificity, "inherited", bool(source.actors))
                obliged: list[Actor | None] = list(source.actors) or [None]
                return [self._event(s_index, sent, coded.trigger, code, s, t, False, confidence, rule)
                        for s in speaker.actors for t in obliged if t is None or not same_entity(s, t)]
        agentless = None
        if not source.actors:
            # only in a main clause: an act with no doer in a relative or time clause sets the scene
            agentless = agentless_reason(coded, grammar, kinds.of if kinds else None) if main else None
            if agentless is None or mood.negated or mood.future or mood.speculative:
                if note is not None:
                    note.notes.append(f"{where}: no resolved source actor, no event")
                return []
            if note is not None:
                note.notes.append(f"{where}: no doer named ({agentless}), coded with no source")
        if mood.speculative and coded.pattern.family:
            if note is not None:
                note.notes.append(f"{where}: a guess at a verbal act ('{coded.pattern.family}'), not coded")
            return []
        # an allegation names whom it accuses: with no doer or a generic one ("militants attacked a
        # checkpoint, the army said") the act itself is coded, as reported
        plain = agentless or all(is_generic(a) for a in source.actors)
        alleged = None if mood.negated or mood.future or plain else allegation(coded, source, index, grammar)
        if alleged is not None:
            # "X said Y shelled the town": X accuses Y; the shelling is only X's word
            code = self.lexicon.families["accuse"].recode(coded.code)
            if note is not None:
                note.notes.append(f"{where}: reported by a leading speaker, allegation {code}")
            confidence = self._confidence(coded.specificity, "inherited", True)
            return [self._event(s_index, sent, coded.trigger, code, s, t, False, confidence,
                                f"allegation>{coded.rule}") for s in alleged.actors for t in source.actors]
        code, negated = coded.code, False
        if coded.pattern.family == "accuse" and about_self(coded, source, index, grammar):
            code = self.lexicon.families["claim"].default  # "X claimed that it had attacked": 015
            targets = others(targets, source.actors)
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
            if conditioned(coded.event_token, self.lexicon):
                family = "threaten"
            if family is None and mood.conditional:
                # "If convicted, he faces ...": a condition's own act has not happened, and it is
                # no intention or threat of anyone's either
                if note is not None:
                    note.notes.append(f"{where}: act under a condition ('if', 'unless'), not coded")
                return []
            if family is not None:
                code = self.lexicon.families[family].recode(code)
        if note is not None and code != coded.code:
            note.notes.append(f"{where}: {mood.label}, {coded.code} coded as {code}")
        code = self._refine(code, coded.event_token, where, note)
        symmetric = coded.pattern.symmetric
        if symmetric is None:
            symmetric = code[:2] in grammar.symmetric_roots or coded.event_token.lemma_.lower() in grammar.reciprocal
        if targets:
            dyads = [(s, t) for s in source.actors for t in targets if not same_entity(s, t)]
            if code in grammar.mutual and code == coded.code:
                # "X held talks with Y": negotiating takes both sides, coded both ways
                dyads += [(t, s) for s, t in dyads if (t, s) not in dyads]
        elif symmetric and len(source.actors) >= 2:
            dyads = list(permutations(source.actors, 2))
        else:
            dyads = [(s, None) for s in source.actors]
        rule = coded.rule
        if agentless:
            dyads = [(None, t) for t in targets] or [(None, None)]
            rule = f"{AGENTLESS_RULE}{agentless}>{coded.rule}"
        confidence = self._confidence(coded.specificity, "agentless" if agentless else source.how, bool(targets))
        return [self._event(s_index, sent, coded.trigger, code, src, tgt, negated, confidence, rule)
                for src, tgt in dyads]

    def _refine(self, code: str, token: Token, where: str, note: SentenceExplanation | None) -> str:
        finer, purpose = refine(code, token, self.lexicon)
        if note is not None and purpose is not None:
            note.notes.append(f"{where}: purpose '{purpose}', {code} refined to {finer}")
        return finer

    def _statement(self, s_index: int, sent: Span, speaker: Token, index: ActorIndex,
                   note: SentenceExplanation | None, matched: set[int]) -> list[Event]:
        said = statement(speaker, index, self.grammar, matched)
        if said is None:
            return []
        if note is not None:
            note.notes.append(f"'{speaker.text}': no codable act in its words -> {said.code} ({said.rule})")
        confidence = round(self._confidence(1, said.source.how, said.target is not None) - 0.1, 2)
        return [self._event(s_index, sent, speaker, said.code, src, said.target, False, confidence, said.rule)
                for src in said.source.actors]

    @staticmethod
    def _confidence(specificity: int, how: str, has_target: bool) -> float:
        """Pattern specificity and role certainty, 0..1."""
        score = 0.45 + 0.08 * min(specificity, 5)
        if how in _INDIRECT:
            score -= 0.1
        if not has_target:
            score -= 0.05
        return round(max(0.05, min(0.99, score)), 2)

    def _told_as_past(self, token: Token) -> bool:
        """A past perfect ("had met") or a lasting state ("has long opposed"): told as background."""
        holder = token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") and not is_verb(token) else token
        children = list(holder.children)
        # a past perfect reported after "said" is only the tense of reported speech, not background
        reported = holder.dep_ == "ccomp" and holder.head.lemma_.lower() in self.grammar.speech
        perfect = not reported and holder.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in children)
        lasting = any(c.dep_ == "advmod" and c.lower_ in self.lexicon.words("lasting_adverbs") for c in children)
        return perfect or lasting

    def _event(self, s_index: int, sent: Span, trigger: Token, code: str, source: Actor | None,
               target: Actor | None, negated: bool, confidence: float, rule: str) -> Event:
        info = self.ontology.get(code)
        return Event(
            id="", sentence=s_index, start=sent.start_char, end=sent.end_char,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            cameo=code, cameo_root=code[:2], goldstein=info.goldstein, quad_class=info.quad_class,
            source=source, target=target, cameo_label=info.label, plover=self.ontology.plover(code),
            negated=negated, confidence=confidence, rule=rule,
        )


def _has_doer_below(doc: Doc, event: Event, events: list[Event]) -> bool:
    """Whether an event with a source stands in ``event``'s clause or in the phrases under its trigger."""
    clause = clause_head(doc, event)
    below = _under_trigger(doc, event)
    return any(other.source is not None and (clause_head(doc, other) == clause or other.trigger.start in below)
               for other in events)


def _yields_to_cause(doc: Doc, event: Event, events: list[Event]) -> bool:
    """Whether a cause noun coded with no doer stands under ``event``'s trigger ("injured in a grenade
    explosion"); the cause takes over the victims as its target."""
    below = _under_trigger(doc, event)
    causes = [other for other in events if other is not event and other.source is None
              and other.rule.startswith(CAUSE_RULE) and other.trigger.start in below]
    for cause in causes:
        if cause.target is None:
            cause.target = event.target
    return bool(causes)


def _under_trigger(doc: Doc, event: Event) -> set[int]:
    """Character offsets of the tokens in the phrases under ``event``'s trigger word."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    return {t.idx for t in span.root.subtree if t.i != span.root.i}
