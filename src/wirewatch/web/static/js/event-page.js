// The event page: one canonical event, its place and date and how they were found, who
// claims it through whom, each mention's evidence highlighted in its article, rewrite
// families, and conflicting reports side by side.
import {
  ApiError, confidenceText, countText, dateText, el, externalLink, getJson, mapPageHref,
  modalityBadge, modalityGlyph, pageLink, placeText, sendJson, showStatus, typeChip,
} from "./common.js";
import { excerpt, renderHighlighted } from "./highlight.js";

const AUTO_EXPAND = 6;
const articleCache = new Map();

function articleOf(id) {
  if (!articleCache.has(id)) articleCache.set(id, getJson(`articles/${encodeURIComponent(id)}`));
  return articleCache.get(id);
}

function articleId(m) {
  return m.article_id ?? m.doc;
}

// --- facts -----------------------------------------------------------------------------------

function fact(dl, label, ...value) {
  if (value.every((v) => v === null || v === undefined || v === "")) return;
  dl.append(el("dt", {}, label), el("dd", {}, ...value));
}

function coords(place) {
  if (place?.lat === undefined || place?.lat === null) return null;
  return `${Number(place.lat).toFixed(4)}, ${Number(place.lon).toFixed(4)}`;
}

const BASIS = {
  explicit: "given in the text",
  relative: "a relative expression resolved against the publication date",
  publication: "the publication date (news of the day)",
  unknown: "unknown",
};

// How the place was resolved, once per distinct (words, method) across the mentions.
function resolutions(event) {
  const seen = new Map();
  const places = [event.place, ...(event.mentions ?? []).map((m) => m.place)].filter(Boolean);
  for (const p of places) {
    if (!p.method && !p.surface) continue;
    const key = `${p.surface}|${p.method}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()].map((p) => el("div", {},
    p.surface ? el("q", {}, p.surface) : null,
    p.method ? ` → ${p.method}` : "",
    p.confidence !== undefined && p.confidence !== null ? ` (confidence ${p.confidence})` : "",
    p.explanation ? el("div", { class: "muted" }, p.explanation) : null));
}

function chain(claimant, conduit, outlet, denies = false) {
  const hops = [];
  if (claimant) {
    hops.push(el("span", { class: denies ? "hop denier" : "hop claimant", title: denies ? "denies it" : "claims it" },
      claimant, el("span", { class: "role" }, denies ? " (denies)" : " (claims)")));
  }
  for (const c of conduit ?? []) hops.push(el("span", { class: "hop", title: "relayed by" }, c));
  if (outlet) hops.push(el("span", { class: "hop outlet", title: "published by" }, outlet));
  const out = el("span", { class: "chain" });
  hops.forEach((h, i) => {
    if (i) out.append(el("span", { class: "arrow", "aria-hidden": "true" }, "→"));
    out.append(h);
  });
  if (!hops.length) return el("span", { class: "empty" }, "no attribution (asserted by the outlet)");
  return out;
}

function renderFacts(e) {
  document.title = `wirewatch · ${e.type} · ${e.place?.name ?? "unknown place"}`;
  const h1 = document.getElementById("event-title");
  h1.replaceChildren(...[modalityGlyph(e.modality, e.type, { size: 18, conflict: e.has_conflict }),
    typeChip(e.type), e.subtype ? el("span", { class: "muted" }, e.subtype) : null,
    el("span", {}, e.place?.name ?? "unknown place"), el("span", { class: "muted" }, dateText(e.date))]
    .filter(Boolean));
  const dl = document.getElementById("facts");
  dl.replaceChildren();
  fact(dl, "Type", e.type, e.subtype ? ` (${e.subtype})` : "");
  fact(dl, "Place", placeText(e.place),
    e.place ? el("div", { class: "muted" },
      [coords(e.place), e.place.geonameid ? `GeoNames ${e.place.geonameid}` : null].filter(Boolean).join(" · ")) : null,
    e.place?.geonameid ? el("div", {}, pageLink("index.html", { place: e.place.geonameid }, "all events at this place")) : null);
  const how = resolutions(e);
  fact(dl, "Resolved from", how.length ? how : null);
  fact(dl, "Date", e.date?.value ?? "no date",
    e.date ? el("div", { class: "muted" }, [
      `precision: ${e.date.precision ?? "unknown"}`,
      e.date.basis ? `basis: ${BASIS[e.date.basis] ?? e.date.basis}` : null,
      e.date.window?.[0] ? `the reports allow ${e.date.window[0]} to ${e.date.window[1]}` : null,
    ].filter(Boolean).join(" · ")) : null,
    dateBases(e));
  fact(dl, "Count", countText(e.count));
  fact(dl, "Confidence", el("span", { id: "confidence" }, confidenceText(e.confidence)),
    el("div", { class: "muted" }, "how likely this is a real event at the right place: the best report's, raised when independent sources agree"));
  const says = e.modality === "contested" && (e.denied_by ?? []).length
    ? `claimed by ${(e.claimants ?? []).join("; ") || "the outlet"}; denied by ${e.denied_by.join("; ")}`
    : MODALITY_SAYS[e.modality] ?? "";
  fact(dl, "Modality", modalityBadge(e.modality, e.type), el("div", { class: "muted", id: "modality-says" }, says));
  fact(dl, "Claimed by", (e.claimants ?? []).length ? el("span", { class: "claimed-by", id: "claimed-by" }, e.claimants.join("; "))
    : e.modality === "denied" ? el("span", { class: "empty" }, "no report claims it") : null);
  fact(dl, "Denied by", (e.denied_by ?? []).length ? el("span", { class: "denied-by", id: "denied-by" }, e.denied_by.join("; ")) : null);
  fact(dl, "Reports", reportList(e));
  fact(dl, "Sources", `${e.n_independent_sources ?? 0} independent source(s) among ${e.n_mentions ?? (e.mentions ?? []).length} mention(s)`,
    (e.source_groups ?? []).map((g) => el("div", { class: "muted" },
      g.outlets.join(", "), g.ties?.length ? ` (tied by ${g.ties.join("; ")})` : "")));
}

const MODALITY_SAYS = {
  contested: "claimed by some reports, denied by others",
  denied: "only denials speak of it: no report claims it happened",
  planned: "announced for the future, not reported as done",
  hedged: "put with doubt (\"reportedly\", \"may have\")",
  claimed: "a speaker says it happened",
  reported: "an outlet or analyst reports it",
  asserted: "the outlet states it in its own voice",
};

// The articles the event rests on, each with its outlet, date, link and role.
function reportList(e) {
  const reports = e.reports ?? [];
  if (!reports.length) return (e.outlets ?? []).join(", ");
  return el("ul", { class: "reports" }, reports.map((r) => el("li", { class: r.role === "denies" ? "denies" : "claims" },
    el("strong", {}, r.outlet ?? "unknown outlet"), " ",
    el("span", { class: "muted" }, r.published ?? ""), " ",
    r.url ? externalLink(r.url, r.title || r.url) : pageLink("article.html", { id: r.article }, r.title || `article ${r.article}`),
    el("span", { class: "role" }, r.role === "denies" ? " · denies" : " · claims"))));
}

// How each mention's date was found (docs/contract.md: explicit, relative, publication).
function dateBases(e) {
  const seen = new Map();
  for (const m of e.mentions ?? []) {
    if (!m.date?.value) continue;
    const key = `${m.date.value}|${m.date.basis}`;
    if (!seen.has(key)) seen.set(key, m);
  }
  if (seen.size === 0) return null;
  return el("div", { class: "muted" }, "reports: ", [...seen.values()].map((m, i) => [
    i ? "; " : "", `${m.date.value} (${BASIS[m.date.basis] ?? m.date.basis ?? "unknown"}, ${m.outlet ?? "?"})`]));
}

// --- mentions --------------------------------------------------------------------------------

function mentionCard(m, index, expand) {
  const aid = articleId(m);
  const ev = m.evidence ?? {};
  const box = el("div", { class: "evidence-box" }, el("mark", { class: "evidence" }, ev.text ?? ""));
  const toggle = el("button", { type: "button" }, "Show in article");
  const card = el("article", { class: `mention${m.modality === "denied" ? " denial" : ""}`, id: `mention-${index}` },
    el("header", {},
      el("strong", {}, m.outlet ?? "unknown outlet"),
      el("span", { class: "muted" }, m.published ?? "no publication date"),
      aid !== undefined && aid !== null
        ? pageLink("article.html", { id: aid, start: ev.start, end: ev.end }, m.title || `article ${aid}`)
        : null,
      m.modality ? modalityBadge(m.modality, m.type) : null,
      el("label", { class: "split-pick" }, el("input", {
        type: "checkbox", name: "split", value: String(m.mention),
        "aria-label": `move mention ${m.mention} out`,
      }), " move out")),
    el("div", {}, chain(m.claimant, m.conduit, m.outlet, m.modality === "denied")),
    el("div", { class: "muted" }, [
      m.date ? `date: ${dateText(m.date)}` : null,
      countText(m.count) ? `count: ${countText(m.count)}` : null,
      m.place?.surface ? `place words: “${m.place.surface}”` : null,
    ].filter(Boolean).join(" · ")),
    box,
    aid !== undefined && aid !== null && ev.start !== undefined ? toggle : null);
  let shown = false;
  const show = async () => {
    toggle.disabled = true;
    try {
      const article = await articleOf(aid);
      const ex = excerpt(article.text ?? "", ev.start, ev.end);
      const target = el("span");
      const focus = { start: ex.start, end: ex.end, className: "evidence" };
      renderHighlighted(target, ex.text, [focus]);
      box.replaceChildren(ex.cutBefore ? el("span", { class: "cut" }, "… ") : "", target,
        ex.cutAfter ? el("span", { class: "cut" }, " …") : "");
      shown = true;
      toggle.textContent = "Show evidence only";
    } catch (err) {
      box.append(el("div", { class: "status error" }, `article: ${err.message}`));
    } finally {
      toggle.disabled = false;
    }
  };
  toggle.addEventListener("click", () => {
    if (shown) {
      box.replaceChildren(el("mark", { class: "evidence" }, ev.text ?? ""));
      toggle.textContent = "Show in article";
      shown = false;
    } else {
      show();
    }
  });
  if (expand && aid !== undefined && aid !== null && ev.start !== undefined) show();
  return card;
}

// Mentions grouped by rewrite family (articles that are near-copies of one another), each
// family once, then the mentions of articles in no family.
function renderMentions(e) {
  const mentions = e.mentions ?? [];
  document.getElementById("mentions-title").textContent = `Mentions (${mentions.length})`;
  const root = document.getElementById("mentions");
  root.replaceChildren();
  const familyOf = new Map();
  for (const fam of e.family ?? []) for (const a of fam.articles ?? []) familyOf.set(String(a), fam);
  const groups = new Map();
  mentions.forEach((m, i) => {
    const fam = familyOf.get(String(articleId(m)));
    const key = fam ? `family:${fam.id}` : `single:${i}`;
    if (!groups.has(key)) groups.set(key, { fam, items: [] });
    groups.get(key).items.push([m, i]);
  });
  let n = 0;
  for (const { fam, items } of groups.values()) {
    const cards = items.map(([m, i]) => mentionCard(m, i, n++ < AUTO_EXPAND));
    if (fam && (fam.articles ?? []).length > 1) {
      root.append(el("section", { class: "family" },
        el("div", { class: "muted" }, `Rewrite family ${fam.id}: these ${fam.articles.length} articles (of ${fam.size ?? fam.articles.length} in the family) copy or paraphrase one another and count as one source `,
          pageLink("family.html", { id: fam.id }, "merge or split this family ›")),
        cards));
    } else {
      root.append(...cards);
    }
  }
  if (mentions.length === 0) root.append(el("p", { class: "empty" }, "No mentions."));
}

// --- conflicts -------------------------------------------------------------------------------

// A conflict (as `wirewatch conflicts`): its kind and two sides, each a value (text) and
// who gives it, linked to the mention below (whose card shows the sentence: each
// sentence is on the page once).
function renderConflicts(e) {
  const conflicts = e.conflicts ?? [];
  const section = document.getElementById("conflicts-section");
  section.hidden = conflicts.length === 0;
  const root = document.getElementById("conflicts");
  root.replaceChildren();
  const index = new Map((e.mentions ?? []).map((m, i) => [m.mention, i]));
  for (const c of conflicts) {
    root.append(el("div", { class: "conflict" },
      el("strong", {}, `Reports disagree on ${c.kind ?? "a value"}`),
      el("div", { class: "conflict-sides" }, [c.a, c.b].filter(Boolean).map((side) => el("div", { class: "conflict-side" },
        el("div", { class: "value" }, side.value ?? "none given"),
        el("ul", { class: "conflict-who" }, (side.mentions ?? []).map((m) => {
          const i = index.get(m.mention);
          return el("li", {},
            [m.claimant ?? "the outlet itself", m.outlet, m.published].filter(Boolean).join(" · "), " ",
            i !== undefined ? el("a", { href: `#mention-${i}` }, `mention ${i + 1} ›`) : null);
        })))))));
  }
}

// --- page ------------------------------------------------------------------------------------

// --- review: the verdict, the analyst's values beside the machine's, the history -----------

function shown(value) {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.join("; ") || "none";
  if (typeof value === "object") return value.name ?? JSON.stringify(value);
  return String(value);
}

function renderReview(e, history) {
  const dl = document.getElementById("review");
  dl.replaceChildren();
  fact(dl, "Status", el("span", { class: `review-${e.review_status}` }, e.review_status),
    e.reviewed_by ? el("span", { class: "muted" }, ` by ${e.reviewed_by}, ${e.reviewed_at}`) : null);
  if (e.review_note) fact(dl, "Note", e.review_note);
  const v = e.verification ?? { status: "unverified" };
  fact(dl, "Verification", el("span", { class: `verification verification-${v.status}` }, v.status),
    v.by ? el("span", { class: "muted" }, ` by ${v.by}, ${v.at}`) : null,
    v.evidence_url ? el("span", {}, " · evidence: ", externalLink(v.evidence_url, v.evidence_url)) : null,
    v.note ? el("span", {}, " · ", el("q", {}, v.note)) : null,
    v.status !== v.machine ? el("span", { class: "machine", title: "what the reports alone give" }, v.machine) : null);
  for (const [k, v] of Object.entries(e.reviewed ?? {})) {
    fact(dl, `${k} (corrected)`, el("span", { class: "reviewed" }, shown(v)),
      el("span", { class: "machine", title: "the machine's value" }, shown(e.machine?.[k])));
  }
  const list = document.getElementById("history");
  list.replaceChildren(...history.map((h) => el("li", {},
    el("strong", {}, h.action), ` by ${h.actor}, ${h.at}`,
    h.before || h.after ? el("div", { class: "muted" },
      Object.keys({ ...h.before, ...h.after }).map((k) => `${k}: ${shown(h.before?.[k])} → ${shown(h.after?.[k])}`).join("; ")) : null,
    h.note ? el("div", {}, el("q", {}, h.note)) : null)));
  if (!history.length) list.replaceChildren(el("li", { class: "muted" }, "not reviewed yet"));
}

// --- decisions: verify, merge another event in, split chosen mentions out ------------------

async function decide(path, body, done) {
  try {
    const out = await sendJson("POST", path, body);
    showStatus(done(out), "info");
    setTimeout(() => location.reload(), 600);
  } catch (err) {
    showStatus(err instanceof ApiError && err.status === 409
      ? "the event was changed by someone else meanwhile: reload it and look again"
      : err instanceof ApiError && err.status === 401 ? "sign in (review page) with an analyst's token first"
        : err.message);
  }
}

function renderDecisions(e) {
  const box = document.getElementById("decisions");
  const status = el("select", { name: "verification" },
    ...["confirmed", "refuted", "unverified"].map((s) => el("option", { value: s }, s)));
  const url = el("input", { name: "evidence_url", placeholder: "https://… (the evidence)", size: 40 });
  const note = el("input", { name: "verification_note", placeholder: "note" });
  const verify = el("form", { id: "verify-form", class: "decision" }, el("strong", {}, "Verify "), status, url, note,
    el("button", { type: "submit" }, "Save verification"));
  verify.addEventListener("submit", (ev) => {
    ev.preventDefault();
    decide(`events/${e.id}/verification`, {
      status: status.value, evidence_url: url.value.trim() || null, note: note.value.trim() || null,
      version: e.version,
    }, (out) => `#${e.id} is ${out.verification.status}`);
  });
  const other = el("input", { name: "other", inputmode: "numeric", placeholder: "event id", size: 8 });
  const merge = el("form", { id: "merge-form", class: "decision" }, el("strong", {}, "Merge event "), other,
    " into this one ", el("button", { type: "submit" }, "Merge"));
  merge.addEventListener("submit", (ev) => {
    ev.preventDefault();
    decide(`events/${e.id}/merge`, { other: Number(other.value.trim()), version: e.version },
      () => `#${other.value.trim()} merged into #${e.id}`);
  });
  const split = el("button", { type: "button", id: "split-button" }, "Move the ticked mentions out to a new event");
  split.addEventListener("click", () => {
    const chosen = [...document.querySelectorAll("input[name=split]:checked")].map((x) => Number(x.value));
    if (!chosen.length) {
      showStatus("tick the mentions to move out first");
      return;
    }
    decide(`events/${e.id}/split`, { mentions: chosen, version: e.version },
      (out) => `${chosen.length} mention(s) moved out to #${out.new_event.id}`);
  });
  box.replaceChildren(verify, merge, el("div", { class: "decision" }, split));
}

async function main() {
  document.getElementById("back-to-map").setAttribute("href", mapPageHref());
  const id = new URLSearchParams(location.search).get("id");
  if (!id) {
    showStatus("no event id in the address (event.html?id=...)");
    return;
  }
  try {
    const event = await getJson(`events/${encodeURIComponent(id)}`);
    renderFacts(event);
    renderReview(event, await getJson(`events/${encodeURIComponent(id)}/history`));
    renderDecisions(event);
    renderConflicts(event);
    renderMentions(event);
  } catch (err) {
    showStatus(err instanceof ApiError && err.status === 404 ? `no event ${id}` : err.message);
  }
}

main();
