/* kgraph page, part 2 of 8 (inside the IIFE opened by page-core.js): the known set. */
  /* ---- the known set: marks, storage, known.json ---- */
  function marksInUse() { return state.linkMarks || state.marks; }
  function now() { return new Date().toISOString().slice(0, 19) + "Z"; }
  /* The CLI's known.json text: sorted keys, two-space indent, one trailing newline. */
  function knownText(marks) {
    var sorted = {};
    Array.from(marks.keys()).sort().forEach(function (id) { sorted[id] = marks.get(id); });
    return JSON.stringify({ format: "kgraph-known", known: sorted, version: 1 }, null, 2) + "\n";
  }
  /* Marks from a known.json text (or a plain list of ids, as `kgraph known --import` takes):
   * {marks} or {error: message key}, never a partial result. A renamed concept's old id is
   * mapped to its current id through the aliases, as kgraph.saved_progress.resolve does; an id this
   * graph does not know at all refuses an import, but is kept as it is in the browser's own
   * storage (another version of the graph may know it), as the CLI keeps it in known.json. */
  /* kgraph.saved_progress's time: "YYYY-MM-DDTHH:MM:SSZ" and a real one (no 30 February, no
   * hour 24, no year 0), which Date would otherwise roll over into another day. */
  function realTime(when) {
    if (typeof when !== "string" || !TIME.test(when) || when < "0001") return false;
    var date = new Date(when);
    return !isNaN(date) && date.toISOString().slice(0, 19) + "Z" === when;
  }
  function parseKnown(text, keepUnknown) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "page.import_bad" }; }
    var marks = new Map();
    if (Array.isArray(data)) {
      if (!data.every(function (i) { return typeof i === "string"; })) return { error: "page.import_bad" };
      var when = now();
      data.forEach(function (id) { marks.set(id, when); });
    } else {
      if (!data || typeof data !== "object" || data.format !== "kgraph-known") return { error: "page.import_bad" };
      if (data.version !== 1) return { error: "page.import_version" };
      var map = data.known;
      if (!map || typeof map !== "object" || Array.isArray(map)) return { error: "page.import_bad" };
      var keys = Object.keys(map);
      if (!keys.every(function (k) { return ID.test(k) && realTime(map[k]); })) {
        return { error: "page.import_bad" };
      }
      keys.forEach(function (k) { marks.set(k, map[k]); });
    }
    var current = new Map(), unknown = [];
    marks.forEach(function (when, id) {
      var found = byId.has(id) ? id : names.get(normalize(id));
      if (found === undefined) { unknown.push(id); if (keepUnknown) current.set(id, when); return; }
      current.set(found, current.has(found) && current.get(found) < when ? current.get(found) : when);
    });
    if (unknown.length && !keepUnknown) return { error: "page.import_unknown", unknown: unknown };
    return { marks: current };
  }
  function loadStored() {
    var text = null;
    try { text = window.localStorage.getItem(STORE); } catch (e) { text = null; }
    if (text === null) {  // nothing saved yet: start from the known set the page was exported with
      var when = now();
      return new Map(DATA.known.map(function (id) { return [id, when]; }));
    }
    var parsed = text.length > MAX_FILE ? { error: "page.import_large" } : parseKnown(text, true);
    if (parsed.error) { state.storageBad = true; return new Map(); }
    return parsed.marks;
  }
  function saveStored() {
    try { window.localStorage.setItem(STORE, knownText(state.marks)); state.storageBad = false; }
    catch (e) { say(ui("page.storage_failed")); }
  }
  /* New marks; `saved` keeps them in the browser, `afterMap` (a single mark) draws the map first
   * and then writes the storage and the panels, in the same task. */
  function setMarks(marks, saved, afterMap) {
    if (saved) { state.marks = marks; state.linkMarks = null; } else state.linkMarks = marks;
    if (saved) { if (afterMap) afterDrawn(saveStored); else saveStored(); }
    refresh(true, afterMap);
  }
  function toggleKnown(id) {
    var marks = new Map(marksInUse());
    if (marks.has(id)) marks.delete(id); else marks.set(id, now());
    var told = ui(marks.has(id) ? "page.marked" : "page.unmarked", { name: name(id) });
    afterDrawn(function () { say(told); });  // before the storage's word, should it fail
    setMarks(marks, state.linkMarks === null, true);
  }
  function importText(text, fileName) {
    var file = shownText(fileName);
    var parsed = text.length > MAX_FILE ? { error: "page.import_large" } : parseKnown(text, false);
    if (parsed.error) {
      var unknown = parsed.unknown || [];
      say(ui(parsed.error, { file: file, count: unknown.length, example: unknown.length ? shownText(unknown[0]) : "" }));
      return false;
    }
    var merged = new Map(state.marks), added = 0;
    parsed.marks.forEach(function (when, id) {
      if (!merged.has(id)) added++;
      merged.set(id, merged.has(id) && merged.get(id) < when ? merged.get(id) : when);
    });
    setMarks(merged, true);
    say(ui("page.imported", { file: file, count: added }));
    return true;
  }
  function importFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE) { say(ui("page.import_large", { file: shownText(file.name) })); return; }
    var reader = new FileReader();
    reader.onload = function () { importText(String(reader.result), file.name); };
    reader.onerror = function () { say(ui("page.import_bad", { file: shownText(file.name) })); };
    reader.readAsText(file);
  }
  function downloadKnown() {
    var blob = new Blob([knownText(state.marks)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "known.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
