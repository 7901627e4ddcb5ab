"""The store after a corpus is ingested depends on the corpus alone: not on batch size,
file order, how a run was split, or writers running at once (docs/reliability.md).

Compared through :meth:`Store.snapshot` (content without ids): articles, rewrite
families and links, canonical events with their summaries and conflicts, name flags.
"""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from synthetic import corpus

from wirewatch.store import Extracted, Store

Urls = Callable[[], str]


@pytest.fixture(scope="module")
def mixed_corpus(sample_batch: list[Extracted]) -> list[Extracted]:
    """Synthetic stories (rewrites, republications, denials; every fifth article without
    a publication date, as a folder of HTML files often is) and the real sample corpus."""
    out = []
    for i, x in enumerate(corpus(150, seed=7, days=40)):
        out.append(replace(x, doc=replace(x.doc, published=None)) if i % 5 == 0 else x)
    return out + list(sample_batch)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path, pg_schemas: Any) -> Urls:
    """A factory of fresh, empty store URLs on one backend."""
    made = iter(range(100))
    if request.param == "sqlite":
        return lambda: str(tmp_path / f"store{next(made)}.db")
    return pg_schemas  # type: ignore[no-any-return]


def _fill(url: str, items: Sequence[Extracted], batch: int) -> dict[str, Any]:
    with Store(url) as store:
        for i in range(0, len(items), batch):
            store.write_batch(items[i:i + batch])
        return store.snapshot()


def test_batch_size_and_order_change_nothing(mixed_corpus: list[Extracted],
                                             new_url: Urls) -> None:
    whole = _fill(new_url(), mixed_corpus, 1000)
    assert len(whole["families"]) >= 10 and len(whole["links"]) >= 30
    assert sum(e["n_mentions"] > 1 for e in whole["events"]) >= 10
    assert _fill(new_url(), mixed_corpus, 8) == whole
    assert _fill(new_url(), mixed_corpus[::-1], 5) == whole
    shuffled = list(mixed_corpus)
    random.Random(3).shuffle(shuffled)
    assert _fill(new_url(), shuffled, 3) == whole


def _writer(url: str, items: Sequence[Extracted], start: Any) -> None:
    start.wait()
    with Store(url) as store:
        for i in range(0, len(items), 4):
            store.write_batch(items[i:i + 4])


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writers_give_the_store_of_one_sequential_run(
        mixed_corpus: list[Extracted], new_url: Urls, writers: int) -> None:
    sequential = _fill(new_url(), mixed_corpus, 32)
    url = new_url()  # not created yet: the writers also race to create and migrate it
    parts = [mixed_corpus[i::writers] for i in range(writers)]
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(writers)
    procs = [ctx.Process(target=_writer, args=(url, part, start)) for part in parts]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    assert [p.exitcode for p in procs] == [0] * writers
    with Store(url) as store:
        got = store.snapshot()
    assert all(e["members"] for e in got["events"])
    for part in ("articles", "families", "links", "name_flags", "events"):
        assert got[part] == sequential[part], _first_difference(got[part], sequential[part])


def _first_difference(a: list[Any], b: list[Any]) -> str:
    only_a = [x for x in a if x not in b]
    only_b = [x for x in b if x not in a]
    extra = [x for x in a if a.count(x) != b.count(x)]
    return (f"only in the concurrent store: {only_a[:2]}; only in the sequential: "
            f"{only_b[:2]}; counted apart: {extra[:2]} ({len(a)} vs {len(b)})")


def test_the_first_and_last_days_of_the_calendar_are_stored(
        store_url: str, mixed_corpus: list[Extracted]) -> None:
    from datetime import date

    story = [x for x in mixed_corpus if x.events][:3]
    edges = [replace(x, doc=replace(x.doc, id=f"edge{i}", text=x.doc.text + f" ({i})",
                                    published=day))
             for i, (x, day) in enumerate(zip(story, (date.min, date.max, date.min),
                                              strict=True))]
    with Store(store_url) as store:
        assert store.write_batch(edges).stored == 3
        assert store.write_batch([replace(edges[0], doc=replace(
            edges[0].doc, id="edge3", text=edges[0].doc.text + "!"))]).stored == 1
        assert {str(a["published"]) for a in store.articles()} == {"0001-01-01", "9999-12-31"}
        assert store.events()
