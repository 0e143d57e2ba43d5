"""Events stage: code source-action-target events in CAMEO and PLOVER from the parse.

Interface used by the pipeline: ``EventCoder(extra_files).code(doc, actors, quotes, article_id)``,
then ``merge_mentions(events)`` once dates are set. ``EventCoder.explain`` keeps what was tried.
"""

from dragoman.events.coder import EventCoder
from dragoman.events.explain import Explanation, PatternTrial, SentenceExplanation, TokenRow
from dragoman.events.lexicon import Pattern, PatternLexicon, load_lexicon
from dragoman.events.merge import merge_mentions
from dragoman.events.ontology import CameoCode, Ontology, load_ontology

__all__ = [
    "CameoCode", "EventCoder", "Explanation", "Ontology", "Pattern", "PatternLexicon", "PatternTrial",
    "SentenceExplanation", "TokenRow", "load_lexicon", "load_ontology", "merge_mentions",
]
