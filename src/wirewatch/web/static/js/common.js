// Shared helpers of the wirewatch pages: API access, URL state, safe DOM building.
//
// Every string that comes from a report (titles, text, names, claimants) reaches the page
// through el()/text nodes, i.e. as textContent: never through innerHTML.

// Event types of the codebook (data/codebook.yaml), in legend order, with their colours.
export const TYPES = [
  ["territory.captured", "#c0392b"],
  ["territory.encircled", "#e67e22"],
  ["territory.withdrawn", "#f1c40f"],
  ["offensive.launched", "#8e44ad"],
  ["strike", "#2c3e50"],
  ["casualties", "#7f1d1d"],
  ["equipment.lost", "#16a085"],
  ["personnel.surrendered", "#2980b9"],
  ["civilians.evacuated", "#27ae60"],
  ["passport.issued", "#b5651d"],
  ["property.looted", "#d35400"],
];
const TYPE_COLOUR = new Map(TYPES);
const OTHER_COLOUR = "#7f8c8d";

/** Colour of an event type (grey for a type this page does not know). */
export function typeColour(type) {
  return TYPE_COLOUR.get(type) ?? OTHER_COLOUR;
}

// Modalities (docs/contract.md section 5) in four looks, the same on markers, in the list,
// popups, the event page, the timeline and the legend: a claim is a full disc; a hedged or
// announced one a pale disc; a contested event (claimed by some, denied by others) a half
// disc; an event only denials support a hollow ring, never a claim's full disc.
export const MODALITY_LOOKS = [
  ["claim", "claimed, reported or asserted", ["claimed", "reported", "asserted"]],
  ["weak", "hedged or announced (planned)", ["hedged", "planned"]],
  ["contested", "contested: claimed by some, denied by others", ["contested"]],
  ["denied", "denied only: no report claims it", ["denied"]],
];
const LOOK_OF = new Map(MODALITY_LOOKS.flatMap(([look, , mods]) => mods.map((m) => [m, look])));

/** The look ("claim", "weak", "contested", "denied") of a modality. */
export function modalityLook(modality) {
  return LOOK_OF.get(modality) ?? "claim";
}

/**
 * A marker-like glyph of a modality in a type's colour: a span with class `mk mk-<look>`
 * (css/app.css draws it). `size` in pixels; `conflict` adds the dashed ring.
 */
export function modalityGlyph(modality, type, { size = 12, conflict = false, title = true } = {}) {
  const look = modalityLook(modality);
  return el("span", {
    class: `mk mk-${look}${conflict ? " mk-conflict" : ""}`,
    style: `--c: ${typeColour(type)}; --s: ${size}px`,
    title: title ? modality ?? "" : null,
    dataset: { modality: modality ?? "", look },
  });
}

/** A glyph and the modality's name. */
export function modalityBadge(modality, type) {
  return el("span", { class: `modality modality-${modalityLook(modality)}` },
    modalityGlyph(modality, type, { title: false }), ` ${modality ?? "?"}`);
}

/** "claimed by A; B" and "denied by C" lines of an event, kept apart (never mixed). */
export function claimLines(e, tag = "div") {
  const out = [];
  if ((e.claimants ?? []).length) out.push(el(tag, { class: "claimed-by" }, `claimed by ${e.claimants.join("; ")}`));
  if ((e.denied_by ?? []).length) out.push(el(tag, { class: "denied-by" }, `denied by ${e.denied_by.join("; ")}`));
  return out;
}

// Filters kept in the URL of the map page (and accepted by the list, map and timeline API).
export const FILTER_KEYS = [
  "type", "modality", "admin1", "place", "claimant", "denied_by", "outlet", "since", "until",
  "min_sources", "min_confidence", "has_conflict", "q", "verification", "review_status",
];

/** A confidence (0..1) as a percentage, "?" when there is none. */
export function confidenceText(c) {
  return typeof c === "number" ? `${Math.round(c * 100)}%` : "?";
}

/** The API's base URL: <meta name="wirewatch-api"> if present, else "api/" beside the page. */
export function apiBase() {
  const meta = document.querySelector('meta[name="wirewatch-api"]');
  return new URL(meta?.content || "api/", document.baseURI);
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON resource of the API; `params` skips empty values. Throws ApiError. */
export async function getJson(path, params = {}, signal = undefined) {
  const url = new URL(path, apiBase());
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  }
  let resp;
  try {
    resp = await fetch(url, { headers: { Accept: "application/json", ...authHeader() }, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`cannot reach the wirewatch API at ${url.pathname} (${err.message})`, 0);
  }
  if (!resp.ok) {
    let detail = resp.statusText;
    try {
      const body = await resp.json();
      if (typeof body.detail === "string") detail = body.detail;
    } catch {
      // The error body was not JSON: keep the status text.
    }
    throw new ApiError(`${url.pathname}: ${resp.status} ${detail}`, resp.status);
  }
  return resp.json();
}

// The analyst's token, kept in this browser's localStorage after signing in on the review
// page (docs/review.md); sent with every API request once set.
const TOKEN_KEY = "wirewatch-token";

/** The token this browser signed in with ("" if none). */
export function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Keep (or, with "", forget) the token of this browser. */
export function storeToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

function authHeader() {
  const token = storedToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Send a JSON body with `method` (PATCH, POST) to the API with the stored token; return the
 * answer's JSON. Throws ApiError (its `status` tells 401, 403, 409 apart). */
export async function sendJson(method, path, body, headers = {}) {
  const url = new URL(path, apiBase());
  let resp;
  try {
    resp = await fetch(url, {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json", ...authHeader(), ...headers },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(`cannot reach the wirewatch API at ${url.pathname} (${err.message})`, 0);
  }
  let answer = null;
  try {
    answer = await resp.json();
  } catch {
    // not JSON: keep null
  }
  if (!resp.ok) {
    const detail = typeof answer?.detail === "string" ? answer.detail : resp.statusText;
    throw new ApiError(`${resp.status} ${detail}`, resp.status);
  }
  return answer;
}

/** Filters read from a query string: {key: string} for the keys of FILTER_KEYS present. */
export function readFilters(search = location.search) {
  const params = new URLSearchParams(search);
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v !== null && v !== "") out[k] = v;
  }
  return out;
}

/** Query string ("?..." or "") for a filters object, keys in FILTER_KEYS order. */
export function filtersQuery(filters) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * Create an element. `attrs` are set as properties or attributes (`class`, `dataset`,
 * `on*` handlers); children are nodes or strings, strings becoming text nodes.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A link to a page of this UI (href built from a path and query parameters). */
export function pageLink(page, params, ...children) {
  const url = new URL(page, document.baseURI);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  }
  return el("a", { href: url.pathname + url.search + url.hash }, ...children);
}

/** A link to an outside page, only for http(s) URLs; otherwise the URL as plain text. */
export function externalLink(url, label) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return el("span", {}, label ?? url ?? "");
  return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, label ?? parsed.href);
}

/** A coloured chip naming an event type. */
export function typeChip(type) {
  return el("span", { class: "type-chip", style: `--type-colour: ${typeColour(type)}` }, type ?? "?");
}

/** Text of a codebook date object: "2024-02-17 (day, explicit)". */
export function dateText(date) {
  if (!date || !date.value) return "no date";
  const how = [date.precision, date.basis].filter((x) => x && x !== "unknown").join(", ");
  return how ? `${date.value} (${how})` : date.value;
}

/** Text of a codebook count object or number: "up to ~495". */
export function countText(count) {
  if (count === null || count === undefined) return "";
  if (typeof count !== "object") return String(count);
  if (count.value === null || count.value === undefined) return "";
  return [count.qualifier, `${count.approx ? "~" : ""}${count.value}`].filter(Boolean).join(" ");
}

/** Text of a place object: "Pokrovsk, Donetsk Oblast, UA". */
export function placeText(place) {
  if (!place) return "no place";
  return [place.name, place.admin1, place.country].filter(Boolean).join(", ");
}

/** Show an error (or clear it with null) in the page's #status element. */
export function showStatus(message, kind = "error") {
  const box = document.getElementById("status");
  if (!box) return;
  box.textContent = message ?? "";
  box.className = message ? `status ${kind}` : "status";
}

/** The map page URL last seen in this tab (with its filters), for "back to the map" links. */
export function mapPageHref() {
  return sessionStorage.getItem("wirewatch.mapUrl") || "index.html";
}
