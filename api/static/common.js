/* Shared helpers: DOM building, the API client, validity badges, highlighting, copying. */

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** el("a", {href, class, text, onclick}, ...children): attributes set as given; null/false skipped. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/* ---------------- API client ---------------- */

const KEY_STORE = "emkb.readKey";

export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.status = status;
  }
}

function readKey() {
  try { return localStorage.getItem(KEY_STORE) || ""; } catch (e) { return ""; }
}

export function saveKey(key) {
  try {
    if (key) localStorage.setItem(KEY_STORE, key);
    else localStorage.removeItem(KEY_STORE);
  } catch (e) { /* private mode: the key lasts for this page only */ }
}

/** fetch JSON from the API; every failure becomes an ApiError with a Chinese message. */
export async function api(path, options = {}) {
  const headers = { Accept: "application/json" };
  if (options.body) headers["Content-Type"] = "application/json";
  const key = readKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let res;
  try {
    res = await fetch(path, { ...options, headers });
  } catch (e) {
    throw new ApiError("无法连接服务器，请稍后重试。");
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => d.msg || JSON.stringify(d)).join("；");
    if (res.status === 401) throw new ApiError(`需要访问密钥：${detail || "服务器要求登录"}`, 401);
    if (res.status === 429) throw new ApiError("请求过于频繁，请稍等几秒再试。", 429);
    if (res.status >= 500) throw new ApiError(detail ? `服务器出错（${res.status}）：${detail}` : `服务器出错（${res.status}），请稍后重试。`, res.status);
    throw new ApiError(detail ? `请求有误：${detail}` : `请求有误（${res.status}）。`, res.status);
  }
  return body;
}

/** An error line; a 401 also offers a box for the read key. */
export function errorBox(err, tag = "div", cls = "card error") {
  const box = el(tag, { class: cls, role: "alert" }, el("span", { text: err.message }));
  if (err.status === 401) {
    const id = `key-${Math.random().toString(36).slice(2, 8)}`;
    const input = el("input", { id, type: "password", autocomplete: "off", class: "key-input" });
    box.append(el("form", {
      class: "key-form",
      onsubmit: (ev) => { ev.preventDefault(); saveKey(input.value.trim()); location.reload(); },
    }, el("label", { for: id, text: "访问密钥" }), input, el("button", { type: "submit", text: "保存并重试" })));
  }
  return box;
}

/* ---------------- labels ---------------- */

export const CATEGORY_LABELS = {
  hazard_criteria: "隐患判定标准",
  laws_regulations: "法律法规",
  local_regulations: "地方法规",
  pdf: "辨识手册与目录",
  policy_articles: "政策解读",
  work_plans: "工作要点",
};

export const categoryLabel = (c) => CATEGORY_LABELS[c] || c || "其他";

/** Validity badge: 现行有效 green; 已修订 amber; 已废止 / 被替代 red, with "— 注意". */
export function validityBadge(v) {
  if (!v) return null;
  if (v === "现行有效") return el("span", { class: "badge ok", text: "现行有效" });
  const label = v === "被替代" ? "已被替代" : v;
  return el("span", { class: `badge ${v === "已修订" ? "warn" : "bad"}`, text: `${label} — 注意` });
}

/* ---------------- text ---------------- */

/** text with [start, end) wrapped in <mark>; the text alone when the range does not fit. */
export function highlighted(text, hl) {
  if (!Array.isArray(hl) || hl.length !== 2) return [text];
  const [a, b] = hl;
  if (!(Number.isInteger(a) && Number.isInteger(b)) || a < 0 || b > text.length || a >= b) return [text];
  return [text.slice(0, a), el("mark", { text: text.slice(a, b) }), text.slice(b)];
}

/** text with every occurrence of any keyword wrapped in <mark> (for search results). */
export function markKeywords(text, query) {
  const words = [...new Set(query.split(/[\s,，、；;]+/).filter((w) => w.length >= 1))]
    .sort((x, y) => y.length - x.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!words.length) return [text];
  const re = new RegExp(`(${words.join("|")})`, "g");
  return text.split(re).map((part, i) => (i % 2 ? el("mark", { text: part }) : part)).filter((p) => p !== "");
}

/** "#/doc/ID?at=START&end=END": the document view scrolled to a passage. */
export function docHref(docId, start, end) {
  const p = new URLSearchParams();
  if (Number.isInteger(start)) p.set("at", String(start));
  if (Number.isInteger(end)) p.set("end", String(end));
  const q = p.toString();
  return `#/doc/${encodeURIComponent(docId)}${q ? `?${q}` : ""}`;
}

/** Copy to the clipboard, falling back to a hidden textarea; resolves to true when it worked. */
export async function copyText(text) {
  window.__lastCopy = text; // lets tests (and curious users) see what was copied
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (e) { /* fall through to the textarea */ }
  const ta = el("textarea", { class: "offscreen", readonly: true, "aria-hidden": "true" });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  ta.remove();
  return ok;
}

/** A short status line that says "the knowledge base is empty" the same way everywhere. */
export function emptyKbNotice() {
  return el("p", { class: "empty-kb" }, "知识库为空，请先导入文档 ", el("code", { text: "emkb ingest corpus/" }));
}

/** GET /healthz once; null when the server cannot say. */
let healthPromise = null;
export function health() {
  if (!healthPromise) healthPromise = api("/healthz").catch(() => null);
  return healthPromise;
}

/** GET /documents?limit=1000 once per page; a failed load is retried next time. */
let docsPromise = null;
export function allDocuments(refresh = false) {
  if (!docsPromise || refresh) {
    docsPromise = api("/documents?limit=1000").catch((e) => { docsPromise = null; throw e; });
  }
  return docsPromise;
}
