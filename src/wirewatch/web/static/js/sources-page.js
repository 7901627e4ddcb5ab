// The sources page: every feed and page `wirewatch watch` polls, with its last success,
// its last error and the reason, and when it is polled next; with its .json and .csv.
import { apiBase, el, getJson, showStatus } from "./common.js";

const COLUMNS = ["source", "status", "last success", "last error", "errors in a row",
  "next poll", "items seen", "articles stored"];

async function main() {
  document.getElementById("downloads").replaceChildren("Download: ",
    el("a", { href: new URL("sources", apiBase()).href, download: "" }, "JSON"), " · ",
    el("a", { href: new URL("export/sources.csv", apiBase()).href, download: "" }, "CSV"));
  const page = await getJson("sources", {});
  const table = document.getElementById("rows");
  table.replaceChildren(el("thead", {}, el("tr", {}, COLUMNS.map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const s of page.items) {
    const error = s.last_error ? [s.last_error_at ?? "", el("div", { class: "muted" }, s.last_error)] : "";
    body.append(el("tr", { class: `source-${s.status}` },
      el("td", {}, [s.url, el("div", { class: "muted" }, s.kind ?? "not fetched yet")]),
      el("td", {}, s.status), el("td", {}, s.last_success ?? "never"), el("td", {}, error),
      el("td", {}, String(s.failures)), el("td", {}, s.next_poll ?? ""),
      el("td", {}, String(s.items_seen)), el("td", {}, String(s.stored))));
  }
  table.append(body);
  document.getElementById("page-title").textContent = `Watched sources (${page.total})`;
  if (page.total === 0) showStatus("no sources: run wirewatch watch FEED_OR_PAGE... (docs/watch.md)");
}

main().catch((err) => showStatus(err.message));
