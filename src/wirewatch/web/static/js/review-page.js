// The review queue: the events most in need of an analyst's eyes first (reports that
// disagree, a single source, low confidence, recent), reviewed from the keyboard:
// j/k move, c confirms, r rejects, e edits (Enter saves, Escape cancels), o opens the event,
// m merges another event into the selected one, v verifies it (citing evidence).
// Every change is sent with the version the analyst saw; a stale one (409) is reloaded.
import {
  ApiError, apiBase, claimLines, dateText, el, getJson, modalityBadge, pageLink, sendJson,
  showStatus, storeToken, storedToken, typeChip, TYPES,
} from "./common.js";

const MODALITIES = ["asserted", "claimed", "reported", "planned", "denied", "hedged", "contested"];
const PAGE = 50;
let items = [];
let selected = 0;
let editing = false;
let busy = false;  // a change is on its way: keys wait for the queue to reload

function queueParams() {
  const params = new URLSearchParams(location.search);
  params.set("limit", String(PAGE));
  return params;
}

function itemNode(e, i) {
  const node = el("li", {
    class: `queue-item${i === selected ? " selected" : ""}`, role: "option",
    "aria-selected": i === selected ? "true" : "false", dataset: { id: String(e.id) },
    onclick: () => select(i),
  },
  el("div", { class: "queue-head" }, typeChip(e.type), " ",
    pageLink("event.html", { id: e.id }, `#${e.id} ${e.place?.name ?? "unknown place"}`), " ",
    el("span", { class: "muted" }, dateText(e.date)), " ", modalityBadge(e.modality, e.type)),
  el("div", { class: "attention" }, ...e.attention.map((a) => el("span", { class: "badge" }, a))),
  ...claimLines(e),
  el("div", { class: "muted" }, `${e.n_independent_sources} independent source(s): ${e.outlets.join("; ")}`,
    " · ", el("span", { class: `verification verification-${e.verification?.status}` }, e.verification?.status ?? "")));
  return node;
}

function render() {
  const list = document.getElementById("queue");
  list.replaceChildren(...items.map(itemNode));
  const current = list.children[selected];
  if (current) current.scrollIntoView({ block: "nearest" });
}

function select(i) {
  if (editing || !items.length) return;
  selected = Math.max(0, Math.min(items.length - 1, i));
  render();
}

async function load() {
  const page = await getJson("review/queue", Object.fromEntries(queueParams()));
  // a reload that lands while a form is open (signing in reloads the queue) keeps the
  // queue the analyst is working on: the form's event stays as it was shown
  if (editing) return;
  items = page.items;
  selected = Math.min(selected, Math.max(0, items.length - 1));
  document.getElementById("queue-total").textContent = `${page.total} event(s) to review`;
  render();
}

// Send a change for the selected event with the version shown; on success drop it from
// the queue (it is no longer unreviewed) and say what was done.
async function change(body, done) {
  const e = items[selected];
  if (!e || busy) return;
  busy = true;
  try {
    await send(e, body, done);
  } finally {
    busy = false;
  }
}

async function send(e, body, done, method = "PATCH", path = `events/${e.id}`) {
  try {
    await sendJson(method, path, { version: e.version, ...body });
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      showStatus(`#${e.id} was changed by someone else meanwhile: reloaded, look again`);
      await load();
      return;
    }
    showStatus(err instanceof ApiError && err.status === 401
      ? "sign in with an analyst's token first" : err.message);
    return;
  }
  await load();
  showStatus(`#${e.id} ${done}`, "info");
}

function field(label, input) {
  return el("label", { class: "edit-field" }, el("span", {}, label), input);
}

function options(values, current) {
  return values.map((v) => el("option", { value: v, selected: v === current }, v));
}

// The edit form of the selected event: only the fields the analyst changes are sent.
function edit() {
  const e = items[selected];
  const node = document.getElementById("queue").children[selected];
  if (!e || !node || editing) return;
  editing = true;
  const inputs = {
    type: el("select", { name: "type" }, ...options(TYPES.map(([t]) => t), e.type)),
    geonameid: el("input", { name: "geonameid", inputmode: "numeric", value: e.place?.geonameid ?? "" }),
    date: el("input", { name: "date", value: e.date?.value ?? "", placeholder: "YYYY-MM-DD" }),
    count: el("input", { name: "count", inputmode: "numeric", value: e.count ?? "" }),
    modality: el("select", { name: "modality" }, ...options(MODALITIES, e.modality)),
    claimant: el("input", { name: "claimant", value: (e.claimants ?? []).join("; ") }),
    extent: el("select", { name: "extent" }, ...options(["", "full", "partial"], e.extent ?? "")),
    note: el("input", { name: "note", placeholder: "why (kept in the history)" }),
  };
  const form = el("form", { class: "edit-form" },
    ...Object.entries(inputs).map(([k, input]) => field(k, input)),
    el("button", { type: "submit" }, "Save (Enter)"),
    el("button", { type: "button", onclick: () => cancel() }, "Cancel (Esc)"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { status: "confirmed" };
    const before = {
      type: e.type, geonameid: String(e.place?.geonameid ?? ""), date: e.date?.value ?? "",
      count: String(e.count ?? ""), modality: e.modality, claimant: (e.claimants ?? []).join("; "),
      extent: e.extent ?? "",
    };
    for (const [k, old] of Object.entries(before)) {
      const value = inputs[k].value.trim();
      if (value === old) continue;
      if (k === "geonameid" || k === "count") body[k] = value === "" ? null : Number(value);
      else body[k] = value === "" ? null : value;
    }
    if (inputs.note.value.trim()) body.note = inputs.note.value.trim();
    editing = false;
    change(body, "corrected");
  });
  form.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      cancel();
    }
  });
  node.append(form);
  inputs.type.focus();
}

// A one-line form under the selected event (merge: the other event's id; verify: status,
// evidence URL, note); Enter sends it, Escape cancels.
function miniForm(label, inputs, submit) {
  const e = items[selected];
  const node = document.getElementById("queue").children[selected];
  if (!e || !node || editing) return;
  editing = true;
  const form = el("form", { class: "edit-form" }, el("strong", {}, label),
    ...Object.entries(inputs).map(([k, input]) => field(k, input)),
    el("button", { type: "submit" }, "Save (Enter)"),
    el("button", { type: "button", onclick: () => cancel() }, "Cancel (Esc)"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    editing = false;
    submit(e);
  });
  form.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      cancel();
    }
  });
  node.append(form);
  Object.values(inputs)[0].focus();
}

function mergeForm() {
  const other = el("input", { name: "other", inputmode: "numeric", placeholder: "event id" });
  miniForm("Merge into this event: ", { other }, (e) => {
    busy = true;
    send(e, { other: Number(other.value.trim()) }, `absorbed #${other.value.trim()}`, "POST",
      `events/${e.id}/merge`).finally(() => { busy = false; });
  });
}

function verifyForm() {
  const status = el("select", { name: "status" },
    ...options(["confirmed", "refuted", "unverified"], "confirmed"));
  const url = el("input", { name: "evidence_url", placeholder: "https://… (the evidence)" });
  const note = el("input", { name: "note", placeholder: "note" });
  miniForm("Verify: ", { status, evidence_url: url, note }, (e) => {
    busy = true;
    send(e, { status: status.value, evidence_url: url.value.trim() || null, note: note.value.trim() || null },
      status.value, "POST", `events/${e.id}/verification`).finally(() => { busy = false; });
  });
}

function cancel() {
  editing = false;
  render();
  showStatus("");
}

function onKey(ev) {
  if (editing || busy || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.target.closest?.("input, select, textarea, button")) return;
  const actions = {
    j: () => select(selected + 1),
    k: () => select(selected - 1),
    c: () => change({ status: "confirmed" }, "confirmed"),
    r: () => change({ status: "rejected" }, "rejected (not an event)"),
    e: () => edit(),
    m: () => mergeForm(),
    v: () => verifyForm(),
    o: () => items[selected] && location.assign(`event.html?id=${encodeURIComponent(items[selected].id)}`),
  };
  const act = actions[ev.key];
  if (!act) return;
  ev.preventDefault();
  act();
}

async function whoami() {
  const me = await getJson("me");
  document.getElementById("whoami").textContent = me.name
    ? `signed in as ${me.name} (${me.role})` : "not signed in: reading only";
}

async function main() {
  const form = document.getElementById("signin");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    storeToken(document.getElementById("token").value.trim());
    document.getElementById("token").value = "";
    document.getElementById("token").blur();
    whoami().then(load).catch((err) => showStatus(err.message));
  });
  document.getElementById("signout").addEventListener("click", () => {
    storeToken("");
    whoami().catch((err) => showStatus(err.message));
  });
  const params = queueParams();
  params.delete("limit");
  document.getElementById("downloads").replaceChildren("Download: ",
    el("a", { href: new URL(`review/queue?${params}&limit=500`, apiBase()).href, download: "" }, "JSON"), " · ",
    el("a", { href: new URL(`export/review.csv?${params}`, apiBase()).href, download: "" }, "CSV"), " · ",
    el("a", { href: new URL("export/decisions.csv", apiBase()).href, download: "" }, "every decision (CSV)"));
  document.addEventListener("keydown", onKey);
  if (storedToken()) await whoami();
  else {
    document.getElementById("whoami").textContent = "not signed in: reading only";
    document.getElementById("token").focus();  // signing in is the first thing to do
  }
  await load();
}

main().catch((err) => showStatus(err.message));
