"""Add a generated corpus to a scratch copy of the project, through the catalog, for benchmarks.

    from coalition_bench.corpus_generator import write_corpus
    ids = write_corpus(project, 1000, seed=1)   # then build `project` as usual

Each generated document is a text file under `sources/generated/` and an entry appended to
`sources/catalog.yml`, exactly as a person adds a document (README, "Adding a document"): the
build then reads, checks and renders them like the five real texts, which stay in place. The words
come from corpus_texts.generate (varied statement-like texts); publishers, dates, places, kinds and
events vary too, so that metadata searches and listings have something to sort. The same `count`
and `seed` always give the same files. Never run this on the checkout itself: it edits `sources/`.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from coalition_bench import corpus_texts
from coalition_texts.model.urls import SOURCES
from coalition_texts.sources.catalog import load_events
from coalition_texts.sources.kinds import KINDS_FILE, load_kinds

FOLDER = "generated"
PUBLISHERS = [
    "Sample Ministry of Foreign Affairs", "Sample News Agency", "Sample Daily Herald", "Sample Government Press Office",
    "Sample Wire Service", "Sample Embassy", "Sample Policy Blog", "Sample Regional Observer",
]  # fmt: skip
PLACES = [None, "Marrakesh, Morocco", "Niamey, Niger", "Rome, Italy", "Brussels, Belgium", "Abuja, Nigeria"]


def catalog_entry(
    text: corpus_texts.GeneratedText, rng: random.Random, event_ids: list[str], kind_ids: list[str]
) -> str:
    """One entry of `documents:` in catalog.yml (strings written as JSON, which YAML reads alike)."""
    place = rng.choice(PLACES)
    year = rng.choice([2021, 2022, 2023])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    events = rng.sample(event_ids, rng.randint(1, min(2, len(event_ids))))
    lines = [
        f"  - id: {text.id}",
        f"    file: {FOLDER}/{text.id}.txt",
        f"    title: {json.dumps(text.title, ensure_ascii=False)}",
        f"    publisher: {json.dumps(rng.choice(PUBLISHERS))}",
        f"    url: https://example.org/{text.id}",
        f"    published: {year:04d}-{month:02d}-{day:02d}",
        f"    place: {json.dumps(place)}",
        f"    kind: {rng.choice(kind_ids)}",
        f"    events: [{', '.join(sorted(events))}]",
        "    language: en",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(project: Path, count: int, seed: int = 1) -> list[str]:
    """Add `count` generated documents to the project folder `project`; return their ids."""
    sources = project / SOURCES
    event_ids = [event.id for event in load_events(sources / "events.yml")]
    kind_ids = sorted(kind.id for kind in load_kinds(sources / KINDS_FILE))
    rng = random.Random(seed)
    folder = sources / FOLDER
    folder.mkdir(exist_ok=True)
    texts = corpus_texts.generate(count, seed)
    entries = []
    for text in texts:
        (folder / f"{text.id}.txt").write_text("\n\n".join(text.paragraphs) + "\n", encoding="utf-8")
        entries.append(catalog_entry(text, rng, event_ids, kind_ids))
    catalog = sources / "catalog.yml"
    existing = catalog.read_text(encoding="utf-8")
    catalog.write_text(existing.rstrip("\n") + "\n\n" + "\n".join(entries), encoding="utf-8")
    return [text.id for text in texts]
