/* Chat (#/): questions, answers with numbered citations, copy, session history. */

import { $, $$, api, copyText, docHref, el, emptyKbNotice, errorBox, health, highlighted, validityBadge } from "./common.js";

const SHOWN_CITATIONS = 5; // longer lists (task lists cite every task) fold the rest behind a button
let answerSeq = 0;
let busy = false;

function citationItem(c, i, prefix) {
  const bodyId = `${prefix}-${i}`;
  const body = el("blockquote", { class: "cite-body", id: bodyId, hidden: true }, ...highlighted(c.text, c.highlight));
  const toggle = el("button", {
    type: "button", class: "cite-toggle", "aria-expanded": "false", "aria-controls": bodyId,
    onclick: () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      body.hidden = open;
    },
  },
  el("span", { class: "cite-num", text: `[${i + 1}]` }),
  el("span", { class: "cite-title", text: `《${c.title}》` }),
  c.locator ? el("span", { class: "cite-loc", text: c.locator }) : null);
  return el("li", { class: "cite", "data-doc": c.doc_id },
    el("div", { class: "cite-head" },
      toggle,
      validityBadge(c.validity),
      c.doc_number ? el("span", { class: "docno", text: c.doc_number }) : null,
      el("a", { href: docHref(c.doc_id, c.start, c.end), class: "open-source", text: "查看原文" })),
    c.section ? el("div", { class: "cite-section", text: c.section }) : null,
    body);
}

function citationList(items, cls, prefix) {
  const list = el("ol", { class: `cites ${cls}` }, items.map((c, i) => citationItem(c, i, prefix)));
  if (items.length <= SHOWN_CITATIONS) return [list];
  const extra = [...list.children].slice(SHOWN_CITATIONS);
  extra.forEach((li) => { li.hidden = true; });
  const more = el("button", {
    type: "button", class: "more", text: `显示全部 ${items.length} 条`,
    onclick: () => { extra.forEach((li) => { li.hidden = false; }); more.remove(); },
  });
  return [list, more];
}

function taskTable(tasks) {
  return el("div", { class: "table-wrap" }, el("table", { class: "tasks-table" },
    el("thead", {}, el("tr", {}, ["序号", "任务", "责任单位", "完成时限"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, tasks.map((t) => el("tr", {},
      el("td", { "data-label": "序号" }, el("a", { href: docHref(t.doc_id, t.start, t.end), text: t.number })),
      el("td", { "data-label": "任务", text: t.title }),
      el("td", { "data-label": "责任单位", text: (t.owners || []).join("、") }),
      el("td", { "data-label": "完成时限", class: "nowrap", text: t.deadline || "" }))))));
}

/** The answer as plain text: what the copy button puts on the clipboard. */
export function plainText(question, ans) {
  const lines = [`问：${question}`, `答：${ans.answer}`];
  if (ans.owners && ans.owners.length) lines.push(`责任单位：${ans.owners.join("、")}`);
  if (ans.deadline) lines.push(`完成时限：${ans.deadline}`);
  (ans.notices || []).forEach((n) => lines.push(n));
  if (ans.kind === "task_list" && ans.tasks && ans.tasks.length) {
    lines.push("", "任务清单：");
    ans.tasks.forEach((t) => lines.push(`任务${t.number} ${t.title}（${(t.owners || []).join("、")}；${t.deadline || "未列明时限"}）`));
  }
  const cites = ans.abstained ? ans.related || [] : ans.citations || [];
  if (cites.length) {
    lines.push("", ans.abstained ? "相关段落（仅供参考）：" : "出处：");
    cites.forEach((c, i) => lines.push(`[${i + 1}] 《${c.title}》${c.locator ? ` ${c.locator}` : ""}${c.doc_number ? `（${c.doc_number}）` : ""}`, c.text));
  }
  return lines.join("\n");
}

function answerCard(question, ans) {
  answerSeq += 1;
  const prefix = `a${answerSeq}`;
  const card = el("article", {
    class: `card answer${ans.abstained ? " abstained" : ""}`, "data-kind": ans.kind || "", "aria-label": `回答：${question}`,
  });
  card.append(el("div", { class: "label", text: ans.abstained ? "知识库中未找到答案" : "回答" }));
  card.append(el("p", { class: "answer-text", text: ans.answer }));

  const chips = el("div", { class: "chips", "aria-label": "责任单位与时限" });
  (ans.owners || []).forEach((o) => chips.append(el("span", { class: "chip owner", text: o })));
  if (ans.deadline) chips.append(el("span", { class: "chip deadline", text: `完成时限：${ans.deadline}` }));
  if (chips.childElementCount) card.append(chips);

  (ans.notices || []).forEach((n) => card.append(el("p", { class: "notice", role: "note" }, el("span", { "aria-hidden": "true", text: "⚠ " }), n)));

  if (ans.kind === "task_list" && ans.tasks && ans.tasks.length) {
    card.append(el("div", { class: "label", text: `任务清单（${ans.tasks.length} 项）` }), taskTable(ans.tasks));
  }
  if (!ans.abstained && ans.citations && ans.citations.length) {
    card.append(el("div", { class: "label", text: "出处" }), ...citationList(ans.citations, "sources", prefix));
  }
  if (ans.abstained && ans.related && ans.related.length) {
    card.append(el("div", { class: "label", text: "相关段落（仅供参考）" }), ...citationList(ans.related, "related", `${prefix}r`));
  }
  const copyBtn = el("button", {
    type: "button", class: "copy", text: "复制",
    onclick: async () => {
      const ok = await copyText(plainText(question, ans));
      copyBtn.textContent = ok ? "已复制" : "复制失败，请手动选择";
      setTimeout(() => { copyBtn.textContent = "复制"; }, 2000);
    },
  });
  card.append(el("div", { class: "actions" }, copyBtn));
  return card;
}

async function ask(question) {
  if (busy) return;
  busy = true;
  const history = $("#history");
  $("#chat-empty")?.remove();
  history.append(el("p", { class: "q", text: question }));
  const pending = el("div", { class: "card pending", role: "status", text: "正在检索…" });
  history.append(pending);
  const btn = $("#ask-btn");
  btn.disabled = true;
  btn.textContent = "检索中…";
  pending.scrollIntoView({ block: "end" });
  try {
    const ans = await api("/ask", { method: "POST", body: JSON.stringify({ question, top_k: 5 }) });
    const card = answerCard(question, ans);
    pending.replaceWith(card);
    card.scrollIntoView({ block: "start", behavior: "smooth" });
  } catch (e) {
    const box = errorBox(e);
    const h = await health();
    if (h && h.documents === 0) box.append(emptyKbNotice());
    pending.replaceWith(box);
    box.scrollIntoView({ block: "end" });
  } finally {
    busy = false;
    btn.disabled = false;
    btn.textContent = "提问";
  }
}

export function setupChat() {
  const form = $("#ask-form");
  const input = $("#question");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q || busy) return;
    input.value = "";
    ask(q);
  });
  input.addEventListener("keydown", (ev) => {
    // Enter sends, Shift+Enter makes a new line; never while an IME is composing Chinese
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  $$(".example").forEach((b) => b.addEventListener("click", () => ask(b.textContent.trim())));
  health().then((h) => {
    if (h && h.documents === 0) $("#chat-empty")?.prepend(emptyKbNotice());
  });
}

export function showChat() {
  const input = $("#question");
  if (!$("#history .answer, #history .error")) input.focus({ preventScroll: true });
}
