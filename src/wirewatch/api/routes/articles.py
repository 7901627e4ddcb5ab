"""Articles: the list, one article with its text and mentions, and the writes (ingest
new articles, re-extract a stored one), which need the bearer token."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from wirewatch.api import queries as qy
from wirewatch.api import schemas as sc
from wirewatch.api.deps import (
    ERRORS,
    MAX_ID,
    NOT_FOUND,
    WRITE_ERRORS,
    Db,
    Limit,
    Offset,
    OptInt,
    StoreDep,
    Writer,
)
from wirewatch.api.strict import StrictRoute
from wirewatch.document import Document
from wirewatch.store import BatchResult, Extracted

Extractor = Callable[[Sequence[Document]], list[Extracted]]

router = APIRouter(route_class=StrictRoute, prefix="/api")


@router.get("/articles", response_model=sc.ArticlePage, responses=ERRORS, tags=["articles"])
def list_articles(s: Db, limit: Limit = 50, offset: Offset = 0,
                  outlet: Annotated[str | None, Query(max_length=300)] = None,
                  family: Annotated[OptInt, Query(ge=0, le=MAX_ID)] = None
                  ) -> dict[str, Any]:
    """Return one page of stored articles (metadata only), in the order stored."""
    total, items = qy.list_articles(s, limit, offset, outlet or None, family)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", response_model=sc.Article,
            responses={**ERRORS, **NOT_FOUND}, tags=["articles"])
def get_article(s: Db, article_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """Return an article's text exactly as stored (JSON-encoded, never HTML-escaped)
    with its place mentions and event triggers; offsets count code points."""
    article = qy.get_article(s, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article


@router.post("/articles", response_model=sc.WriteResult,
             responses={**ERRORS, **WRITE_ERRORS}, dependencies=[Writer], tags=["writing"])
def post_articles(request: Request, store: StoreDep, body: sc.IngestIn) -> dict[str, Any]:
    """Ingest articles: extract, store and fuse them in one transaction (needs the
    bearer token). Articles already stored (same normalised text) are skipped."""
    docs = [_document(a) for a in body.articles]
    return _result(store.write_batch(_extract(request, docs)))


@router.post("/articles/{article_id}/extract", response_model=sc.WriteResult,
             responses={**ERRORS, **NOT_FOUND, **WRITE_ERRORS}, dependencies=[Writer],
             tags=["writing"])
def reextract(request: Request, store: StoreDep,
              article_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """Run extraction again on a stored article (e.g. after the codebook or the
    gazetteer changed) and re-fuse it; needs the bearer token."""
    docs = store.stored_documents([article_id])
    if not docs:
        raise HTTPException(404, f"no article {article_id}")
    extracted = _extract(request, docs)
    return _result(store.replace_extraction([(article_id, x) for x in extracted]))


def _result(res: BatchResult) -> dict[str, Any]:
    return {"stored": res.stored, "skipped": res.skipped, "article_ids": res.article_ids,
            "canonical_touched": res.canonical_touched}


def _document(a: sc.ArticleIn) -> Document:
    doc_id = a.id or "api-" + hashlib.sha256(a.text.encode()).hexdigest()[:16]
    return Document(id=doc_id, text=a.text, title=a.title, url=a.url, outlet=a.outlet,
                    published=a.published, author=a.author, source="api")


def _extract(request: Request, docs: Sequence[Document]) -> list[Extracted]:
    """Extract with the app's extractor; the spaCy one of its resources is built on the
    first write (a read-only server never loads the pipeline)."""
    state = request.app.state
    if state.extractor is None:
        from wirewatch.store.ingest import spacy_extractor

        state.extractor = spacy_extractor(state.resources)
    run: Extractor = state.extractor
    return run(docs)
