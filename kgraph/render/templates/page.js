/* kgraph page script. Data arrives as JSON in #kgraph-data and enters the DOM only through
 * textContent and createElement: nothing from the graph is ever parsed as HTML. Links are
 * re-checked here (https only), whatever the Python side let through.
 *
 * Every text a reader sees is a map {en: …, ru: …}; the EN / RU switch repaints labels, the
 * panel, the legend and the search choices in place. The URL fragment keeps the state,
 * `#lang=ru&c=lora`: the language and the selected concept, restored on reload. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kgraph-data").textContent);
  var DIM = { background: "#eceff2", border: "#dde2e7", font: "#b3bac2", edge: "#e8ebee" };
  var EDGE = { color: "#a3acb6", on: "#39424c", highlight: "#2f3740" };
  var byId = new Map(), levels = new Map(), needs = new Map(), unlocks = new Map();
  DATA.levels.forEach(function (lv) { levels.set(lv.id, lv); });
  DATA.concepts.forEach(function (c) { byId.set(c.id, c); needs.set(c.id, []); unlocks.set(c.id, []); });
  DATA.edges.forEach(function (e) { needs.get(e[1]).push(e[0]); unlocks.get(e[0]).push(e[1]); });
  var known = new Set(DATA.known);
  var planOrder = new Map();
  if (DATA.plan) {
    DATA.plan.steps.forEach(function (s, i) { if (byId.has(s.id)) planOrder.set(s.id, i + 1); });
  }
  var selected = null;

  /* ---- language ---- */
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var lang = params.get("lang");
    return { lang: DATA.languages.indexOf(lang) !== -1 ? lang : null, concept: params.get("c") };
  }
  var lang = fromHash().lang || DATA.lang;
  function words() { return DATA.ui[lang]; }
  /* A message of the catalogue with {name} placeholders filled in; the result is only ever
   * assigned to textContent or to a vis-network string, never parsed as markup. */
  function ui(key, values) {
    return words().messages[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function tx(map) { return map[lang]; }
  function plural(count, noun) {
    var forms = words().nouns[noun];
    return forms[new Intl.PluralRules(lang).select(count)] || forms.other;
  }
  function levelName(id) { return words().levels[id] || id; }
  function categoryName(id) { return words().categories[id] || id; }
  function hoursText(h) { return ui("unit.h", { hours: h }); }
  function writeHash() {
    var params = new URLSearchParams();
    params.set("lang", lang);
    if (selected !== null) params.set("c", selected);
    var hash = "#" + params.toString();
    if (window.location.hash === hash) return;
    try { window.history.replaceState(null, "", hash); } catch (e) { window.location.hash = hash; }
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
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
  function label(c) {
    var prefix = planOrder.has(c.id) ? planOrder.get(c.id) + ". " : "";
    return prefix + (known.has(c.id) ? "\u2713 " : "") + tx(c.name);
  }
  function tooltip(c) {
    return tx(c.name) + "\n" + levelName(c.level) + " \u00b7 " + categoryName(c.category) + " \u00b7 " +
      hoursText(c.hours) + (c.unlocked ? ui("page.unlocks_tip", { count: c.unlocked }) : "") +
      "\n\n" + tx(c.summary);
  }
  function nodeStyle(c, state) {
    var lv = levels.get(c.level), dim = state === "dim", focus = state === "selected";
    var fill = dim ? DIM.background : lv.fill, border = dim ? DIM.border : lv.border;
    return {
      id: c.id, kgState: state,
      color: { background: fill, border: focus ? "#111418" : border,
        highlight: { background: fill, border: "#111418" }, hover: { background: fill, border: "#111418" } },
      borderWidth: focus ? 4 : (known.has(c.id) ? 3 : 1.5),
      font: { color: dim ? DIM.font : "#1f2328" },
      shapeProperties: { borderDashes: known.has(c.id) ? [4, 3] : false }
    };
  }
  function edgeStyle(e, state) {
    var on = state === "on";
    return { id: e.id, kgState: state, width: on ? 2.2 : 1,
      color: { color: state === "dim" ? DIM.edge : (on ? EDGE.on : EDGE.color),
        highlight: EDGE.highlight, hover: EDGE.highlight } };
  }

  function why(from, to) {
    var link = byId.get(to).needs.find(function (n) { return n.id === from; });
    return link ? tx(link.why) : "";
  }
  var edgeList = DATA.edges.map(function (e, i) { return { id: i, from: e[0], to: e[1] }; });
  var nodes = new vis.DataSet(DATA.concepts.map(function (c) {
    var node = nodeStyle(c, "normal");
    node.label = label(c); node.title = tooltip(c); node.x = c.x; node.y = c.y; node.size = c.size;
    return node;
  }));
  var edges = new vis.DataSet(edgeList.map(function (e) {
    var edge = edgeStyle(e, "normal");
    edge.from = e.from; edge.to = e.to; edge.title = why(e.from, e.to);
    return edge;
  }));
  var container = document.getElementById("graph");
  window.kgraphReady = false;
  window.network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  window.kgraphNodes = nodes;
  window.kgraphEdges = edges;
  window.network.once("afterDrawing", function () { window.kgraphReady = true; });

  function reach(start, adjacency) {
    var seen = new Set(), stack = [start];
    while (stack.length) {
      adjacency.get(stack.pop()).forEach(function (n) { if (!seen.has(n)) { seen.add(n); stack.push(n); } });
    }
    return seen;
  }
  /* Paint every node and edge: `lit` (a Set) is shown in colour, everything else dimmed;
   * lit === null shows the whole graph normally. */
  function paint(lit, focusId) {
    nodes.update(DATA.concepts.map(function (c) {
      var state = c.id === focusId ? "selected" : (!lit || lit.has(c.id) ? "normal" : "dim");
      return nodeStyle(c, state);
    }));
    edges.update(edgeList.map(function (e) {
      var state = !lit ? "normal" : (lit.has(e.from) && lit.has(e.to) ? "on" : "dim");
      return edgeStyle(e, state);
    }));
  }
  function paintDefault() {
    paint(planOrder.size ? new Set(planOrder.keys()) : null, null);
  }

  function chipFor(levelId) {
    var chip = el("span", levelName(levelId), "chip"), dot = el("span", null, "dot");
    dot.style.background = levels.get(levelId).fill;
    chip.prepend(dot);
    return chip;
  }
  /* A concept named in the panel: a button that moves to it, or plain text when not drawn. */
  function conceptLink(id) {
    if (!byId.has(id)) return el("span", DATA.offpage[id] ? tx(DATA.offpage[id]) : id, "offpage");
    var button = el("button", tx(byId.get(id).name), "concept-link");
    button.type = "button";
    button.addEventListener("click", function () { select(id, true, true); });
    return button;
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
      el("p", ui("page.intro"), "hint"));
  }
  function select(id, move, remember) {
    var c = byId.get(id);
    if (!c) return;
    selected = id;
    var lit = new Set([id]);
    reach(id, needs).forEach(function (n) { lit.add(n); });
    reach(id, unlocks).forEach(function (n) { lit.add(n); });
    paint(lit, id);
    window.network.selectNodes([id]);
    if (move) window.network.focus(id, { scale: Math.max(window.network.getScale(), 0.9), animation: { duration: 350 } });
    showDetails(c);
    if (remember) writeHash();
  }
  function clearSelection(remember) {
    selected = null;
    window.network.unselectAll();
    paintDefault();
    showIntro();
    if (remember) writeHash();
  }

  window.network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false, true);
    else if (selected !== null) clearSelection(true);
  });

  /* Search answers to a name in any language, an alias or an id; the choices offered are the
   * names of the current language. */
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
    names.forEach(function (id, name) { if (hit === null && name.indexOf(key) !== -1) hit = id; });
    return hit;
  }
  var status = document.getElementById("status");
  function search() {
    var text = document.getElementById("search").value, id = find(text);
    status.textContent = id ? "" : (text.trim() ? ui("page.no_match", { text: text }) : "");
    if (id) select(id, true, true);
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search(); });
  document.getElementById("search").addEventListener("change", search);
  document.getElementById("fit").addEventListener("click", function () {
    clearSelection(true); window.network.fit({ animation: { duration: 300 } });
  });

  function showLegend() {
    var legend = document.getElementById("legend");
    legend.replaceChildren();
    DATA.levels.forEach(function (lv) {
      var li = el("li"), dot = el("span", null, "dot");
      dot.style.background = lv.fill;
      li.append(dot, el("span", levelName(lv.id)), el("span", String(lv.count), "count"));
      legend.appendChild(li);
    });
    if (known.size) legend.appendChild(el("li", ui("page.known_legend")));
  }

  function showPlan() {
    var box = document.getElementById("plan"), plan = DATA.plan;
    box.hidden = false;
    box.className = "card plan";
    box.replaceChildren(el("h2", plan.source ?
      ui("page.path_from", { source: tx(plan.source), target: tx(plan.target) }) :
      ui("page.path_to", { target: tx(plan.target) })));
    var count = plan.steps.length;
    box.appendChild(el("p", ui("page.path_total", { count: count, concepts_noun: plural(count, "concept"), hours: plan.hours }), "total"));
    var list = el("ol");
    plan.steps.forEach(function (s, i) {
      var li = el("li");
      li.append(el("span", (i + 1) + ".", "num"),
        byId.has(s.id) ? conceptLink(s.id) : el("span", tx(s.name), "offpage"), el("span", hoursText(s.total), "run"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

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
      nodes.update(DATA.concepts.map(function (c) { return { id: c.id, label: label(c), title: tooltip(c) }; }));
      edges.update(edgeList.map(function (e) { return { id: e.id, title: why(e.from, e.to) }; }));
    }
    fillChoices();
    showLegend();
    if (DATA.plan) showPlan();
    if (selected !== null) showDetails(byId.get(selected)); else showIntro();
    status.textContent = "";
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
  window.addEventListener("hashchange", function () {
    var state = fromHash();
    if (state.lang && state.lang !== lang) setLanguage(state.lang, false);
    if (state.concept && byId.has(state.concept) && state.concept !== selected) select(state.concept, true, false);
    else if (!state.concept && selected !== null) clearSelection(false);
  });
  window.kgraph = {
    select: function (id) { select(id, true, true); }, clear: function () { clearSelection(true); },
    setLanguage: function (code) { setLanguage(code, true); }, nodes: nodes, edges: edges
  };

  paintDefault();
  showLanguage(false);
  var start = fromHash().concept;
  if (start && byId.has(start)) select(start, false, false);
  else if (DATA.focus && byId.has(DATA.focus)) select(DATA.focus, false, false);
})();
