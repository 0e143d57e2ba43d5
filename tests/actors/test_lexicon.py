"""The dictionary loader: fails loudly on malformed entries; user files add and override entries."""

from pathlib import Path

import pytest

from dragoman.actors import ActorResolver
from dragoman.actors.lexicon import load_lexicon
from dragoman.errors import DataError


def find(actors, text):
    """The actor whose span text is ``text`` (None when absent)."""
    return next((a for a in actors if a.text == text), None)


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "content, message",
    [
        ("- {name: Ada Vorn, roles: [{code: usagov, start: 2001}]}\n", r"entry 1 \(Ada Vorn\) role 1"),
        ("- {name: Ada Vorn, roles: [{code: USAGOV, start: 2001-13}]}\n", "no month 13"),
        ("- {name: Ada Vorn, roles: [{code: USAGOV, start: 2005, end: 2001}]}\n", "before it starts"),
        ("- {name: Ada Vorn}\n", "needs roles"),
        ("- {aliases: [x]}\n", "needs a name"),
        ("sectors: {XYZ: {person: [bosun]}}\n", "unknown sector"),
        ("FRA: {adjectives: [Gallic]}\n", "country FRA"),
    ],
)
def test_malformed_entries_fail_loudly(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        load_lexicon([path])
    assert str(path) in str(error.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        load_lexicon([tmp_path / "nope.yaml"])


def test_builtin_dictionaries_load():
    lexicon = load_lexicon()
    assert lexicon.proper.get(("Ivorian",)).code == "CIV"
    assert lexicon.proper.get(("U.S.",)).code == "USA"
    assert lexicon.terms.get(("foreign", "minister")).sector == "GOV"


USER_FILE = """\
- name: Hillary Clinton
  roles:
    - {code: USAMED, title: Columnist, start: 2000, end: null}
- name: Brivane Alliance for Reform
  aliases: [BAR]
  code: BRAOPP
"""


@pytest.mark.model
def test_user_dictionary_overrides_and_adds(actor_nlp, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    resolver = ActorResolver([FIXTURES / "people.yaml", tmp_path])  # a folder stands for its *.yaml files
    doc = actor_nlp("Hillary Clinton met the Brivane Alliance for Reform.")
    actors = resolver.extract(doc, "2011-01-01")
    assert find(actors, "Hillary Clinton").code == "USAMED"
    assert find(actors, "Brivane Alliance for Reform").code == "BRAOPP"


def test_lexicon_is_cached_per_file_set():
    assert load_lexicon([FIXTURES / "people.yaml"]) is load_lexicon([Path(FIXTURES / "people.yaml")])
