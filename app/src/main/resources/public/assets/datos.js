'use strict';
// The Datos page: tables with their descriptions and documented columns, a preview, the upload form with the
// progress and result of its ingestion, and the ingestion history.
(() => {
  const { el, api } = DG;
  const $ = id => document.getElementById(id);
  let current = null;

  async function loadTables() {
    try {
      const tables = await api('/api/tables');
      $('tables').replaceChildren(...(tables.length ? tables.map(t => el('li', { 'data-table': t.name, class: t.name === current ? 'current' : null },
        el('button', { type: 'button', class: 'link', onclick: () => showTable(t.name) },
          el('strong', { text: t.name }), t.description ? el('span', { class: 'muted', text: t.description }) : null)))
        : [el('li', { class: 'muted', text: 'Todavía no hay tablas: sube un archivo.' })]));
      const select = $('upload-dataset');
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '', text: 'Tabla nueva (con el nombre del archivo)' }),
        ...tables.map(t => el('option', { value: t.name, text: 'Añadir a ' + t.name })));
      select.value = chosen;
    } catch (e) {
      $('tables').replaceChildren(el('li', { class: 'error', text: e.message }));
    }
  }

  async function showTable(name) {
    current = name;
    document.querySelectorAll('#tables li').forEach(li => li.classList.toggle('current', li.dataset.table === name));
    $('table-detail').hidden = false;
    $('table-name').textContent = name;
    $('table-description').textContent = 'Cargando…';
    $('table-columns').replaceChildren();
    $('table-preview').replaceChildren();
    try {
      const t = await api('/api/tables/' + encodeURIComponent(name));
      $('table-name').textContent = t.fullName;
      $('table-description').textContent = t.description || 'Sin descripción.';
      $('table-columns').replaceWith(Object.assign(DG.grid({ columns: ['Columna', 'Tipo', 'Descripción'], types: [],
        rows: t.columns.map(c => [c.name, c.type, c.comment || '']) }, 500), { id: 'table-columns' }));
      showModel(name);
      const p = await api('/api/tables/' + encodeURIComponent(name) + '/preview?limit=20');
      $('table-preview').replaceWith(Object.assign(DG.grid(p, 20), { id: 'table-preview' }));
    } catch (e) {
      $('table-description').textContent = e.message;
    }
  }

  // The table's semantic model: measures (unit, aggregation), dimensions (grains, values), synonyms, the YAML.
  async function showModel(name) {
    const box = $('table-model');
    box.hidden = true;
    let m;
    try {
      m = await api('/api/tables/' + encodeURIComponent(name) + '/modelo');
    } catch (e) {
      return; // no model: the section stays hidden
    }
    if (current !== name) return;
    const list = xs => (xs || []).join(', ');
    $('model-summary').textContent = m.measures.length + ' medida(s), ' + m.dimensions.length + ' dimensión(es); '
      + 'cada fila es un elemento de «' + m.rowNoun + '»; índice de valores: ' + m.valueIndexSize + ' valor(es). '
      + (m.origin === 'archivo' ? 'Guardado por la ingesta (con los ajustes del ingeniero, si los hay).'
        : 'Derivado ahora de la tabla (la ingesta todavía no lo guardó).');
    $('model-yaml').href = '/api/tables/' + encodeURIComponent(name) + '/modelo.yaml';
    $('model-yaml').setAttribute('download', name + '.yaml');
    $('model-measures').replaceWith(Object.assign(DG.grid({ columns: ['Medida', 'Nombre', 'Agregación', 'Unidad', 'Sinónimos'],
      types: [], rows: m.measures.map(x => [x.name, x.displayName || '', x.aggregation + ' · ' + x.expr, x.unit || '',
        list(x.synonyms)]) }, 500), { id: 'model-measures' }));
    $('model-dimensions').replaceWith(Object.assign(DG.grid({ columns: ['Dimensión', 'Nombre', 'Tipo', 'Granos', 'Valores',
      'Sinónimos'], types: [], rows: m.dimensions.map(d => [d.name, d.displayName || '', d.kind,
      list(d.grains), d.values ? d.values + ' (' + list(d.sampleValues) + (d.values > d.sampleValues.length ? '…' : '') + ')' : '',
      list(d.synonyms)]) }, 500), { id: 'model-dimensions' }));
    box.hidden = false;
  }

  async function loadIngestions() {
    try {
      const log = await api('/api/ingestions?limit=50');
      const rows = log.entries.map(e => [DG.fmtDate(e.endedAt || e.startedAt), e.file, e.table || e.dataset || '',
        DG.statusLabel(e.status), e.rowsLoaded, e.rowsQuarantined, e.message || '']);
      $('ingestions').replaceWith(Object.assign(DG.grid({ columns: ['Fecha', 'Archivo', 'Tabla', 'Estado', 'Filas cargadas',
        'En cuarentena', 'Detalle'], types: ['', '', '', '', 'bigint', 'bigint', ''], rows }, 50), { id: 'ingestions' }));
    } catch (e) {
      $('ingestions').replaceChildren(el('caption', { class: 'error', text: e.message }));
    }
  }

  function showUpload(u) {
    const box = $('upload-status');
    box.hidden = false;
    box.className = 'upload-status ' + String(u.status).toLowerCase();
    box.dataset.status = u.status;
    const files = (u.files || []).map(f => el('li', {},
      el('strong', { text: f.file }), ' → ', f.table || '', ': ', DG.statusLabel(f.status), '. ',
      f.message || '', f.rowsQuarantined ? el('span', { class: 'muted', text: ' (' + f.rowsQuarantined + ' filas en cuarentena)' }) : null));
    box.replaceChildren(
      el('p', {}, el('strong', { text: u.fileName }), ' — ', el('span', { class: 'state', text: DG.statusLabel(u.status) })),
      u.status === 'QUEUED' || u.status === 'RUNNING' ? el('p', { class: 'muted progress', text: u.progress || '' }) : null,
      u.status !== 'QUEUED' && u.status !== 'RUNNING' ? el('p', { class: 'result', text:
        (u.message || '') + ' Filas cargadas: ' + (u.rowsLoaded || 0) + '; en cuarentena: ' + (u.rowsQuarantined || 0) + '.' }) : null,
      files.length ? el('ul', {}, files) : null,
      el('p', { class: 'muted', text: 'Guardado en ' + (u.volumePath || '') }));
  }

  async function follow(id) {
    for (;;) {
      const u = await api('/api/uploads/' + encodeURIComponent(id));
      showUpload(u);
      if (u.status !== 'QUEUED' && u.status !== 'RUNNING') {
        await loadTables();
        await loadIngestions();
        const table = (u.files || []).map(f => f.table).find(Boolean);
        if (table) showTable(table);
        return;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  async function upload(ev) {
    ev.preventDefault();
    const file = $('upload-file').files[0];
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    data.append('dataset', $('upload-dataset').value);
    $('upload-submit').disabled = true;
    try {
      const u = await api('/api/uploads', { method: 'POST', body: data });
      showUpload(u);
      await follow(u.id);
      $('upload-form').reset();
    } catch (e) {
      const box = $('upload-status');
      box.hidden = false;
      box.className = 'upload-status failed';
      box.dataset.status = 'REFUSED';
      box.replaceChildren(el('p', { class: 'error', text: e.message }));
    } finally {
      $('upload-submit').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('upload-form').addEventListener('submit', upload);
    try {
      const me = await api('/api/me');
      if (me.uploadMaxBytes) $('upload-max').textContent = Math.round(me.uploadMaxBytes / 1e6);
    } catch (e) { /* shown elsewhere */ }
    await loadTables();
    loadIngestions();
    const wanted = new URLSearchParams(location.search).get('tabla');
    if (wanted) showTable(wanted);
  });
})();
