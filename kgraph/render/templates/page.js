/* kgraph page script. Data arrives as JSON in #kgraph-data and enters the DOM only through
 * textContent and createElement: nothing from the graph is ever parsed as HTML. Links are
 * re-checked here (https only), whatever the Python side let through. */
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

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function safeUrl(u) {
    try { var url = new URL(u); return url.protocol === "https:" ? url.href : null; }
    catch (e) { return null; }
  }
  function label(c) {
    var prefix = planOrder.has(c.id) ? planOrder.get(c.id) + ". " : "";
    return prefix + (known.has(c.id) ? "\u2713 " : "") + c.name;
  }
  function tooltip(c) {
    return c.name + "\n" + c.level + " \u00b7 " + c.category + " \u00b7 " + c.hours + " h" +
      (c.unlocked ? " \u00b7 unlocks " + c.unlocked : "") + "\n\n" + c.summary;
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
    return link ? link.why : "";
  }
  var edgeList = DATA.edges.map(function (e, i) { return { id: i, from: e[0], to: e[1], title: why(e[0], e[1]) }; });
  var nodes = new vis.DataSet(DATA.concepts.map(function (c) {
    var node = nodeStyle(c, "normal");
    node.label = label(c); node.title = tooltip(c); node.x = c.x; node.y = c.y; node.size = c.size;
    return node;
  }));
  var edges = new vis.DataSet(edgeList.map(function (e) {
    var edge = edgeStyle(e, "normal");
    edge.from = e.from; edge.to = e.to; edge.title = e.title;
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
    var chip = el("span", levelId, "chip"), dot = el("span", null, "dot");
    dot.style.background = levels.get(levelId).fill;
    chip.prepend(dot);
    return chip;
  }
  /* A concept named in the panel: a button that moves to it, or plain text when not drawn. */
  function conceptLink(id) {
    if (!byId.has(id)) return el("span", DATA.offpage[id] || id, "offpage");
    var button = el("button", byId.get(id).name, "concept-link");
    button.type = "button";
    button.addEventListener("click", function () { select(id, true); });
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
      li.appendChild(el("span", r.title + " (unsafe link removed)", "blocked"));
    }
    li.appendChild(el("span", r.kind + (r.free ? " \u00b7 free" : ""), "kind"));
  }
  function showDetails(c) {
    var box = document.getElementById("details");
    box.replaceChildren(el("h2", c.name));
    var meta = el("p", null, "meta");
    meta.append(chipFor(c.level), el("span", c.category), el("span", c.hours + " h"));
    if (known.has(c.id)) meta.append(el("span", "\u2713 known", "chip"));
    if (planOrder.has(c.id)) meta.append(el("span", "step " + planOrder.get(c.id) + " of the path", "chip"));
    box.appendChild(meta);
    if (c.aliases.length) box.appendChild(el("p", "Also: " + c.aliases.join(", "), "aliases"));
    box.appendChild(el("p", c.summary, "summary"));
    section(box, "Needs first (" + c.needs.length + ")", c.needs, function (li, link) {
      li.append(conceptLink(link.id), el("span", link.why, "why"));
    });
    section(box, "Unlocks (" + c.unlocks.length + " directly, " + c.unlocked + " in all)", c.unlocks,
      function (li, id) { li.appendChild(conceptLink(id)); });
    section(box, "Resources", c.resources, resourceItem);
  }
  function showIntro() {
    var box = document.getElementById("details");
    box.replaceChildren(el("h2", "Explore"),
      el("p", DATA.concepts.length + " concepts, " + DATA.edges.length + " links."),
      el("p", "Click a concept (or find one above) to see what it needs and what it unlocks; " +
        "its ancestors and descendants stay lit.", "hint"));
  }
  function select(id, move) {
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
  }
  function clearSelection() {
    selected = null;
    window.network.unselectAll();
    paintDefault();
    showIntro();
  }
  window.kgraph = { select: select, clear: clearSelection, nodes: nodes, edges: edges };

  window.network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (selected !== null) clearSelection();
  });

  function normalize(s) { return String(s).toLowerCase().replace(/[\s\-_]+/g, ""); }
  var names = new Map(), choices = [];
  DATA.concepts.forEach(function (c) {
    [c.name].concat(c.aliases, [c.id]).forEach(function (n) {
      var key = normalize(n);
      if (!names.has(key)) { names.set(key, c.id); choices.push(n); }
    });
  });
  var datalist = document.getElementById("concept-names");
  choices.slice().sort(function (a, b) { return a.localeCompare(b); }).forEach(function (n) {
    var option = document.createElement("option");
    option.value = n;
    datalist.appendChild(option);
  });
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
    status.textContent = id ? "" : (text.trim() ? "No concept matches \u201c" + text + "\u201d." : "");
    if (id) select(id, true);
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search(); });
  document.getElementById("search").addEventListener("change", search);
  document.getElementById("fit").addEventListener("click", function () {
    clearSelection(); window.network.fit({ animation: { duration: 300 } });
  });

  var legend = document.getElementById("legend");
  DATA.levels.forEach(function (lv) {
    var li = el("li"), dot = el("span", null, "dot");
    dot.style.background = lv.fill;
    li.append(dot, el("span", lv.id), el("span", String(lv.count), "count"));
    legend.appendChild(li);
  });
  if (known.size) legend.appendChild(el("li", "\u2713 dashed ring: known"));

  function showPlan() {
    var box = document.getElementById("plan"), plan = DATA.plan;
    box.hidden = false;
    box.className = "card plan";
    box.appendChild(el("h2", "Path" + (plan.source ? " from " + plan.source : "") + " to " + plan.target));
    box.appendChild(el("p", plan.steps.length + " concepts \u00b7 " + plan.hours + " h in total", "total"));
    var list = el("ol");
    plan.steps.forEach(function (s, i) {
      var li = el("li");
      li.append(el("span", (i + 1) + ".", "num"),
        byId.has(s.id) ? conceptLink(s.id) : el("span", s.name, "offpage"), el("span", s.total + " h", "run"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  if (DATA.plan) showPlan();
  paintDefault();
  showIntro();
  if (DATA.focus && byId.has(DATA.focus)) select(DATA.focus, false);
})();
