#!/usr/bin/env python3
"""Validate the held-out question sets against /work/shared/EVAL_SCHEMA.md.

Checks, for every file in FILES:
  * every line is a JSON object with the schema fields and types;
  * ids are unique and use the expected prefix (h… / d… / b… / du…, dp…);
  * `doc` names existing corpus files (null only for `unanswerable`);
  * every evidence string (8–40 chars) occurs in its document(s) after the
    schema normalisation (whitespace removed, runs of the same punctuation
    collapsed, full-width ASCII mapped to half-width); PDFs via pypdf;
  * `owners` occur in the document and, for work-plan tasks with a
    「责任单位…：」 line, equal that line exactly (split on 、，,;；);
  * unanswerable questions have doc null and no evidence;
  * no question text is repeated within or across the files.
Prints counts by type and exits non-zero on any failure.

Usage: python3 check.py [--no-pdf]
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "corpus")
FILES = [("heldout.jsonl", "h"), ("dev-paraphrase.jsonl", "d"), ("blind2.jsonl", "b"), ("dev-unanswerable.jsonl", "d[up]"), ("dev3.jsonl", "[en]"), ("blind3.jsonl", "c"), ("blind4.jsonl", "g"), ("blind5.jsonl", "k"), ("blind6.jsonl", "m"), ("blind7.jsonl", "q"), ("blind8.jsonl", "r"), ("blind9.jsonl", "s"), ("blind10.jsonl", "t"), ("blind11.jsonl", "v"), ("blind12.jsonl", "w"), ("blind13.jsonl", "y"), ("blind14.jsonl", "z"), ("blind15.jsonl", "a"), ("blind16.jsonl", "j"), ("blind17.jsonl", "f"), ("blind18.jsonl", "l"), ("blind19.jsonl", "o"), ("blind20.jsonl", "i"), ("blind21.jsonl", "p"), ("blind22.jsonl", "u"), ("blind23.jsonl", "x"), ("blind24.jsonl", "aa"), ("blind25.jsonl", "ab"), ("blind26.jsonl", "ac"), ("blind27.jsonl", "ad"), ("blind28.jsonl", "ae"), ("blind29.jsonl", "af"), ("blind30.jsonl", "ag"), ("blind31.jsonl", "ah"), ("blind32.jsonl", "ai"), ("blind33.jsonl", "aj"), ("blind34.jsonl", "ak"), ("blind35.jsonl", "al"), ("blind36.jsonl", "am"), ("blind37.jsonl", "an"), ("blind38.jsonl", "ao"), ("blind39.jsonl", "ap"), ("blind40.jsonl", "aq"), ("blind41.jsonl", "ar"), ("blind42.jsonl", "as"), ("blind43.jsonl", "at"), ("blind44.jsonl", "au"), ("blind45.jsonl", "av"), ("blind46.jsonl", "aw"), ("blind47.jsonl", "ax"), ("blind48.jsonl", "ay"), ("blind49.jsonl", "az"), ("blind50.jsonl", "ba"), ("blind51.jsonl", "bb"), ("blind52.jsonl", "bc"), ("blind53.jsonl", "bd"), ("blind54.jsonl", "be"), ("blind55.jsonl", "bf"), ("blind56.jsonl", "bg"), ("blind57.jsonl", "bh"), ("blind58.jsonl", "bi"), ("blind59.jsonl", "bj"), ("blind60.jsonl", "bk"), ("blind61.jsonl", "bl"), ("blind62.jsonl", "bm"), ("blind63.jsonl", "bn"), ("blind64.jsonl", "bo"), ("blind65.jsonl", "bp"), ("blind66.jsonl", "bq"), ("blind67.jsonl", "br"), ("blind68.jsonl", "bs"), ("blind69.jsonl", "bt"), ("blind70.jsonl", "bu"), ("blind71.jsonl", "bv"), ("blind72.jsonl", "bw"), ("blind73.jsonl", "bx"), ("blind74.jsonl", "by"), ("blind75.jsonl", "bz"), ("blind76.jsonl", "ca"), ("blind77.jsonl", "cb"), ("blind78.jsonl", "cc"), ("blind79.jsonl", "cd"), ("blind80.jsonl", "ce"), ("blind81.jsonl", "cf"), ("blind82.jsonl", "cg"), ("blind83.jsonl", "ch"), ("blind84.jsonl", "ci"), ("blind85.jsonl", "cj"), ("blind86.jsonl", "ck"), ("blind87.jsonl", "cl"), ("blind88.jsonl", "cm"), ("blind89.jsonl", "cn"), ("blind90.jsonl", "co"), ("blind91.jsonl", "cp"), ("blind92.jsonl", "cq"), ("blind93.jsonl", "cr"), ("blind94.jsonl", "cs"), ("blind95.jsonl", "ct"), ("blind96.jsonl", "cu"), ("blind97.jsonl", "cv"), ("blind98.jsonl", "cw"), ("blind99.jsonl", "cx"), ("blind100.jsonl", "cy"), ("blind101.jsonl", "cz"), ("blind102.jsonl", "da"), ("blind103.jsonl", "db"), ("blind104.jsonl", "dc"), ("blind105.jsonl", "dd"), ("blind106.jsonl", "de"), ("blind107.jsonl", "df"), ("blind108.jsonl", "dg"), ("blind109.jsonl", "dh"), ("blind110.jsonl", "di"), ("blind111.jsonl", "dj")]
TYPES = {"owner", "deadline", "list", "fact", "numeric", "paraphrase", "keyword",
         "clause", "cross_doc", "unanswerable"}
ALLOWED = {"id", "type", "question", "doc", "evidence", "answer", "owners", "task"}
REQUIRED = {"id", "type", "question", "doc", "evidence", "answer"}


def normalize(text):
    text = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    text = re.sub(r"\s+", "", text)
    out = []
    for c in text:
        if out and c == out[-1] and unicodedata.category(c).startswith("P"):
            continue
        out.append(c)
    return "".join(out)


def corpus_paths():
    paths = {}
    for root, _dirs, files in os.walk(CORPUS):
        for f in files:
            if f.endswith((".txt", ".md", ".pdf")):
                paths[f] = os.path.join(root, f)
    return paths


_cache = {}


def doc_text(name, paths):
    if name not in _cache:
        p = paths[name]
        if p.endswith(".pdf"):
            import pypdf
            reader = pypdf.PdfReader(p)
            raw = "\n".join((pg.extract_text() or "") for pg in reader.pages)
        else:
            with open(p, encoding="utf-8") as fh:
                raw = fh.read()
        _cache[name] = normalize(raw)
    return _cache[name]


def owner_line(text, task):
    """Owners as written in the responsibility line of work-plan task `task`."""
    m = re.search(r"(?<![\d.])%s\.(?!\d)" % re.escape(str(task)), text)
    if not m:
        return None
    rest = text[m.end():]
    r = re.search(r"责任(?:单位|科室)[^:]{0,8}:(.*?)完成时限", rest)
    if not r:
        return None
    # the line must belong to this task, not a later one
    nxt = re.search(r"(?<![\d.])\d{1,2}\.(?!\d)", rest[:r.start()])
    if nxt:
        return None
    return [x for x in re.split(r"[、，,;；]", r.group(1)) if x]


def main():
    skip_pdf = "--no-pdf" in sys.argv
    paths = corpus_paths()
    errors = []
    seen_q = {}
    totals = {}
    for fname, prefix in FILES:
        fpath = os.path.join(HERE, fname)
        counts = Counter()
        ids = set()
        docs_used = Counter()
        with open(fpath, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        for ln, line in enumerate(lines, 1):
            where = f"{fname}:{ln}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            if not isinstance(q, dict):
                errors.append(f"{where}: not an object")
                continue
            where = f"{fname}:{ln} [{q.get('id')}]"
            missing = REQUIRED - q.keys()
            extra = q.keys() - ALLOWED
            if missing:
                errors.append(f"{where}: missing fields {sorted(missing)}")
                continue
            if extra:
                errors.append(f"{where}: unknown fields {sorted(extra)}")
            qid, typ = q["id"], q["type"]
            if not isinstance(qid, str) or not re.fullmatch(prefix + r"\d+", qid):
                errors.append(f"{where}: id must look like {prefix}<n>")
            if qid in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(qid)
            if typ not in TYPES:
                errors.append(f"{where}: unknown type {typ!r}")
            counts[typ] += 1
            if not isinstance(q["question"], str) or not q["question"].strip():
                errors.append(f"{where}: empty question")
            else:
                key = normalize(q["question"])
                if key in seen_q:
                    errors.append(f"{where}: question repeats {seen_q[key]}")
                seen_q[key] = where
            if not isinstance(q["answer"], str) or not q["answer"].strip():
                errors.append(f"{where}: answer must be a non-empty string")
            ev = q["evidence"]
            if not isinstance(ev, list) or not all(isinstance(e, str) for e in ev):
                errors.append(f"{where}: evidence must be a list of strings")
                continue
            doc = q["doc"]
            if typ == "unanswerable":
                if doc is not None:
                    errors.append(f"{where}: unanswerable must have doc null")
                if ev:
                    errors.append(f"{where}: unanswerable must have empty evidence")
                if "owners" in q:
                    errors.append(f"{where}: unanswerable must not have owners")
                continue
            if doc is None:
                errors.append(f"{where}: answerable question needs doc")
                continue
            docs = [doc] if isinstance(doc, str) else doc
            if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
                errors.append(f"{where}: doc must be a string or list of strings")
                continue
            bad = [d for d in docs if d not in paths]
            if bad:
                errors.append(f"{where}: unknown doc(s) {bad}")
                continue
            for d in docs:
                docs_used[d] += 1
            if not 1 <= len(ev) <= 2:
                errors.append(f"{where}: answerable needs 1-2 evidence strings, has {len(ev)}")
            if "task" in q and not (isinstance(q["task"], str) or
                                    (isinstance(q["task"], list) and all(isinstance(t, str) for t in q["task"]))):
                errors.append(f"{where}: task must be a string or list of strings")
            is_pdf = any(d.endswith(".pdf") for d in docs)
            if skip_pdf and is_pdf:
                continue
            texts = {d: doc_text(d, paths) for d in docs}
            for e in ev:
                ne = normalize(e)
                if not 8 <= len(ne) <= 40:
                    errors.append(f"{where}: evidence length {len(ne)} outside 8-40: {e!r}")
                if not any(ne in t for t in texts.values()):
                    errors.append(f"{where}: evidence not found: {e!r}")
            if typ == "owner" or "owners" in q:
                owners = q.get("owners")
                if typ != "owner":
                    errors.append(f"{where}: owners only allowed on owner questions")
                if not isinstance(owners, list) or not owners or not all(isinstance(o, str) for o in owners):
                    errors.append(f"{where}: owner question needs a non-empty owners list")
                    continue
                if len(set(owners)) != len(owners):
                    errors.append(f"{where}: duplicate owners")
                for o in owners:
                    if not any(normalize(o) in t for t in texts.values()):
                        errors.append(f"{where}: owner not in document: {o!r}")
                if isinstance(q.get("task"), str):
                    gold = None
                    for t in texts.values():
                        gold = owner_line(t, q["task"])
                        if gold:
                            break
                    if gold is None:
                        errors.append(f"{where}: could not locate responsibility line of task {q['task']}")
                    elif [normalize(o) for o in owners] != gold:
                        errors.append(f"{where}: owners {owners} != document line {gold}")
                else:
                    errors.append(f"{where}: owner question needs a task number")
        totals[fname] = (counts, docs_used)
        print(f"== {fname}: {sum(counts.values())} questions, {len(docs_used)} documents cited")
        for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            print(f"   {t:13s} {n}")
    all_docs = set()
    for _c, du in totals.values():
        all_docs |= set(du)
    print(f"== documents covered by both files: {len(all_docs)} of {len(paths)}")
    missing = sorted(set(paths) - all_docs)
    if missing:
        print("   not covered:", ", ".join(missing))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
