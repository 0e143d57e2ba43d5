"""Event coding against public gold sets: CAMEO manual examples, PETR-2 validation, PLOVER gold
records, the ConfliBERT 5-class test split and the CASE 2021 task 2 snippets, plus the shipped news
precision set.

Every sentence goes through the whole ``Coder`` (real actors). Per dataset: precision, recall
and F1 at root-code level, PLOVER type, event-with-dyad and full code where the gold has them,
extra events per sentence (events whose root is not in the sentence's gold), and 5-class accuracy.

``news_precision`` (``dragoman/eval/data/news_precision.jsonl``, scored by default beside the
../shared sets) is news-style sentences written for this project, about 30% of them with no event;
each line is coded with its own ``published`` date.

``case2021`` (real news snippets typed with ACLED-style subtypes): ``family.accuracy`` is the share of
snippets with an event whose CAMEO root the subtype allows (``dragoman/eval/data/acled_cameo.yaml``),
``family.coverage`` the share with any event, ``event.precision`` the share of events inside the
family, and ``quiet.rate`` the share of disaster and crime snippets with no event at all.

The news precision metrics:

- ``root.precision/recall/f1`` and ``code.precision/recall/f1``: per sentence over the sets of
  root (full) codes, summed over sentences, as for the other sets;
- ``dyad.precision/recall/f1``: over sets of (source country, target country, root); ``---`` for
  a missing or unknown country;
- ``nonevent.rate``: share of the predicted events that fall in sentences whose gold is empty;
- ``empty_sentences_with_events``: how many empty-gold sentences got at least one event;
- ``extra_per_sentence``: predicted events whose root is not in the sentence's gold, per sentence;
- ``root.precision.<kind>``, ``root.recall.<kind>``, ``extra_per_sentence.<kind>`` for each
  sentence kind (``NEWS_KINDS``); precision and recall are 0.0 where undefined (a kind with no
  predicted or no gold events), so read them with ``counts`` (``root.tp.<kind>``, ``root.fp.<kind>``,
  ``root.fn.<kind>``, ``sentences.<kind>``).
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, prf, shared_dir
from dragoman.events.ontology import load_ontology
from dragoman.records import Event

log = logging.getLogger(__name__)

PUBLISHED = "2015-01-01"  # the gold sentences carry no date of their own
# The PLOVER gold file predates PLOVER 0.8: its old type names and one old country code.
_OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
_OLD_COUNTRY = {"JAP": "JPN"}
# ConfliBERT's five classes by CAMEO root (its data README).
_FIVE_CLASS = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
               "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4}
_CODE = re.compile(r"^[0-9]{2,4}$")
# The shipped dev set of news-style sentences and the kinds its lines are tagged with.
NEWS_PRECISION = Path(__file__).parent / "data" / "news_precision.jsonl"
# ACLED subtypes -> CAMEO roots, for the CASE 2021 snippets.
ACLED_CAMEO = Path(__file__).parent / "data" / "acled_cameo.yaml"
NEWS_KINDS = ("international", "domestic", "word_sense", "non_agent", "intent", "negation", "background",
              "speech", "warn")


@dataclass
class Gold:
    """One gold sentence: codings as (cameo or None, plover type or None, source, target countries)."""

    text: str
    codes: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    dyads: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, root or type)
    label: int | None = None  # 5-class label
    published: str | None = None  # the sentence's own date (news_precision); None: PUBLISHED
    category: str | None = None  # the sentence's kind (news_precision: one of NEWS_KINDS)


def _country(code: str | None) -> str:
    code = (code or "").strip().upper()
    if len(code) < 3 or code.startswith("---"):
        return "---"
    return _OLD_COUNTRY.get(code[:3], code[:3])


def read_cameo_manual(path: Path) -> list[Gold]:
    """CAMEO manual examples: CSV with code and example columns; notes after the sentence dropped."""
    out = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"code", "example"} <= set(reader.fieldnames):
            raise EvalError(f"{path}: expected CSV columns 'code' and 'example'")
        for row in reader:
            example, code = (row.get("example") or "").strip(), (row.get("code") or "").strip()
            if not example or example in ("NULL", "NEED EXAMPLE.") or not _CODE.match(code):
                continue
            text = example.split(" Note:")[0].strip()
            out.append(Gold(text, codes=[code]))
    return out


def read_petr2(path: Path) -> list[Gold]:
    """PETR-2 validation records (jsonl flattening): codings with event, source and target codes."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text, codings = record["text"], record["event_codings"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvalError(f"{path}:{line_no}: not a PETR-2 jsonl record: {exc}") from exc
            if not text.strip():
                continue
            gold = Gold(text)
            for coding in codings:
                if "eventcode" not in coding:
                    continue  # noevents marker
                code = str(coding["eventcode"])
                gold.codes.append(code)
                gold.dyads.append((_country(coding.get("sourcecode")), _country(coding.get("targetcode")), code[:2]))
            out.append(gold)
    return out


def read_news_precision(path: Path) -> list[Gold]:
    """News precision set: JSON Lines of {id, text, published, kind, events: [{cameo, source, target}]}."""
    ontology = load_ontology()
    out, seen = [], set()
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{where}: not a JSON line: {exc}") from exc
            if not isinstance(record, dict):
                raise EvalError(f"{where}: expected a JSON object")
            missing = {"id", "text", "published", "kind", "events"} - set(record)
            if missing:
                raise EvalError(f"{where}: missing {', '.join(sorted(missing))}")
            ident, text, published, kind, events = (record[k] for k in ("id", "text", "published", "kind", "events"))
            if not isinstance(ident, str) or ident in seen:
                raise EvalError(f"{where}: id {ident!r} is not a string or not unique")
            seen.add(ident)
            if not isinstance(text, str) or not text.strip():
                raise EvalError(f"{where}: empty text")
            if not isinstance(published, str) or not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", published):
                raise EvalError(f"{where}: published {published!r} is not a YYYY-MM-DD date")
            if kind not in NEWS_KINDS:
                raise EvalError(f"{where}: kind {kind!r} is not one of {', '.join(NEWS_KINDS)}")
            if not isinstance(events, list):
                raise EvalError(f"{where}: events must be a list")
            gold = Gold(text, published=published, category=kind)
            for event in events:
                if not isinstance(event, dict) or not {"cameo", "source", "target"} <= set(event):
                    raise EvalError(f"{where}: an event needs cameo, source and target")
                if not all(isinstance(event[role], str) or event[role] is None for role in ("source", "target")):
                    raise EvalError(f"{where}: source and target must be actor codes ('---' when unknown)")
                code = event["cameo"]
                if not isinstance(code, str) or not _CODE.match(code) or code not in ontology:
                    raise EvalError(f"{where}: {code!r} is not a CAMEO code")
                gold.codes.append(code)
                gold.dyads.append((_country(event["source"]), _country(event["target"]), code[:2]))
            out.append(gold)
    return out


def _actor_list(value: object) -> list[dict]:  # type: ignore[type-arg]
    """Actor entries of a PLOVER record; a few records hold a bare dict or a string."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)]
    return []


def read_plover(path: Path) -> list[Gold]:
    """PLOVER gold records: one JSON list; the DOCUMENT entry describes the file."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: not a JSON list of PLOVER records: {exc}") from exc
    if not isinstance(records, list):
        raise EvalError(f"{path}: expected a JSON list of PLOVER records")
    out = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        etype = _OLD_PLOVER.get(record["event"], record["event"])
        sources = [_country(a.get("code")) for a in _actor_list(record.get("source"))] or ["---"]
        targets = [_country(a.get("code")) for a in _actor_list(record.get("target"))] or ["---"]
        gold = Gold(record["text"], types=[etype])
        gold.dyads = [(s, t, etype) for s in sources for t in targets]
        out.append(gold)
    return out


def read_case2021(path: Path) -> list[Gold]:
    """CASE 2021 task 2 snippets: TSV ``id, EventSnippet, SubType`` (quoted as CSV); category = subtype."""
    out = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if not header or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise EvalError(f"{path}: expected the header 'id<TAB>EventSnippet<TAB>SubType'")
        for row in reader:
            if len(row) < 3 or not row[1].strip():
                raise EvalError(f"{path}:{reader.line_num}: expected 'id<TAB>snippet<TAB>subtype'")
            out.append(Gold(row[1].strip(), category=row[2].strip()))
    return out


def load_acled_families(path: Path = ACLED_CAMEO) -> tuple[dict[str, set[str]], set[str]]:
    """The ACLED subtype -> CAMEO roots table, and the subtypes that should stay quiet."""
    from dragoman.yamlio import load_mapping

    data = load_mapping(path, "ACLED to CAMEO table", error=EvalError)
    families = {subtype: {f"{int(root):02d}" for root in roots} for subtype, roots in data["families"].items()}
    return families, set(data.get("quiet", []))


def read_conflibert(path: Path) -> list[Gold]:
    """ConfliBERT class split: sentence<TAB>label (0-4)."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            text, _, label = line.rstrip("\n").rpartition("\t")
            if not text or not label.strip().isdigit():
                raise EvalError(f"{path}:{line_no}: expected 'sentence<TAB>label'")
            out.append(Gold(text, label=int(label)))
    return out


_READERS = {"cameo_manual": read_cameo_manual, "petr2_gsr": read_petr2, "plover_gsr": read_plover,
            "conflibert": read_conflibert, "news_precision": read_news_precision,
            "case2021": read_case2021}


def _first_line(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return next((line.rstrip("\n") for line in handle if line.strip()), "")


def _detect(path: Path) -> tuple[str, Path]:
    name = path.name.lower()
    if name.endswith(".csv"):
        return "cameo_manual", path
    if name.startswith("news_precision") and name.endswith(".jsonl"):
        return "news_precision", path
    if name.endswith(".jsonl"):
        return "petr2_gsr", path
    if name.endswith(".tsv") and _first_line(path).rpartition("\t")[2].strip().isdigit():
        return "conflibert", path  # sentence<TAB>label
    if name.endswith(".tsv") and _first_line(path).split("\t")[:3] == ["id", "EventSnippet", "SubType"]:
        return "case2021", path
    if name.endswith((".txt", ".json")):
        head = path.read_text(encoding="utf-8", errors="replace")[:2000].lstrip()
        if head.startswith("[") and '"event"' in head:
            return "plover_gsr", path
    raise EvalError(f"{path}: not an events gold file (CAMEO examples .csv, PETR-2 .jsonl, "
                    "PLOVER gold JSON list, ConfliBERT .tsv, CASE 2021 .tsv, news_precision*.jsonl)")


def datasets(path: Path) -> list[tuple[str, Path]]:
    """The gold files under ``path`` (a file, a dataset folder, or the events folder)."""
    if path.is_file():
        return [_detect(path)]
    if not path.is_dir():
        raise EvalError(f"{path}: no such file or directory")
    found: list[tuple[str, Path]] = []
    for pattern in ("*.csv", "*.jsonl", "*.txt", "*.json", "*.tsv", "*/*.csv", "*/*.jsonl", "*/*.txt", "*/*.tsv"):
        for file in sorted(path.glob(pattern)):
            if file.name.endswith(("-extra.csv", "_ner_test.txt")) or file.name.lower().startswith("readme"):
                continue
            try:
                kind, _ = _detect(file)
            except EvalError:
                continue
            if all(kind != k for k, _ in found):
                found.append((kind, file))
    if not found:
        raise EvalError(f"{path}: no events gold files found")
    return found


def _score(kind: str, path: Path, golds: list[Gold], predictions: list[list], notes: list[str]) -> EvalReport:  # type: ignore[type-arg]
    ontology = load_ontology()
    counts: dict[str, int] = {}

    def add(prefix: str, gold: Iterable[object], pred: Iterable[object]) -> None:
        g, p = set(gold), set(pred)
        counts[f"{prefix}.tp"] = counts.get(f"{prefix}.tp", 0) + len(g & p)
        counts[f"{prefix}.fp"] = counts.get(f"{prefix}.fp", 0) + len(p - g)
        counts[f"{prefix}.fn"] = counts.get(f"{prefix}.fn", 0) + len(g - p)

    extra = correct = 0
    for gold, events in zip(golds, predictions, strict=True):
        roots = [e.cameo_root for e in events]
        if kind == "conflibert":
            best = max(events, key=lambda e: e.confidence, default=None)
            predicted = _FIVE_CLASS.get(best.cameo_root, -1) if best else -1
            correct += predicted == gold.label
            counts["sentences_with_events"] = counts.get("sentences_with_events", 0) + (best is not None)
            continue
        types = [e.plover.type for e in events if e.plover]
        if gold.codes:
            add("root", [c[:2] for c in gold.codes], roots)
            add("code", gold.codes, [e.cameo for e in events])
            gold_types = [p.type for p in (ontology.plover(c) for c in gold.codes) if p]
            add("plover", gold_types, types)
            extra += sum(1 for r in roots if r not in {c[:2] for c in gold.codes})
        elif gold.types:
            add("plover", gold.types, types)
            extra += sum(1 for t in types if t not in gold.types) + sum(1 for e in events if not e.plover)
        else:
            add("root", [], roots)
            add("plover", [], types)
            extra += len(events)
        if gold.dyads:
            if kind == "plover_gsr":
                pred = [(_country(e.source.code if e.source else None), e.plover.type) for e in events if e.plover]
                add("dyad", [(s, k) for s, _t, k in gold.dyads], pred)
            else:
                pred = [(_country(e.source.code if e.source else None), _country(e.target.code if e.target else None),
                         e.cameo_root) for e in events]
                add("dyad", gold.dyads, pred)
        elif kind == "petr2_gsr":
            add("dyad", [], [(e.cameo_root,) for e in events])
    metrics: dict[str, float] = {}
    for prefix in ("root", "plover", "dyad", "code"):
        if f"{prefix}.tp" in counts:
            metrics.update(prf(counts[f"{prefix}.tp"], counts[f"{prefix}.fp"], counts[f"{prefix}.fn"], prefix))
    if kind == "conflibert":
        metrics["class5.accuracy"] = round(correct / len(golds), 4) if golds else 0.0
    else:
        metrics["extra_per_sentence"] = round(extra / len(golds), 4) if golds else 0.0
    return EvalReport("events", kind, str(path), len(golds), metrics, counts, notes)


def _dyad(event: Event) -> tuple[str, str, str]:
    """(source country, target country, root) of a predicted event."""
    return (_country(event.source.code if event.source else None),
            _country(event.target.code if event.target else None), event.cameo_root)


def _score_news(path: Path, golds: list[Gold], predictions: list[list[Event]], notes: list[str]) -> EvalReport:
    """The news precision set: root, code and dyad P/R/F1, events in empty sentences, and per kind."""
    counts: dict[str, int] = {}

    def add(prefix: str, gold: Iterable[object], pred: Iterable[object], suffix: str = "") -> None:
        g, p = set(gold), set(pred)
        for part, n in (("tp", len(g & p)), ("fp", len(p - g)), ("fn", len(g - p))):
            key = f"{prefix}.{part}{suffix}"
            counts[key] = counts.get(key, 0) + n

    def bump(key: str, n: int = 1) -> None:
        counts[key] = counts.get(key, 0) + n

    for gold, events in zip(golds, predictions, strict=True):
        kind = gold.category or "unknown"
        gold_roots = [c[:2] for c in gold.codes]
        roots = [e.cameo_root for e in events]
        add("root", gold_roots, roots)
        add("root", gold_roots, roots, f".{kind}")
        add("code", gold.codes, [e.cameo for e in events])
        add("dyad", gold.dyads, [_dyad(e) for e in events])
        extra = sum(1 for r in roots if r not in set(gold_roots))
        bump("extra", extra)
        bump(f"extra.{kind}", extra)
        bump("sentences.empty", not gold.codes)
        bump(f"sentences.{kind}")
        bump("predicted", len(events))
        if not gold.codes:
            bump("predicted.in_empty", len(events))
            bump("empty_sentences_with_events", bool(events))
    metrics: dict[str, float] = {}
    for prefix in ("root", "dyad", "code"):
        metrics.update(prf(counts[f"{prefix}.tp"], counts[f"{prefix}.fp"], counts[f"{prefix}.fn"], prefix))
    predicted = counts.get("predicted", 0)
    metrics["nonevent.rate"] = round(counts.get("predicted.in_empty", 0) / predicted, 4) if predicted else 0.0
    metrics["empty_sentences_with_events"] = counts.get("empty_sentences_with_events", 0)
    metrics["extra_per_sentence"] = round(counts.get("extra", 0) / len(golds), 4) if golds else 0.0
    for kind in NEWS_KINDS:
        size = counts.get(f"sentences.{kind}", 0)
        if not size:
            continue
        scores = prf(counts[f"root.tp.{kind}"], counts[f"root.fp.{kind}"], counts[f"root.fn.{kind}"])
        metrics[f"root.precision.{kind}"] = scores["precision"]
        metrics[f"root.recall.{kind}"] = scores["recall"]
        metrics[f"extra_per_sentence.{kind}"] = round(counts.get(f"extra.{kind}", 0) / size, 4)
    return EvalReport("events", "news_precision", str(path), len(golds), metrics, counts, notes)


def _score_case(path: Path, golds: list[Gold], predictions: list[list[Event]], notes: list[str]) -> EvalReport:
    """CASE 2021 snippets: the right CAMEO root family per ACLED subtype, and disasters and crime quiet."""
    families, quiet = load_acled_families()
    counts: dict[str, int] = {}

    def bump(key: str, n: int = 1) -> None:
        counts[key] = counts.get(key, 0) + n

    for gold, events in zip(golds, predictions, strict=True):
        subtype = gold.category or ""
        roots = {e.cameo_root for e in events}
        if subtype in quiet:
            bump("quiet.snippets")
            bump("quiet.right", not events)
            bump("quiet.violent", any(r in {"18", "19", "20"} for r in roots))
            continue
        if subtype not in families:
            bump("unscored")
            continue
        right = bool(roots & families[subtype])
        bump("family.snippets")
        bump("family.right", right)
        bump("family.coded", bool(events))
        bump("predicted", len(events))
        bump("predicted.off_family", sum(1 for e in events if e.cameo_root not in families[subtype]))
        bump(f"snippets.{subtype}")
        bump(f"right.{subtype}", right)

    def share(part: str, whole: str) -> float:
        return round(counts.get(part, 0) / counts[whole], 4) if counts.get(whole) else 0.0

    metrics = {"family.accuracy": share("family.right", "family.snippets"),
               "family.coverage": share("family.coded", "family.snippets"),
               "event.precision": round(1 - share("predicted.off_family", "predicted"), 4),
               "quiet.rate": share("quiet.right", "quiet.snippets"),
               "quiet.violent_rate": share("quiet.violent", "quiet.snippets")}
    for subtype in sorted(families):
        if counts.get(f"snippets.{subtype}"):
            metrics[f"family.accuracy.{subtype}"] = share(f"right.{subtype}", f"snippets.{subtype}")
    return EvalReport("events", "case2021", str(path), len(golds), metrics, counts, notes)


def default_datasets() -> list[tuple[str, Path]]:
    """The sets scored without ``--data``: ../shared/eval/events when present, and the shipped news set."""
    shared = shared_dir() / "eval" / "events"
    found = datasets(shared) if shared.is_dir() else []
    if all(kind != "news_precision" for kind, _ in found):
        found.append(("news_precision", NEWS_PRECISION))
    return found


def evaluate(data: Path | None, limit: int | None) -> list[EvalReport]:
    """Code every gold sentence with the whole pipeline and score it, one report per dataset."""
    from dragoman.coder import Coder  # heavy: loads spaCy and every stage
    from dragoman.config import Options
    from dragoman.errors import InputError

    found = datasets(Path(data)) if data is not None else default_datasets()
    coder = Coder(Options(min_chars=1))  # a gold sentence is an article of its own, however short

    def code(text: str, published: str = PUBLISHED) -> list:  # type: ignore[type-arg]
        try:
            return coder.code(text, published=published).events
        except InputError:  # not coded (e.g. not taken for English): no events
            return []

    return score_datasets(found, code, limit)


def score_datasets(found: list[tuple[str, Path]], code: Callable[..., list], limit: int | None) -> list[EvalReport]:  # type: ignore[type-arg]
    """Read each gold file, code its sentences with ``code`` and score them.

    ``code(text)`` returns the events of one sentence; a sentence that carries its own date
    (news_precision) is coded as ``code(text, published)``.
    """
    reports = []
    for kind, path in found:
        golds = _READERS[kind](path)
        if limit is not None:
            golds = golds[:limit]
        predictions = [code(gold.text) if gold.published is None else code(gold.text, gold.published)
                       for gold in golds]
        notes = ["sentences coded one at a time with Coder.code (real actors)",
                 "extra_per_sentence: predicted events whose root (PLOVER type) is not in the gold"]
        if kind == "plover_gsr":
            notes.append("old PLOVER names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT; "
                         "dyad = (source country, type)")
        if kind == "petr2_gsr":
            notes.append("dyad = (source country, target country, root); '---' for unknown countries")
        if kind == "news_precision":
            notes += ["each sentence coded with its own published date",
                      "dyad = (source country, target country, root); '---' for no or unknown country",
                      "nonevent.rate: share of predicted events in sentences whose gold is empty"]
            reports.append(_score_news(path, golds, predictions, notes))
            continue
        if kind == "case2021":
            notes += ["family.accuracy: snippets with at least one event whose CAMEO root is listed for the "
                      "snippet's ACLED subtype (dragoman/eval/data/acled_cameo.yaml)",
                      "family.coverage: snippets with any event; event.precision: share of predicted events "
                      "whose root is in the subtype's family",
                      "quiet.rate: disaster and crime snippets with no event at all; quiet.violent_rate: "
                      "those given an 18-20 event"]
            reports.append(_score_case(path, golds, predictions, notes))
            continue
        reports.append(_score(kind, path, golds, predictions, notes))
    return reports
