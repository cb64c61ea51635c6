/* newsevents dashboard: vanilla JS over the JSON API; no external assets. */
"use strict";
const $ = (sel) => document.querySelector(sel);
const SVG = "http://www.w3.org/2000/svg";
const state = { a: "", b: "", undirected: true, freq: "week", offset: 0, alerts: [], names: {} };

function esc(s) { return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }
function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else if (v !== "" && v !== null && v !== undefined && v !== false) u.append(k, v);
  }
  return u.toString();
}
async function api(path, params = {}) {
  const r = await fetch(`/api/${path}?${qs(params)}`);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}
function el(tag, attrs = {}, parent) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (parent) parent.appendChild(n);
  return n;
}
const fmt = (x, d = 1) => (x > 0 ? "+" : "") + Number(x).toFixed(d);
const tip = document.createElement("div"); tip.className = "tip"; tip.hidden = true; document.body.appendChild(tip);
function showTip(ev, html) { tip.innerHTML = html; tip.hidden = false; tip.style.left = Math.min(ev.clientX + 12, innerWidth - 270) + "px"; tip.style.top = ev.clientY + 12 + "px"; }
function hideTip() { tip.hidden = true; }
function hoverable(node, html) { node.addEventListener("mousemove", (e) => showTip(e, html)); node.addEventListener("mouseleave", hideTip); }

/* ---------- start ---------- */
async function init() {
  const [stats, actors, dyads] = await Promise.all([api("stats"), api("actors", { limit: 300 }), api("dyads", { limit: 12 })]);
  $("#stats").textContent = `${stats.documents.toLocaleString()} documents · ${stats.events.toLocaleString()} events · ${stats.actors} actors` +
    (stats.first_date ? ` · ${stats.first_date} – ${stats.last_date}` : "");
  actors.actors.forEach((a) => (state.names[a.code] = a.name));
  const opts = actors.actors.map((a) => `<option value="${esc(a.code)}">${esc(a.code)}${a.name ? " · " + esc(a.name) : ""}</option>`).join("");
  $("#dyad-a").innerHTML = `<option value="">(all)</option>` + opts;
  $("#dyad-b").innerHTML = `<option value="">(all)</option>` + opts;
  $("#actor-codes").innerHTML = actors.actors.map((a) => `<option value="${esc(a.code)}">${esc(a.name || "")}</option>`).join("");
  $("#f-type").innerHTML += Object.keys(stats.types).sort().map((t) => `<option>${t}</option>`).join("");
  renderChips(dyads.dyads);
  if (dyads.dyads.length) { state.a = dyads.dyads[0].source; state.b = dyads.dyads[0].target; }
  syncDyadControls();
  bind();
  await Promise.all([refreshDyad(), loadMap(), loadNetwork()]);
}

function bind() {
  $("#dyad-a").onchange = () => { state.a = $("#dyad-a").value; refreshDyad(); };
  $("#dyad-b").onchange = () => { state.b = $("#dyad-b").value; refreshDyad(); };
  $("#swap").onclick = () => { [state.a, state.b] = [state.b, state.a]; syncDyadControls(); refreshDyad(); };
  $("#undirected").onchange = () => { state.undirected = $("#undirected").checked; refreshDyad(); };
  $("#freq").onchange = () => { state.freq = $("#freq").value; loadTimeline(); };
  let timer;
  $("#filters").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => loadEvents(), 250); });
  $("#filters").addEventListener("reset", () => setTimeout(() => loadEvents(), 0));
  $("#filters").addEventListener("submit", (e) => e.preventDefault());
  $("#more").onclick = () => loadEvents(true);
  $("#detail").addEventListener("click", (e) => { if (e.target === $("#detail")) $("#detail").close(); });
}

function syncDyadControls() {
  $("#dyad-a").value = state.a; $("#dyad-b").value = state.b; $("#undirected").checked = state.undirected;
  document.querySelectorAll(".chip").forEach((c) => c.classList.toggle("on", c.dataset.a === state.a && c.dataset.b === state.b));
}

function renderChips(dyads) {
  $("#top-dyads").innerHTML = dyads.map((d) =>
    `<button class="chip" data-a="${esc(d.source)}" data-b="${esc(d.target)}" data-testid="chip-${esc(d.source)}-${esc(d.target)}"><b>${esc(d.source)}</b> – <b>${esc(d.target)}</b> ${d.events}</button>`).join("");
  document.querySelectorAll(".chip").forEach((c) => (c.onclick = () => { state.a = c.dataset.a; state.b = c.dataset.b; state.undirected = true; syncDyadControls(); refreshDyad(); }));
}

function refreshDyad() {
  syncDyadControls();
  markNodes();
  state.offset = 0;
  return Promise.all([loadEvents(), loadAlerts()]);  /* loadAlerts redraws the timeline */
}

function dyadParams() {
  const p = {};
  if (state.a) p.actor = state.a;
  if (state.b) p.recipient = state.b;
  if (state.a && state.b && state.undirected) p.undirected = true;
  if (state.a && !state.b && state.undirected) p.involving = state.a, delete p.actor;
  if (!state.a && state.b && state.undirected) p.involving = state.b, delete p.recipient;
  return p;
}

function markNodes() {
  document.querySelectorAll("#network circle").forEach((c) => {
    const code = c.nextSibling && c.nextSibling.textContent, on = code === state.a || code === state.b;
    c.classList.toggle("on", on);
    if (c.nextSibling) c.nextSibling.classList.toggle("on", on);
  });
}

/* ---------- timeline ---------- */
async function loadTimeline() {
  const box = $("#timeline"), current = fresh("timeline");
  const data = await api("series", { ...dyadParams(), freq: state.freq });
  if (!current()) return;
  const rows = data.series;
  box.innerHTML = "";
  if (!rows.length) { box.innerHTML = `<p class="empty">No dated real events for this selection.</p>`; return; }
  const W = Math.max(box.clientWidth, 320), H = box.clientWidth < 600 ? 220 : 260, m = { l: 38, r: 8, t: 16, b: 24 };
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "cooperation and conflict over time" }, box);
  /* one huge week (a long fact sheet) would flatten the rest: cap the scale at 3x the 95th
     percentile and mark the clipped bars with their value */
  const peaks = rows.map((r) => Math.max(r.cooperation, r.conflict)).sort((p, q) => p - q);
  const top = peaks[peaks.length - 1], p95 = peaks[Math.floor(0.95 * (peaks.length - 1))];
  const max = Math.max(1, p95 > 0 && top > 3 * p95 ? 3 * p95 : top);
  const clip = (v) => Math.max(-max, Math.min(max, v));
  const y = (v) => m.t + (H - m.t - m.b) / 2 - (v / max) * ((H - m.t - m.b) / 2);
  const bw = (W - m.l - m.r) / rows.length, x = (i) => m.l + i * bw;
  const ax = el("g", { class: "axis" }, svg);
  el("line", { x1: m.l, x2: W - m.r, y1: y(0), y2: y(0) }, ax);
  for (const v of [max, max / 2, -max / 2, -max]) {
    el("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), "stroke-dasharray": "2 3", opacity: .6 }, ax);
    el("text", { x: m.l - 4, y: y(v) + 3, "text-anchor": "end" }, ax).textContent = (v > 0 ? "+" : "") + Math.round(v);
  }
  let lastLabel = "";
  const every = Math.ceil(rows.length / Math.max(2, Math.floor((W - m.l) / 70)));
  rows.forEach((r, i) => {
    const w = Math.max(1, bw - (bw > 4 ? 1.5 : 0));
    const up = clip(r.cooperation), down = clip(-r.conflict);
    if (up) el("rect", { x: x(i), y: y(up), width: w, height: y(0) - y(up), fill: "var(--coop)", rx: Math.min(2, w / 3) }, svg);
    if (down) el("rect", { x: x(i), y: y(0), width: w, height: y(down) - y(0), fill: "var(--conf)", rx: Math.min(2, w / 3) }, svg);
    for (const [v, shown] of [[r.cooperation, up], [-r.conflict, down]]) {
      if (v !== shown) el("text", { x: Math.min(x(i) + bw / 2, W - m.r), y: v > 0 ? y(max) + 10 : y(-max) - 3, "text-anchor": x(i) + bw / 2 > W - 30 ? "end" : "middle", class: "clipped" }, svg).textContent = Math.round(Math.abs(v));
    }
    const label = r.period.slice(0, 7);
    if (i % every === 0 && label !== lastLabel) { el("text", { x: Math.min(x(i) + bw / 2, W - m.r), y: H - 6, "text-anchor": x(i) + bw / 2 > W - 30 ? "end" : "middle" }, ax).textContent = label; lastLabel = label; }
    const hit = el("rect", { class: "bar-hit", x: x(i), y: m.t, width: bw, height: H - m.t - m.b, "data-period": r.period }, svg);
    hoverable(hit, `<b>${esc(r.period)}</b><br>${r.events} events · net ${fmt(r.score)}<br>cooperation ${r.cooperation.toFixed(1)} · conflict ${r.conflict.toFixed(1)}`);
    hit.onclick = () => { const [s, e] = periodRange(r.period); $("#f-start").value = s; $("#f-end").value = e; loadEvents(); $("#events-h").scrollIntoView({ behavior: "smooth" }); };
  });
  const pts = rows.map((r, i) => `${x(i) + bw / 2},${y(clip(r.score))}`).join(" ");
  el("polyline", { points: pts, fill: "none", stroke: "#1d2430", "stroke-width": 1.5, "stroke-linejoin": "round", "pointer-events": "none" }, svg);
  const index = Object.fromEntries(rows.map((r, i) => [r.period, i]));
  for (const a of state.alerts) {
    const i = index[alertPeriod(a.period)];
    if (i === undefined || !inDyad(a)) continue;
    const cx = x(i) + bw / 2;
    el("line", { x1: cx, x2: cx, y1: m.t, y2: H - m.b, stroke: "#f2a900", "stroke-width": 1.5, "stroke-dasharray": "4 3", "pointer-events": "none" }, svg);
    const mark = el("path", { d: `M${cx - 6},${m.t - 12}L${cx + 6},${m.t - 12}L${cx},${m.t - 2}Z`, fill: "#f2a900", class: "alert-mark", "data-testid": "alert-mark" }, svg);
    hoverable(mark, `<b>Escalation ${esc(a.source)}–${esc(a.target)}</b><br>week of ${esc(a.period)} · z = ${a.z}<br>conflict ${a.conflict.toFixed(0)} vs baseline ${a.baseline}`);
  }
}
function periodRange(p) {
  const d = new Date(p + "T00:00:00Z"), e = new Date(d);
  if (state.freq === "week") e.setUTCDate(e.getUTCDate() + 6);
  else if (state.freq === "month") { e.setUTCMonth(e.getUTCMonth() + 1); e.setUTCDate(0); }
  return [p, e.toISOString().slice(0, 10)];
}
function alertPeriod(p) {
  if (state.freq === "month") return p.slice(0, 8) + "01";
  return p; /* weekly alerts; on a daily chart they mark the Monday */
}
function inDyad(a) {
  const pair = [a.source, a.target];
  return (!state.a || pair.includes(state.a)) && (!state.b || pair.includes(state.b));
}

/* ---------- alerts ---------- */
async function loadAlerts() {
  const p = {};
  if (state.a) p.actor = state.a;
  if (state.b) p.recipient = state.b;
  const current = fresh("alerts");
  const data = await api("alerts", { ...p, evidence: 3 });
  if (!current()) return;
  state.alerts = data.alerts;
  const list = $("#alerts");
  if (!data.alerts.length) { list.innerHTML = `<li class="none" style="border:none;background:none;cursor:default">No escalation alerts for this selection.</li>`; loadTimeline(); return; }
  list.innerHTML = data.alerts.slice(0, 40).map((a, k) => `<li data-k="${k}" data-testid="alert">
      <div class="when">${esc(a.source)} – ${esc(a.target)} · week of ${esc(a.period)}</div>
      <div class="meta">z = ${a.z} · conflict ${a.conflict.toFixed(0)} (baseline ${a.baseline}) · ${a.event_count} events${a.weeks.length > 1 ? ` · ${a.weeks.length} weeks` : ""}</div>
      ${a.events.slice(0, 2).map((e) => `<div class="ev">▸ ${esc(e.type)}: ${esc(trim(e.sentence || e.trigger_text, 90))}</div>`).join("")}</li>`).join("");
  list.querySelectorAll("li[data-k]").forEach((li) => (li.onclick = () => {
    const a = data.alerts[+li.dataset.k];
    state.a = a.source; state.b = a.target; state.undirected = true;
    const [s, e] = [a.period, new Date(Date.parse(a.period) + 6 * 864e5).toISOString().slice(0, 10)];
    $("#f-start").value = s; $("#f-end").value = e;
    syncDyadControls(); loadTimeline(); loadEvents();
  }));
  loadTimeline();
}
const trim = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + "…" : s || "");

/* ---------- events ---------- */
function filterParams() {
  const p = dyadParams();
  const actor = $("#f-actor").value.trim().toUpperCase();
  if (actor) p.involving = actor;
  if ($("#f-type").value) p.type = $("#f-type").value;
  const aux = $("#f-aux").value;
  if (aux) p.aux = aux;
  if ($("#f-start").value) p.start = $("#f-start").value;
  if ($("#f-end").value) p.end = $("#f-end").value;
  if ($("#f-q").value.trim()) p.q = $("#f-q").value.trim();
  return p;
}
const latest = {};
function fresh(kind) {
  /* a token per panel: a slow answer to an older request must not overwrite a newer one */
  const token = (latest[kind] = (latest[kind] || 0) + 1);
  return () => latest[kind] === token;
}
async function loadEvents(more = false) {
  state.offset = more ? state.offset + 50 : 0;
  const current = fresh("events");
  const data = await api("events", { ...filterParams(), limit: 50, offset: state.offset });
  if (!current()) return;
  $("#event-count").textContent = `${data.total.toLocaleString()} matching`;
  const body = $("#event-table tbody");
  const rows = data.events.map((e) => `<tr data-id="${esc(e.event_id)}" data-testid="event-row">
    <td class="date">${esc(e.event_date || "")}</td>
    <td class="dy">${esc(e.actor_codes.join("+") || "—")} → ${esc(e.recipient_codes.join("+") || "—")}</td>
    <td><span class="badge q-${esc(e.quad)}">${esc(e.type)}</span>${e.aux ? `<span class="aux">${esc(e.aux)}</span>` : ""}</td>
    <td class="sent hide-s">${esc(trim(e.sentence, 140))}</td>
    <td class="num ${e.score > 0 ? "pos" : e.score < 0 ? "neg" : ""}">${e.score == null ? "" : fmt(e.score)}</td></tr>`).join("");
  if (more) body.insertAdjacentHTML("beforeend", rows); else body.innerHTML = rows || `<tr><td colspan="5" class="empty">No events match these filters.</td></tr>`;
  body.querySelectorAll("tr[data-id]").forEach((tr) => (tr.onclick = () => openEvent(tr.dataset.id)));
  $("#more").hidden = state.offset + 50 >= data.total;
}

async function openEvent(id) {
  const e = await api(`events/${encodeURIComponent(id)}`);
  const r = e.record, s = e.sentence || r.sentence || "";
  let html = "", pos = 0;
  for (const h of e.highlights) {
    if (h.start < pos) continue;
    html += esc(s.slice(pos, h.start)) + `<mark class="${esc(h.role)}" data-testid="hl-${esc(h.role)}" title="${esc(h.role)}${h.code ? " " + esc(h.code) : ""}">${esc(s.slice(h.start, h.end))}${h.code ? `<sub>${esc(h.code)}</sub>` : ""}</mark>`;
    pos = h.end;
  }
  html += esc(s.slice(pos));
  const ents = (xs) => (xs || []).map((a) => `${esc(a.text)} <b>${esc(a.code || "?")}</b>`).join(", ") || "—";
  const date = r.date || {};
  const where = r.where || {};
  $("#detail-body").innerHTML = `
    <span class="badge q-${esc(e.quad)}">${esc(e.type)}${e.mode ? " · " + esc(e.mode) : ""}</span>${e.aux ? `<span class="aux">${esc(e.aux)}</span>` : ""}
    <p class="sentence" data-testid="detail-sentence">${html}</p>
    <dl class="facts">
      <dt>Actor</dt><dd>${ents(r.actor)}</dd>
      <dt>Recipient</dt><dd>${ents(r.recipient)}</dd>
      <dt>Trigger</dt><dd>${esc((r.trigger || {}).text || "—")}</dd>
      <dt>When</dt><dd>${esc(date.start || e.event_date || "")}${date.end && date.end !== date.start ? " – " + esc(date.end) : ""}${date.text ? ` <i>(“${esc(date.text)}”)</i>` : ""}</dd>
      <dt>Where</dt><dd>${esc(where.text || "—")}${where.country ? " · " + esc(where.country) : ""}</dd>
      <dt>Score</dt><dd class="${e.score > 0 ? "pos" : "neg"}">${e.score == null ? "—" : fmt(e.score)} (${esc((e.quad || "").replace("_", " "))})</dd>
      <dt>Document</dt><dd>${e.doc_url ? `<a href="${esc(e.doc_url)}" target="_blank" rel="noopener">${esc(e.doc_title || e.doc_id)}</a>` : esc(e.doc_title || e.doc_id)}</dd>
    </dl>`;
  $("#detail").showModal();
}

/* ---------- map ---------- */
async function loadMap() {
  const box = $("#map");
  const [svgText, data] = await Promise.all([fetch("/static/world.svg").then((r) => r.text()), api("places", { aux: "real" })]);
  box.innerHTML = svgText;
  const svg = box.querySelector("svg");
  const view = mapView(data.places);
  svg.setAttribute("viewBox", view.join(" "));
  svg.setAttribute("role", "img"); svg.setAttribute("aria-label", "map of event places");
  const max = Math.max(1, ...data.places.map((p) => p.events)), unit = view[2] / 180;
  for (const p of data.places.slice().reverse()) {
    const c = el("circle", { cx: p.lon + 180, cy: 90 - p.lat, r: unit * (0.7 + 3.5 * Math.sqrt(p.events / max)), "stroke-width": unit * 0.3, fill: p.mean_score < 0 ? "var(--conf)" : "var(--coop)", "data-testid": "place" }, svg);
    hoverable(c, `<b>${esc(p.place || p.country)}</b><br>${p.events} events · mean score ${fmt(p.mean_score)}`);
    c.onclick = () => { $("#f-q").value = ""; loadEventsAt(p); };
  }
  if (!data.places.length) box.insertAdjacentHTML("beforeend", `<p class="empty">No events with coordinates.</p>`);
}
function mapView(places) {
  /* zoom to the places with a margin, keeping a 2.1:1 frame inside the world */
  if (!places.length) return [0, 8, 360, 150];
  const xs = places.map((p) => p.lon + 180), ys = places.map((p) => 90 - p.lat);
  let x0 = Math.min(...xs) - 12, x1 = Math.max(...xs) + 12, y0 = Math.min(...ys) - 8, y1 = Math.max(...ys) + 8;
  let w = Math.max(x1 - x0, 70), h = Math.max(y1 - y0, w / 2.1);
  w = Math.max(w, h * 2.1);
  if (w > 360) { w = 360; h = 360 / 2.1; }
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const x = Math.min(Math.max(cx - w / 2, 0), 360 - w), y = Math.min(Math.max(cy - h / 2, 0), 180 - h);
  return [x, y, w, h].map((v) => +v.toFixed(1));
}
async function loadEventsAt(p) {
  const current = fresh("events");
  const data = await api("events", { ...filterParams(), place: p.place || p.country, limit: 50 });
  if (!current()) return;
  $("#event-count").textContent = `${data.total.toLocaleString()} in ${p.place || p.country}`;
  const body = $("#event-table tbody");
  body.innerHTML = data.events.map((e) => `<tr data-id="${esc(e.event_id)}" data-testid="event-row"><td class="date">${esc(e.event_date || "")}</td><td class="dy">${esc(e.actor_codes.join("+") || "—")} → ${esc(e.recipient_codes.join("+") || "—")}</td><td><span class="badge q-${esc(e.quad)}">${esc(e.type)}</span></td><td class="sent hide-s">${esc(trim(e.sentence, 140))}</td><td class="num">${e.score == null ? "" : fmt(e.score)}</td></tr>`).join("");
  body.querySelectorAll("tr[data-id]").forEach((tr) => (tr.onclick = () => openEvent(tr.dataset.id)));
  $("#events-h").scrollIntoView({ behavior: "smooth" });
}

/* ---------- network ---------- */
async function loadNetwork() {
  /* actors on an ellipse (busiest first, clockwise from the top); each directed dyad is an arc
     bending to its own side, so A→B and B→A stay apart; width = events, colour = net score */
  const box = $("#network");
  const data = await api("network", { limit: 40, aux: "real" });
  box.innerHTML = "";
  if (!data.nodes.length) { box.innerHTML = `<p class="empty">No dyads yet.</p>`; return; }
  const W = Math.max(box.clientWidth, 280), H = 340;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" }, box);
  const nodes = data.nodes.slice().sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  nodes.forEach((n, i) => {
    const t = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    n.r = 9 + 9 * Math.sqrt(n.events / maxN);
    n.x = W / 2 + (W / 2 - 30) * Math.cos(t); n.y = H / 2 + (H / 2 - 26) * Math.sin(t);
  });
  const byCode = Object.fromEntries(nodes.map((n) => [n.code, n]));
  const edges = data.edges.filter((e) => byCode[e.source] && byCode[e.target]).sort((a, b) => a.events - b.events);
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  const defs = el("defs", {}, svg);
  for (const [id, col] of [["ac", "#1f9d7a"], ["af", "#d6453d"]]) {
    const mk = el("marker", { id, viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 4, markerHeight: 4, orient: "auto" }, defs);
    el("path", { d: "M0,0L10,5L0,10z", fill: col }, mk);
  }
  for (const e of edges) {
    const s = byCode[e.source], t = byCode[e.target], coop = e.score >= 0;
    const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    const cx = (s.x + t.x) / 2 + (dy / len) * len * 0.18, cy = (s.y + t.y) / 2 - (dx / len) * len * 0.18;
    const ex = t.x - cx, ey = t.y - cy, el2 = Math.hypot(ex, ey) || 1, sx = s.x - cx, sy = s.y - cy, sl = Math.hypot(sx, sy) || 1;
    const end = [t.x - (ex / el2) * (t.r + 2), t.y - (ey / el2) * (t.r + 2)], start = [s.x - (sx / sl) * s.r, s.y - (sy / sl) * s.r];
    const path = el("path", { d: `M${start}Q${cx},${cy} ${end}`, fill: "none", stroke: coop ? "#1f9d7a" : "#d6453d", "stroke-opacity": .6,
      "stroke-width": 1 + 5 * (e.events / maxE), "marker-end": `url(#${coop ? "ac" : "af"})`, "stroke-linecap": "round" }, svg);
    hoverable(path, `<b>${esc(e.source)} → ${esc(e.target)}</b><br>${e.events} events · net ${fmt(e.score)}`);
  }
  for (const n of nodes) {
    const c = el("circle", { cx: n.x, cy: n.y, r: n.r, "data-testid": "node" }, svg);
    c.classList.toggle("on", n.code === state.a || n.code === state.b);
    hoverable(c, `<b>${esc(n.code)}</b> ${esc(n.name || "")}<br>${n.events} events`);
    c.onclick = () => { state.a = n.code; state.b = ""; state.undirected = true; syncDyadControls(); refreshDyad(); };
    const label = el("text", { x: n.x, y: n.y + 4, "text-anchor": "middle" }, svg);
    label.textContent = n.code;
    label.classList.toggle("on", n.code === state.a || n.code === state.b);
  }
}

let resizeTimer;
addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => { loadTimeline(); loadNetwork(); }, 200); });
init().catch((err) => { $("#stats").textContent = "Could not load data: " + err.message; });
