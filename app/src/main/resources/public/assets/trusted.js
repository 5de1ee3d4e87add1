'use strict';
// Trusted queries on the chat page (issue 12): an engineer saves an answered question, with the SQL it was answered
// with and the parameters they mark (name, type, value as written in the question), as a trusted query; anyone
// edits the parameters of a "Consulta verificada" answer and asks it again with the new values.
const DGTrusted = (() => {
  const { el, api } = DG;
  let engineer = null;

  /** Whether the user is an engineer (asked once; false when the App has no roles). */
  async function isEngineer() {
    if (engineer === null) {
      engineer = api('/api/me/roles').then(r => !!(r && r.engineer)).catch(() => false);
    }
    return engineer;
  }

  function paramRow() {
    const type = el('select', { class: 'tq-type', 'aria-label': 'Tipo' },
      ['texto', 'entero', 'número', 'fecha'].map(t => el('option', { value: t, text: t })));
    return el('div', { class: 'tq-param' },
      el('input', { class: 'tq-name', placeholder: 'nombre (p. ej. region)', 'aria-label': 'Nombre del parámetro', maxlength: 40 }),
      type,
      el('input', { class: 'tq-value', placeholder: 'valor tal como aparece en la pregunta', 'aria-label': 'Valor', maxlength: 100 }));
  }

  /** The "Guardar como consulta verificada" and "Añadir al benchmark" actions of an answer, shown only to engineers; null when not applicable. */
  function action(question, answer) {
    if (!question || !answer || !answer.sql || !answer.sql.length || answer.mode === 'refused' || answer.mode === 'trusted') {
      return null;
    }
    const box = el('div', { class: 'trusted-save', hidden: true });
    isEngineer().then(yes => { box.hidden = !yes; });
    const title = el('input', { class: 'tq-title', value: question, maxlength: 200, 'aria-label': 'Título' });
    const params = el('div', { class: 'tq-params' });
    const msg = el('span', { class: 'muted tq-msg' });
    const form = el('div', { class: 'tq-form', hidden: true },
      el('label', {}, 'Título ', title), params,
      el('button', { type: 'button', class: 'secondary tq-add', text: 'Añadir parámetro', onclick: () => params.append(paramRow()) }),
      el('button', { type: 'button', class: 'tq-save', text: 'Guardar', onclick: async () => {
        const marked = [...params.querySelectorAll('.tq-param')].map(r => ({
          name: r.querySelector('.tq-name').value.trim(), type: r.querySelector('.tq-type').value,
          value: r.querySelector('.tq-value').value.trim() })).filter(p => p.name || p.value);
        try {
          await api('/api/trusted-queries', { method: 'POST',
            json: { question, sql: answer.sql[answer.sql.length - 1], title: title.value, params: marked } });
          msg.textContent = 'Guardada como consulta verificada.';
          form.hidden = true;
        } catch (e) { msg.textContent = e.message; }
      } }));
    // Issue 14: the answered question and its last SQL become a benchmark item; the App runs the SQL when saving and
    // says when the item is kept but flagged (its SQL failed), so it is never scored.
    const bench = el('button', { type: 'button', class: 'secondary bench-add', text: 'Añadir al benchmark', onclick: async () => {
      try {
        const r = await api('/api/benchmarks', { method: 'POST', json: { question, sql: answer.sql[answer.sql.length - 1] } });
        msg.textContent = r.status === 'ok' ? 'Añadida al banco de preguntas.'
          : 'Guardada, pero marcada (no se puntuará): ' + r.problem;
      } catch (e) { msg.textContent = e.message; }
    } });
    box.append(el('button', { type: 'button', class: 'secondary tq-open', text: 'Guardar como consulta verificada',
      onclick: () => { form.hidden = !form.hidden; } }), bench, form, msg);
    return box;
  }

  const PARAM = /\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;
  /** What a value of each parameter type must look like before it is sent (the server checks it again). */
  const CHECKS = { entero: /^-?\d{1,18}$/, 'número': /^-?\d+([.,]\d+)?$/,
    fecha: /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})$/ };

  /**
   * The parameters of a "Consulta verificada" answer as editable fields; a new value asks the trusted query's own
   * pattern with it (the server validates it against the table's values and type, and the guard checks the SQL).
   * Null when the answer has no parameters.
   */
  function editor(answer, rerun) {
    const t = answer && answer.mode === 'trusted' ? answer.trusted : null;
    if (!t || !t.pattern || !t.params || !t.params.length) return null;
    const inputs = t.params.map(p => el('input', { class: 'tq-run-value', value: p.value, 'data-name': p.name,
      'aria-label': p.name + ' (' + p.type + ')', maxlength: 100 }));
    const msg = el('span', { class: 'muted tq-run-msg', role: 'status' });
    const form = el('form', { class: 'tq-run' }, el('span', { text: 'Parámetros:' }),
      t.params.map((p, i) => el('label', {}, p.name + ' (' + p.type + ') ', inputs[i])),
      el('button', { type: 'submit', class: 'secondary tq-rerun', text: 'Volver a calcular' }), msg);
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const values = {};
      for (let i = 0; i < t.params.length; i++) {
        const p = t.params[i];
        const v = inputs[i].value.trim();
        const check = CHECKS[p.type];
        if (!v || (check && !check.test(v))) {
          msg.textContent = 'El valor de ' + p.name + ' no es un ' + p.type + ' válido.';
          return;
        }
        values[p.name] = v;
      }
      msg.textContent = '';
      rerun(t.pattern.replace(PARAM, (m, name) => values[name] !== undefined ? values[name] : m));
    });
    return form;
  }

  return { action, editor };
})();
