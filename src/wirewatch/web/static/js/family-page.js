// The page of one rewrite family (family.html?id=N): its articles, each with a button that
// splits it out of the family; a form that merges another family into this one; and the
// history, where an article split out has a button that puts it back (undo). Every
// decision names the family's version: a change made meanwhile by someone else (409) is
// refused and the page says so. Plain buttons and a form: Tab and Enter reach everything.
import { ApiError, el, externalLink, getJson, pageLink, sendJson, showStatus } from "./common.js";

const familyId = new URLSearchParams(location.search).get("id");

function why(err, what = "the family") {
  if (err instanceof ApiError && err.status === 409) return `${what} was changed by someone else meanwhile: reload the page and look again`;
  if (err instanceof ApiError && err.status === 401) return "sign in (review page) with an analyst's token first";
  return err.message;
}

async function decide(path, body, done, after = () => load()) {
  try {
    const out = await sendJson("POST", path, body);
    showStatus(done(out), "info");
    await after(out);
  } catch (err) {
    showStatus(why(err));
  }
}

function memberRow(fam, a) {
  const split = el("button", {
    type: "button", class: "split-article", "data-article": String(a.article),
    "aria-label": `Split article ${a.article} (${a.outlet ?? a.doc}) out of family ${fam.family}`,
  }, "Split out");
  split.addEventListener("click", () => decide(`families/${fam.family}/split`,
    { article: a.article, version: fam.version },
    (out) => `article ${a.article} split out of family ${fam.family}${out.family ? "" : " (the family is dissolved)"}`,
    (out) => (out.family ? load() : showDissolved(fam, a.article))));
  const links = (a.links ?? []).map((l) => `${l.kind} of ${l.to} (${Number(l.score).toFixed(2)})`).join("; ");
  return el("tr", { "data-article": String(a.article) },
    el("td", {}, pageLink("article.html", { id: a.article }, String(a.article))),
    el("td", {}, a.outlet ?? a.doc ?? "?"),
    el("td", {}, a.url ? externalLink(a.url, a.title || a.url) : a.title || ""),
    el("td", {}, a.published ?? ""),
    el("td", { class: "muted" }, links || (a.article === fam.head?.article ? "first report" : "")),
    el("td", {}, split));
}

function putBackButton(article, label = "Put back") {
  const button = el("button", { type: "button", class: "rejoin-article", "data-article": String(article),
    "aria-label": `Put article ${article} back into its rewrite family` }, label);
  button.addEventListener("click", () => decide(`articles/${article}/rejoin`, {},
    (out) => `article ${article} is back in family ${out.family.family}`,
    (out) => {
      if (String(out.family.family) !== String(familyId)) location.search = `?id=${out.family.family}`;
      else return load();
    }));
  return button;
}

// the last article split out dissolved the family: the page says so and offers the undo
function showDissolved(fam, article) {
  document.getElementById("family-title").textContent = `Rewrite family ${fam.family} (dissolved)`;
  document.getElementById("members").replaceChildren();
  const undo = putBackButton(article, `Undo: put article ${article} back`);
  document.getElementById("decisions").replaceChildren(el("div", { class: "decision" }, undo));
  undo.focus();
}

async function renderHistory(history) {
  const list = document.getElementById("history");
  const items = [];
  for (const h of history) {
    const article = h.after?.article;
    let undo = null;
    if (h.action === "family.split" && article !== undefined) {
      try {
        const a = await getJson(`articles/${article}`);
        if (a.family_alone) undo = putBackButton(article);
      } catch {
        // the article is gone: nothing to put back
      }
    }
    items.push(el("li", {}, el("strong", {}, h.action), ` by ${h.actor}, ${h.at}`,
      h.after ? el("span", { class: "muted" }, " · ", Object.entries(h.after)
        .filter(([k]) => k !== "members").map(([k, v]) => `${k}: ${v}`).join("; ")) : null,
      h.note ? el("div", {}, el("q", {}, h.note)) : null, undo ? " " : null, undo));
  }
  list.replaceChildren(...items);
  if (!items.length) list.replaceChildren(el("li", { class: "muted" }, "no decision yet"));
}

function renderDecisions(fam) {
  const other = el("input", { name: "other", inputmode: "numeric", placeholder: "family id", size: 8,
    "aria-label": "the id of the family to merge into this one" });
  const note = el("input", { name: "note", placeholder: "note (why)" });
  const merge = el("form", { id: "family-merge-form", class: "decision" },
    el("strong", {}, "Merge family "), other, ` into family ${fam.family} `, note,
    el("button", { type: "submit" }, "Merge"));
  merge.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const n = Number(other.value.trim());
    if (!other.value.trim() || !Number.isInteger(n)) {
      showStatus("give the id of the family to merge into this one");
      return;
    }
    decide(`families/${fam.family}/merge`, { other: n, version: fam.version, note: note.value.trim() || null },
      (out) => `family ${n} merged into family ${fam.family} (${out.size} articles)`);
  });
  document.getElementById("decisions").replaceChildren(merge);
}

async function load() {
  if (!familyId) {
    showStatus("no family id in the address (family.html?id=...)");
    return;
  }
  const history = await getJson(`families/${encodeURIComponent(familyId)}/history`);
  let fam;
  try {
    fam = await getJson(`families/${encodeURIComponent(familyId)}`);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    document.getElementById("family-title").textContent = `Rewrite family ${familyId} (no longer exists)`;
    document.getElementById("members").replaceChildren();
    document.getElementById("decisions").replaceChildren();
    await renderHistory(history);
    return;
  }
  document.getElementById("family-title").textContent =
    `Rewrite family ${fam.family}: ${fam.size} articles (version ${fam.version})`;
  const table = document.getElementById("members");
  table.replaceChildren(
    el("thead", {}, el("tr", {}, ["article", "outlet", "title", "published", "tied by", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, (fam.members ?? []).map((a) => memberRow(fam, a))));
  table.dataset.version = String(fam.version);
  renderDecisions(fam);
  await renderHistory(history);
}

load().catch((err) => showStatus(err.message));
