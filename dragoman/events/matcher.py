"""Test lexicon patterns on a token of the dependency parse and pick the most specific match."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.events.lexicon import Pattern, PatternLexicon
from dragoman.nlp.syntax import AGENT, subject_of

# Dependents of a verb whose words can satisfy a pattern's `objects`.
VERB_REGION_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "prep", "acomp", "prt", "nsubjpass",
                              "npadvmod", "advmod", "agent", "xcomp"})
NOUN_REGION_DEPS = frozenset({"compound", "amod", "nmod", "prep", "poss", "npadvmod", "nummod", "acl"})


@dataclass
class Trial:
    """One pattern tried on one token: whether it matched, and why not."""

    pattern: Pattern
    matched: bool
    reason: str = ""
    weight: int = 0  # words of the longest object phrase matched: "war crime" beats "crime"
    senses: int = 0  # sense constraints met by a phrase actually there (one absent meets none)


def words(tokens: list[Token]) -> list[tuple[str, str]]:
    """(lemma, text) lower-cased for each token, in document order."""
    return [(t.lemma_.lower(), t.lower_) for t in sorted(tokens, key=lambda t: t.i)]


def contains(seq: list[tuple[str, str]], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` occurs contiguously, each word matching a lemma or the text."""
    size = len(phrase)
    first = phrase[0]
    for start in range(len(seq) - size + 1):
        if first in seq[start] and all(phrase[k] in seq[start + k] for k in range(1, size)):
            return True
    return False


def region(token: Token, deps: frozenset[str]) -> list[Token]:
    """Tokens in the subtrees of ``token``'s children with the given dependency labels."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in deps:
            out.extend(child.subtree)
    return out


def _head_ok(token: Token, head: tuple[str, ...], forms: tuple[str, str]) -> bool:
    """``forms`` is the token's (lemma, text), lower-cased, read once for all the heads tried."""
    if head[-1] not in forms:
        return False
    if len(head) == 1:
        return True
    lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    return contains(words(lefts + [token]), head)


Region = tuple[list[tuple[str, str]], set[str]]  # a region's words in order, and all of them as a set


KindsOf = Callable[[Token], frozenset[str]]
_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})


def direct_object(token: Token) -> Token | None:
    """The verb's direct object, or its passive subject ("were arrested")."""
    for child in token.children:
        if child.dep_ == "dobj":
            return child
    return next((c for c in token.children if c.dep_ == "nsubjpass"), None)


def _has_predicate(token: Token) -> bool:
    """A predicate complement: "called him unfit" (oprd, xcomp...) or a second object ("called him a liar")."""
    children = list(token.children)
    # a verb complement is a request or an act ("called on Israel to move forward"), not a predicate
    if any((c.dep_ in _PREDICATE_DEPS or c.dep_ == "attr") and c.pos_ not in ("VERB", "AUX") for c in children):
        return True
    return sum(c.dep_ in ("dobj", "dative", "npadvmod") for c in children) >= 2


def _senses(pattern: Pattern, token: Token, kinds: KindsOf | None) -> tuple[int, str]:
    """How many sense constraints a phrase that is there meets, and why one fails ("" if none does)."""
    if pattern.no_predicate and any(c.dep_ in _PREDICATE_DEPS for c in token.children):
        return 0, "sense: has a predicate complement"
    if pattern.predicate and not _has_predicate(token):
        return 0, "sense: no predicate complement"
    met = 0
    if kinds is None:
        return met, ""
    if pattern.object_kinds:
        obj = direct_object(token)
        found = kinds(obj) if obj is not None else frozenset()
        if obj is not None and found and not found & pattern.object_kinds:
            wanted = "/".join(sorted(pattern.object_kinds))
            return met, f"sense: object '{obj.text}' is {'/'.join(sorted(found))}, not {wanted}"
        met += bool(found)
    if pattern.subject_kinds:
        subj, _how = subject_of(token, AGENT)
        found = kinds(subj) if subj is not None else frozenset()
        if not found & pattern.subject_kinds:  # a subject must be known to be of the kind
            what = f"'{subj.text}' is {'/'.join(sorted(found)) or 'of no known kind'}" if subj is not None else "none"
            return met, f"sense: subject {what}, not {'/'.join(sorted(pattern.subject_kinds))}"
        met += 1
    return met, ""


def try_pattern(
    pattern: Pattern, token: Token, regions: dict[str, Region] | None = None, kinds: KindsOf | None = None
) -> Trial:
    """Check every constraint of ``pattern`` on ``token``.

    ``regions`` caches the object-region words of this token across the patterns tried on it;
    ``kinds`` tells what a phrase names, for the sense constraints (none checked without it, but
    ``no_predicate``).
    """
    forms = (token.lemma_.lower(), token.lower_)
    if not any(_head_ok(token, head, forms) for head in pattern.heads):
        return Trial(pattern, False, "head word differs")
    # most patterns test no child: skip building their Token objects
    needs_children = pattern.particle or pattern.prep or pattern.xcomp or pattern.needs_agent or pattern.intransitive
    children = list(token.children) if needs_children else []
    if pattern.particle and not any(c.lower_ == pattern.particle and c.dep_ in ("prt", "advmod", "prep")
                                    for c in children):
        return Trial(pattern, False, f"no particle '{pattern.particle}'")
    if pattern.prep and not any(c.lower_ == pattern.prep and c.dep_ in ("prep", "prt", "dative", "agent")
                                for c in children):
        return Trial(pattern, False, f"no preposition '{pattern.prep}'")
    if pattern.xcomp and not any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in pattern.xcomp
                                 for c in children):
        return Trial(pattern, False, "complement verb differs")
    if pattern.needs_agent and not any(
        c.dep_ in ("dobj", "dative") or (c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" for g in c.children))
        for c in children
    ):
        return Trial(pattern, False, "complement has no agent of its own")
    if pattern.intransitive and any(c.dep_ == "dobj" for c in children):
        return Trial(pattern, False, "has a direct object")
    weight = 0
    if pattern.objects:
        cached = regions.get(pattern.kind) if regions is not None else None
        if cached is None:
            deps = VERB_REGION_DEPS if pattern.kind == "verb" else NOUN_REGION_DEPS
            found = words(region(token, deps))
            cached = (found, {word for pair in found for word in pair})
            if regions is not None:
                regions[pattern.kind] = cached
        seq, present = cached
        # a phrase whose first word is nowhere in the region cannot occur in it: skip the scan
        hits = [len(phrase) for phrase in pattern.objects if phrase[0] in present and contains(seq, phrase)]
        if not hits:
            return Trial(pattern, False, "object words absent")
        weight = max(hits)
    if pattern.subject:
        subj, _how = subject_of(token, AGENT)
        seq = words(list(subj.subtree)) if subj is not None else []
        if not any(contains(seq, phrase) for phrase in pattern.subject):
            return Trial(pattern, False, "subject words absent")
    senses, refused = _senses(pattern, token, kinds)
    if refused:
        return Trial(pattern, False, refused)
    return Trial(pattern, True, weight=weight, senses=senses)


def rank(trial: Trial) -> tuple[int, int, int, int]:
    """Sort key: more specific first (sense constraints met by phrases that are there count), then
    longer object phrase, then finer code, then file order."""
    pattern = trial.pattern
    return (pattern.specificity + trial.senses, trial.weight, len(pattern.cameo or ""), -pattern.order)


def candidates(token: Token, lexicon: PatternLexicon, kind: str) -> list[Pattern]:
    """Patterns whose head word is this token's lemma or text."""
    index = lexicon.verbs if kind == "verb" else lexicon.nouns
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma not in index and lower not in index:  # most words head no pattern
        return []
    seen: dict[str, Pattern] = {}
    for key in {lemma, lower}:
        for pattern in index.get(key, ()):
            seen.setdefault(pattern.id, pattern)
    return sorted(seen.values(), key=lambda p: p.order)


def best(
    token: Token, lexicon: PatternLexicon, kind: str, kinds: KindsOf | None = None
) -> tuple[Pattern | None, list[Trial]]:
    """The most specific matching pattern of one kind, with every trial for the explanation."""
    patterns = candidates(token, lexicon, kind)
    if not patterns:
        return None, []
    regions: dict[str, Region] = {}
    trials = [try_pattern(p, token, regions, kinds) for p in patterns]
    matched = [t for t in trials if t.matched]
    if not matched:
        return None, trials
    return max(matched, key=rank).pattern, trials
