/* kgraph page, part 4 of 8: the map, vis-network's dots with the page's own overlay. */
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
