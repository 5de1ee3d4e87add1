'use strict';
// Charts for answers, drawn as SVG without libraries: a line chart when the result is a series over time, a bar
// chart when it is a ranking (one label column and a number). Anything else gets no chart.
const DGChart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    return n;
  };
  const DATE = /^\d{4}-\d{2}(-\d{2})?([T ].*)?$/;
  const TIME_NAMES = /(fecha|mes|anio|año|ano|periodo|dia|semana|trimestre|year|month|date)/i;

  function shape(result) {
    if (!result || !result.rows || result.rows.length < 2 || result.columns.length < 2) return null;
    const types = result.types || [];
    const isNumberColumn = i => {
      const values = result.rows.map(r => r[i]).filter(v => v !== null && v !== undefined);
      return values.length > 0 && values.every(v => typeof v === 'number');
    };
    let label = result.columns.findIndex((c, i) => !isNumberColumn(i));
    if (label < 0 && TIME_NAMES.test(result.columns[0])) label = 0; // e.g. a year as a number
    if (label < 0) return null;
    const numeric = result.columns.map((c, i) => i).filter(i => i !== label && isNumberColumn(i));
    if (numeric.length === 0) return null;
    const labels = result.rows.map(r => String(r[label] ?? ''));
    const series = /date|timestamp/i.test(types[label] || '') || labels.every(l => DATE.test(l))
      || TIME_NAMES.test(result.columns[label]);
    return { label, numeric: numeric.slice(0, 3), series };
  }

  function line(result, s) {
    const rows = result.rows.slice().sort((a, b) => String(a[s.label]).localeCompare(String(b[s.label])));
    const W = 640, H = 260, L = 56, B = 36, T = 12, R = 12;
    const values = rows.flatMap(r => s.numeric.map(i => r[i])).filter(v => typeof v === 'number');
    let min = Math.min(0, ...values), max = Math.max(...values);
    if (max === min) max = min + 1;
    const x = i => L + (rows.length === 1 ? 0 : i * (W - L - R) / (rows.length - 1));
    const y = v => T + (H - T - B) * (1 - (v - min) / (max - min));
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
    axes(svg, W, H, L, B, T, R, min, max, y);
    s.numeric.forEach((col, k) => {
      const pts = rows.map((r, i) => typeof r[col] === 'number' ? `${x(i).toFixed(1)},${y(r[col]).toFixed(1)}` : null).filter(Boolean);
      svg.append(svgEl('polyline', { points: pts.join(' '), class: 'line s' + k }));
    });
    const step = Math.max(1, Math.ceil(rows.length / 8));
    rows.forEach((r, i) => {
      if (i % step) return;
      const t = svgEl('text', { x: x(i), y: H - B + 16, class: 'tick', 'text-anchor': 'middle' });
      t.textContent = String(r[s.label]).slice(0, 10);
      svg.append(t);
    });
    return wrap(svg, s.numeric.map(i => result.columns[i]));
  }

  function bars(result, s) {
    const col = s.numeric[0];
    const rows = result.rows.filter(r => typeof r[col] === 'number').sort((a, b) => b[col] - a[col]).slice(0, 15);
    const W = 640, rowH = 22, L = 180, R = 70, H = rows.length * rowH + 8;
    const max = Math.max(...rows.map(r => Math.abs(r[col])), 1);
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
    rows.forEach((r, i) => {
      const w = Math.max(1, (W - L - R) * Math.abs(r[col]) / max);
      const yTop = 4 + i * rowH;
      const name = svgEl('text', { x: L - 6, y: yTop + 15, class: 'tick', 'text-anchor': 'end' });
      name.textContent = String(r[s.label] ?? '').slice(0, 28);
      const value = svgEl('text', { x: L + w + 4, y: yTop + 15, class: 'tick' });
      value.textContent = DG.fmtValue(r[col]);
      svg.append(name, svgEl('rect', { x: L, y: yTop + 3, width: w.toFixed(1), height: rowH - 6, class: 'bar' }), value);
    });
    return wrap(svg, [result.columns[col]]);
  }

  function axes(svg, W, H, L, B, T, R, min, max, y) {
    svg.append(svgEl('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
    svg.append(svgEl('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'axis' }));
    for (let k = 0; k <= 4; k++) {
      const v = min + (max - min) * k / 4;
      const t = svgEl('text', { x: L - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' });
      t.textContent = DG.fmtValue(Math.round(v * 100) / 100);
      svg.append(t, svgEl('line', { x1: L, y1: y(v), x2: W - R, y2: y(v), class: 'gridline' }));
    }
  }

  function wrap(svg, names) {
    const legend = DG.el('div', { class: 'legend' }, names.map((n, k) => DG.el('span', { class: 'key s' + k, text: n })));
    return DG.el('figure', { class: 'chart-box' }, svg, legend);
  }

  /** A chart element for the result, or null when it is neither a series nor a ranking. */
  function forResult(result) {
    const s = shape(result);
    if (!s) return null;
    return s.series ? line(result, s) : bars(result, s);
  }

  return { forResult, shape };
})();
