"""Quote extraction, sentence in -> quote out: every attribution construction the stage covers."""

from __future__ import annotations

from typing import Optional

import pytest
from spacy.language import Language

from dragoman.quotes import extract_quotes
from dragoman.records import Actor, Quote

pytestmark = pytest.mark.model


def quotes_of(nlp: Language, text: str, actors: Optional[list[Actor]] = None) -> list[Quote]:
    return extract_quotes(nlp(text), actors or [])


def speaker_text(quote: Quote) -> Optional[str]:
    return quote.speaker.text if quote.speaker else None


# (text, kind, content, speaker, cue, rule) of the one quote expected.
SINGLE = [
    ('"The ceasefire will hold," Lavrov said.',
     "direct", "The ceasefire will hold,", "Lavrov", "say", "same-sentence:nsubj"),
    ("“The ceasefire will hold,” said Sergei Lavrov.",
     "direct", "The ceasefire will hold,", "Sergei Lavrov", "say", "same-sentence:nsubj"),
    ("The general told reporters that the troops would stay until spring.",
     "indirect", "that the troops would stay until spring", "The general", "tell", "same-sentence:nsubj"),
    ("Lavrov said Ankara knew full well where the weapons were going.",
     "indirect", "Ankara knew full well where the weapons were going", "Lavrov", "say", "same-sentence:nsubj"),
    ("The minister insisted that no soldiers had crossed the border.",
     "indirect", "that no soldiers had crossed the border", "The minister", "insist", "same-sentence:nsubj"),
    ("The ambassador warned that the sanctions would hurt farmers first.",
     "indirect", "that the sanctions would hurt farmers first", "The ambassador", "warn", "same-sentence:nsubj"),
    ("The spokesman declared that the blockade was over.",
     "indirect", "that the blockade was over", "The spokesman", "declare", "same-sentence:nsubj"),
    ("The report noted that exports fell for a third month.",
     "indirect", "that exports fell for a third month", "The report", "note", "same-sentence:nsubj"),
    ("The prices will rise again next year, the central bank added.",
     "indirect", "The prices will rise again next year", "the central bank", "add", "same-sentence:nsubj"),
    ("In a statement, the ministry said the convoy had reached the city.",
     "indirect", "the convoy had reached the city", "the ministry", "say", "same-sentence:nsubj"),
    ("Zakharova said the talks in Geneva were “going nowhere.”",
     "mixed", "the talks in Geneva were “going nowhere.", "Zakharova", "say", "same-sentence:nsubj"),
    ("According to the Kremlin, the summit will take place in June.",
     "indirect", "the summit will take place in June.", "the Kremlin", "according to", "according-to"),
    ("State media quoted Putin as saying that the sanctions had failed.",
     "indirect", "that the sanctions had failed", "Putin", "say", "quoted-as-saying"),
    ("The president was quoted as saying the army would not retreat.",
     "indirect", "the army would not retreat", "The president", "say", "quoted-as-saying"),
    ('Lavrov: "We are ready to talk at any level."',
     "direct", "We are ready to talk at any level.", "Lavrov", ":", "colon-intro"),
    ("The senator called the treaty “a historic mistake.”",
     "mixed", "the treaty “a historic mistake.", "The senator", "call", "naming"),
    ("The union leader urged workers to stay home on Monday.",
     "indirect", "workers to stay home on Monday", "The union leader", "urge", "infinitive"),
]


@pytest.mark.parametrize(("text", "kind", "content", "speaker", "cue", "rule"), SINGLE)
def test_one_quote(quotes_nlp: Language, text: str, kind: str, content: str, speaker: str, cue: str,
                   rule: str) -> None:
    quotes = quotes_of(quotes_nlp, text)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert (quote.kind, quote.text, speaker_text(quote), quote.cue, quote.rule) == (kind, content, speaker, cue, rule)
    assert text[quote.start : quote.end].startswith(content[:10])


def test_split_quote_is_one_quote(quotes_nlp: Language) -> None:
    text = '"We will not," Lavrov said, "accept these terms."'
    [quote] = quotes_of(quotes_nlp, text)
    assert quote.kind == "direct"
    assert quote.text == "We will not, accept these terms."
    # The span runs from the first part to the last, the attribution in between.
    assert (quote.start, quote.end) == (1, len(text) - 1)
    assert speaker_text(quote) == "Lavrov"


def test_three_paragraph_quote(quotes_nlp: Language) -> None:
    text = (
        "The governor read from a statement:\n\n"
        "“The floods destroyed four bridges and the main road to the capital.\n\n"
        "“Our engineers will work through the night to open a temporary route.\n\n"
        "“Nobody should travel until we say it is safe.”\n\n"
        "Rescue teams reached the valley on Friday."
    )
    [quote] = quotes_of(quotes_nlp, text)
    assert quote.kind == "direct"
    assert quote.text.count("\n\n") == 2
    assert quote.text.startswith("The floods") and quote.text.endswith("it is safe.")
    assert (speaker_text(quote), quote.rule) == ("The governor", "colon-intro")


def test_unbalanced_mark_does_not_swallow_the_article(quotes_nlp: Language) -> None:
    text = (
        "The mayor said “the budget is balanced and the debt is falling.\n\n"
        "Council members disagreed. “These numbers are pure fiction,” the opposition leader said."
    )
    quotes = quotes_of(quotes_nlp, text)
    assert [q.text for q in quotes] == ["the budget is balanced and the debt is falling",
                                        "These numbers are pure fiction,"]
    assert [speaker_text(q) for q in quotes] == ["The mayor", "the opposition leader"]


def test_floating_quote_takes_the_previous_speaker(quotes_nlp: Language) -> None:
    text = (
        "“The harvest was the worst in a decade,” the farm minister said on Monday.\n\n"
        "Grain prices rose by a fifth in the capital.\n\n"
        "“We will import wheat from our neighbours if we must.”"
    )
    quotes = quotes_of(quotes_nlp, text)
    assert [q.rule for q in quotes] == ["same-sentence:nsubj", "floating:previous-speaker"]
    assert speaker_text(quotes[1]) == "the farm minister"


def test_quote_sentence_after_an_attributed_one_joins_it(quotes_nlp: Language) -> None:
    text = "“The harvest failed,” the minister said. “We will import wheat from our neighbours.”"
    [quote] = quotes_of(quotes_nlp, text)
    assert quote.text == "The harvest failed, We will import wheat from our neighbours."


def test_adjacent_sentence_speaker(quotes_nlp: Language) -> None:
    text = ("The opposition leader spoke to reporters outside parliament on Friday. "
            "“This budget will bankrupt the country within five years.”")
    [quote] = quotes_of(quotes_nlp, text)
    assert (speaker_text(quote), quote.rule) == ("The opposition leader", "adjacent-sentence")


def test_pronoun_speaker_resolves_through_the_actors(quotes_nlp: Language) -> None:
    text = "Sergei Lavrov met the envoy on Monday. “The door is still open,” he said."
    he = text.index(" he ") + 1
    actors = [
        Actor("Sergei Lavrov", 0, 13, name="Sergei Lavrov", code="RUSGOV", kind="person"),
        Actor("he", he, he + 2, name="Sergei Lavrov", code="RUSGOV", kind="pronoun"),
    ]
    [quote] = quotes_of(quotes_nlp, text, actors)
    assert quote.speaker is actors[1]
    assert (quote.speaker.name, quote.speaker.code) == ("Sergei Lavrov", "RUSGOV")


def test_speaker_actor_by_overlap_else_bare_text(quotes_nlp: Language) -> None:
    text = "Russian Foreign Minister Sergei Lavrov said the talks had failed."
    start = text.index("Sergei")
    actors = [Actor("Russian", 0, 7, name="Russia", code="RUS", kind="country"),
              Actor("Sergei Lavrov", start, start + 13, name="Sergei Lavrov", code="RUSGOV", kind="person")]
    [quote] = quotes_of(quotes_nlp, text, actors)
    assert quote.speaker is actors[1]
    [bare] = quotes_of(quotes_nlp, text)
    assert (bare.speaker.text, bare.speaker.code) == ("Russian Foreign Minister Sergei Lavrov", None)


def test_scare_quotes_and_titles_are_not_statements(quotes_nlp: Language) -> None:
    text = ("The so-called “reform” passed on Tuesday. "
            "The minister appeared on “Meet the Press” later that week.")
    assert quotes_of(quotes_nlp, text) == []


def test_speech_inside_a_quotation_is_not_a_second_quote(quotes_nlp: Language) -> None:
    text = "“I believe the vote was fair and I know the count was honest,” the observer said."
    [quote] = quotes_of(quotes_nlp, text)
    assert speaker_text(quote) == "the observer"


def test_text_without_quotes(quotes_nlp: Language) -> None:
    assert quotes_of(quotes_nlp, "Heavy rain fell across the north of the country.") == []
    assert quotes_of(quotes_nlp, "") == []


# Cues beyond "X said": phrasal verbs, nouns, records, appearances (text, kind, content, speaker, cue, rule).
LONG_TAIL = [
    ("The senator called for an independent inquiry into the crash.",
     "indirect", "an independent inquiry into the crash", "The senator", "call for", "prepositional"),
    ("The governor talked about the flood defences at length.",
     "indirect", "the flood defences", "The governor", "talk about", "prepositional"),
    ("The mayor lashed out at the transport union on Friday.",
     "indirect", "the transport union", "The mayor", "lash out at", "prepositional"),
    ("The union voiced sharp criticism of the port authority.",
     "indirect", "the port authority", "The union", "criticism of", "nominal"),
    ("The mayor’s criticism of the budget angered the council.",
     "indirect", "the budget", "The mayor", "criticism of", "nominal"),
    ("The minister reiterated the government’s position on the border.",
     "indirect", "the government’s position on the border", "The minister", "reiterate", "object"),
    ("The envoy sees the treaty as a turning point.",
     "indirect", "the treaty as a turning point", "The envoy", "see", "naming"),
    ("A new poll shows the governor ten points ahead of his rival.",
     "indirect", "the governor ten points ahead of his rival", "A new poll", "show", "record"),
    ("In a new poll, the governor leads his rival by ten points.",
     "indirect", "the governor leads his rival by ten points.", "a new poll", "in", "in-record"),
    ("The two parties appear close to a deal on the budget.",
     "indirect", "The two parties close to a deal on the budget", None, "appear", None),
    ("“Never,” the minister replied.",
     "direct", "Never,", "the minister", "reply", "same-sentence:nsubj"),
    ("The host then asked, “With tanks?”",
     "direct", "With tanks?", "The host", "ask", "same-sentence:nsubj"),
    ("“The council has no plan,” the mayor shot back.",
     "direct", "The council has no plan,", "the mayor", "shoot back", "same-sentence:nsubj"),
    # A comma introduces the quotation: the words before it are no part of the content.
    ("The senator said at the rally on Monday, “We will win this state in November.”",
     "direct", "We will win this state in November.", "The senator", "say", "same-sentence:nsubj"),
    ("The host asked the senator, “Why now? Why this bill?”",
     "direct", "Why now? Why this bill?", "The host", "ask", "same-sentence:nsubj"),
    # Two apostrophes for a double mark, as some newspaper archives type them.
    ("''We can't wait,'' the mayor said.",
     "direct", "We can't wait,", "the mayor", "say", "same-sentence:nsubj"),
]


@pytest.mark.parametrize(("text", "kind", "content", "speaker", "cue", "rule"), LONG_TAIL)
def test_long_tail_cues(quotes_nlp: Language, text: str, kind: str, content: str,
                        speaker: Optional[str], cue: str, rule: Optional[str]) -> None:
    [quote] = quotes_of(quotes_nlp, text)
    assert (quote.kind, quote.text, speaker_text(quote), quote.cue, quote.rule) == (kind, content, speaker, cue, rule)


def test_a_claim_has_its_holder_not_the_dismisser(quotes_nlp: Language) -> None:
    # Inside "Officials dismissed his claim that ..." the claim is nested and left out (only the
    # outermost attribution counts); the claim alone keeps its holder.
    quotes = quotes_of(quotes_nlp, "His claim that the army had opened fire was rejected on Tuesday.")
    assert [(q.text, speaker_text(q)) for q in quotes] == [("that the army had opened fire", "His")]


def test_speech_verb_object_is_never_the_person_addressed(quotes_nlp: Language) -> None:
    assert quotes_of(quotes_nlp, "The spokesman told reporters nothing new.") == []


def test_quote_paragraph_continues_the_quote_ending_the_paragraph_before(quotes_nlp: Language) -> None:
    text = ("The minister said the harvest had been “the worst in a decade.”\n\n"
            "“We will import wheat from our neighbours if we must.”")
    [quote] = quotes_of(quotes_nlp, text)
    assert quote.kind == "mixed"
    assert quote.text.endswith("if we must.")
    assert speaker_text(quote) == "The minister"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A short capitalised sentence is no title.
        ('The judge asked about the lawsuits.\n"They sue," he said. "Everybody sues, right?"',
         "They sue, Everybody sues, right?"),
        # A title may close the attribution between the two parts.
        ("“I expect to be vetted,” he said on “Meet the Press.” “But this is different.”",
         "I expect to be vetted, But this is different."),
    ],
)
def test_quote_sentences_after_an_attribution_join(quotes_nlp: Language, text: str, content: str) -> None:
    direct = [q for q in quotes_of(quotes_nlp, text) if q.kind == "direct"]
    assert [(q.text, speaker_text(q)) for q in direct] == [(content, "he")]
