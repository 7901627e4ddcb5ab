// Article text with highlighted spans, built from text nodes only.
//
// Offsets from the API count Unicode code points (Python string indices); JavaScript
// strings index UTF-16 units, which differ after any character outside the BMP (emoji,
// some CJK). codePointIndex() bridges the two.
import { el } from "./common.js";

/** Map from code point offset to UTF-16 offset for `text` (length: code points + 1). */
export function codePointIndex(text) {
  const index = [];
  let u = 0;
  for (const ch of text) {
    index.push(u);
    u += ch.length;
  }
  index.push(u);
  return index;
}

/**
 * Split `text` at the boundaries of `spans` ({start, end, ...} in code points).
 * Returns [{start, end, spans}] in UTF-16 offsets covering the whole text, where `spans`
 * lists the input spans covering that piece. Spans out of range are clipped; empty or
 * inverted ones are dropped.
 */
export function segments(text, spans) {
  const index = codePointIndex(text);
  const n = index.length - 1;
  const clean = spans
    .map((s) => ({ s, a: Math.max(0, Math.min(n, s.start | 0)), b: Math.max(0, Math.min(n, s.end | 0)) }))
    .filter((x) => x.b > x.a);
  const cuts = new Set([0, n]);
  for (const x of clean) {
    cuts.add(x.a);
    cuts.add(x.b);
  }
  const points = [...cuts].sort((p, q) => p - q);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const covering = clean.filter((x) => x.a <= a && x.b >= b).map((x) => x.s);
    out.push({ start: index[a], end: index[b], spans: covering });
  }
  return out;
}

/**
 * Render `text` into `container` with spans highlighted. Each span may carry
 * `className`, `title` and `href`; a piece covered by several spans takes all their
 * classes and the first span's link. Returns the first element of `focus` (a span object
 * from `spans`), if any, for scrolling to it.
 */
export function renderHighlighted(container, text, spans, focus = null) {
  container.replaceChildren();
  let focusNode = null;
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    if (seg.spans.length === 0) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const classes = seg.spans.map((s) => s.className).filter(Boolean).join(" ");
    const titles = seg.spans.map((s) => s.title).filter(Boolean).join("\n");
    const linked = seg.spans.find((s) => s.href);
    const node = linked
      ? el("a", { class: classes, title: titles || undefined, href: linked.href }, piece)
      : el("mark", { class: classes, title: titles || undefined }, piece);
    if (focus && !focusNode && seg.spans.includes(focus)) focusNode = node;
    container.append(node);
  }
  return focusNode;
}

/**
 * The part of `text` around the code point span [start, end): up to `context` code points
 * each side, cut at word boundaries. Returns {text, start, end, cutBefore, cutAfter} where
 * start/end locate the span inside the excerpt in code points.
 */
export function excerpt(text, start, end, context = 280) {
  const chars = Array.from(text);
  let a = Math.max(0, start - context);
  let b = Math.min(chars.length, end + context);
  while (a > 0 && a < start && !/\s/.test(chars[a - 1])) a++;
  while (b < chars.length && b > end && !/\s/.test(chars[b])) b--;
  return {
    text: chars.slice(a, b).join(""),
    start: start - a,
    end: end - a,
    cutBefore: a > 0,
    cutAfter: b < chars.length,
  };
}
