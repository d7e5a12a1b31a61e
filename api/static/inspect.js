/* Inspector view (#/inspect): on a phone, pick a standard or a category, type keywords, read the item. */

import { $, $$, allDocuments, api, categoryLabel, docHref, el, emptyKbNotice, errorBox, markKeywords, validityBadge } from "./common.js";

const CATEGORIES = ["hazard_criteria", "laws_regulations", "local_regulations", "pdf"];
const MAX_DOC_CHIPS = 12; // a category with more documents gets a select instead of chips

let scope = {}; // {category} or {category, doc_id}; {} searches everything
let docs = [];

/** "工贸行业重大生产安全事故隐患判定标准（2017版）" → "工贸行业（2017版）" */
function shortTitle(d) {
  let t = d.title;
  const dash = t.split("——");
  if (dash.length > 1) return dash[dash.length - 1];
  t = t.replace(/重大(生产安全)?事故隐患判定标准/, "").replace(/^中华人民共和国/, "").replace(/生产经营单位/, "");
  return t || d.title;
}

function pressOnly(group, button) {
  $$("button", group).forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
}

function renderDocPicker(category) {
  const box = $("#doc-chips");
  box.replaceChildren();
  const inCat = docs.filter((d) => d.category === category);
  if (!category || !inCat.length) { box.hidden = true; return; }
  box.hidden = false;
  if (inCat.length > MAX_DOC_CHIPS) {
    const select = el("select", {
      id: "doc-select", class: "doc-select",
      onchange: () => { scope = select.value ? { category, doc_id: select.value } : { category }; rerun(); },
    }, el("option", { value: "", text: `全部${categoryLabel(category)}（${inCat.length}）` }),
    inCat.map((d) => el("option", { value: d.doc_id, selected: scope.doc_id === d.doc_id, text: d.validity && d.validity !== "现行有效" ? `${d.title}（${d.validity}）` : d.title })));
    box.append(el("label", { for: "doc-select", class: "sr-only", text: "限定文件" }), select);
    return;
  }
  const all = el("button", { type: "button", class: "scope small", "aria-pressed": String(!scope.doc_id), text: `全部${categoryLabel(category)}` });
  all.addEventListener("click", () => { scope = { category }; pressOnly(box, all); rerun(); });
  box.append(all);
  inCat.forEach((d) => {
    const b = el("button", {
      type: "button", class: `scope small${d.validity && d.validity !== "现行有效" ? " dated" : ""}`, "aria-pressed": String(scope.doc_id === d.doc_id),
      title: d.title,
    }, shortTitle(d), d.validity && d.validity !== "现行有效" ? el("span", { class: "chip-note", text: ` · ${d.validity}` }) : null);
    b.addEventListener("click", () => { scope = { category, doc_id: d.doc_id }; pressOnly(box, b); rerun(); });
    box.append(b);
  });
}

function renderScopes() {
  const box = $("#scope-chips");
  const present = new Set(docs.map((d) => d.category));
  const cats = CATEGORIES.filter((c) => present.has(c) || !docs.length);
  const all = el("button", { type: "button", class: "scope", "aria-pressed": String(!scope.category), text: "全部" });
  all.addEventListener("click", () => { scope = {}; pressOnly(box, all); renderDocPicker(null); rerun(); });
  box.replaceChildren(all, ...cats.map((c) => {
    const b = el("button", { type: "button", class: "scope", "aria-pressed": String(scope.category === c), "data-category": c, text: categoryLabel(c) });
    b.addEventListener("click", () => { scope = { category: c }; pressOnly(box, b); renderDocPicker(c); rerun(); });
    return b;
  }));
  renderDocPicker(scope.category || null);
}

function rerun() {
  if ($("#kw").value.trim()) search();
}

function resultItem(h, query) {
  const text = h.text.length > 360 ? `${h.text.slice(0, 360)}…` : h.text;
  return el("li", { class: `result${h.validity && h.validity !== "现行有效" ? " dated" : ""}` },
    el("a", { class: "open", href: docHref(h.doc_id, h.start, h.end) },
      el("span", { class: "loc", text: h.locator || "（无编号）" }),
      el("span", { class: "txt" }, ...markKeywords(text, query)),
      el("span", { class: "src" }, el("span", { class: "src-title", text: `《${h.title}》` }), " ", validityBadge(h.validity))));
}

let searchSeq = 0;

async function search() {
  const q = $("#kw").value.trim();
  const status = $("#inspect-status");
  const list = $("#inspect-results");
  if (!q) {
    status.className = "status";
    status.textContent = "请输入关键词，如：除尘系统 锁气卸灰";
    return;
  }
  const seq = ++searchSeq; // a slow answer to an older query must not overwrite a newer one
  status.className = "status";
  status.textContent = "正在查询…";
  const btn = $("#inspect-form button[type=submit]");
  btn.disabled = true;
  const params = new URLSearchParams({ q, top_k: "10" });
  if (scope.doc_id) params.set("doc_id", scope.doc_id);
  else if (scope.category) params.set("category", scope.category);
  try {
    const body = await api(`/search?${params}`);
    if (seq !== searchSeq) return;
    list.replaceChildren(...body.hits.map((h) => resultItem(h, q)));
    status.textContent = body.hits.length ? `找到 ${body.hits.length} 条，点按查看原文` : "没有找到相关条款，换个关键词或放宽范围试试。";
  } catch (e) {
    if (seq !== searchSeq) return;
    list.replaceChildren();
    status.className = "status";
    status.replaceChildren(errorBox(e, "div", "error-line"));
  } finally {
    if (seq === searchSeq) btn.disabled = false;
  }
}

export function setupInspect() {
  renderScopes();
  $("#inspect-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    $("#kw").blur(); // close the phone keyboard so the results are visible
    search();
  });
  allDocuments().then((body) => {
    docs = body.documents || [];
    if (!body.total) $("#inspect-status").replaceChildren(emptyKbNotice());
    renderScopes();
  }).catch(() => { /* the chips stay generic; a search shows the error */ });
}

export function showInspect() {
  if (!$("#inspect-results").childElementCount) $("#kw").focus({ preventScroll: true });
}
