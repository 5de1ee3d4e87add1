"use strict";
// The "Versiones del prompt" section: versions of the agent's system prompt, their aliases and scores; an engineer
// promotes a version to production or rolls production back. Uses el(), when() and fill() from monitor.js.
const PROMPTS = "/api/monitor/prompts";
const KINDS = {seed: "inicial", promote: "promoción", rollback: "vuelta atrás"};

function promptMessage(text, bad) {
  const s = document.getElementById("prompt-status");
  s.textContent = text;
  s.className = bad ? "fail" : "muted";
}

async function promptPost(path, body) {
  const r = await fetch(PROMPTS + path, {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify(body || {})});
  let data = {};
  try { data = await r.json(); } catch (_) { /* not JSON */ }
  if (!r.ok) { promptMessage(data.error || ("Error " + r.status), true); return; }
  await loadPrompts();
  promptMessage(data.message || "Hecho.", false);
}

function aliasPills(aliases) {
  return el("span", {}, ...aliases.map(a => el("span", {class: "pill alias-" + a}, a)));
}

function promptRow(v, listing) {
  const actions = el("div", {class: "row"});
  if (listing.production !== v.version) {
    actions.append(el("button", {class: "promote", "data-version": v.version,
      onclick: () => promptPost(`/versions/${v.version}/promote`, {alias: "production"})}, "Pasar a producción"));
  }
  if (listing.candidate !== v.version && listing.production !== v.version) {
    actions.append(el("button", {onclick: () => promptPost(`/versions/${v.version}/promote`, {alias: "candidate"})},
      "Marcar candidata"));
  }
  return el("tr", {"data-version": v.version},
    el("td", {}, "v" + v.version, el("div", {class: "muted"}, when(v.createdAt))),
    el("td", {}, el("code", {}, v.hash)),
    el("td", {}, v.author),
    el("td", {}, v.message || "—"),
    el("td", {class: "aliases"}, aliasPills(v.aliases)),
    el("td", {}, v.score === null || v.score === undefined ? "—" : (v.score * 100).toFixed(1) + " %"),
    el("td", {}, v.promotedBy || "—", v.promotedAt ? el("div", {class: "muted"}, when(v.promotedAt)) : null),
    el("td", {}, actions));
}

async function loadPrompts() {
  const r = await fetch(PROMPTS);
  let listing;
  try { listing = await r.json(); } catch (_) { listing = {}; }
  if (!r.ok) {
    // 404: this App serves no prompt registry; 403: the page is for engineers; 502/503: the registry failed
    promptMessage(r.status === 404 ? "Esta App no tiene registro de prompts." : (listing.error || "Error " + r.status), true);
    return;
  }
  fill("prompt-versions", listing.versions.map(v => promptRow(v, listing)));
  fill("prompt-changes", listing.changes.map(c => el("tr", {},
    el("td", {}, when(c.change.at)), el("td", {}, c.change.alias),
    el("td", {}, (c.change.from === null ? "—" : "v" + c.change.from) + " → v" + c.change.to),
    el("td", {}, c.change.by), el("td", {}, KINDS[c.kind] || c.kind))));
  const back = document.getElementById("prompt-rollback");
  back.hidden = listing.rollbackTo === null || listing.rollbackTo === undefined;
  back.textContent = back.hidden ? "" : `Volver a la versión anterior (v${listing.rollbackTo})`;
  promptMessage(`${listing.name} · producción: v${listing.production}` +
    (listing.candidate ? ` · candidata: v${listing.candidate}` : "") + " · la App usa producción en menos de un minuto", false);
}

document.getElementById("prompt-rollback").addEventListener("click", () => promptPost("/rollback"));
loadPrompts();
setInterval(loadPrompts, 30000);
