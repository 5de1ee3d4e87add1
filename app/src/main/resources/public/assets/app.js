'use strict';
// Shared helpers of the datagent pages. Everything the server sends is put into the page as text, never as HTML.
const DG = (() => {
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    if (opts.json !== undefined) {
      opts.body = JSON.stringify(opts.json);
      opts.headers['Content-Type'] = 'application/json';
      delete opts.json;
    }
    const res = await fetch(path, opts);
    if (res.status === 204) return null;
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = new Error((body && body.error) || ('Error ' + res.status));
      err.status = res.status;
      throw err;
    }
    return body;
  }

  const STATUS = {
    LOADED: 'Cargado', PARTIAL: 'Cargado con filas en cuarentena', FAILED: 'Con error',
    SKIPPED_DUPLICATE: 'Sin cambios (ya estaba cargado)', QUEUED: 'En cola', RUNNING: 'Cargando'
  };
  const statusLabel = s => STATUS[s] || s || '';

  function fmtDate(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString('es-AR', { dateStyle: 'short', timeStyle: 'short' });
  }

  function fmtValue(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return v.toLocaleString('es-AR', { maximumFractionDigits: 4 });
    if (typeof v === 'boolean') return v ? 'sí' : 'no';
    return String(v);
  }

  const NUMERIC = /^(tinyint|smallint|int|integer|bigint|long|short|byte|float|double|real|decimal|numeric)/i;
  const isNumericType = t => NUMERIC.test(String(t || ''));

  /** A result ({columns, types, rows, truncated}) as a table; at most maxRows rows. */
  function grid(result, maxRows) {
    const table = el('table', { class: 'grid' });
    const types = result.types || [];
    table.append(el('thead', {}, el('tr', {}, result.columns.map((c, i) =>
      el('th', { class: isNumericType(types[i]) ? 'num' : null, title: types[i] || null, text: c })))));
    const body = el('tbody');
    result.rows.slice(0, maxRows || 100).forEach(r => body.append(el('tr', {}, r.map((v, i) =>
      el('td', { class: isNumericType(types[i]) || typeof v === 'number' ? 'num' : null, text: fmtValue(v) })))));
    table.append(body);
    return table;
  }

  async function init() {
    try {
      const me = await api('/api/me');
      const user = document.getElementById('user');
      if (user) user.textContent = me.name && me.name !== me.email ? me.name + ' · ' + me.email : me.email;
    } catch (e) { /* the page shows its own errors */ }
    try {
      // the Monitor is the engineers' page: the link shows only to them
      const roles = await api('/api/me/roles');
      const nav = document.getElementById('nav-monitor');
      if (nav && roles && roles.engineer) nav.hidden = false;
    } catch (e) { /* no monitor in this App */ }
  }
  document.addEventListener('DOMContentLoaded', init);

  return { el, api, statusLabel, fmtDate, fmtValue, grid, isNumericType };
})();
