/* emkb web: chat for staff, inspector view for phones, documents. No build step, no CDN. */
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
};

class ApiError extends Error {}

async function api(path, options = {}) {
  let res;
  try {
    res = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
  } catch (e) {
    throw new ApiError("无法连接服务器，请稍后重试。");
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => d.msg).join("；");
    throw new ApiError(detail ? `请求有误：${detail}` : `服务器错误（${res.status}），请稍后重试。`);
  }
  return body;
}

function validityBadge(v) {
  if (!v) return null;
  const cls = v === "现行有效" ? "ok" : v === "已修订" ? "warn" : "bad";
  return el("span", { class: `badge ${cls}`, text: v === "现行有效" ? v : `${v}，注意` });
}

function highlighted(text, hl) {
  if (!hl || hl.length !== 2 || hl[0] < 0 || hl[1] > text.length || hl[0] >= hl[1]) return [text];
  return [text.slice(0, hl[0]), el("mark", { text: text.slice(hl[0], hl[1]) }), text.slice(hl[1])];
}

function docLink(c) {
  const at = c.start !== null && c.start !== undefined ? `?at=${c.start}` : "";
  return `#/doc/${encodeURIComponent(c.doc_id)}${at}`;
}

/* ---------------- chat ---------------- */
let askSeq = 0;

function citationItem(c, i) {
  const bodyId = `cite-${askSeq}-${i}`;
  const body = el("div", { class: "cite-body", id: bodyId, hidden: true }, ...highlighted(c.text, c.highlight));
  const toggle = el("button", {
    type: "button", class: "cite-toggle", "aria-expanded": "false", "aria-controls": bodyId,
    onclick: () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      body.hidden = open;
    },
  }, el("span", { class: "cite-num", text: `[${i + 1}]` }), ` 《${c.title}》 ${c.locator || ""}`);
  return el("li", { class: "cite" },
    el("div", { class: "cite-head" }, toggle, validityBadge(c.validity),
      c.doc_number ? el("span", { class: "doc", text: c.doc_number }) : null,
      el("a", { href: docLink(c), class: "open-source", text: "查看原文" })),
    c.section ? el("div", { class: "label", text: c.section }) : null,
    body);
}

function plainText(question, ans) {
  const lines = [`问：${question}`, `答：${ans.answer}`];
  if (ans.owners && ans.owners.length) lines.push(`责任单位：${ans.owners.join("、")}`);
  if (ans.deadline) lines.push(`完成时限：${ans.deadline}`);
  (ans.notices || []).forEach((n) => lines.push(n));
  (ans.citations || []).forEach((c, i) => lines.push(`[${i + 1}] 《${c.title}》${c.locator || ""}：${c.text}`));
  return lines.join("\n");
}

async function copyText(text) {
  window.__lastCopy = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const ta = el("textarea", { class: "sr-only" });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (err) { /* nothing else to try */ }
    ta.remove();
  }
}

function answerCard(question, ans) {
  askSeq += 1;
  const card = el("div", { class: `card answer${ans.abstained ? " abstained" : ""}`, "data-kind": ans.kind || "" });
  card.append(el("div", { class: "label", text: ans.abstained ? "知识库中未找到答案" : "回答" }));
  card.append(el("div", { class: "answer-text", text: ans.answer }));
  const chips = el("div", { class: "chips" });
  (ans.owners || []).forEach((o) => chips.append(el("span", { class: "chip owner", text: o })));
  if (ans.deadline) chips.append(el("span", { class: "chip deadline", text: `完成时限：${ans.deadline}` }));
  if (chips.childElementCount) card.append(chips);
  (ans.notices || []).forEach((n) => card.append(el("div", { class: "notice", role: "note", text: n })));
  if (ans.kind === "task_list" && ans.tasks && ans.tasks.length) {
    const rows = ans.tasks.map((t) => el("tr", {}, el("td", { text: t.number }), el("td", { text: t.title }), el("td", { text: t.deadline })));
    card.append(el("table", { class: "tasks-table" }, el("thead", {}, el("tr", {}, el("th", { text: "序号" }), el("th", { text: "任务" }), el("th", { text: "完成时限" }))), el("tbody", {}, rows)));
  }
  if (ans.citations && ans.citations.length) {
    card.append(el("div", { class: "label", text: "出处" }), el("ol", { class: "cites" }, ans.citations.map(citationItem)));
  }
  if (ans.abstained && ans.related && ans.related.length) {
    card.append(el("div", { class: "label", text: "相关段落（仅供参考）" }), el("ol", { class: "cites related" }, ans.related.map(citationItem)));
  }
  card.append(el("div", { class: "actions" }, el("button", { type: "button", class: "copy", onclick: () => copyText(plainText(question, ans)), text: "复制" })));
  return card;
}

async function ask(question) {
  const history = $("#history");
  $("#chat-empty")?.remove();
  history.append(el("div", { class: "q", text: question }));
  const pending = el("div", { class: "card", role: "status", text: "正在检索…" });
  history.append(pending);
  const btn = $("#ask-btn");
  btn.disabled = true;
  pending.scrollIntoView({ block: "end" });
  try {
    const ans = await api("/ask", { method: "POST", body: JSON.stringify({ question, top_k: 5 }) });
    pending.replaceWith(answerCard(question, ans));
  } catch (e) {
    pending.replaceWith(el("div", { class: "card error", role: "alert", text: e.message }));
  } finally {
    btn.disabled = false;
    history.lastElementChild.scrollIntoView({ block: "nearest" });
  }
}

function setupChat() {
  const form = $("#ask-form");
  const input = $("#question");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    input.value = "";
    ask(q);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  document.querySelectorAll(".example").forEach((b) => b.addEventListener("click", () => ask(b.textContent)));
}

/* ---------------- inspector ---------------- */
const SCOPES = [
  { label: "全部", params: {} },
  { label: "隐患判定标准", params: { category: "hazard_criteria" } },
  { label: "法律法规", params: { category: "laws_regulations" } },
  { label: "地方法规", params: { category: "local_regulations" } },
  { label: "辨识手册", params: { category: "pdf" } },
];
let scope = SCOPES[0];

function setupInspect() {
  const box = $("#scope-chips");
  SCOPES.forEach((s, i) => {
    box.append(el("button", {
      type: "button", class: "scope", "aria-pressed": i === 0 ? "true" : "false",
      onclick: (ev) => {
        scope = s;
        box.querySelectorAll(".scope").forEach((b) => b.setAttribute("aria-pressed", "false"));
        ev.currentTarget.setAttribute("aria-pressed", "true");
        if ($("#kw").value.trim()) search();
      },
    }, s.label));
  });
  $("#inspect-form").addEventListener("submit", (ev) => { ev.preventDefault(); search(); });
}

async function search() {
  const q = $("#kw").value.trim();
  const status = $("#inspect-status");
  const list = $("#inspect-results");
  if (!q) { status.textContent = "请输入关键词。"; return; }
  status.className = "status";
  status.textContent = "正在查询…";
  list.replaceChildren();
  const params = new URLSearchParams({ q, top_k: "10", ...scope.params });
  try {
    const body = await api(`/search?${params}`);
    status.textContent = body.hits.length ? `找到 ${body.hits.length} 条` : "没有找到相关条款。";
    body.hits.forEach((h) => {
      list.append(el("li", { class: "result" },
        el("a", { class: "open", href: docLink(h) },
          el("div", { class: "loc", text: h.locator || "（无编号）" }),
          el("div", { class: "txt", text: h.text.length > 300 ? h.text.slice(0, 300) + "…" : h.text }),
          el("div", { class: "doc" }, `《${h.title}》 `, validityBadge(h.validity)))));
    });
  } catch (e) {
    status.className = "status error";
    status.textContent = e.message;
  }
}

/* ---------------- documents ---------------- */
async function showDocs() {
  const status = $("#docs-status");
  const tbody = $("#docs-table tbody");
  status.className = "status";
  status.textContent = "正在加载…";
  try {
    const body = await api("/documents?limit=1000");
    tbody.replaceChildren();
    if (!body.total) {
      status.innerHTML = "";
      status.append("知识库为空，请先导入文档 ", el("code", { text: "emkb ingest corpus/" }));
      return;
    }
    status.textContent = `共 ${body.total} 份文件`;
    body.documents.forEach((d) => tbody.append(el("tr", {},
      el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(d.doc_id)}`, text: d.title })),
      el("td", { text: d.doc_number || "" }), el("td", { text: d.issuer || "" }), el("td", { text: d.date || "" }),
      el("td", { text: d.category || "" }), el("td", {}, validityBadge(d.validity)), el("td", { text: String(d.chunk_count) }))));
  } catch (e) {
    status.className = "status error";
    status.textContent = e.message;
  }
}

function csvCell(v) {
  const s = String(v ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

let currentTasks = [];

function renderTasks() {
  const owner = $("#owner-filter").value;
  const deadline = $("#deadline-filter").value;
  const rows = currentTasks.filter((t) => (!owner || t.owners.includes(owner)) && (!deadline || t.deadline === deadline));
  $("#task-table tbody").replaceChildren(...rows.map((t) => el("tr", {},
    el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(t.doc_id)}?at=${t.start}`, text: t.number })),
    el("td", { text: t.title }), el("td", { text: t.owners.join("、") || "（未列明）" }), el("td", { text: t.deadline || "" }))));
  return rows;
}

function exportCsv() {
  const rows = renderTasks();
  const lines = [["序号", "任务", "责任单位", "完成时限"].join(",")].concat(
    rows.map((t) => [t.number, t.title, t.owners.join("、"), t.deadline].map(csvCell).join(",")));
  const csv = "\ufeff" + lines.join("\r\n");
  window.__lastCsv = csv;
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: `${$("#doc-title").textContent || "tasks"}-任务分工.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function showDoc(id, at) {
  $("#doc-title").textContent = "正在加载…";
  const textBox = $("#doc-text");
  textBox.replaceChildren();
  try {
    const doc = await api(`/documents/${encodeURIComponent(id)}`);
    const m = doc.meta;
    $("#doc-title").textContent = m.title;
    const meta = $("#doc-meta");
    meta.replaceChildren();
    [["文号", m.doc_number], ["发布机关", m.issuer], ["日期", m.date], ["施行日期", m.effective_date], ["类别", m.category], ["来源文件", m.source]]
      .filter(([, v]) => v).forEach(([k, v]) => meta.append(el("dt", { text: k }), el("dd", { text: v })));
    meta.append(el("dt", { text: "效力" }), el("dd", {}, validityBadge(m.validity), m.superseded_by ? ` 现行：${m.superseded_by}` : ""));
    // paragraphs keep their offsets so that a citation can scroll to its place
    let offset = 0;
    let target = null;
    for (const line of doc.text.split("\n")) {
      const p = el("p", { "data-start": offset, text: line });
      if (at !== null && offset <= at && at < offset + line.length + 1) target = p;
      textBox.append(p);
      offset += line.length + 1;
    }
    const outline = $("#outline");
    outline.replaceChildren(...doc.outline.map((o) => el("li", { class: `l${Math.max(0, Math.min(3, o.level))}` },
      el("a", { href: `#/doc/${encodeURIComponent(id)}?at=${o.start}`, text: o.title }))));
    $("#outline-box").hidden = !doc.outline.length;
    currentTasks = doc.tasks || [];
    $("#doc-tasks").hidden = !currentTasks.length;
    if (currentTasks.length) {
      const owners = [...new Set(currentTasks.flatMap((t) => t.owners))];
      const deadlines = [...new Set(currentTasks.map((t) => t.deadline).filter(Boolean))];
      $("#owner-filter").replaceChildren(el("option", { value: "", text: "全部" }), ...owners.map((o) => el("option", { value: o, text: o })));
      $("#deadline-filter").replaceChildren(el("option", { value: "", text: "全部" }), ...deadlines.map((d) => el("option", { value: d, text: d })));
      renderTasks();
    }
    if (target) {
      target.classList.add("target");
      target.scrollIntoView({ block: "center" });
    } else {
      window.scrollTo(0, 0);
    }
  } catch (e) {
    $("#doc-title").textContent = e.message;
  }
}

/* ---------------- routing ---------------- */
function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  let view = "chat";
  if (path.startsWith("/inspect")) view = "inspect";
  else if (path.startsWith("/docs")) view = "docs";
  else if (path.startsWith("/doc/")) view = "doc";
  document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== `view-${view}`; });
  document.querySelectorAll("[data-nav]").forEach((a) => {
    if (a.dataset.nav === view || (view === "doc" && a.dataset.nav === "docs")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (view === "docs") showDocs();
  if (view === "doc") {
    const at = params.has("at") ? Number(params.get("at")) : null;
    showDoc(decodeURIComponent(path.slice(5)), at);
  }
  if (view === "chat") $("#question").focus();
  if (view === "inspect") $("#kw").focus();
}

document.addEventListener("DOMContentLoaded", () => {
  setupChat();
  setupInspect();
  $("#owner-filter").addEventListener("change", renderTasks);
  $("#deadline-filter").addEventListener("change", renderTasks);
  $("#export-csv").addEventListener("click", exportCsv);
  window.addEventListener("hashchange", route);
  route();
});
