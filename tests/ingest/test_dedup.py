"""Near-duplicates: wire copies and updated versions link to the first copy; distinct stories do not."""

from __future__ import annotations

from dragoman.ingest.dedup import Deduper

FIRST = (
    "GENEVA, June 2 (Meridian News) - Iran and the International Atomic Energy Agency agreed on Wednesday "
    "to resume inspections at two sites, the agency's director said after a day of talks in Geneva.\n\n"
    "The deal follows months of dispute over access to the Fordow plant, diplomats said. Western envoys "
    "welcomed the step but said Tehran still had to answer questions about uranium traces.\n\n"
    "Iran's foreign ministry spokesman said the agreement showed that cooperation was possible when the "
    "agency acted without political pressure from Washington and its European allies."
)
UPDATED = FIRST.replace("Wednesday", "Thursday") + "\n\n(Updates with reaction from Washington in the last paragraph.)"
SYNDICATED = "By Staff Writers\n\n" + FIRST + "\n\nCopyright Meridian News. All rights reserved."
OTHER = (
    "NAIROBI, June 2 (Meridian News) - Kenya closed its border with Somalia on Wednesday after an attack on "
    "a police post near Mandera, the interior ministry said, and sent troops to the area.\n\n"
    "Officials said militants had crossed the border at night. Somalia's government condemned the attack "
    "and offered to share intelligence with Nairobi."
)


def test_updated_and_syndicated_copies_link_to_the_first():
    dedup = Deduper()
    assert dedup.check("first", FIRST) is None
    assert dedup.check("updated", UPDATED) == "first"
    assert dedup.check("syndicated", SYNDICATED) == "first"
    assert dedup.check("other", OTHER) is None


def test_signatures_round_trip_through_the_store_format():
    dedup = Deduper()
    dedup.check("first", FIRST)
    dedup.check("other", OTHER)
    saved = dedup.take(["first", "other", "never-seen"])
    assert sorted(saved) == ["first", "other"] and dedup.take(["first"]) == {}
    again = Deduper()
    assert again.load(saved.items()) == 2
    assert again.check("updated", UPDATED) == "first"
    assert again.check("fresh", "A completely different short note about weather in Oslo.") is None


def test_loading_ignores_signatures_of_another_size():
    assert Deduper().load([("x", b"\x00" * 16)]) == 0


def test_signatures_sketched_elsewhere_link_the_same_way():
    # workers sketch the texts; the parent links with those signatures and gets what check(text) gives
    worker, parent = Deduper(), Deduper()
    texts = {"first": FIRST, "other": OTHER, "updated": UPDATED, "syndicated": SYNDICATED}
    linked = {a: parent.check(a, text, worker.signature(text)) for a, text in texts.items()}
    assert linked == {"first": None, "other": None, "updated": "first", "syndicated": "first"}
    assert parent.take(["first"])["first"] == worker.signature(FIRST)


def test_the_index_forgets_the_oldest_first_copies_beyond_its_window():
    dedup = Deduper(window=2)
    assert dedup.check("first", FIRST) is None
    assert dedup.check("other", OTHER) is None
    assert dedup.check("note", "A short note about the weather in Oslo, written for the bench test.") is None
    assert len(dedup) == 2  # "first" is forgotten: a copy of it is now a first copy itself
    assert dedup.check("updated", UPDATED) is None
    assert dedup.check("syndicated", SYNDICATED) == "updated"


def test_loading_keeps_the_most_recent_signatures():
    source = Deduper()
    for article_id, text in (("first", FIRST), ("other", OTHER)):
        source.check(article_id, text)
    saved = source.take(["first", "other"])
    small = Deduper(window=1)
    assert small.load(saved.items()) == 2 and len(small) == 1
    assert small.check("updated", UPDATED) is None  # "first" came first, so it was dropped
    newest_first = Deduper(window=1)
    newest_first.load(reversed(list(saved.items())))
    assert newest_first.check("updated", UPDATED) == "first"
