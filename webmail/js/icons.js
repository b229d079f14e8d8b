// Line icons drawn inline (no icon font, nothing fetched). Paths after Feather and Lucide (MIT/ISC).
import { h } from './dom.js';

const P = (d) => ({ d });
const ICONS = {
  home: [P('M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z')],
  mail: [{ rect: [3, 5, 18, 14, 2] }, P('m3 7 9 6 9-6')],
  'mail-open': [P('M21.2 8.4c.5.38.8.97.8 1.6v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V10a2 2 0 0 1 .8-1.6l8-6a2 2 0 0 1 2.4 0z'), P('m22 10-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 10')],
  inbox: [P('M22 12h-6l-2 3h-4l-2-3H2'), P('M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z')],
  send: [P('M22 2 11 13'), P('M22 2 15 22l-4-9-9-4z')],
  draft: [P('M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z'), P('M14 2v6h6'), P('M16 13H8'), P('M16 17H8')],
  trash: [P('M3 6h18'), P('M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6'), P('M10 11v6'), P('M14 11v6'), P('M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2')],
  folder: [P('M22 19a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h5l2 3h9a2 2 0 0 1 2 2z')],
  archive: [{ rect: [2, 3, 20, 5, 1] }, P('M4 8v11a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8'), P('M10 12h4')],
  junk: [P('M7.86 2h8.28L22 7.86v8.28L16.14 22H7.86L2 16.14V7.86z'), P('M12 8v4'), P('M12 16h.01')],
  star: [P('M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01z')],
  reply: [P('M9 17 4 12l5-5'), P('M20 18v-2a4 4 0 0 0-4-4H4')],
  'reply-all': [P('M7 17 2 12l5-5'), P('M12 17l-5-5 5-5'), P('M22 18v-2a4 4 0 0 0-4-4H7')],
  forward: [P('M15 17l5-5-5-5'), P('M4 18v-2a4 4 0 0 1 4-4h12')],
  paperclip: [P('M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48')],
  search: [{ circle: [11, 11, 8] }, P('M21 21l-4.35-4.35')],
  settings: [P('M4 21v-7'), P('M4 10V3'), P('M12 21v-9'), P('M12 8V3'), P('M20 21v-5'), P('M20 12V3'), P('M1 14h6'), P('M9 8h6'), P('M17 16h6')],
  shield: [P('M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z')],
  users: [P('M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2'), { circle: [9, 7, 4] }, P('M23 21v-2a4 4 0 0 0-3-3.87'), P('M16 3.13a4 4 0 0 1 0 7.75')],
  package: [P('M16.5 9.4 7.55 4.24'), P('M21 16V8a2 2 0 0 0-1-1.73l-7-4a2 2 0 0 0-2 0l-7 4A2 2 0 0 0 3 8v8a2 2 0 0 0 1 1.73l7 4a2 2 0 0 0 2 0l7-4A2 2 0 0 0 21 16z'), P('M3.27 6.96 12 12.01l8.73-5.05'), P('M12 22.08V12')],
  list: [P('M8 6h13'), P('M8 12h13'), P('M8 18h13'), P('M3 6h.01'), P('M3 12h.01'), P('M3 18h.01')],
  grid: [{ rect: [3, 3, 7, 7, 1] }, { rect: [14, 3, 7, 7, 1] }, { rect: [14, 14, 7, 7, 1] }, { rect: [3, 14, 7, 7, 1] }],
  pencil: [P('M12 20h9'), P('M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4z')],
  menu: [P('M3 12h18'), P('M3 6h18'), P('M3 18h18')],
  x: [P('M18 6 6 18'), P('M6 6l12 12')],
  'chevron-left': [P('M15 18l-6-6 6-6')],
  'chevron-down': [P('M6 9l6 6 6-6')],
  'arrow-up': [P('M12 19V5'), P('M5 12l7-7 7 7')],
  'arrow-down': [P('M12 5v14'), P('M19 12l-7 7-7-7')],
  refresh: [P('M23 4v6h-6'), P('M20.49 15a9 9 0 1 1-2.12-9.36L23 10')],
  image: [{ rect: [3, 3, 18, 18, 2] }, { circle: [8.5, 8.5, 1.5] }, P('M21 15l-5-5L5 21')],
  download: [P('M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'), P('M7 10l5 5 5-5'), P('M12 15V3')],
  logout: [P('M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4'), P('M16 17l5-5-5-5'), P('M21 12H9')],
  move: [P('M2 9V5a2 2 0 0 1 2-2h3.9a2 2 0 0 1 1.69.9l.81 1.2a2 2 0 0 0 1.67.9H20a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-1'), P('M2 13h10'), P('m9 16 3-3-3-3')],
  megaphone: [P('M3 11l18-5v12L3 14v-3z'), P('M11.6 16.8a3 3 0 1 1-5.8-1.6')],
  keyboard: [{ rect: [2, 4, 20, 16, 2] }, P('M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10')],
  check: [P('M20 6 9 17l-5-5')],
  plus: [P('M12 5v14'), P('M5 12h14')],
  more: [{ circle: [12, 5, 1] }, { circle: [12, 12, 1] }, { circle: [12, 19, 1] }],
  lock: [{ rect: [3, 11, 18, 11, 2] }, P('M7 11V7a5 5 0 0 1 10 0v4')],
  globe: [{ circle: [12, 12, 10] }, P('M2 12h20'), P('M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z')],
  alert: [P('M10.29 3.86 1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0z'), P('M12 9v4'), P('M12 17h.01')],
  user: [P('M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2'), { circle: [12, 7, 4] }],
};

/**
 * An SVG icon, hidden from assistive technology unless given a label.
 * @param {string} name key of ICONS
 * @param {{label?: string, className?: string}} [options]
 */
export function icon(name, options = {}) {
  const shapes = ICONS[name] ?? ICONS.folder;
  const svg = h('svg:svg', {
    class: ['icon', options.className].filter(Boolean).join(' '),
    viewBox: '0 0 24 24',
    fill: name === 'star' && options.filled ? 'currentColor' : 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': options.label ? null : 'true',
    role: options.label ? 'img' : null,
    'aria-label': options.label ?? null,
    focusable: 'false',
  });
  for (const shape of shapes) {
    if (shape.d) svg.append(h('svg:path', { d: shape.d }));
    else if (shape.rect) {
      const [x, y, width, height, rx] = shape.rect;
      svg.append(h('svg:rect', { x, y, width, height, rx }));
    } else if (shape.circle) {
      const [cx, cy, r] = shape.circle;
      svg.append(h('svg:circle', { cx, cy, r }));
    }
  }
  return svg;
}
