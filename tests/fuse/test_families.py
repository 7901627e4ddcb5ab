"""Rewrite families: near-duplicates and paraphrased rewrites, through the full pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wirewatch.document import Document
from wirewatch.fuse.text import content_hash, jaccard, minhash
from wirewatch.store import Store, ingest

# One (invented) ministry statement told three times in different words, a verbatim
# republication, and a report about the same town on another day from another source.
ORIGINAL = (
    "Units of the Zapad group of forces have completed the liberation of Kupiansk in the "
    "Kharkiv region, the Russian Ministry of Defence said on Tuesday. According to the "
    "ministry, Ukrainian losses in the area reached up to 310 servicemen over the past day, "
    "and two Bradley fighting vehicles were destroyed. The town had been under Ukrainian "
    "control since September 2022.")
PARAPHRASES = [
    "Russia claims its Zapad forces now fully control Kupiansk, a railway town in the "
    "Kharkiv region that Ukraine retook in September 2022. In a Tuesday statement the "
    "Russian Ministry of Defence put Ukrainian losses at as many as 310 soldiers in one day, "
    "adding that two American-made Bradley vehicles had been knocked out.",
    "The Defence Ministry in Moscow announced on Tuesday that Kupiansk had been taken by "
    "the Zapad grouping. It said 310 Ukrainian troops were lost in twenty-four hours and "
    "that Russian units destroyed a pair of Bradley armoured vehicles near the town, which "
    "has changed hands twice since the start of the war.",
]
OTHER_DAY = (
    "Russian glide bombs hit a school and two apartment blocks in Kupiansk on Friday, "
    "wounding six people, the head of the local military administration, Andrii Besedin, "
    "said. Firefighters worked through the night to put out the fires, he said.")


def _docs() -> list[Document]:
    return [
        Document("orig", ORIGINAL, outlet="State Agency", published=date(2025, 10, 7)),
        Document("para1", PARAPHRASES[0], outlet="World Brief", published=date(2025, 10, 7)),
        Document("para2", PARAPHRASES[1], outlet="Front Digest", published=date(2025, 10, 8)),
        Document("copy", ORIGINAL.replace("Tuesday", "Tuesday,").replace(
            "The town had", "Kupiansk had"), outlet="Copy Desk", published=date(2025, 10, 8)),
        Document("other", OTHER_DAY, outlet="Kharkiv Today", published=date(2025, 10, 10)),
    ]


def _jsonl(path: Path, docs: list[Document]) -> Path:
    import json

    path.write_text("".join(json.dumps({"id": d.id, "text": d.text, "outlet": d.outlet,
                                        "published": d.published.isoformat()
                                        if d.published else None}) + "\n" for d in docs),
                    encoding="utf-8")
    return path


def test_minhash_alone_misses_the_paraphrases() -> None:
    sig = {d.id: minhash(d.text) for d in _docs()}
    assert jaccard(sig["orig"], sig["copy"]) >= 0.5
    for p in ("para1", "para2"):
        assert jaccard(sig["orig"], sig[p]) < 0.2


def test_paraphrases_and_copies_form_one_family_headed_by_the_earliest(
        store_url: str, tmp_path: Path) -> None:
    docs = _docs()
    # the copy and a paraphrase arrive first, the original (earliest) last
    first = _jsonl(tmp_path / "first.jsonl", [docs[3], docs[2]])
    second = _jsonl(tmp_path / "second.jsonl", [docs[4], docs[1], docs[0]])
    with Store(store_url) as store:
        ingest([first], store, batch_size=1)
        ingest([second], store, batch_size=2)
        [story] = store.stories()
    members = {m["doc"] for m in story["members"]}
    assert members == {"orig", "para1", "para2", "copy"}
    assert story["head"]["doc"] in {"orig", "para1"}  # both published on 7 October
    assert story["head"]["published"] == "2025-10-07"
    kinds = {lk["kind"] for m in story["members"] for lk in m["links"]}
    assert kinds == {"near-duplicate", "paraphrase"}
    for m in story["members"]:
        for lk in m["links"]:
            assert lk["reasons"], "every link says why"


def test_the_same_body_under_another_name_or_spacing_is_stored_once(
        store_url: str, tmp_path: Path) -> None:
    d = _docs()[0]
    variant = Document("orig-again", "  " + d.text.upper().replace(" ", "  ") + "\n",
                       outlet="Mirror", published=date(2025, 10, 9))
    assert content_hash(variant.text) == content_hash(d.text)
    f = _jsonl(tmp_path / "a.jsonl", [d, variant])
    with Store(store_url) as store:
        s1 = ingest([f], store)
        s2 = ingest([f], store)
        counts = store.counts()
    assert (s1.read, s1.stored, s1.skipped) == (2, 1, 1)
    assert (s2.read, s2.stored, s2.skipped) == (2, 0, 2)
    assert counts["articles"] == 1


def test_two_stories_from_one_region_with_one_official_are_not_one_family(
        tmp_path: Path) -> None:
    capture = Document(
        "capture",
        "The head of the Donetsk People's Republic, Denis Pushilin, said on Telegram that "
        "Russian troops had taken full control of Toretsk after weeks of street fighting. "
        "He thanked the soldiers of the Yug group and promised to rebuild the town.")
    passports = Document(
        "passports",
        "Forty residents of Toretsk received Russian passports at a ceremony in Donetsk, "
        "Denis Pushilin, the head of the Donetsk People's Republic, said on Telegram. He "
        "said more residents would receive them next week.")
    with Store(tmp_path / "w.db") as store:
        ingest([_jsonl(tmp_path / "in.jsonl", [capture, passports])], store)
        assert store.stories() == []
