// The stories page: rewrite families (near-copies and paraphrases of one report), largest
// first, each with its earliest member and its outlets, with its .json and .csv; each
// links to its page (family.html), where an analyst merges and splits families.
import { apiBase, el, externalLink, getJson, pageLink, showStatus } from "./common.js";

async function main() {
  document.getElementById("downloads").replaceChildren("Download: ",
    el("a", { href: new URL("families?limit=500", apiBase()).href, download: "" }, "JSON"), " · ",
    el("a", { href: new URL("export/stories.csv", apiBase()).href, download: "" }, "CSV"));
  const table = document.getElementById("rows");
  table.replaceChildren(el("thead", {}, el("tr", {}, ["family", "articles", "first report", "dates", "outlets"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  table.append(body);
  let offset = 0;
  for (;;) {
    const page = await getJson("families", { limit: 500, offset });
    for (const f of page.items) {
      const head = f.head ?? {};
      body.append(el("tr", {}, el("td", {}, pageLink("family.html", { id: f.family }, `family ${f.family}`)), el("td", {}, String(f.size)),
        el("td", {}, el("strong", {}, head.outlet ?? head.doc ?? "?"), " ",
          head.url ? externalLink(head.url, head.title || head.url) : pageLink("article.html", { id: head.article }, head.title || "article")),
        el("td", {}, [f.first_published, f.last_published].filter(Boolean).join(" – ")),
        el("td", {}, [...new Set((f.members ?? []).map((m) => m.outlet ?? m.doc))].join("; "))));
    }
    offset += page.items.length;
    if (offset >= page.total || page.items.length === 0) break;
  }
  document.getElementById("page-title").textContent = `Rewrite families (${offset})`;
}

main().catch((err) => showStatus(err.message));
