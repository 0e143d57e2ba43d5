"""Attribution rules of the third round: sentence in -> quotes out (kind, content, speaker, cue, rule)."""

from __future__ import annotations

from typing import Optional

import pytest
from spacy.language import Language

from dragoman.quotes import extract_quotes
from dragoman.records import Quote

pytestmark = pytest.mark.model


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    return extract_quotes(nlp(text), [])


def described(quote: Quote) -> tuple[str, str, Optional[str], Optional[str], Optional[str]]:
    return quote.kind, quote.text, quote.speaker.text if quote.speaker else None, quote.cue, quote.rule


# (text, [(kind, content, speaker, cue, rule), ...]): every quote the sentence yields, in order.
RULES = [
    # Any verb of a speaker with a full clause after it reports the clause ...
    ("The governor implied that the budget would be cut again.",
     [("indirect", "that the budget would be cut again", "The governor", "imply", "clause")]),
    ("The mayor speculated the strike could last into the winter.",
     [("indirect", "the strike could last into the winter", "The mayor", "speculate", "clause")]),
    # ... unless it only causes, allows or means things (clause_stop_verbs).
    ("A weaker currency could help exporters win new orders abroad.", []),
    ("The victory means the party will hold the chamber.", []),
    # "about" names what was said or thought after any verb, and after a noun.
    ("The senator lied about his role in the deal.",
     [("indirect", "his role in the deal", "The senator", "lie about", "topic")]),
    ("His remarks about the border drew applause.",
     [("indirect", "the border", "His", "remark about", "nominal")]),
    # A bare adverbial noun ("at length") is no statement.
    ("The candidate spoke at length about the border during the rally.", []),
    # The complements after the object of a cue verb belong to the content.
    ("The minister criticized the mayor for his silence on the strike.",
     [("indirect", "the mayor for his silence on the strike", "The minister", "criticize", "object")]),
    # An aside after a comma is the author's, not the reported clause.
    ("The minister said the convoy had reached the city, which lies on the river.",
     [("indirect", "the convoy had reached the city", "The minister", "say", "same-sentence:nsubj")]),
    # Only the outermost attribution: the claim is part of what the officials dismissed ...
    ("Officials dismissed his claim that the army had fired first.",
     [("indirect", "his claim that the army had fired first", "Officials", "dismiss", "object")]),
    # ... and has its own holder when nothing holds it.
    ("His claim that the army had opened fire was rejected on Tuesday.",
     [("indirect", "that the army had opened fire", "His", "claim that", "nominal")]),
    # An attribution the author coordinates after a reported clause is one of its own ...
    ("The senator said she did not want to see a shutdown and predicted that the bill would pass by Friday.",
     [("indirect", "she did not want to see a shutdown", "The senator", "say", "same-sentence:nsubj"),
      ("indirect", "that the bill would pass by Friday", "The senator", "predict", "same-sentence:nsubj")]),
    ("The minister said the talks had stalled, adding that a new round would open in March.",
     [("indirect", "the talks had stalled", "The minister", "say", "same-sentence:nsubj"),
      ("indirect", "that a new round would open in March", "The minister", "add", "same-sentence:nsubj")]),
    ("Most respondents say they prefer a newcomer, while about 4 in 10 want an experienced leader.",
     [("indirect", "they prefer a newcomer", "Most respondents", "say", "same-sentence:nsubj"),
      ("indirect", "an experienced leader", "about 4 in 10", "want", "object")]),
    # A participle after a clause the parse hangs on a verb inside a later quotation keeps its own subject.
    ("The aide did not seem impressed with the offer, telling reporters, “Many people said the deal was dead.”",
     [("direct", "Many people said the deal was dead.", "The aide", "tell", "same-sentence:nsubj")]),
    # ... but a second "that" clause, or verbs of one tense, belong to the same reported clause.
    ("The mayor said she appreciated the apology and that she wanted to move on.",
     [("indirect", "she appreciated the apology and that she wanted to move on", "The mayor", "say",
       "same-sentence:nsubj")]),
    ("The mayor said the council visited the plant and praised the workers.",
     [("indirect", "the council visited the plant and praised the workers", "The mayor", "say",
       "same-sentence:nsubj")]),
    # Intentions through verbs of wanting and agreeing ("hoping" is lemmatised "hop").
    ("The governor is hoping to win a second term.",
     [("indirect", "to win a second term", "The governor", "hop", "infinitive")]),
    ("The council agreed to delay the vote.",
     [("indirect", "to delay the vote", "The council", "agree", "infinitive")]),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_attribution_rules(quotes_nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [described(q) for q in quotes_of(quotes_nlp, text)] == expected


# (text, kind, content, speaker): the one quote with quotation marks, and whether it is direct.
KINDS = [
    # A "that" before the quotation leaves it direct.
    ('The minister said that "the convoy has reached the city."',
     "direct", "the convoy has reached the city.", "The minister"),
    # The person spoken to stands between the verb and the quotation: still direct.
    ('The minister told reporters "the convoy has reached the city."',
     "direct", "the convoy has reached the city.", "The minister"),
    # So does where or when it was said, before a colon.
    ('The minister said in a statement: "The convoy has reached the city."',
     "direct", "The convoy has reached the city.", "The minister"),
    # Words of the author's own before the quotation make it mixed, however few.
    ('The senator called the plan "a disaster for farmers."',
     "mixed", 'the plan "a disaster for farmers.', "The senator"),
    ('The ministry described the talks as "a waste of time."',
     "mixed", 'the talks as "a waste of time.', "The ministry"),
    # A reported clause before a colon and the quotation after it are one mixed content.
    ('The minister suggested the convoy was late: "It should have arrived on Monday."',
     "mixed", 'the convoy was late: "It should have arrived on Monday.', "The minister"),
    # A phrase opening the sentence before the attribution is part of the statement ...
    ('In cases of desertion, the ministry said, "the soldier is a victim."',
     "mixed", "In cases of desertion the soldier is a victim.", "the ministry"),
    # ... also when the attribution follows the quotation.
    ('But when it comes to the plant, "we\'ve all worked our hands raw," he said.',
     "mixed", "But when it comes to the plant we've all worked our hands raw,", "he"),
    # ... and when the quotation carries on the author's own words.
    ('The aide "got an immunity deal," the senator said.',
     "mixed", 'The aide "got an immunity deal,', "the senator"),
    # A cue in the sentence before: the quotation stands alone, direct.
    ('The minister spoke at the dock on Tuesday. "We will rebuild the port within a year."',
     "direct", "We will rebuild the port within a year.", "The minister"),
]


@pytest.mark.parametrize(("text", "kind", "content", "speaker"), KINDS)
def test_direct_or_mixed(quotes_nlp: Language, text: str, kind: str, content: str, speaker: str) -> None:
    quoted = [q for q in quotes_of(quotes_nlp, text) if q.kind != "indirect"]
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quoted] == [(kind, content, speaker)]


def test_a_subheading_in_single_marks_is_no_quote(quotes_nlp: Language) -> None:
    text = "Prices climbed again in May.\n\n'Hard times at the plant.'\n\nThe workers gathered at dawn."
    assert quotes_of(quotes_nlp, text) == []


def test_a_fragment_woven_into_the_next_sentence_is_no_part(quotes_nlp: Language) -> None:
    text = ('"This just is not right," the senator said. '
            '"You squeezed workers to the breaking point" to lift the share price.')
    direct = [q for q in quotes_of(quotes_nlp, text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["This just is not right,"]


def test_a_clause_of_the_paragraph_before_does_not_hide_the_reported_one(quotes_nlp: Language) -> None:
    # The parse hangs the question of the first paragraph on "said" too; the content is the clause
    # in the paragraph of the cue.
    text = ("Does he really need to wonder why I did not speak?''\n\n"
            "Ms. Okafor said Mr. Grant was ''ignorant'' of the law.")
    said = [q for q in quotes_of(quotes_nlp, text) if q.cue == "say"]
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in said] == [
        ("mixed", "Mr. Grant was ''ignorant'' of the law", "Ms. Okafor")]


def test_a_capitalised_short_sentence_is_no_title(quotes_nlp: Language) -> None:
    # "That's the way it goes, Mira." has two capitalised words and more small lower-case ones.
    text = 'The senator laughed.\n\n"Politics is a rough trade," he said. "That\'s the way it goes, Mira."'
    direct = [q for q in quotes_of(quotes_nlp, text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["Politics is a rough trade, That's the way it goes, Mira."]
