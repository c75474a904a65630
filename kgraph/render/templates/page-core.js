/* kgraph page script, part 1 of 8: the view's data, words and helpers. The answers come from
 * KGraphPlanner (planner.js) and the Markdown from KGraphChecklist (checklist.js); the view only
 * keeps the state and draws it. It is one function split by job into page-*.js files, joined in
 * the order kgraph.render.html.VIEW_SCRIPTS gives: core (this one, which opens the function),
 * known, state, map, panels, week, search, i18n and boot (which closes it).
 *
 * Data arrives in #kgraph-data as gzipped JSON in base64, inflated here with the browser's
 * DecompressionStream before the view starts, and enters the DOM only through textContent and
 * createElement: nothing from the graph, the address or an imported file is ever parsed as
 * HTML. Links are re-checked here (https only), whatever the Python side let through.
 *
 * State: the learner's marks (id → time, the CLI's known.json) in localStorage; the goal, the
 * start, the language and the selected concept in the fragment, `#to=&from=&known=&lang=&c=`;
 * the goal, its start and its pace chosen in the planner also in localStorage (page-week.js),
 * for a page reopened without a fragment.
 * A fragment's `known` is shown for that view and saved only when the reader asks. Anything in
 * the fragment, the storage or an imported file that is not what it should be is refused as a
 * whole, with a message, and changes nothing else. */
(function (view) {
  "use strict";
  var packed = atob(document.getElementById("kgraph-data").textContent.trim());
  var bytes = new Uint8Array(packed.length);
  for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(inflated).text().then(function (text) { view(JSON.parse(text)); })
    .catch(function (error) { setTimeout(function () { throw error; }, 0); });
})(function (DATA) {
  "use strict";
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

  /* Concepts by how much they unlock, most first: the order names get room on the map. */
  var important = DATA.concepts.slice().sort(function (a, b) { return (b.unlocked - a.unlocked) || (a.id < b.id ? -1 : 1); });

  /* ---- state ---- */
  var state = { marks: new Map(), linkMarks: null, goal: null, from: null, selected: null, view: "graph",
    pace: null, start: null };
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
  var hoursCache = new Map();  // a long plan prints the same few hours a thousand times
  function hoursText(h) {
    var key = lang + h;
    if (!hoursCache.has(key)) hoursCache.set(key, ui("unit.h", { hours: P.hoursText(h) }));
    return hoursCache.get(key);
  }
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
