// The conflicts page: every disagreement between reports (date, count, extent, modality:
// who claims and who denies) and every role given two names, with its .json and .csv.
import { apiBase, el, getJson, pageLink, showStatus } from "./common.js";

function who(side) {
  if (!side.mentions) return `${side.value} (characters ${side.start}–${side.end})`;
  const people = [...new Set(side.mentions.map((m) => [m.claimant ?? "the outlet itself", m.outlet].filter(Boolean).join(", ")))];
  return [el("strong", {}, side.value), el("div", { class: "muted" }, people.join("; "))];
}

async function main() {
  const kind = new URLSearchParams(location.search).get("kind") ?? "";
  const params = kind ? `?kind=${encodeURIComponent(kind)}` : "";
  document.getElementById("downloads").replaceChildren("Download: ",
    el("a", { href: new URL(`conflicts${params}${params ? "&" : "?"}limit=500`, apiBase()).href, download: "" }, "JSON"), " · ",
    el("a", { href: new URL(`export/conflicts.csv${params}`, apiBase()).href, download: "" }, "CSV"));
  const table = document.getElementById("rows");
  table.replaceChildren(el("thead", {}, el("tr", {}, ["kind", "event or article", "one side", "the other side"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  table.append(body);
  let offset = 0;
  for (;;) {
    const page = await getJson("conflicts", { kind, limit: 500, offset });
    for (const c of page.items) {
      const what = c.kind === "name"
        ? pageLink("article.html", { id: c.article }, `${c.outlet ?? c.doc}: ${c.role}`)
        : pageLink("event.html", { id: c.canonical_event }, `#${c.canonical_event} ${c.type} ${c.place ?? ""} ${c.date ?? ""}`);
      body.append(el("tr", { class: `conflict-${c.kind}` }, el("td", {}, c.kind), el("td", {}, what),
        el("td", { class: c.kind === "modality" ? "claims" : "" }, who(c.a)),
        el("td", { class: c.kind === "modality" ? "denies" : "" }, who(c.b))));
    }
    offset += page.items.length;
    if (offset >= page.total || page.items.length === 0) break;
  }
  document.getElementById("page-title").textContent = `Conflicting reports (${offset})`;
}

main().catch((err) => showStatus(err.message));
