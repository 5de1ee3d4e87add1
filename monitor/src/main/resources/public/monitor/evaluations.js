"use strict";
// The "Evaluaciones del agente" section: the latest evaluations of the agent (exact answers overall and per kind, the
// prompt version that answered) and "Evaluar ahora". Uses el(), when() and fill() from monitor.js.
const EVALUATIONS = "/api/monitor/evaluations";

function evalMessage(text, bad) {
  const s = document.getElementById("eval-status");
  s.textContent = text;
  s.className = bad ? "fail" : "muted";
}

function pct(x) {
  return x.toFixed(1).replace(".", ",") + " %";
}

function evalRow(r) {
  return el("tr", {"data-run": r.runId},
    el("td", {}, when(r.startedAt)),
    el("td", {}, r.promptVersion === "ninguna" ? "—" : "v" + r.promptVersion),
    el("td", {}, String(r.questions)),
    el("td", {}, `${r.exact} (${pct(r.exactPct)})`),
    el("td", {}, ...r.byKind.map(k => el("div", {}, `${k.kind}: ${k.exact}/${k.questions} (${pct(k.exactPct)})`))));
}

async function loadEvaluations() {
  const r = await fetch(EVALUATIONS);
  let data;
  try { data = await r.json(); } catch (_) { data = {}; }
  if (!r.ok) { evalMessage(r.status === 404 ? "Esta App no muestra evaluaciones." : (data.error || "Error " + r.status), true); return; }
  fill("eval-runs", data.runs.map(evalRow));
  if (data.notice) { evalMessage(data.notice, true); return; }
  if (!data.canStart) { evalMessage(data.unavailable, true); return; }
  evalMessage(data.runs.length ? "" : "Aún no hay evaluaciones.", false);
}

async function evaluateNow() {
  const button = document.getElementById("eval-now");
  button.disabled = true;
  try {
    const r = await fetch(EVALUATIONS, {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"});
    let data = {};
    try { data = await r.json(); } catch (_) { /* not JSON */ }
    evalMessage(r.ok ? data.message : (data.error || "Error " + r.status), !r.ok);
  } finally {
    button.disabled = false;
  }
}

document.getElementById("eval-now").addEventListener("click", evaluateNow);
loadEvaluations();
setInterval(loadEvaluations, 60000);
