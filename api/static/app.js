/* emkb web: one page, hash routes. No build step, no CDN; ES modules served from /static.
 *   #/ or #/chat            questions and cited answers (chat.js)
 *   #/inspect               keyword search for inspectors on a phone (inspect.js)
 *   #/docs                  the document list (docs.js)
 *   #/doc/ID?at=N&end=M     one document, scrolled to offset N (or ?loc=第二十一条)
 */

import { $$ } from "./common.js";
import { setupChat, showChat } from "./chat.js";
import { setupDocs, showDoc, showDocs } from "./docs.js";
import { setupInspect, showInspect } from "./inspect.js";

const TITLES = { chat: "问答", inspect: "现场查询", docs: "文件库", doc: "文件" };
const scrollByView = {}; // where each list-like view was scrolled to, restored on return
let currentView = null;

function parse(hash) {
  const [path, query] = (hash || "#/").replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  if (path.startsWith("/inspect")) return { view: "inspect", params };
  if (path === "/docs" || path === "/docs/") return { view: "docs", params };
  if (path.startsWith("/doc/")) return { view: "doc", id: decodeURIComponent(path.slice(5)), params };
  return { view: "chat", params };
}

function route() {
  const r = parse(location.hash);
  if (currentView && currentView !== "doc") scrollByView[currentView] = window.scrollY;
  const changed = currentView !== r.view;
  currentView = r.view;
  $$(".view").forEach((v) => { v.hidden = v.id !== `view-${r.view}`; });
  $$("[data-nav]").forEach((a) => {
    if (a.dataset.nav === r.view || (r.view === "doc" && a.dataset.nav === "docs")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (r.view !== "doc") document.title = `${TITLES[r.view]} — 应急管理法规知识库`;
  if (r.view === "doc") {
    showDoc(r.id, r.params);
    return;
  }
  if (r.view === "docs") showDocs();
  if (r.view === "chat") showChat();
  if (r.view === "inspect") showInspect();
  if (changed) window.scrollTo(0, scrollByView[r.view] || 0);
}

function start() {
  setupChat();
  setupInspect();
  setupDocs();
  window.addEventListener("hashchange", route);
  route();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
