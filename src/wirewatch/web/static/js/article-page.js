// The article page: the article's text with its places and event triggers highlighted,
// each linked to its record, and (from an event page) the evidence span in focus.
// The text is inserted as text nodes only, so markup in a report is shown, never run.
import { ApiError, el, externalLink, getJson, mapPageHref, pageLink, sendJson, showStatus } from "./common.js";
import { renderHighlighted } from "./highlight.js";

function spansOf(article, focusRange) {
  const spans = [];
  for (const p of article.places ?? []) {
    const resolved = p.geonameid !== null && p.geonameid !== undefined;
    spans.push({
      start: p.start,
      end: p.end,
      className: "place",
      title: resolved ? `${p.name} (GeoNames ${p.geonameid})` : "place not resolved",
      href: resolved ? pageLink("index.html", { place: p.geonameid }).getAttribute("href") : null,
    });
  }
  for (const e of article.events ?? []) {
    const linked = e.canonical_id !== null && e.canonical_id !== undefined;
    spans.push({
      start: e.start,
      end: e.end,
      className: "trigger",
      title: e.type,
      href: linked ? pageLink("event.html", { id: e.canonical_id }).getAttribute("href") : null,
    });
  }
  let focus = null;
  if (focusRange) {
    focus = { ...focusRange, className: "evidence focus", title: "evidence" };
    spans.push(focus);
  }
  return [spans, focus];
}

function focusFromUrl() {
  const params = new URLSearchParams(location.search);
  const start = Number.parseInt(params.get("start") ?? "", 10);
  const end = Number.parseInt(params.get("end") ?? "", 10);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

// An article an analyst split out of its rewrite family: a button puts it back (undo).
function putBack(articleId) {
  const button = el("button", { type: "button", id: "rejoin-button" }, "Put it back into its family");
  button.addEventListener("click", async () => {
    try {
      const out = await sendJson("POST", `articles/${articleId}/rejoin`, {});
      showStatus(`article ${articleId} is back in family ${out.family.family}`, "info");
      button.replaceWith(pageLink("family.html", { id: out.family.family }, `family ${out.family.family} ›`));
    } catch (err) {
      showStatus(err instanceof ApiError && err.status === 401
        ? "sign in (review page) with an analyst's token first" : err.message);
    }
  });
  return button;
}

async function main() {
  document.getElementById("back-to-map").setAttribute("href", mapPageHref());
  const id = new URLSearchParams(location.search).get("id");
  if (!id) {
    showStatus("no article id in the address (article.html?id=...)");
    return;
  }
  let article;
  try {
    article = await getJson(`articles/${encodeURIComponent(id)}`);
  } catch (err) {
    showStatus(err instanceof ApiError && err.status === 404 ? `no article ${id}` : err.message);
    return;
  }
  const title = article.title || `Article ${article.id ?? id}`;
  document.title = `wirewatch · ${title}`;
  document.getElementById("article-title").textContent = title;
  document.getElementById("article-meta").replaceChildren(el("span", {},
    el("strong", {}, article.outlet ?? "unknown outlet"), " · ",
    article.published ?? "no publication date",
    article.url ? [" · ", externalLink(article.url)] : null,
    " · ", `${(article.places ?? []).length} place mention(s), ${(article.events ?? []).length} event trigger(s)`,
    article.family !== null && article.family !== undefined
      ? [" · ", pageLink("family.html", { id: article.family }, `rewrite family ${article.family}`)] : null,
    article.family_alone ? [" · split out of its rewrite family by an analyst ", putBack(article.id)] : null));
  const [spans, focus] = spansOf(article, focusFromUrl());
  const node = renderHighlighted(document.getElementById("article-text"), article.text ?? "", spans, focus);
  node?.scrollIntoView({ block: "center" });
}

main();
