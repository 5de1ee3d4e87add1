'use strict';
// The chat page: asks over a streamed response (server-sent events read with fetch), renders the answer with its
// SQL, result table, chart and sources, keeps the conversation list, and sends thumbs up/down with a comment.
(() => {
  const { el, api } = DG;
  let conversationId = null;
  let busy = false;
  const $ = id => document.getElementById(id);

  function inline(text) {
    // **bold** and `code`; everything else stays text
    const out = [];
    text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach(part => {
      if (/^\*\*[^*]+\*\*$/.test(part)) out.push(el('strong', { text: part.slice(2, -2) }));
      else if (/^`[^`]+`$/.test(part)) out.push(el('code', { text: part.slice(1, -1) }));
      else if (part) out.push(part);
    });
    return out;
  }

  function markdown(text) {
    const box = el('div', { class: 'answer-text' });
    // fenced code first (it may hold blank lines), then paragraphs, lists and headings
    (text || '').split(/```[a-zA-Z]*\n([\s\S]*?)```/).forEach((part, i) => {
      if (i % 2 === 1) box.append(el('pre', {}, el('code', { text: part.replace(/\n$/, '') })));
      else blocks(part, box);
    });
    return box;
  }

  const LIST_ITEM = /^\s*([-*]|\d+\.)\s+/;

  function blocks(text, box) {
    text.split(/\n\s*\n/).forEach(block => {
      const lines = block.split('\n').filter(l => l.trim() !== '');
      let list = null;
      let para = null;
      lines.forEach(line => {
        if (LIST_ITEM.test(line)) {
          para = null;
          if (!list) {
            list = el(/^\s*\d+\./.test(line) ? 'ol' : 'ul');
            box.append(list);
          }
          list.append(el('li', {}, inline(line.replace(LIST_ITEM, ''))));
        } else if (/^#{1,4}\s/.test(line)) {
          list = para = null;
          box.append(el('h3', {}, inline(line.replace(/^#+\s/, ''))));
        } else {
          list = null;
          if (para) para.append(el('br'));
          else { para = el('p'); box.append(para); }
          para.append(...inline(line));
        }
      });
    });
  }

  function sourceItem(s) {
    const parts = [];
    if (s.table) parts.push('tabla ' + s.table);
    if (s.sourceFile) parts.push('archivo ' + s.sourceFile);
    if (s.sourceRow !== null && s.sourceRow !== undefined) parts.push('fila ' + s.sourceRow);
    return el('li', {}, el('span', { class: 'source-ref', text: parts.join(' · ') || s.kind || 'fuente' }),
      s.excerpt ? el('q', { class: 'excerpt', text: s.excerpt }) : null);
  }

  function feedback(traceId) {
    const box = el('div', { class: 'feedback' });
    if (!traceId) return box;
    let rating = null;
    const thanks = el('span', { class: 'muted', text: '' });
    const comment = el('textarea', { rows: 2, maxlength: 2000, placeholder: 'Comentario (opcional)', class: 'fb-comment' });
    const sendComment = el('button', { type: 'button', class: 'secondary fb-send', text: 'Enviar comentario' });
    const commentBox = el('div', { class: 'fb-more', hidden: true }, comment, sendComment);
    const send = async (withComment) => {
      try {
        await api('/api/feedback', { method: 'POST', json: { traceId, rating, comment: withComment ? comment.value : null } });
        thanks.textContent = withComment ? '¡Gracias por el comentario!' : '¡Gracias!';
        if (withComment) commentBox.hidden = true;
      } catch (e) { thanks.textContent = e.message; }
    };
    const thumb = (value, label, symbol) => el('button', {
      type: 'button', class: 'thumb', 'aria-label': label, title: label, 'data-rating': value, text: symbol,
      onclick: ev => {
        rating = value;
        box.querySelectorAll('.thumb').forEach(b => b.classList.toggle('chosen', b === ev.currentTarget));
        commentBox.hidden = false;
        send(false);
      }
    });
    sendComment.addEventListener('click', () => send(true));
    box.append(el('span', { class: 'muted', text: '¿Te sirvió?' }), thumb('up', 'Útil', '✓ Útil'), thumb('down', 'No útil', '✗ No útil'),
      thanks, commentBox);
    return box;
  }

  function renderAnswer(box, a, question) {
    box.replaceChildren();
    box.classList.toggle('refused', a.mode === 'refused');
    box.append(markdown(a.answer));
    const params = DGTrusted.editor(a, ask);
    if (params) box.append(params);
    if (a.notice) box.append(el('p', { class: 'notice', text: a.notice }));
    if (a.error) box.append(el('p', { class: 'error', text: a.error }));
    if (a.result && a.result.columns && a.result.columns.length) {
      const chart = DGChart.forResult(a.result);
      if (chart) box.append(chart);
      const n = a.result.rows.length;
      box.append(el('details', { class: 'result', open: n <= 20 || null },
        el('summary', { text: 'Resultado: ' + n + (n === 1 ? ' fila' : ' filas') + (a.result.truncated ? ' (recortado)' : '') }),
        el('div', { class: 'scroll' }, DG.grid(a.result, 200))));
    }
    if (a.sql && a.sql.length) {
      box.append(el('details', { class: 'sql' }, el('summary', { text: 'SQL' }), a.sql.map(s => el('pre', {}, el('code', { text: s })))));
    }
    if (a.sources && a.sources.length) {
      box.append(el('div', { class: 'sources' }, el('h4', { text: 'Fuentes' }), el('ul', {}, a.sources.map(sourceItem))));
    }
    const meta = [a.mode === 'llm' ? 'modelo' : a.mode === 'trusted' ? 'consulta verificada' : a.mode === 'semantic' ? 'sin modelo (calculado con el modelo semántico)'
      : a.mode === 'extractive' ? 'sin modelo (extractivo)' : null,
      a.latencyMs ? (a.latencyMs / 1000).toFixed(1) + ' s' : null].filter(Boolean).join(' · ');
    box.append(...[el('div', { class: 'meta', text: meta }), feedback(a.traceId), DGTrusted.action(question, a)].filter(Boolean));
  }

  function addMessage(role) {
    $('welcome')?.remove();
    const body = el('div', { class: 'body' });
    const msg = el('div', { class: 'message ' + role }, body);
    $('messages').append(msg);
    msg.scrollIntoView({ block: 'end' });
    return body;
  }

  function parseEvents(buffer, onEvent) {
    let idx;
    while ((idx = buffer.indexOf('\n\n')) >= 0) {
      const raw = buffer.slice(0, idx);
      buffer = buffer.slice(idx + 2);
      let event = 'message';
      const data = [];
      raw.split('\n').forEach(line => {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (data.length) onEvent(event, JSON.parse(data.join('\n')));
    }
    return buffer;
  }

  async function ask(question) {
    if (busy) return;
    busy = true;
    $('ask').disabled = true;
    addMessage('user').append(el('p', { text: question }));
    const box = addMessage('assistant');
    const status = el('p', { class: 'status', text: 'Pensando…' });
    const live = el('div', { class: 'answer-text streaming' });
    box.append(status, live);
    try {
      const res = await fetch('/api/ask/stream', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ question, conversationId })
      });
      if (!res.ok) {
        let msg = 'Error ' + res.status;
        try { msg = (await res.json()).error || msg; } catch (e) { /* not JSON */ }
        throw new Error(msg);
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let done = false;
      while (!done) {
        const chunk = await reader.read();
        done = chunk.done;
        buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !done });
        buffer = parseEvents(buffer, (event, data) => {
          if (event === 'conversation') conversationId = data.conversationId;
          else if (event === 'status') status.textContent = data;
          else if (event === 'token') live.textContent += data; // streamed text; the final 'answer' replaces it
          else if (event === 'discard') live.textContent = '';
          else if (event === 'sql') status.textContent = 'Consultando los datos…';
          else if (event === 'tool') status.textContent = 'Usando ' + data.name + '…';
          else if (event === 'answer') renderAnswer(box, data, question);
          else if (event === 'error') { box.replaceChildren(el('p', { class: 'error', text: data.error })); }
        });
      }
      loadConversations();
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error', text: e.message || 'No se pudo obtener la respuesta.' }));
    } finally {
      busy = false;
      $('ask').disabled = false;
      box.parentElement.scrollIntoView({ block: 'end' });
    }
  }

  async function loadConversations() {
    try {
      const list = await api('/api/conversations');
      $('conversations').replaceChildren(...list.map(c => el('li', { class: c.id === conversationId ? 'current' : null },
        el('button', { type: 'button', class: 'link', title: DG.fmtDate(c.updatedAt), text: c.title, onclick: () => open(c.id) }))));
    } catch (e) { /* history is optional */ }
  }

  async function open(id) {
    try {
      const conv = await api('/api/conversations/' + encodeURIComponent(id));
      conversationId = id;
      $('messages').replaceChildren();
      let asked = null;
      conv.messages.forEach(m => {
        if (m.role === 'user') { asked = m.content; addMessage('user').append(el('p', { text: m.content })); }
        else renderAnswer(addMessage('assistant'), Object.assign({ answer: m.content, traceId: m.traceId }, m.payload || {}), asked);
      });
      loadConversations();
    } catch (e) { alert(e.message); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('ask-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const q = $('question').value.trim();
      if (!q) return;
      $('question').value = '';
      ask(q);
    });
    $('question').addEventListener('keydown', ev => {
      if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); $('ask-form').requestSubmit(); }
    });
    $('new-conversation').addEventListener('click', () => { conversationId = null; $('messages').replaceChildren(); loadConversations(); });
    document.querySelectorAll('.example').forEach(b => b.addEventListener('click', () => ask(b.textContent)));
    loadConversations();
  });
})();
