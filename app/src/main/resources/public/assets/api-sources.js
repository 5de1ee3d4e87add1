'use strict';
// The Datos page's "Fuentes API" section: each REST API source with its endpoints and tables, its last run, its
// high-water mark and its latest errors (source, page, field), as GET /api/api-sources reports them.
(() => {
  const { el, api } = DG;
  const $ = id => document.getElementById(id);
  const RUN = { LOADED: 'Cargada', FAILED: 'Con error' };
  const num = v => (v === null || v === undefined) ? '—' : DG.fmtValue(v);

  function lastRun(r) {
    if (!r) return el('p', { class: 'muted last-run', text: 'Todavía no se ha ejecutado.' });
    return el('p', { class: 'last-run' + (r.status === 'FAILED' ? ' error' : '') },
      'Última ejecución: ', el('strong', { text: RUN[r.status] || r.status || '' }),
      ' · ' + DG.fmtDate(r.at) + ' · ejecución ' + r.run + ' · ' + num(r.pages) + ' página(s), ' + num(r.records)
      + ' registro(s) recibidos, ' + num(r.loaded) + ' cargados' + (r.quarantined ? ', ' + num(r.quarantined) + ' en cuarentena' : ''));
  }

  function endpoints(s) {
    const byTable = {};
    ((s.lastRun && s.lastRun.tables) || []).forEach(t => { byTable[t.table] = t; });
    return DG.grid({ columns: ['Endpoint', 'Tabla', 'Estado', 'Páginas', 'Registros', 'Cargados', 'Detalle'],
      types: ['', '', '', 'bigint', 'bigint', 'bigint', ''],
      rows: s.endpoints.map(e => {
        const t = byTable[e.table] || {};
        return [e.path, e.table, DG.statusLabel(t.status), t.pages, t.records, t.loaded, t.message || ''];
      }) }, 100);
  }

  function errors(s) {
    if (!s.errors.length) return el('p', { class: 'muted', text: 'Sin errores en la última ejecución ni registros en cuarentena.' });
    return DG.grid({ columns: ['Fecha', 'Fuente', 'Ejecución', 'Tabla', 'Página', 'Registro', 'Campo', 'Valor', 'Motivo'],
      types: ['', '', '', '', 'int', 'int', '', '', ''],
      rows: s.errors.map(e => [DG.fmtDate(e.at), e.source, e.run || '', e.table || '', e.page, e.record, e.field || '',
        e.value || '', e.reason]) }, 20);
  }

  function source(s) {
    const box = el('article', { class: 'api-source', 'data-source': s.name },
      el('h3', { text: s.name }),
      el('p', { class: 'muted' }, (s.baseUrl || '') + ' · definida en api/_sources/' + s.file));
    if (s.invalid) {
      box.append(el('p', { class: 'error', text: s.invalid }));
      return box;
    }
    box.append(lastRun(s.lastRun),
      el('p', { class: 'hwm' }, 'Marca de agua: ', el('code', { text: s.highWaterMark || 'sin marca (carga completa)' })),
      el('div', { class: 'scroll' }, endpoints(s)),
      el('h4', { text: 'Últimos errores' }),
      el('div', { class: 'scroll errors' }, errors(s)));
    return box;
  }

  async function load() {
    const list = $('api-sources');
    try {
      const r = await api('/api/api-sources');
      list.replaceChildren(...(r.sources.length ? r.sources.map(source)
        : [el('p', { class: 'muted', text: 'No hay fuentes API. Se definen con un archivo YAML en api/_sources (./agent ingest-api --source ARCHIVO.yml).' })]));
    } catch (e) {
      list.replaceChildren(el('p', { class: 'error', text: e.message }));
    }
  }

  document.addEventListener('DOMContentLoaded', load);
})();
