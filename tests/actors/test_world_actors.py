"""Long-tail actors: bodies coded from their names, institutions as data, people introduced by apposition."""

from __future__ import annotations

import json

import pytest

from dragoman.errors import EvalError


def find(actors, text):
    return next((a for a in actors if text in a.text), None)


@pytest.mark.parametrize(
    "sentence, mention, code",
    [
        # a place the gazetteer knows, inside or just before the body's name
        ("The Lahore High Court granted bail to the opposition leader.", "Lahore High Court", "PAKJUD"),
        ("The Delhi High Court ordered the hospitals to be supplied.", "Delhi High Court", "INDJUD"),
        ("The Kano State government closed schools after the kidnapping.", "Kano State government", "NGAGOV"),
        ("The Sindh government asked for international aid.", "Sindh government", "PAKGOV"),
        ("The Karachi police arrested four suspects.", "Karachi police", "PAKCOP"),
        ("The University of Edinburgh said staff would strike.", "University of Edinburgh", "GBREDU"),
        # a country's own body, through the possessive
        ("Kenya's Ministry of Energy said fuel prices would not change.", "Ministry of Energy", "KENGOV"),
        ("Russia's Black Sea Fleet lost its flagship.", "Black Sea Fleet", "RUSMIL"),
    ],
)
def test_bodies_coded_from_their_names(extract, sentence, mention, code):
    actor = find(extract(sentence, "2021-06-01"), mention)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize(
    "sentence, mention, code",
    [
        ("The Sejm passed the amendment on Thursday.", "Sejm", "POLLEG"),
        ("The Storting approved the budget deal.", "Storting", "NORLEG"),
        ("The FSB said it had detained a saboteur.", "FSB", "RUSSPY"),
        ("Gazprom cut gas flows through the pipeline.", "Gazprom", "RUSBUS"),
        ("Fidesz won a fourth consecutive majority.", "Fidesz", "HUNPTY"),
        ("Makerere University reopened after the strike.", "Makerere University", "UGAEDU"),
        ("Transnistria held a military parade.", "Transnistria", "MDA"),
    ],
)
def test_institutions_and_regions_as_data(extract, sentence, mention, code):
    actor = find(extract(sentence, "2021-06-01"), mention)
    assert actor is not None and actor.code == code, actor


def test_a_person_introduced_after_the_name_keeps_the_code(extract):
    actors = extract("Ana Quispe, Peru's interior minister, resigned on Monday. Quispe said she was tired.",
                     "2021-05-05")
    first = next(a for a in actors if a.text.startswith("Ana Quispe") or a.text == "Quispe")
    assert (first.code, first.rule) == ("PERGOV", "compose:apposition")
    later = [a for a in actors if a.text == "Quispe" and a.start > first.start]
    assert later and later[0].code == "PERGOV" and later[0].rule == "coref:surname"


def test_a_person_introduced_before_the_name_keeps_the_code(extract):
    actors = extract("Kenya's interior minister, Fred Okoth, said police would be deployed. Okoth spoke in Nairobi.",
                     "2021-05-05")
    name = find(actors, "Fred Okoth")
    assert (name.code, name.rule) == ("KENGOV", "compose:apposition")
    assert next(a for a in actors if a.text == "Okoth").code == "KENGOV"


def test_a_place_before_the_comma_is_not_a_name(extract):
    actors = extract("In Lima, Peru's interior minister said the curfew would end.", "2021-05-05")
    assert all(a.rule != "compose:apposition" for a in actors)


def test_the_own_dev_set_is_scored(tmp_path):
    from dragoman.eval.actors import SHIPPED, evaluate

    reports = evaluate(SHIPPED, limit=12)
    assert [r.dataset for r in reports] == ["world_actors"]
    report = reports[0]
    assert report.size == 12 and report.counts["gold"] == 12
    assert 0.0 <= report.metrics["country.accuracy"] <= 1.0
    assert "person.country.accuracy" in report.metrics

    bad = tmp_path / "world_actors_bad.jsonl"
    bad.write_text(json.dumps({"text": "The Sejm met.", "actor": "Storting", "country": "NOR"}) + "\n")
    with pytest.raises(EvalError, match="not in the text"):
        evaluate(bad, limit=None)


def test_a_known_person_takes_the_international_office_apposed_to_the_name(extract):
    # PETRARCH knows Kenzo Oshima as a Japanese diplomat; the apposition says which office he speaks for
    actors = extract("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access.", "2015-01-01")
    oshima = find(actors, "Kenzo Oshima")
    assert (oshima.code, oshima.rule) == ("IGOUNO", "compose:apposition")
