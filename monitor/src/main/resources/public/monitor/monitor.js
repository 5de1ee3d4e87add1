"use strict";
const API = "/api/monitor";
const CATS = ["timeout","resource","permission","syntax","network","data","code","concurrency","cancelled","unknown"];
const LABELS = {timeout:"tiempo agotado", resource:"recursos", permission:"permisos", syntax:"configuración/SQL",
  network:"red", data:"datos", code:"código", concurrency:"concurrencia", cancelled:"cancelada", unknown:"desconocida"};
const ACTIONS = {RETRY:"reintentar", RETRY_WITH_NEW_PARAMS:"reintentar con otros parámetros", SEND_EMAIL:"correo",
  ESCALATE:"escalar", IGNORE:"ignorar"};

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}
function when(s) { return s ? new Date(s).toLocaleString("es-AR", {dateStyle:"short", timeStyle:"short"}) : "—"; }
async function get(path) {
  const r = await fetch(API + path);
  if (!r.ok) {
    // the App explains refusals in Spanish ({"error": ...}); 403: the page is for the engineers group
    let why = r.status;
    try { why = (await r.json()).error || why; } catch (_) { /* not JSON */ }
    throw new Error(why);
  }
  return r.json();
}
function fill(id, rows) { const tb = document.querySelector("#" + id + " tbody"); tb.replaceChildren(...rows); }
function link(text, href) { return href ? el("a", {href, target:"_blank", rel:"noopener"}, text) : text; }

async function loadStatus() {
  try {
    const s = await get("/status"), st = s.status;
    document.getElementById("status").textContent =
      `fuente ${st.source} · último sondeo ${when(st.lastPoll)} · cada ${st.pollIntervalSeconds} s · ` +
      `${st.runsHandled} ejecuciones, ${st.actionsTaken} acciones · correo: ${st.mail} · LLM: ${st.llm ? "sí" : "no"}` +
      (st.lastError ? ` · ⚠ ${st.lastError}` : "");
    // What the deployment still lacks (a secret not put yet...), each with what goes without it
    document.getElementById("pending").replaceChildren(...(s.pending || []).map(p => el("li", {}, "⚠ " + p)));
  } catch (e) { document.getElementById("status").textContent = "No se pudo leer el estado: " + e.message; }
}

function labelCell(d) {
  if (d.label) {
    return el("span", {class: d.label.correct ? "ok" : "fail"}, d.label.correct ? "✓ acertó" : "✗ " + (d.label.category ? "era " + (LABELS[d.label.category] || d.label.category) : "falló"),
      el("div", {class:"muted"}, d.label.by || ""));
  }
  const sel = el("select", {}, el("option", {value:""}, "¿cuál era?"), ...CATS.map(c => el("option", {value:c}, LABELS[c])));
  const send = async (correct) => {
    const body = {correct, category: correct ? null : (sel.value || null)};
    const r = await fetch(`${API}/decisions/${d.id}/label`, {method:"POST", headers:{"Content-Type":"application/json"}, body: JSON.stringify(body)});
    if (r.ok) { loadDecisions(); loadAccuracy(); } else alert((await r.json()).error || r.status);
  };
  return el("div", {class:"row"}, el("button", {onclick: () => send(true), title:"La clasificación fue correcta"}, "✓"),
    el("button", {onclick: () => send(false), title:"La clasificación fue incorrecta"}, "✗"), sel);
}

async function loadDecisions() {
  const cat = document.getElementById("cat").value;
  const ds = await get("/decisions?limit=100" + (cat ? "&category=" + cat : ""));
  fill("decisions", ds.map(d => {
    const c = d.classification;
    const ev = el("details", {}, el("summary", {}, c.explanation),
      el("div", {class:"ev"}, ...c.evidence.map(e => el("div", {}, `${e.stage}: ${e.ref}${e.detail ? " — " + e.detail : ""}`))),
      d.errorExcerpt ? el("pre", {}, d.errorExcerpt) : null);
    const params = Object.keys(d.plan.parameters || {}).length ? el("div", {class:"muted"}, JSON.stringify(d.plan.parameters)) : null;
    return el("tr", {},
      el("td", {}, when(d.decidedAt)),
      el("td", {}, link(d.jobName || ("job " + d.jobId), d.jobUrl), el("div", {}, link("ejecución " + d.runId, d.runPageUrl),
        d.attempt ? ` (reparación ${d.attempt})` : ""), d.taskKeys.length ? el("div", {class:"muted"}, d.taskKeys.join(", ")) : null),
      el("td", {}, el("span", {class:"pill"}, LABELS[c.category] || c.category), el("div", {class:"muted"}, `confianza ${c.confidence} · ${c.severity} · ${c.stage}`)),
      el("td", {}, ev),
      el("td", {}, ACTIONS[d.plan.action] || d.plan.action, params, el("div", {class:"muted"}, d.plan.reason || "")),
      el("td", {}, el("div", {class: d.status === "FAILED" ? "fail" : ""}, `${d.status}${d.outcome ? " · " + d.outcome : ""}`),
        d.resolution ? el("div", {class: d.resolution === "HEALED" ? "ok" : "fail"}, d.resolution === "HEALED" ? "resuelto" : d.resolution) : null,
        d.outcomeDetail ? el("div", {class:"muted"}, d.outcomeDetail) : null),
      el("td", {}, labelCell(d)));
  }));
}

async function loadRuns() {
  const rs = await get("/runs?limit=50");
  fill("runs", rs.map(r => el("tr", {},
    el("td", {}, when(r.endTime)), el("td", {}, r.jobName || r.jobId),
    el("td", {}, link(String(r.runId), r.runPageUrl), r.attempt ? ` #${r.attempt}` : ""),
    el("td", {class: r.failed ? "fail" : "ok"}, r.resultState || "—"), el("td", {class:"muted"}, r.terminationCode || ""))));
}

async function loadAccuracy() {
  const as = await get("/accuracy");
  fill("accuracy", as.map(a => el("tr", {}, el("td", {}, a.category === "all" ? "total" : (LABELS[a.category] || a.category)),
    el("td", {}, a.decisions), el("td", {}, a.labelled), el("td", {}, a.right), el("td", {}, a.wrong),
    el("td", {}, a.accuracy === null ? "—" : Math.round(a.accuracy * 100) + " %"))));
}

// A small inline-SVG line chart: no library, works offline.
function chart(id, points, threshold, fmt) {
  const W = 320, H = 120, P = 28, box = document.getElementById(id);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`); svg.setAttribute("width", "100%"); svg.setAttribute("role", "img");
  const pts = points.filter(p => p.y !== null && p.y !== undefined);
  if (!pts.length) { box.replaceChildren(el("div", {class:"muted"}, "Sin datos todavía.")); return; }
  const xs = pts.map(p => p.x), ys = pts.map(p => p.y).concat(threshold === null ? [] : [threshold]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs) || x0 + 1, y0 = Math.min(0, ...ys), y1 = Math.max(...ys) * 1.1 || 1;
  const sx = x => P + (x1 === x0 ? (W - 2 * P) / 2 : (x - x0) / (x1 - x0) * (W - 2 * P));
  const sy = y => H - P / 2 - (y - y0) / (y1 - y0) * (H - P);
  const add = (tag, attrs, text) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  add("line", {x1:P, y1:H - P / 2, x2:W - 4, y2:H - P / 2, stroke:"#e4e7ec"});
  if (threshold !== null) {
    add("line", {x1:P, y1:sy(threshold), x2:W - 4, y2:sy(threshold), stroke:"#c4320a", "stroke-dasharray":"4 3"});
    add("text", {x:W - 4, y:sy(threshold) - 3, "text-anchor":"end", "font-size":"9", fill:"#c4320a"}, "umbral " + fmt(threshold));
  }
  add("polyline", {points: pts.map(p => `${sx(p.x)},${sy(p.y)}`).join(" "), fill:"none", stroke:"#2e5aac", "stroke-width":"1.6"});
  for (const p of pts.slice(-60)) add("circle", {cx:sx(p.x), cy:sy(p.y), r:"1.8", fill:"#2e5aac"}).append(
    Object.assign(document.createElementNS(ns, "title"), {textContent: when(new Date(p.x).toISOString()) + ": " + fmt(p.y)}));
  add("text", {x:2, y:10, "font-size":"9", fill:"#667085"}, fmt(y1));
  add("text", {x:2, y:H - P / 2, "font-size":"9", fill:"#667085"}, fmt(y0));
  const last = pts[pts.length - 1];
  add("text", {x:W - 4, y:H - 2, "text-anchor":"end", "font-size":"10", fill:"#1d2330"}, "último: " + fmt(last.y));
  box.replaceChildren(svg);
}

async function loadQuality() {
  const q = await get("/quality?hours=168"), t = q.thresholds;
  document.getElementById("thresholds").textContent =
    `Ventana ${t.windowMinutes} min · mínimo ${t.minSamples} muestras · umbrales: error > ${t.maxErrorRate * 100} %, ` +
    `valoración < ${t.minMeanRating}, p95 > ${t.maxP95Ms} ms · enfriamiento ${t.cooldownMinutes} min`;
  const at = s => new Date(s.takenAt).getTime();
  chart("c-error", q.series.map(s => ({x: at(s), y: s.errorRate === null ? null : s.errorRate * 100})), t.maxErrorRate * 100, v => v.toFixed(1) + " %");
  chart("c-p95", q.series.map(s => ({x: at(s), y: s.p95Ms})), t.maxP95Ms, v => Math.round(v) + " ms");
  chart("c-rating", q.series.map(s => ({x: at(s), y: s.meanRating})), t.minMeanRating, v => v.toFixed(2));
  chart("c-samples", q.series.map(s => ({x: at(s), y: s.samples})), t.minSamples, v => String(Math.round(v)));
  fill("interventions", q.interventions.map(i => el("tr", {}, el("td", {}, when(i.startedAt)), el("td", {}, i.reasons.join("; ")),
    el("td", {}, i.action + (i.runId ? " · run " + i.runId : "")), el("td", {}, i.status),
    el("td", {class:"score-before"}, score(i.scoreBefore)), el("td", {class:"score-after"}, score(i.scoreAfter)),
    el("td", {class:"muted"}, i.detail || ""))));
}

/** A held-out share of exact answers as a percentage with one decimal (Spanish comma), or a dash when unknown. */
function score(v) {
  return v === null || v === undefined ? "—" : (v * 100).toFixed(1).replace(".", ",") + " %";
}

async function triage() {
  const text = document.getElementById("triage-text").value;
  const out = document.getElementById("triage-out");
  const r = await fetch(API + "/triage", {method:"POST", headers:{"Content-Type":"application/json"}, body: JSON.stringify({text})});
  out.hidden = false;
  out.textContent = JSON.stringify(await r.json(), null, 2);
}

function loadAll() {
  const safe = p => p.catch(e => console.error(e));
  loadStatus(); safe(loadDecisions()); safe(loadRuns()); safe(loadAccuracy()); safe(loadQuality());
}
document.getElementById("cat").append(...CATS.map(c => el("option", {value:c}, LABELS[c])));
document.getElementById("cat").addEventListener("change", loadDecisions);
document.getElementById("reload").addEventListener("click", loadAll);
document.getElementById("triage-go").addEventListener("click", triage);
loadAll();
setInterval(loadAll, 30000);
