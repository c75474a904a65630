/* kgraph page script: the view. The answers come from KGraphPlanner (planner.js) and the
 * Markdown from KGraphChecklist (checklist.js); this file only keeps the state and draws it.
 *
 * Data arrives as JSON in #kgraph-data and enters the DOM only through textContent and
 * createElement: nothing from the graph, the address or an imported file is ever parsed as
 * HTML. Links are re-checked here (https only), whatever the Python side let through.
 *
 * State: the learner's marks (id → time, the CLI's known.json) in localStorage; the goal, the
 * start, the language and the selected concept in the fragment, `#to=&from=&known=&lang=&c=`.
 * A fragment's `known` is shown for that view and saved only when the reader asks. Anything in
 * the fragment, the storage or an imported file that is not what it should be is refused as a
 * whole, with a message, and changes nothing else. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kgraph-data").textContent);
  var P = KGraphPlanner, MD = KGraphChecklist;
  var STORE = "kgraph.known";
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/, TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/;
  var MAX_FILE = 4 * 1024 * 1024, MAX_HASH = 200000;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var INK = dark ? "#e6edf3" : "#1f2328", HALO = dark ? "#0d1117" : "#ffffff";
  var EDGE = dark ? { quiet: "rgba(139,148,158,0.28)", on: "#c9d1d9", highlight: "#f0f6fc" }
    : { quiet: "rgba(120,130,140,0.22)", on: "#39424c", highlight: "#2f3740" };
  var READY = dark ? "#58a6ff" : "#0969da";
  var byId = new Map(), levels = new Map(), needs = new Map(), unlocks = new Map();
  DATA.levels.forEach(function (lv) { levels.set(lv.id, lv); });
  DATA.concepts.forEach(function (c) { byId.set(c.id, c); needs.set(c.id, []); unlocks.set(c.id, []); });
  DATA.edges.forEach(function (e) { needs.get(e[1]).push(e[0]); unlocks.get(e[0]).push(e[1]); });
  var G = P.graph(DATA.concepts.map(function (c) {
    return { id: c.id, rank: c.rank, hours: c.hours, needs: c.needs.map(function (n) { return n.id; }),
      project: !!c.project, capstone: !!c.capstone };
  }));

  /* The most important concepts (most unlocked) keep readable names at any zoom. */
  var important = DATA.concepts.slice().sort(function (a, b) { return (b.unlocked - a.unlocked) || (a.id < b.id ? -1 : 1); })
    .slice(0, 400).map(function (c) { return c.id; });

  var bigFont = 15, readable = new Set();
  function fontSize(id) { return readable.has(id) ? bigFont : 15; }

  /* ---- state ---- */
  var state = { marks: new Map(), linkMarks: null, goal: null, from: null, selected: null, view: "graph" };
  var known = new Set(), ready = new Set(), plan = null, planOrder = new Map();
  var status = document.getElementById("status");

  /* ---- words ---- */
  var lang = DATA.lang;
  try {  // the language the address asks for, before anything is drawn (checked again later)
    var asked = new URLSearchParams(window.location.hash.slice(1, MAX_HASH)).get("lang");
    if (DATA.languages.indexOf(asked) !== -1) lang = asked;
  } catch (e) { lang = DATA.lang; }
  function words() { return DATA.ui[lang]; }
  /* A message of the catalogue with {name} placeholders filled in; the result is only ever
   * assigned to textContent or to a vis-network string, never parsed as markup. */
  function ui(key, values) {
    return words().messages[key].replace(/\{(\w+)(?:![rs])?\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function tx(map) { return map[lang]; }
  var pluralRules = new Map();
  function plural(count, noun) {
    var forms = words().nouns[noun];
    if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(lang));
    return forms[pluralRules.get(lang).select(count)] || forms.other;
  }
  function levelName(id) { return words().levels[id] || id; }
  function rungName(rank) { return levelName(DATA.levels[rank].id); }
  function categoryName(id) { return words().categories[id] || id; }
  function hoursText(h) { return ui("unit.h", { hours: P.hoursText(h) }); }
  function name(id) { return byId.has(id) ? tx(byId.get(id).name) : id; }
  /* Text from outside (a file, the address) made short and visible before it is shown. */
  function shownText(text) {
    var s = MD.clean(String(text));
    return s.length > 60 ? s.slice(0, 57) + "…" : s;
  }
  function say(text) { status.textContent = text; }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function button(text, cls, onClick) {
    var b = el("button", text, cls);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  // The page re-checks every link as kgraph.model.check_url does: https, a host, no credentials,
  // and none of the characters (spaces, controls, quotes, invisible or bidi marks) that URL
  // parsing would silently repair or that could disguise where the link goes.
  var UNSAFE_URL = /[\s\u0000-\u001f\u007f-\u009f"'<>\\`\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]/;
  function safeUrl(u) {
    if (typeof u !== "string" || UNSAFE_URL.test(u)) return null;
    try {
      var url = new URL(u);
      if (url.protocol !== "https:" || !url.hostname || url.username || url.password) return null;
      return url.href;
    } catch (e) { return null; }
  }

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
   * mapped to its current id through the aliases, as kgraph.saved_known.resolve does; an id this
   * graph does not know at all refuses an import, but is kept as it is in the browser's own
   * storage (another version of the graph may know it), as the CLI keeps it in known.json. */
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
      if (!keys.every(function (k) { return ID.test(k) && typeof map[k] === "string" && TIME.test(map[k]); })) {
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
  function setMarks(marks, saved) {
    if (saved) { state.marks = marks; state.linkMarks = null; saveStored(); } else state.linkMarks = marks;
    refresh(true);
  }
  function toggleKnown(id) {
    var marks = new Map(marksInUse());
    if (marks.has(id)) marks.delete(id); else marks.set(id, now());
    say(ui(marks.has(id) ? "page.marked" : "page.unmarked", { name: name(id) }));
    setMarks(marks, state.linkMarks === null);
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

  /* ---- the fragment ---- */
  /* The state the address asks for; each bad part is refused whole and named in `errors`. */
  function readHash() {
    var raw = window.location.hash.slice(1), wanted = { errors: [] };
    if (raw.length > MAX_HASH) { wanted.errors.push(ui("page.link_long")); return wanted; }
    var params;
    try { params = new URLSearchParams(raw); } catch (e) { wanted.errors.push(ui("page.link_long")); return wanted; }
    var code = params.get("lang");
    if (code !== null) {
      if (DATA.languages.indexOf(code) !== -1) wanted.lang = code;
      else wanted.errors.push(ui("page.link_bad", { key: "lang" }));
    }
    ["to", "from", "c"].forEach(function (key) {
      var id = params.get(key);
      if (id === null || id === "") return;
      if (byId.has(id)) wanted[key] = id; else wanted.errors.push(ui("page.link_bad", { key: key }));
    });
    var list = params.get("known");
    if (list !== null) {
      var ids = list === "" ? [] : list.split(",");
      if (ids.length > byId.size || !ids.every(function (id) { return byId.has(id); })) {
        wanted.errors.push(ui("page.link_bad", { key: "known" }));
      } else wanted.known = ids;
    }
    return wanted;
  }
  function sameIds(a, b) {
    return a.size === b.size && Array.from(a.keys()).every(function (k) { return b.has(k); });
  }
  function applyHash(first) {
    var wanted = readHash();
    if (wanted.lang && wanted.lang !== lang) { lang = wanted.lang; if (!first) showLanguage(true); }
    if (wanted.known) {
      var marks = new Map(wanted.known.map(function (id) { return [id, state.marks.get(id) || now()]; }));
      state.linkMarks = sameIds(marks, state.marks) ? null : marks;
    } else if (!wanted.errors.length) state.linkMarks = null;
    if (wanted.to) { state.goal = wanted.to; state.from = wanted.from || null; }
    else if (!first && !wanted.errors.length) { state.goal = null; state.from = null; }
    refresh(false);
    if (wanted.c && wanted.c !== state.selected) select(wanted.c, !first, false);
    else if (!wanted.c && state.selected !== null && !wanted.errors.length) clearSelection(false);
    if (wanted.errors.length) say(ui("page.link_ignored", { parts: wanted.errors.join("; ") }));
  }
  function writeHash() {
    var parts = [];
    if (state.goal) parts.push("to=" + encodeURIComponent(state.goal));
    if (state.goal && state.from) parts.push("from=" + encodeURIComponent(state.from));
    var marks = marksInUse();
    if (marks.size) parts.push("known=" + Array.from(marks.keys()).sort().join(","));
    parts.push("lang=" + lang);
    if (state.selected !== null) parts.push("c=" + encodeURIComponent(state.selected));
    var hash = "#" + parts.join("&");
    if (window.location.hash === hash) return;
    try { window.history.replaceState(null, "", hash); } catch (e) { window.location.hash = hash; }
  }

  /* ---- the answers ---- */
  function compute() {
    var marked = Array.from(marksInUse().keys()).filter(function (id) { return byId.has(id); });
    known = P.knownSet(G, marked, false);
    ready = new Set(G.ids.filter(function (id) {
      return !known.has(id) && G.needs.get(id).every(function (p) { return known.has(p); });
    }));
    plan = state.goal ? P.plan(G, { to: state.goal, from: state.from, known: marked, strict: false }) : null;
    planOrder = new Map();
    if (plan) plan.steps.forEach(function (s, i) { planOrder.set(s.id, i + 1); });
    state.marked = marked;
  }

  /* ---- the graph ----
   * vis-network draws the graph once with fixed styles; what changes (the lit concepts of a
   * selection or plan, plan numbers, known and ready rings) is drawn over it after each frame
   * from this page's own state. Updating thousands of vis nodes costs ~55 µs each plus ~40 ms
   * per call; drawing the overlay costs a few ms, so a new plan or mark repaints at once. */
  var view = { lit: null, focus: null };
  function tooltip(c) {
    return tx(c.name) + "\n" + levelName(c.level) + " \u00b7 " + categoryName(c.category) + " \u00b7 " +
      hoursText(c.hours) + (c.unlocked ? ui("page.unlocks_tip", { count: c.unlocked }) : "") +
      "\n\n" + tx(c.summary);
  }
  function learnState(id) { return known.has(id) ? "known" : (ready.has(id) ? "ready" : "later"); }
  /* vis draws the dots only: names are drawn by the page (drawName), so the names of lit
   * concepts sit above the veil and the readable ones grow without restyling any vis node. */
  function nodeStyle(c) {
    var lv = levels.get(c.level);
    return {
      id: c.id,
      color: { background: lv.fill, border: lv.border,
        highlight: { background: lv.fill, border: INK }, hover: { background: lv.fill, border: INK } },
      font: { color: "rgba(0,0,0,0)", strokeWidth: 0, size: 15 },
      widthConstraint: { maximum: 170 }
    };
  }
  function lookOf(id) {
    return id === view.focus ? "selected" : (!view.lit || view.lit.has(id) ? "normal" : "dim");
  }
  function why(from, to) {
    var link = byId.get(to).needs.find(function (n) { return n.id === from; });
    return link ? tx(link.why) : "";
  }
  var edgeList = DATA.edges.map(function (e, i) { return { id: i, from: e[0], to: e[1] }; });
  var nodes = new vis.DataSet(DATA.concepts.map(function (c) {
    var node = nodeStyle(c);
    node.label = tx(c.name); node.title = tooltip(c); node.x = c.x; node.y = c.y; node.size = c.size;
    return node;
  }));
  var edges = new vis.DataSet(edgeList.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, title: why(e.from, e.to), width: 0.8,
      color: { color: EDGE.quiet, highlight: EDGE.highlight, hover: EDGE.highlight } };
  }));
  var container = document.getElementById("graph");
  window.kgraphReady = false;
  window.network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  window.kgraphNodes = nodes;
  window.kgraphEdges = edges;
  window.network.once("afterDrawing", function () { window.kgraphReady = true; });

  /* Rungs as labelled bands behind the graph, their names at a constant size on screen. */
  var bands = DATA.levels.map(function (lv, rank) {
    var members = DATA.concepts.filter(function (c) { return c.rank === rank; });
    if (!members.length) return null;
    var xs = members.map(function (c) { return c.x; }), ys = members.map(function (c) { return c.y; });
    return { rank: rank, fill: lv.fill, x0: Math.min.apply(null, xs), x1: Math.max.apply(null, xs),
      y0: Math.min.apply(null, ys), y1: Math.max.apply(null, ys) };
  }).filter(Boolean);
  var left = Math.min.apply(null, bands.map(function (b) { return b.x0; }).concat([0]));
  var right = Math.max.apply(null, bands.map(function (b) { return b.x1; }).concat([0]));
  window.network.on("beforeDrawing", function (ctx) {
    var size = 13 / window.network.getScale();
    bands.forEach(function (b) {
      ctx.globalAlpha = dark ? 0.12 : 0.08;
      ctx.fillStyle = b.fill;
      var top = b.y0 - 34 - 1.6 * size;
      ctx.fillRect(left - 120, top, right - left + 240, b.y1 - top + 34);
      ctx.globalAlpha = 1;
    });
  });
  /* The rungs' names, drawn after everything else so no veil or edge hides them. */
  function bandNames(ctx, scale) {
    var size = 13 / scale;
    ctx.fillStyle = dark ? "#c9d1d9" : "#4b5560";
    ctx.font = "600 " + size + "px system-ui, sans-serif";
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    bands.forEach(function (b) {
      var top = b.y0 - 34 - 1.6 * size;
      ctx.fillText(rungName(b.rank) + " \u2014 " + ui("page.rung." + DATA.levels[b.rank].id), left - 110, top + 0.3 * size);
    });
  }
  /* At the current zoom, the names of the concepts that unlock most, as many as fit without
   * overlapping (about 150 x 40 px each on screen), are drawn at 13 px; zooming in makes room
   * for more, and below 9 px vis leaves the others' names out. */
  function keepNamesReadable() {
    var scale = window.network.getScale(), size = Math.max(15, Math.round(13 / scale));
    var chosen = [], w = 150 / scale, h = 40 / scale;
    for (var i = 0; i < important.length && chosen.length < 40; i++) {
      var c = byId.get(important[i]);
      if (chosen.every(function (o) { return Math.abs(o.x - c.x) > w || Math.abs(o.y - c.y) > h; })) chosen.push(c);
    }
    bigFont = size;
    readable = new Set(chosen.map(function (c) { return c.id; }));
  }
  window.network.on("zoom", keepNamesReadable);

  function reach(start, adjacency) {
    var seen = new Set(), stack = [start];
    while (stack.length) {
      adjacency.get(stack.pop()).forEach(function (n) { if (!seen.has(n)) { seen.add(n); stack.push(n); } });
    }
    return seen;
  }
  /* Show `lit` (a Set) in colour and dim the rest; lit === null shows the whole graph. */
  var drawing = false;
  function paint(lit, focusId) {
    view.lit = lit; view.focus = focusId;
    if (drawing) return;
    drawing = true;  // one redraw per frame, however many changes a click makes
    window.requestAnimationFrame(function () { drawing = false; window.network.redraw(); });
  }
  var KNOWN = dark ? "#3fb950" : "#1a7f37";
  var STEP = dark ? "#c9d1d9" : "#1f2328";
  var VEIL = dark ? "rgba(13,17,23,0.8)" : "rgba(251,252,253,0.82)";
  /* Rings around `concepts` in one path (a path per ring costs a fill per concept). */
  function rings(ctx, concepts, gap, colour, width, dashes) {
    if (!concepts.length) return;
    var path = new Path2D();
    concepts.forEach(function (c) {
      path.moveTo(c.x + c.size + gap, c.y);
      path.arc(c.x, c.y, c.size + gap, 0, 2 * Math.PI);
    });
    ctx.setLineDash(dashes || []);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke(path);
    ctx.setLineDash([]);
  }
  /* Numbers or ticks on concepts: dots at any zoom, their text once it can be read. */
  function badges(ctx, items, colour, ink, scale) {
    if (!items.length) return;
    var path = new Path2D(), texts = [];
    items.forEach(function (item) {
      var c = item[0], r = Math.max(c.size * 0.6, 4 / scale), x = c.x + c.size * 0.75, y = c.y - c.size * 0.75;
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
      if (r * scale >= 6) texts.push([item[1], x, y, r]);
    });
    ctx.fillStyle = colour;
    ctx.fill(path);
    ctx.fillStyle = ink;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    texts.forEach(function (t) {
      ctx.font = "700 " + (t[0].length > 2 ? 0.95 : 1.2) * t[3] + "px system-ui, sans-serif";
      ctx.fillText(t[0], t[1], t[2] + t[3] * 0.05);
    });
  }
  /* Lit dots, one path per rung colour (a thousand separate fills cost ~30 ms a frame). */
  function dots(ctx, concepts) {
    DATA.levels.forEach(function (lv) {
      ctx.beginPath();
      concepts.forEach(function (c) {
        if (c.level !== lv.id) return;
        ctx.moveTo(c.x + c.size, c.y);
        ctx.arc(c.x, c.y, c.size, 0, 2 * Math.PI);
      });
      ctx.fillStyle = lv.fill;
      ctx.fill();
      ctx.strokeStyle = lv.border;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    });
  }
  /* A concept's name under its dot, wrapped at 170 px of its size; left out below 9 px on
   * screen (vis's own rule), so names appear as one zooms in. */
  function drawName(ctx, c, scale) {
    var size = fontSize(c.id);
    if (size * scale < 9) return;
    ctx.font = size + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var words = tx(c.name).split(" "), lines = [], line = "", limit = 170 * size / 15;
    words.forEach(function (w) {
      var tried = line ? line + " " + w : w;
      if (line && ctx.measureText(tried).width > limit) { lines.push(line); line = w; } else line = tried;
    });
    lines.push(line);
    lines.forEach(function (text, i) {
      var y = c.y + c.size + 4 + i * size * 1.15;
      ctx.strokeStyle = HALO; ctx.lineWidth = size / 4; ctx.strokeText(text, c.x, y);
      ctx.fillStyle = INK; ctx.fillText(text, c.x, y);
    });
  }
  /* Lit edges as one path of lines and one of arrowheads, from dot edge to dot edge. */
  function litEdges(ctx, lit) {
    var lines = new Path2D(), heads = new Path2D();
    edgeList.forEach(function (e) {
      if (!lit.has(e.from) || !lit.has(e.to)) return;
      var a = byId.get(e.from), b = byId.get(e.to), dx = b.x - a.x, dy = b.y - a.y;
      var length = Math.sqrt(dx * dx + dy * dy) || 1, ux = dx / length, uy = dy / length;
      var x1 = b.x - ux * b.size, y1 = b.y - uy * b.size;
      lines.moveTo(a.x + ux * a.size, a.y + uy * a.size);
      lines.lineTo(x1, y1);
      heads.moveTo(x1, y1);
      heads.lineTo(x1 - ux * 12 - uy * 5, y1 - uy * 12 + ux * 5);
      heads.lineTo(x1 - ux * 12 + uy * 5, y1 - uy * 12 - ux * 5);
      heads.closePath();
    });
    ctx.strokeStyle = EDGE.on; ctx.lineWidth = 2.2; ctx.stroke(lines);
    ctx.fillStyle = EDGE.on; ctx.fill(heads);
  }
  window.network.on("afterDrawing", function (ctx) {
    var scale = window.network.getScale(), box = container.getBoundingClientRect();
    var tl = window.network.DOMtoCanvas({ x: 0, y: 0 });
    var br = window.network.DOMtoCanvas({ x: box.width, y: box.height });
    var margin = 200 / scale;
    function inView(c) { return c.x > tl.x - margin && c.x < br.x + margin && c.y > tl.y - margin && c.y < br.y + margin; }
    var shown = DATA.concepts.filter(function (c) { return (!view.lit || view.lit.has(c.id)) && inView(c); });
    ctx.save();
    if (view.lit) {
      ctx.fillStyle = VEIL;
      ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
      litEdges(ctx, view.lit);
      dots(ctx, shown);
    }
    rings(ctx, shown.filter(function (c) { return known.has(c.id); }), 3, KNOWN, 2.5, [4, 3]);
    rings(ctx, shown.filter(function (c) { return ready.has(c.id); }), 3, READY, 3);
    rings(ctx, shown.filter(function (c) { return c.id === view.focus; }), 7, INK, 3);
    badges(ctx, shown.filter(function (c) { return planOrder.has(c.id); })
      .map(function (c) { return [c, String(planOrder.get(c.id))]; }), STEP, HALO, scale);
    badges(ctx, shown.filter(function (c) { return known.has(c.id) && !planOrder.has(c.id); })
      .map(function (c) { return [c, "\u2713"]; }), KNOWN, "#ffffff", scale);
    shown.forEach(function (c) { drawName(ctx, c, scale); });
    bandNames(ctx, scale);
    ctx.restore();
  });
  function paintDefault() { paint(planOrder.size ? new Set(planOrder.keys()) : null, null); }
  function repaint() {
    if (state.selected !== null) { var lit = litFor(state.selected); paint(lit, state.selected); }
    else paintDefault();
  }
  function litFor(id) {
    var lit = new Set([id]);
    reach(id, needs).forEach(function (n) { lit.add(n); });
    reach(id, unlocks).forEach(function (n) { lit.add(n); });
    return lit;
  }

  /* ---- the panel ---- */
  function chipFor(levelId) {
    var chip = el("span", levelName(levelId), "chip"), dot = el("span", null, "dot");
    dot.style.background = levels.get(levelId).fill;
    chip.prepend(dot);
    return chip;
  }
  /* A concept named in the panel: a button that moves to it, or plain text when not drawn. */
  function conceptLink(id) {
    if (!byId.has(id)) return el("span", DATA.offpage[id] ? tx(DATA.offpage[id]) : id, "offpage");
    var b = button(tx(byId.get(id).name), "concept-link " + learnState(id), function () { select(id, true, true); });
    b.dataset.id = id;
    return b;
  }
  function section(parent, heading, items, render) {
    if (!items.length) return;
    parent.appendChild(el("h3", heading));
    var list = el("ul");
    items.forEach(function (item) { var li = el("li"); render(li, item); list.appendChild(li); });
    parent.appendChild(list);
  }
  function resourceItem(li, r) {
    li.className = "resource";
    var href = safeUrl(r.url);
    if (href) {
      var a = el("a", r.title);
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
      li.appendChild(a);
    } else {
      li.appendChild(el("span", ui("page.unsafe", { title: r.title }), "blocked"));
    }
    var kind = words().kinds[r.kind] || r.kind;
    li.appendChild(el("span", r.free ? ui("page.free", { kind: kind }) : kind, "kind"));
  }
  function showDetails(c) {
    var box = document.getElementById("details");
    box.replaceChildren(el("h2", tx(c.name)));
    var meta = el("p", null, "meta");
    meta.append(chipFor(c.level), el("span", categoryName(c.category)), el("span", hoursText(c.hours)));
    if (known.has(c.id)) meta.append(el("span", ui("page.known"), "chip"));
    if (planOrder.has(c.id)) meta.append(el("span", ui("page.step", { number: planOrder.get(c.id) }), "chip"));
    box.appendChild(meta);
    var marked = marksInUse().has(c.id);
    var toggle = button(ui(marked ? "page.known_marked" : "page.know_this"), "toggle", function () { toggleKnown(c.id); });
    toggle.id = "know-toggle";
    toggle.setAttribute("aria-pressed", String(marked));
    var actions = el("p", null, "actions");
    actions.append(toggle, button(ui("page.learn_this"), "ghost", function () { setGoal(c.id, null); }));
    box.appendChild(actions);
    if (known.has(c.id) && !marked) {
      var by = state.marked.filter(function (m) { return P.closure(G, [m]).has(c.id); }).map(name);
      box.appendChild(el("p", ui("page.implied", { names: by.join(", ") }), "hint"));
    }
    if (c.aliases.length) box.appendChild(el("p", ui("page.aliases", { aliases: c.aliases.join(", ") }), "aliases"));
    box.appendChild(el("p", tx(c.summary), "summary"));
    section(box, ui("page.needs", { count: c.needs.length }), c.needs, function (li, link) {
      li.append(conceptLink(link.id), el("span", tx(link.why), "why"));
    });
    section(box, ui("page.unlocks", { direct: c.unlocks.length, all: c.unlocked }), c.unlocks,
      function (li, id) { li.appendChild(conceptLink(id)); });
    section(box, ui("page.resources"), c.resources, resourceItem);
  }
  function showIntro() {
    var box = document.getElementById("details"), n = DATA.concepts.length, m = DATA.edges.length;
    box.replaceChildren(el("h2", ui("page.explore")),
      el("p", ui("page.counts", { concepts: n, concepts_noun: plural(n, "concept"), links: m, links_noun: plural(m, "link") })),
      el("p", ui("page.intro"), "hint"), el("p", ui("page.keys"), "hint"));
  }
  function select(id, move, remember) {
    var c = byId.get(id);
    if (!c) return;
    state.selected = id;
    paint(litFor(id), id);
    window.network.selectNodes([id]);
    if (move && state.view === "graph") {
      window.network.focus(id, { scale: Math.max(window.network.getScale(), 0.9), animation: { duration: 350 } });
    }
    showDetails(c);
    if (remember) writeHash();
  }
  function clearSelection(remember) {
    state.selected = null;
    window.network.unselectAll();
    paintDefault();
    showIntro();
    if (remember) writeHash();
  }

  /* The plan: numbered steps (each li carries data-id), hours, running total, per-rung
   * totals, the chain, and the Markdown checklist to copy. */
  function showPlan() {
    var box = document.getElementById("plan");
    box.hidden = !plan;
    if (!plan) { box.replaceChildren(); return; }
    box.replaceChildren(el("h2", plan.source ?
      ui("page.path_from", { source: name(plan.source), target: name(plan.target) }) :
      ui("page.path_to", { target: name(plan.target) })));
    var count = plan.steps.length;
    if (!count) { box.appendChild(el("p", ui("plan.nothing"), "total")); }
    else {
      box.appendChild(el("p", ui("page.path_total", { count: count, concepts_noun: plural(count, "concept"),
        hours: P.hoursText(plan.hours) }), "total"));
    }
    var list = el("ol", null, "steps");
    list.id = "plan-steps";
    plan.steps.forEach(function (s, i) {
      var li = el("li");
      li.dataset.id = s.id;
      li.append(el("span", (i + 1) + ".", "num"), conceptLink(s.id),
        el("span", hoursText(s.hours), "own"), el("span", hoursText(s.total), "run"));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (plan.totals.length) {
      box.appendChild(el("h3", ui("page.totals")));
      var totals = el("ul", null, "totals");
      plan.totals.forEach(function (t) {
        var li = el("li");
        li.dataset.rank = String(t.rank);
        li.append(chipFor(DATA.levels[t.rank].id), el("span", ui("page.rung_total", {
          count: t.count, concepts_noun: plural(t.count, "concept"), hours: P.hoursText(t.hours) }), "run"));
        totals.appendChild(li);
      });
      box.appendChild(totals);
    }
    if (plan.chain.length) {
      box.appendChild(el("h3", ui("page.chain")));
      box.appendChild(el("p", plan.chain.map(name).join(" \u2192 "), "chain"));
    }
    var actions = el("p", null, "actions");
    actions.append(button(ui("page.copy_md"), "ghost", copyPlan), button(ui("page.clear_plan"), "ghost", function () { setGoal(null, null); }));
    box.appendChild(actions);
  }
  function planMarkdown() {
    var title = plan.source ? ui("title.from", { source: plan.source, target: plan.target }) : ui("title.to", { target: plan.target });
    var count = plan.steps.length;
    var summary = count ? ui("md.plan", { count: count, concepts: plural(count, "concept"), hours: P.hoursText(plan.hours) })
      : ui("plan.nothing");
    var items = plan.steps.map(function (s) {
      var c = byId.get(s.id);
      return MD.item(tx(c.name), hoursText(c.hours), c.resources[0], false);
    });
    return MD.checklist(title, summary, items);
  }
  function copyPlan() {
    var text = planMarkdown(), box = document.getElementById("plan");
    var area = box.querySelector("textarea") || el("textarea", null, "copy");
    area.value = text;
    area.readOnly = true;
    area.setAttribute("aria-label", ui("page.copy_md"));
    box.appendChild(area);
    window.kgraphMarkdown = text;
    var done = function () { say(ui("page.copied")); };
    try {
      navigator.clipboard.writeText(text).then(done, function () { area.select(); say(ui("page.copy_select")); });
    } catch (e) { area.select(); say(ui("page.copy_select")); }
  }

  function showGaps() {
    var box = document.getElementById("gaps");
    box.hidden = !state.goal;
    if (!state.goal) { box.replaceChildren(); return; }
    var found = P.gaps(G, { to: state.goal, known: state.marked, strict: false });
    box.replaceChildren(el("h2", ui("page.gaps", { target: name(state.goal) })));
    var readyList = el("ul", null, "ready-now"), blockedList = el("ul", null, "blocked-list");
    found.ready.forEach(function (id) { var li = el("li"); li.dataset.id = id; li.appendChild(conceptLink(id)); readyList.appendChild(li); });
    /* The blocked list can run to a thousand rows: it is built when first opened. */
    var blocked = el("details", null, "blocked"), summary = el("summary", ui("page.blocked", { count: found.blocked.length }));
    function fill() {
      if (blockedList.childElementCount || !blocked.open) return;
      found.blocked.forEach(function (b) {
        var li = el("li");
        li.dataset.id = b.id;
        li.append(conceptLink(b.id), el("span", ui("page.waiting_for", { names: b.waitingFor.map(name).join(", ") }), "why"));
        blockedList.appendChild(li);
      });
    }
    blocked.open = state.blockedOpen === true;
    blocked.addEventListener("toggle", function () { state.blockedOpen = blocked.open; fill(); });
    blocked.append(summary, blockedList);
    fill();
    box.append(el("h3", ui("page.ready_now", { count: found.ready.length })), readyList, blocked);
  }
  function showNext() {
    var box = document.getElementById("next");
    var found = P.next(G, { known: state.marked, strict: false, goal: state.goal });
    box.replaceChildren(el("h2", state.goal ? ui("page.next_for", { target: name(state.goal) }) : ui("page.next")));
    var list = el("ol", null, "next-list");
    found.candidates.slice(0, 12).forEach(function (c) {
      var li = el("li");
      li.dataset.id = c.id;
      li.append(conceptLink(c.id), el("span", ui("page.next_row", { count: c.unlocks, hours: P.hoursText(byId.get(c.id).hours) }), "run"));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (found.candidates.length > 12) box.appendChild(el("p", ui("page.more", { count: found.candidates.length - 12 }), "hint"));
  }
  function showProgress() {
    var box = document.getElementById("progress");
    box.replaceChildren(el("h2", ui("page.progress")));
    var marks = marksInUse();
    box.appendChild(el("p", ui("page.known_count", { count: known.size, total: DATA.concepts.length, marked: marks.size })));
    if (state.linkMarks) {
      var note = el("p", ui("page.link_known", { count: state.linkMarks.size }), "notice");
      note.setAttribute("role", "note");
      box.appendChild(note);
      var keep = el("p", null, "actions");
      keep.append(button(ui("page.keep_link"), "", function () { setMarks(state.linkMarks, true); writeHash(); }),
        button(ui("page.use_mine"), "ghost", function () { state.linkMarks = null; refresh(true); writeHash(); }));
      box.appendChild(keep);
    }
    if (state.storageBad) box.appendChild(el("p", ui("page.storage_bad"), "notice"));
    var actions = el("p", null, "actions");
    var picker = el("input");
    picker.type = "file"; picker.accept = ".json,application/json"; picker.id = "import-file"; picker.className = "sr-only";
    picker.addEventListener("change", function () { importFile(picker.files[0]); picker.value = ""; });
    var pick = el("label", ui("page.import"), "button ghost");
    pick.htmlFor = "import-file";
    pick.tabIndex = 0;
    pick.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); picker.click(); } });
    var download = button(ui("page.export"), "ghost", downloadKnown);
    download.id = "export-known";
    actions.append(download, pick, picker);
    box.append(actions, el("p", ui("page.drop"), "hint"));
  }
  function showLegend() {
    var legend = document.getElementById("legend");
    legend.replaceChildren();
    DATA.levels.forEach(function (lv) {
      var li = el("li"), dot = el("span", null, "dot");
      dot.style.background = lv.fill;
      li.append(dot, el("span", levelName(lv.id)), el("span", String(lv.count), "count"));
      legend.appendChild(li);
    });
    legend.appendChild(el("li", ui("page.legend_states"), "hint"));
  }

  /* The ladder as a plain list: rungs, bottom first, with progress, then their concepts. */
  function showLadder() {
    var box = document.getElementById("ladder");
    if (state.view !== "ladder") return;
    var title = el("h2", ui("page.ladder"));
    title.id = "ladder-title";
    box.replaceChildren(title);
    DATA.levels.forEach(function (lv, rank) {
      var members = G.ids.filter(function (id) { return G.byId.get(id).rank === rank; });
      if (!members.length) return;
      var got = members.filter(function (id) { return known.has(id); });
      var hours = 0, gotHours = 0;
      members.forEach(function (id) { hours += byId.get(id).hours; if (known.has(id)) gotHours += byId.get(id).hours; });
      var rung = el("section", null, "rung");
      rung.dataset.rank = String(rank);
      var head = el("h3", null, "rung-head");
      head.append(chipFor(lv.id), el("span", ui("page.rung." + lv.id), "bike"));
      var bar = el("progress");
      bar.max = members.length; bar.value = got.length;
      bar.setAttribute("aria-label", levelName(lv.id));
      rung.append(head, el("p", ui("page.ladder_row", { known: got.length, count: members.length,
        known_hours: P.hoursText(gotHours), hours: P.hoursText(hours) }), "hint"), bar);
      var list = el("ul", null, "rung-list");
      members.forEach(function (id) {
        var li = el("li", null, learnState(id));
        li.dataset.id = id;
        li.append(conceptLink(id), el("span", ui("page.state_" + learnState(id)), "state"));
        list.appendChild(li);
      });
      rung.appendChild(list);
      box.appendChild(rung);
    });
  }
  function setView(view) {
    state.view = view;
    document.getElementById("ladder").hidden = view !== "ladder";
    document.getElementById("graph").hidden = view !== "graph";
    document.querySelectorAll("#views [data-view]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.view === view));
    });
    showLadder();
    if (view === "graph") window.network.redraw();
  }

  /* Recompute the answers and show them everywhere; `remember` writes the fragment. */
  function refresh(remember) {
    compute();
    repaint();
    showPlan(); showGaps(); showNext(); showProgress(); showLadder(); showPickers();
    if (state.selected !== null) showDetails(byId.get(state.selected));
    if (remember) writeHash();
  }
  function setGoal(goal, from) {
    state.goal = goal; state.from = goal ? from : null;
    refresh(true);
  }

  /* ---- search and pickers: a name in any language, an alias or an id ---- */
  function normalize(s) { return String(s).toLowerCase().replace(/[\s\-_]+/g, ""); }
  var names = new Map();
  DATA.concepts.forEach(function (c) {
    DATA.languages.map(function (code) { return c.name[code]; }).concat(c.aliases, [c.id]).forEach(function (n) {
      var key = normalize(n);
      if (!names.has(key)) names.set(key, c.id);
    });
  });
  function fillChoices() {
    var seen = new Set(), choices = [];
    DATA.concepts.forEach(function (c) {
      [tx(c.name)].concat(c.aliases, [c.id]).forEach(function (n) {
        var key = normalize(n);
        if (!seen.has(key)) { seen.add(key); choices.push(n); }
      });
    });
    var datalist = document.getElementById("concept-names");
    datalist.replaceChildren();
    choices.sort(function (a, b) { return a.localeCompare(b, lang); }).forEach(function (n) {
      var option = document.createElement("option");
      option.value = n;
      datalist.appendChild(option);
    });
  }
  function find(text) {
    var key = normalize(text);
    if (!key) return null;
    if (names.has(key)) return names.get(key);
    var hit = null;
    names.forEach(function (id, n) { if (hit === null && n.indexOf(key) !== -1) hit = id; });
    return hit;
  }
  function search() {
    var text = document.getElementById("search").value, id = find(text);
    say(id ? "" : (text.trim() ? ui("page.no_match", { text: shownText(text) }) : ""));
    if (id) select(id, true, true);
  }
  function showPickers() {
    var goal = document.getElementById("goal"), from = document.getElementById("from");
    if (document.activeElement !== goal) goal.value = state.goal ? name(state.goal) : "";
    if (document.activeElement !== from) from.value = state.from ? name(state.from) : "";
  }
  function planFromPickers() {
    var goalText = document.getElementById("goal").value, fromText = document.getElementById("from").value;
    var goal = find(goalText), from = fromText.trim() ? find(fromText) : null;
    if (!goal) { say(goalText.trim() ? ui("page.no_match", { text: shownText(goalText) }) : ui("page.plan_none")); return; }
    if (fromText.trim() && !from) { say(ui("page.no_match", { text: shownText(fromText) })); return; }
    say("");
    setGoal(goal, from);
    document.getElementById("plan").scrollIntoView({ block: "nearest" });
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search(); });
  document.getElementById("search").addEventListener("change", search);
  document.getElementById("plan-form").addEventListener("submit", function (ev) { ev.preventDefault(); planFromPickers(); });
  document.getElementById("fit").addEventListener("click", function () {
    clearSelection(true); window.network.fit({ animation: { duration: 300 } });
  });
  document.querySelectorAll("#views [data-view]").forEach(function (b) {
    b.addEventListener("click", function () { setView(b.dataset.view); });
  });
  window.network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false, true);
    else if (state.selected !== null) clearSelection(true);
  });

  /* ---- keyboard: / search, arrows move in lists, Enter selects (buttons), Esc clears ---- */
  function typing(target) { return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA"); }
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && !typing(ev.target) && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      document.getElementById("search").focus();
    } else if (ev.key === "Escape") {
      if (typing(ev.target)) ev.target.blur();
      if (state.selected !== null) clearSelection(true);
      say("");
    } else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && ev.target.classList && ev.target.classList.contains("concept-link")) {
      var list = ev.target.closest("ol, ul");
      if (!list) return;
      var items = Array.from(list.querySelectorAll(".concept-link")), at = items.indexOf(ev.target);
      var to = items[at + (ev.key === "ArrowDown" ? 1 : -1)];
      if (to) { ev.preventDefault(); to.focus(); }
    }
  });
  /* ---- drag and drop a known.json anywhere on the page ---- */
  document.addEventListener("dragover", function (ev) { ev.preventDefault(); document.body.classList.add("dropping"); });
  document.addEventListener("dragleave", function () { document.body.classList.remove("dropping"); });
  document.addEventListener("drop", function (ev) {
    ev.preventDefault();
    document.body.classList.remove("dropping");
    if (ev.dataTransfer && ev.dataTransfer.files.length) importFile(ev.dataTransfer.files[0]);
  });

  /* Every text on the page in the current language: the static words, the panels and, unless
   * the graph was just built in it, the labels, tooltips and reasons of the graph. */
  function showLanguage(relabel) {
    document.documentElement.lang = lang;
    document.title = tx(DATA.title);
    document.getElementById("page-title").textContent = tx(DATA.title);
    document.querySelectorAll("[data-i18n]").forEach(function (n) { n.textContent = ui(n.dataset.i18n); });
    [["data-i18n-placeholder", "placeholder"], ["data-i18n-title", "title"], ["data-i18n-aria-label", "aria-label"]]
      .forEach(function (pair) {
        document.querySelectorAll("[" + pair[0] + "]").forEach(function (n) { n.setAttribute(pair[1], ui(n.getAttribute(pair[0]))); });
      });
    document.querySelectorAll("#langs [data-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
    });
    if (relabel) {
      nodes.update(DATA.concepts.map(function (c) { return { id: c.id, label: tx(c.name), title: tooltip(c) }; }));
      edges.update(edgeList.map(function (e) { return { id: e.id, title: why(e.from, e.to) }; }));
    }
    fillChoices();
    showLegend();
    refresh(false);
    if (state.selected === null) showIntro();
    say("");
  }
  function setLanguage(code, remember) {
    if (DATA.languages.indexOf(code) === -1) return;
    lang = code;
    showLanguage(true);
    if (remember) writeHash();
  }
  document.querySelectorAll("#langs [data-lang]").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.dataset.lang, true); });
  });
  window.addEventListener("hashchange", function () { applyHash(false); });
  window.kgraph = {
    select: function (id) { select(id, true, true); }, clear: function () { clearSelection(true); },
    setLanguage: function (code) { setLanguage(code, true); }, nodes: nodes, edges: edges,
    look: function (id) {
      return { lit: lookOf(id), learn: learnState(id), step: planOrder.has(id) ? planOrder.get(id) : null };
    },
    edgeLook: function (from, to) {
      return !view.lit ? "normal" : (view.lit.has(from) && view.lit.has(to) ? "on" : "dim");
    },
    plan: function (goal, from) { setGoal(goal, from || null); },
    toggleKnown: toggleKnown, importText: importText, knownText: function () { return knownText(state.marks); },
    markdown: function () { return plan ? planMarkdown() : null; }, setView: setView,
    state: function () { return { goal: state.goal, from: state.from, marks: Array.from(marksInUse().keys()).sort(),
      saved: Array.from(state.marks.keys()).sort(), link: state.linkMarks !== null, selected: state.selected }; }
  };

  state.marks = loadStored();
  if (DATA.plan) { state.goal = DATA.plan.to; state.from = DATA.plan.from; }
  showLanguage(false);
  applyHash(true);
  if (state.selected === null && DATA.focus && byId.has(DATA.focus)) select(DATA.focus, false, false);
  if (state.storageBad) say(ui("page.storage_bad"));
  window.network.once("afterDrawing", keepNamesReadable);
})();
