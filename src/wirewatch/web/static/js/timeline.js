// Timeline of events by day and type: a stacked SVG histogram with a brush.
//
// Dragging across it selects a date range (reported through onBrush({since, until}));
// a click without dragging clears it (onBrush(null)). Long spans are binned so that a
// bar is never thinner than two pixels.
import { MODALITY_LOOKS, TYPES, modalityLook, typeColour } from "./common.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const MARGIN = { top: 14, right: 10, bottom: 22, left: 36 };

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Day number (days since 1970-01-01, UTC) of an ISO date "YYYY-MM-DD"; NaN if invalid. */
export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : NaN;
}

/** ISO date of a day number. */
export function isoDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/**
 * Bin rows [{day, type, n}] into `binDays`-day bins from day number `first`.
 * Returns [{start, end (exclusive), total, byType: Map}], one per bin, empty bins included;
 * byType counts by "type|look" (the modality's look: claim, weak, contested, denied).
 */
export function binRows(rows, first, last, binDays) {
  const count = Math.floor((last - first) / binDays) + 1;
  const bins = Array.from({ length: count }, (_, i) => ({
    start: first + i * binDays,
    end: first + (i + 1) * binDays,
    total: 0,
    byType: new Map(),
  }));
  for (const r of rows) {
    const d = dayNumber(r.day);
    if (Number.isNaN(d) || d < first || d > last) continue;
    const bin = bins[Math.floor((d - first) / binDays)];
    const key = `${r.type}|${modalityLook(r.modality)}`;
    bin.total += r.n;
    bin.byType.set(key, (bin.byType.get(key) ?? 0) + r.n);
  }
  return bins;
}

/**
 * The days [first, last] where most events are: the shortest span holding `share` of
 * them, padded; the whole span when that is most of it. A few old dates do not squash
 * the weeks the events are in.
 */
export function denseSpan(rows, share = 0.8) {
  const byDay = new Map();
  for (const r of rows) byDay.set(dayNumber(r.day), (byDay.get(dayNumber(r.day)) ?? 0) + r.n);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  if (days.length === 0) return null;
  const total = [...byDay.values()].reduce((a, b) => a + b, 0);
  const need = Math.ceil(total * share);
  let best = [days[0], days[days.length - 1]];
  let sum = 0;
  for (let i = 0, j = 0; j < days.length; j++) {
    sum += byDay.get(days[j]);
    while (sum - byDay.get(days[i]) >= need) sum -= byDay.get(days[i++]);
    if (sum >= need && days[j] - days[i] < best[1] - best[0]) best = [days[i], days[j]];
  }
  const full = days[days.length - 1] - days[0];
  if (best[1] - best[0] > full / 2) return [days[0], days[days.length - 1]];
  const pad = Math.max(3, Math.round((best[1] - best[0]) * 0.05));
  return [best[0] - pad, best[1] + pad];
}

export class Timeline {
  constructor(container, { onBrush, onView = () => {} }) {
    this.container = container;
    this.onBrush = onBrush;
    this.onView = onView;
    this.rows = [];
    this.view = null; // [first, last] day numbers shown; null: where the events are
    this.range = null; // {since, until} ISO days, or null
    this.svg = svg("svg", { class: "timeline-svg", role: "img", "aria-label": "Events by day and type" });
    container.append(this.svg);
    new ResizeObserver(() => this.render()).observe(container);
  }

  setData(rows) {
    this.rows = rows.filter((r) => !Number.isNaN(dayNumber(r.day)) && r.n > 0);
    this.render();
  }

  setRange(since, until) {
    this.range = since || until ? { since: since || null, until: until || null } : null;
    this.render();
  }

  render() {
    const width = this.container.clientWidth || 600;
    const height = this.container.clientHeight || 120;
    this.svg.setAttribute("width", width);
    this.svg.setAttribute("height", height);
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.replaceChildren();
    if (this.rows.length === 0) {
      this.svg.append(svg("text", { x: width / 2, y: height / 2, class: "tl-empty", "text-anchor": "middle" },
        "No dated events"));
      return;
    }
    let [first, last] = this.view ?? denseSpan(this.rows);
    if (!this.view) {
      if (this.range?.since) first = Math.min(first, dayNumber(this.range.since));
      if (this.range?.until) last = Math.max(last, dayNumber(this.range.until));
    }
    this.shown = [first, last];
    let before = 0, after = 0;
    for (const r of this.rows) {
      const d = dayNumber(r.day);
      if (d < first) before += r.n;
      else if (d > last) after += r.n;
    }
    this.onView({ first: isoDay(first), last: isoDay(last), before, after });
    const innerW = width - MARGIN.left - MARGIN.right;
    const innerH = height - MARGIN.top - MARGIN.bottom;
    const binDays = Math.max(1, Math.ceil((last - first + 1) / Math.max(1, innerW / 2)));
    const bins = binRows(this.rows, first, last, binDays);
    const maxTotal = Math.max(1, ...bins.map((b) => b.total));
    const x = (day) => MARGIN.left + ((day - first) / (last - first + binDays)) * innerW;
    const y = (n) => MARGIN.top + innerH - (n / maxTotal) * innerH;
    this.scale = { first, last, binDays, x, innerW };

    this.drawAxes(first, last, binDays, maxTotal, x, y, height);
    const bars = svg("g", { class: "tl-bars" });
    const order = TYPES.flatMap(([t]) => LOOKS.map((look) => `${t}|${look}`));
    for (const b of bins) {
      if (b.total === 0) continue;
      const x0 = x(b.start);
      const w = Math.max(1, x(b.end) - x0 - (binDays === 1 && innerW / bins.length > 4 ? 1 : 0));
      const g = svg("g", {});
      const label = binDays === 1 ? isoDay(b.start) : `${isoDay(b.start)} – ${isoDay(b.end - 1)}`;
      const parts = [...b.byType.entries()].sort((p, q) => rank(order, p[0]) - rank(order, q[0]));
      g.append(svg("title", {}, `${label}: ${b.total} event${b.total === 1 ? "" : "s"}\n` +
        parts.map(([k, n]) => `${n} ${k.replace("|", " (")})`).join("\n")));
      let acc = 0;
      for (const [k, n] of parts) {
        const [t, look] = k.split("|");
        drawPart(g, x0, w, y(acc + n), y(acc), typeColour(t), look);
        acc += n;
      }
      bars.append(g);
    }
    this.svg.append(bars);
    this.drawBrush(height);
  }

  drawAxes(first, last, binDays, maxTotal, x, y, height) {
    const axis = svg("g", { class: "tl-axis" });
    axis.append(svg("text", { x: MARGIN.left - 4, y: y(maxTotal) + 4, "text-anchor": "end" }, String(maxTotal)));
    axis.append(svg("text", { x: MARGIN.left - 4, y: y(0), "text-anchor": "end" }, "0"));
    axis.append(svg("line", { x1: MARGIN.left, x2: x(last + binDays), y1: y(0) + 0.5, y2: y(0) + 0.5 }));
    // Ticks at month starts (or year starts over long spans), thinned to fit.
    const span = last - first;
    const ticks = [];
    const d = new Date(first * DAY);
    let cur = Date.UTC(d.getUTCFullYear(), span > 900 ? 0 : d.getUTCMonth(), 1);
    while (cur / DAY <= last + binDays) {
      if (cur / DAY >= first) ticks.push(cur / DAY);
      const c = new Date(cur);
      cur = span > 900 ? Date.UTC(c.getUTCFullYear() + 1, 0, 1) : Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
    }
    if (ticks.length === 0) ticks.push(first);
    const every = Math.max(1, Math.ceil(ticks.length / Math.max(1, (x(last) - x(first)) / 70)));
    ticks.forEach((t, i) => {
      if (i % every) return;
      const label = span > 900 ? isoDay(t).slice(0, 4) : span > 62 ? isoDay(t).slice(0, 7) : isoDay(t);
      axis.append(svg("line", { x1: x(t), x2: x(t), y1: y(0), y2: y(0) + 4 }));
      axis.append(svg("text", { x: x(t), y: height - 6, "text-anchor": "middle" }, label));
    });
    this.svg.append(axis);
  }

  /** Zoom by `factor` (< 1 in, > 1 out) around the middle of the view. */
  zoom(factor) {
    if (!this.shown) return;
    const [a, b] = this.shown;
    const mid = (a + b) / 2;
    const half = Math.max(3, ((b - a) / 2) * factor);
    this.view = [Math.floor(mid - half), Math.ceil(mid + half)];
    this.render();
  }

  /** Move the view by `share` of its width (negative: earlier). */
  pan(share) {
    if (!this.shown) return;
    const [a, b] = this.shown;
    const step = Math.max(1, Math.round((b - a) * share));
    this.view = [a + step, b + step];
    this.render();
  }

  /** Show where most events are (the default). */
  fit() {
    this.view = null;
    this.render();
  }

  /** Show every date. */
  all() {
    const days = this.rows.map((r) => dayNumber(r.day));
    if (days.length) this.view = [Math.min(...days), Math.max(...days)];
    this.render();
  }

  dayAt(px) {
    const { first, last, binDays, innerW } = this.scale;
    const frac = (px - MARGIN.left) / innerW;
    const day = first + Math.floor(frac * (last - first + binDays));
    return Math.max(first, Math.min(last + binDays - 1, day));
  }

  drawBrush(height) {
    const { x } = this.scale;
    const top = MARGIN.top - 4;
    const h = height - MARGIN.top - MARGIN.bottom + 4;
    const sel = svg("rect", { class: "tl-selection", y: top, height: h, x: 0, width: 0, visibility: "hidden" });
    const showSel = (a, b) => {
      sel.setAttribute("x", Math.min(a, b));
      sel.setAttribute("width", Math.max(1, Math.abs(b - a)));
      sel.setAttribute("visibility", "visible");
    };
    if (this.range) {
      const a = this.range.since ? x(dayNumber(this.range.since)) : MARGIN.left;
      const b = this.range.until ? x(dayNumber(this.range.until) + 1) : MARGIN.left + this.scale.innerW;
      showSel(a, b);
    }
    const overlay = svg("rect", {
      class: "tl-overlay", x: MARGIN.left, y: top, width: this.scale.innerW, height: h,
    });
    let startX = null;
    const local = (ev) => ev.clientX - this.svg.getBoundingClientRect().left;
    overlay.addEventListener("pointerdown", (ev) => {
      startX = local(ev);
      overlay.setPointerCapture(ev.pointerId);
      showSel(startX, startX);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (startX !== null) showSel(startX, local(ev));
    });
    overlay.addEventListener("pointerup", (ev) => {
      if (startX === null) return;
      const endX = local(ev);
      const a = Math.min(startX, endX);
      const b = Math.max(startX, endX);
      startX = null;
      if (b - a < 3) {
        this.range = null;
        this.render();
        this.onBrush(null);
        return;
      }
      this.range = { since: isoDay(this.dayAt(a)), until: isoDay(this.dayAt(b)) };
      this.render();
      this.onBrush(this.range);
    });
    this.svg.append(sel, overlay);
  }
}

const LOOKS = MODALITY_LOOKS.map(([look]) => look);

// One type's events of one look in a bar, drawn as the markers are (css .mk): a claim
// filled, a hedged or planned one pale, a contested one half filled, a denial hollow.
function drawPart(g, x0, w, top, bottom, colour, look) {
  const h = Math.max(0, bottom - top);
  const attrs = { x: x0, width: w, y: top, height: h, class: `tl-${look}` };
  if (look === "claim") {
    g.append(svg("rect", { ...attrs, fill: colour }));
    return;
  }
  const inset = Math.min(0.75, w / 4, h / 4);
  const outline = { x: x0 + inset, width: Math.max(0, w - 2 * inset), y: top + inset,
    height: Math.max(0, h - 2 * inset), stroke: colour, "stroke-width": 2 * inset || 1 };
  if (look === "weak") {
    g.append(svg("rect", { ...attrs, ...outline, fill: colour, "fill-opacity": 0.28 }));
  } else if (look === "contested") {
    g.append(svg("rect", { ...attrs, ...outline, fill: "#fff" }));
    g.append(svg("rect", { x: x0, width: w / 2, y: top, height: h, fill: colour, class: "tl-contested-half" }));
  } else {
    g.append(svg("rect", { ...attrs, ...outline, fill: "#fff" }));
  }
}

function rank(order, type) {
  const i = order.indexOf(type);
  return i < 0 ? order.length : i;
}
