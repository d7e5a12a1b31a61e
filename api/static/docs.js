/* Documents (#/docs) and one document (#/doc/ID?at=OFFSET&end=OFFSET or ?loc=LOCATOR). */

import { $, allDocuments, api, categoryLabel, docHref, el, emptyKbNotice, errorBox, validityBadge } from "./common.js";

/* ---------------- the list ---------------- */

let docList = [];

function renderDocRows() {
  const q = $("#docs-filter").value.trim().toLowerCase();
  const cat = $("#docs-category").value;
  const rows = docList.filter((d) => (!cat || d.category === cat)
    && (!q || [d.title, d.doc_number, d.issuer, d.doc_id].some((v) => (v || "").toLowerCase().includes(q))));
  $("#docs-table tbody").replaceChildren(...rows.map((d) => el("tr", {},
    el("td", { class: "title" }, el("a", { href: docHref(d.doc_id), text: d.title }),
      el("span", { class: "sub", text: [d.doc_number, d.date, categoryLabel(d.category)].filter(Boolean).join(" · ") })),
    el("td", { text: d.doc_number || "—" }),
    el("td", { text: d.issuer || "—" }),
    el("td", { class: "nowrap", text: d.date || "—" }),
    el("td", { class: "nowrap", text: categoryLabel(d.category) }),
    el("td", {}, validityBadge(d.validity)),
    el("td", { class: "num", text: String(d.chunk_count ?? "") }))));
  const status = $("#docs-status");
  status.textContent = rows.length === docList.length ? `共 ${docList.length} 份文件` : `共 ${docList.length} 份文件，显示 ${rows.length} 份`;
  $("#docs-none").hidden = rows.length > 0;
}

export async function showDocs() {
  const status = $("#docs-status");
  status.className = "status";
  if (!docList.length) status.textContent = "正在加载…";
  try {
    const body = await allDocuments(true);
    docList = body.documents || [];
    $("#docs-tools").hidden = !docList.length;
    $("#docs-table").hidden = !docList.length;
    if (!docList.length) {
      status.replaceChildren(emptyKbNotice());
      $("#docs-none").hidden = true;
      return;
    }
    const select = $("#docs-category");
    const chosen = select.value;
    const cats = [...new Set(docList.map((d) => d.category))];
    select.replaceChildren(el("option", { value: "", text: "全部类别" }),
      ...cats.map((c) => el("option", { value: c, selected: c === chosen, text: `${categoryLabel(c)}（${docList.filter((d) => d.category === c).length}）` })));
    renderDocRows();
  } catch (e) {
    status.replaceChildren(errorBox(e, "div", "error-line"));
  }
}

/* ---------------- one document ---------------- */

let current = null; // the document on screen: {id, doc}
let tasks = [];

function csvCell(v) {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // a cell Excel would run as a formula
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function filteredTasks() {
  const owner = $("#owner-filter").value;
  const deadline = $("#deadline-filter").value;
  return tasks.filter((t) => (!owner || t.owners.includes(owner)) && (!deadline || t.deadline === deadline));
}

function renderTasks() {
  const rows = filteredTasks();
  const owner = $("#owner-filter").value;
  $("#task-table tbody").replaceChildren(...rows.map((t) => el("tr", {},
    el("td", { "data-label": "序号" }, el("a", { href: docHref(t.doc_id, t.start, t.end), text: t.number, "aria-label": `任务${t.number}，查看原文` })),
    el("td", { "data-label": "任务", text: t.title }),
    el("td", { "data-label": "责任单位" }, el("div", { class: "owners" }, (t.owners.length ? t.owners : ["（未列明）"])
      .map((o) => el("span", { class: `chip owner small${o === owner ? " hit" : ""}`, text: o })))),
    el("td", { "data-label": "完成时限", class: "nowrap", text: t.deadline || "—" }))));
  $("#task-count").textContent = rows.length === tasks.length ? `共 ${tasks.length} 项` : `显示 ${rows.length} / ${tasks.length} 项`;
  return rows;
}

/** The filtered tasks as CSV: UTF-8 with a BOM so that Excel reads the Chinese, CRLF line ends. */
export function tasksCsv(rows) {
  const head = ["序号", "任务", "责任单位", "完成时限", "所属部分"];
  const lines = [head.join(",")].concat(rows.map((t) => [t.number, t.title, t.owners.join("、"), t.deadline, t.section].map(csvCell).join(",")));
  return `\ufeff${lines.join("\r\n")}`;
}

function exportCsv() {
  const csv = tasksCsv(filteredTasks());
  window.__lastCsv = csv; // tests read it; the download is the same string
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const owner = $("#owner-filter").value;
  const name = `${current ? current.doc.meta.title : "任务"}-任务分工${owner ? `-${owner}` : ""}.csv`.replace(/[\\/:*?"<>|]/g, "_");
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

function renderMeta(doc) {
  const m = doc.meta;
  $("#doc-title").textContent = m.title;
  document.title = `${m.title} — 应急管理法规知识库`;
  const meta = $("#doc-meta");
  meta.replaceChildren();
  const pairs = [["文号", m.doc_number], ["发布机关", m.issuer], ["发布日期", m.date], ["施行日期", m.effective_date],
    ["类别", categoryLabel(m.category)], ["段落数", String(doc.chunk_count ?? "")], ["来源文件", m.source]];
  pairs.filter(([, v]) => v).forEach(([k, v]) => meta.append(el("div", {}, el("dt", { text: k }), el("dd", { text: v }))));
  meta.append(el("div", {}, el("dt", { text: "效力" }), el("dd", {}, validityBadge(m.validity))));
  const warn = $("#doc-validity");
  if (m.validity && m.validity !== "现行有效") {
    const verb = m.validity === "被替代" ? "已被替代" : m.validity;
    warn.textContent = `注意：本文件${verb}${m.superseded_by ? `，现行文件：${m.superseded_by}` : ""}。引用前请核对现行版本。`;
    warn.hidden = false;
  } else {
    warn.hidden = true;
  }
  const w = $("#doc-warnings");
  w.hidden = !(doc.warnings && doc.warnings.length);
  $("#doc-warnings ul").replaceChildren(...(doc.warnings || []).map((x) => el("li", { text: typeof x === "string" ? x : JSON.stringify(x) })));
}

function renderTaskSection(doc) {
  tasks = doc.tasks || [];
  $("#doc-tasks").hidden = !tasks.length;
  if (!tasks.length) return;
  const owners = [...new Set(tasks.flatMap((t) => t.owners))];
  const deadlines = [...new Set(tasks.map((t) => t.deadline).filter(Boolean))];
  $("#owner-filter").replaceChildren(el("option", { value: "", text: "全部科室" }), ...owners.map((o) => el("option", { value: o, text: o })));
  $("#deadline-filter").replaceChildren(el("option", { value: "", text: "全部时限" }), ...deadlines.map((d) => el("option", { value: d, text: d })));
  renderTasks();
}

function renderText(doc) {
  const box = $("#doc-text");
  const frag = document.createDocumentFragment();
  let offset = 0;
  for (const line of doc.text.split("\n")) {
    if (line.trim()) frag.append(el("p", { "data-start": offset, "data-end": offset + line.length, text: line }));
    offset += line.length + 1;
  }
  const heads = new Map((doc.outline || []).map((o) => [o.start, o.level]));
  frag.querySelectorAll("p").forEach((p) => {
    const level = heads.get(Number(p.dataset.start));
    if (level !== undefined) p.classList.add("head", `h${Math.max(0, Math.min(4, level))}`);
  });
  box.replaceChildren(frag);
  if (!box.childElementCount) box.append(el("p", { class: "status", text: "（本文件没有正文）" }));
  const outline = doc.outline || [];
  $("#outline").replaceChildren(...outline.map((o) => el("li", { class: `l${Math.max(0, Math.min(4, o.level))}`, "data-start": o.start },
    el("a", { href: docHref(doc.meta.doc_id, o.start), text: o.title }))));
  const box2 = $("#outline-box");
  box2.hidden = !outline.length;
  box2.open = window.matchMedia("(min-width: 760px)").matches; // folded on a phone
  $("#doc-layout").classList.toggle("no-outline", !outline.length);
}

/** Highlight the paragraphs over [at, end) (or the one holding `at`) and scroll to the first. */
function goTo(at, end) {
  const box = $("#doc-text");
  box.querySelectorAll("p.target").forEach((p) => p.classList.remove("target"));
  $("#outline").querySelectorAll("[aria-current]").forEach((a) => a.removeAttribute("aria-current"));
  if (at === null) { window.scrollTo(0, 0); return; }
  const stop = end !== null && end > at ? end : at + 1;
  const hits = [...box.querySelectorAll("p[data-start]")].filter((p) => Number(p.dataset.start) < stop && Number(p.dataset.end) >= at);
  const items = [...$("#outline").children].filter((li) => Number(li.dataset.start) <= at);
  if (items.length) items[items.length - 1].querySelector("a").setAttribute("aria-current", "location");
  if (!hits.length) { window.scrollTo(0, 0); return; }
  hits.forEach((p) => p.classList.add("target"));
  hits[0].scrollIntoView({ block: hits.length > 3 ? "start" : "center" });
}

function locate(doc, params) {
  const num = (k) => (params.has(k) && /^\d+$/.test(params.get(k)) ? Number(params.get(k)) : null);
  let at = num("at");
  let end = num("end");
  if (at === null && params.get("loc")) {
    const unit = (doc.units || []).find((u) => u.locator === params.get("loc"));
    if (unit) { at = unit.start; end = unit.end; }
  }
  return [at, end];
}

export async function showDoc(id, params) {
  if (current && current.id === id) {
    goTo(...locate(current.doc, params));
    return;
  }
  current = null;
  $("#doc-title").textContent = "正在加载…";
  ["#doc-meta", "#doc-text", "#outline"].forEach((s) => $(s).replaceChildren());
  ["#doc-tasks", "#doc-validity", "#doc-warnings", "#outline-box"].forEach((s) => { $(s).hidden = true; });
  const status = $("#doc-status");
  status.replaceChildren();
  try {
    const doc = await api(`/documents/${encodeURIComponent(id)}`);
    current = { id, doc };
    renderMeta(doc);
    renderTaskSection(doc);
    renderText(doc);
    goTo(...locate(doc, params));
  } catch (e) {
    $("#doc-title").textContent = "无法打开文件";
    status.replaceChildren(errorBox(e, "div", "error-line"));
  }
}

export function setupDocs() {
  $("#docs-filter").addEventListener("input", renderDocRows);
  $("#docs-category").addEventListener("change", renderDocRows);
  $("#owner-filter").addEventListener("change", renderTasks);
  $("#deadline-filter").addEventListener("change", renderTasks);
  $("#export-csv").addEventListener("click", exportCsv);
  // clicking the link to where you already are re-centres it (the hash does not change)
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest && ev.target.closest("a[href^='#/doc/']");
    if (a && a.getAttribute("href") === location.hash && current) {
      ev.preventDefault();
      const params = new URLSearchParams(location.hash.split("?")[1] || "");
      goTo(...locate(current.doc, params));
    }
  });
}
