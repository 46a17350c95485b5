// DOM helpers every screen uses: a query, an element factory, CV words isolated in <bdi>, and a polite
// announcement for screen readers. Nothing here knows a screen.

/** The first element matching `sel` in the page. */
export const $ = (sel) => document.querySelector(sel);

/** All elements matching `sel`, as an array. */
export const $$ = (sel) => [...document.querySelectorAll(sel)];

/**
 * A new element: `props` sets `class`, `text`, `on<event>` listeners and attributes (`true` is an empty
 * attribute; `null`, `undefined` and `false` leave it out); `children` are nodes or strings (null skipped).
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
};

/**
 * A message of the engine as nodes: the CV's own words isolated in <bdi>, so their direction never
 * disturbs the sentence around them (bidi decided once, in the engine's segments).
 * @param {import('../types/commands').Segment[]} segments
 */
export const said = (segments) => segments.map((s) => (s.cv ? el('bdi', { text: s.text }) : s.text));

/** Says `text` to screen readers without moving the focus (the page's one polite live region). */
export function announce(text) {
  $('#announce').textContent = '';
  requestAnimationFrame(() => { $('#announce').textContent = text; });
}
