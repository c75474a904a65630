/* kgraph page, part 4 of 8: the map, vis-network's dots with the page's own overlay. */
  /* ---- the graph ----
   * vis-network draws the dots and quiet edges once with fixed styles; what changes (the lit
   * concepts of a selection or plan, plan numbers, known and ready rings, every name) is drawn
   * over it after each frame from this page's own state. Updating thousands of vis nodes costs
   * ~55 µs each plus ~40 ms per call; drawing the overlay costs a few ms, so a new plan or mark
   * repaints at once.
   *
   * Where concepts sit comes from the export: rungs as columns on a wide graph area (x, y) or as
   * bands on a narrow one (bx, by), whichever is nearer the area's shape; the "route" view places
   * only the plan's steps, in order, by rung. Everything drawn over the map that must be read
   * (names, numbers, rung titles, rings) keeps its size on screen whatever the zoom. */
  var view = { lit: null, focus: null };
  var hoverless = !!(window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)").matches);
  function tooltip(c) {
    return tx(c.name) + "\n" + levelName(c.level) + " \u00b7 " + categoryName(c.category) + " \u00b7 " +
      hoursText(c.hours) + (c.unlocked ? ui("page.unlocks_tip", { count: c.unlocked }) : "") +
      "\n\n" + tx(c.summary);
  }
  /* On a touch screen a tap selects and opens the details: no hover card under the finger. */
  function titleOf(c) { return hoverless ? undefined : tooltip(c); }
  function learnState(id) { return known.has(id) ? "known" : (ready.has(id) ? "ready" : "later"); }
  /* vis draws the dots only (its label is kept for tests and tools, never drawn: size 1 is under
   * vis's draw threshold, and keeps its hit box the dot's own); names are drawn by the page. */
  function nodeStyle(c) {
    var lv = levels.get(c.level);
    return {
      id: c.id,
      color: { background: lv.fill, border: lv.border,
        highlight: { background: lv.fill, border: INK }, hover: { background: lv.fill, border: INK } },
      font: { color: "rgba(0,0,0,0)", strokeWidth: 0, size: 1 }
    };
  }
  function lookOf(id) {
    return id === view.focus ? "selected" : (!view.lit || view.lit.has(id) ? "normal" : "dim");
  }
  function why(from, to) {
    var link = byId.get(to).needs.find(function (n) { return n.id === from; });
    return link ? tx(link.why) : "";
  }
  var container = document.getElementById("graph");
  /* ---- where concepts sit ---- */
  DATA.concepts.forEach(function (c) { c.cx = c.x; c.cy = c.y; });
  var layoutName = null, shownIds = null;  // shownIds: null = every concept, or the route's steps
  /* The graph area's size, read once and then kept by a ResizeObserver: the drawing never asks
   * for it (a layout read there would lay out the panels the same action just rebuilt). */
  var area = { width: 0, height: 0 };
  function measureArea() {
    var box = container.getBoundingClientRect();
    area = { width: box.width, height: box.height };
    return area;
  }
  measureArea();
  function areaIsWide() {
    return !area.height || area.width >= area.height;
  }
  function mapLayout() { return areaIsWide() ? "columns" : "bands"; }
  function setPositions(name) {
    layoutName = name;
    shownIds = null;
    DATA.concepts.forEach(function (c) {
      c.x = name === "bands" ? c.bx : c.cx; c.y = name === "bands" ? c.by : c.cy;
    });
  }
  setPositions(mapLayout());
  var edgeList = DATA.edges.map(function (e, i) { return { id: i, from: e[0], to: e[1] }; });
  var nodes = new vis.DataSet(DATA.concepts.map(function (c) {
    var node = nodeStyle(c);
    node.label = tx(c.name); node.title = titleOf(c); node.x = c.x; node.y = c.y; node.size = c.size;
    return node;
  }));
  var edges = new vis.DataSet(edgeList.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, title: hoverless ? undefined : why(e.from, e.to), width: 0.8,
      color: { color: EDGE.quiet, highlight: EDGE.highlight, hover: EDGE.highlight } };
  }));
  window.kgraphReady = false;
  window.network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  window.kgraphNodes = nodes;
  window.kgraphEdges = edges;
  window.network.once("afterDrawing", function () { window.kgraphReady = true; });

  /* The route: the plan's steps only. On a wide area a column per rung, each in plan order, a
   * long rung wrapped into columns; the spacing is chosen for the area so that at the fitted
   * view every step's number has room (names come where they fit). On a narrow area a list to
   * read down in plan order, each step in its rung's lane (lanes left to right, lowest first).
   * `room`: the height the rung titles take above the columns. */
  var ROUTE = { across: 64, list: 40, lane: 22 };  // list: rows of the narrow route, lane: its rungs
  var DISC = 9, DISC_ROOM = 2 * DISC + 4;  // a number's disc (px on screen) and the room it needs
  function routePositions(steps, wide, room) {
    var byRung = new Map();
    steps.forEach(function (s) {
      var rank = byId.get(s.id).rank;
      if (!byRung.has(rank)) byRung.set(rank, []);
      byRung.get(rank).push(s.id);
    });
    var rungs = Array.from(byRung.keys()).sort(function (a, b) { return a - b; });
    var at = new Map();
    if (!wide) {
      steps.forEach(function (s, i) {
        at.set(s.id, { x: rungs.indexOf(byId.get(s.id).rank) * ROUTE.lane, y: i * ROUTE.list });
      });
      return at;
    }
    var width = Math.max(area.width - 2 * PAD, 1), height = Math.max(area.height - 2 * PAD - room, 1);
    var longest = Math.max.apply(null, rungs.map(function (r) { return byRung.get(r).length; }).concat([1]));
    /* Try column widths from room for a name down to room for a disc; for each, the rows per
     * column that give the largest fitted scale; keep the first whose discs all have room. */
    var best = null;
    [4, 3, 2, 1.5, 1].some(function (ratio) {
      var along = ROUTE.across * ratio, gap = along / 2, choice = null;
      for (var per = 1; per <= longest; per++) {
        var cols = rungs.reduce(function (n, r) { return n + Math.ceil(byRung.get(r).length / per); }, 0);
        var w = (cols - 1) * along + (rungs.length - 1) * gap + 2 * DISC, h = (per - 1) * ROUTE.across + 2 * DISC;
        var scale = Math.min(width / w, height / h, 1.6);
        if (!choice || scale > choice.scale) choice = { per: per, along: along, gap: gap, scale: scale };
      }
      if (!best || choice.scale > best.scale) best = choice;
      if (choice.scale * ROUTE.across >= DISC_ROOM) { best = choice; return true; }
      return false;
    });
    var offset = 0;
    rungs.forEach(function (r) {
      var ids = byRung.get(r), tracks = Math.ceil(ids.length / best.per);
      ids.forEach(function (id, i) {
        at.set(id, { x: offset + Math.floor(i / best.per) * best.along, y: (i % best.per) * ROUTE.across });
      });
      offset += (tracks - 1) * best.along + best.along + best.gap;
    });
    return at;
  }
  /* Move the drawing to `name` ("columns", "bands" or "route"): vis nodes and the overlay. */
  function placeAll(name) {
    var wide = areaIsWide(), route = name === "route" && plan && plan.steps.length;
    function placeRoute(room) {
      var at = routePositions(plan.steps, wide, room);
      layoutName = "route";
      shownIds = new Set(at.keys());
      DATA.concepts.forEach(function (c) {
        var p = at.get(c.id);
        if (p) { c.x = p.x; c.y = p.y; }
      });
      measureBands();
    }
    if (route) {
      placeRoute(TITLE_ROOM);
      /* Spaced for one row of titles; where they need more, space again for the room they take,
       * so that every number still has room at the fitted view. */
      var room = fitting().room;
      if (wide && area.width && room > TITLE_ROOM) placeRoute(room);
    } else setPositions(name === "route" ? mapLayout() : name);
    nodes.update(DATA.concepts.map(function (c) {
      return { id: c.id, x: c.x, y: c.y, hidden: shownIds !== null && !shownIds.has(c.id) };
    }));
    measureBands();
    fitView(false);
  }

  /* Rungs as tinted columns (or bands) behind the graph, titled at a constant size on screen. */
  var bands = [], extent = { x0: 0, x1: 0, y0: 0, y1: 0 };
  function measureBands() {
    var shown = DATA.concepts.filter(function (c) { return shownIds === null || shownIds.has(c.id); });
    var columns = layoutName === "columns" || layoutName === "route";  // the narrow route: lanes
    extent = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    shown.forEach(function (c) {
      extent.x0 = Math.min(extent.x0, c.x - c.size); extent.x1 = Math.max(extent.x1, c.x + c.size);
      extent.y0 = Math.min(extent.y0, c.y - c.size); extent.y1 = Math.max(extent.y1, c.y + c.size);
    });
    if (!shown.length) extent = { x0: 0, x1: 0, y0: 0, y1: 0 };
    bands = DATA.levels.map(function (lv, rank) {
      var members = shown.filter(function (c) { return c.rank === rank; });
      if (!members.length) return null;
      var b = { rank: rank, fill: lv.fill, columns: columns, x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
      members.forEach(function (c) {
        b.x0 = Math.min(b.x0, c.x - c.size); b.x1 = Math.max(b.x1, c.x + c.size);
        b.y0 = Math.min(b.y0, c.y - c.size); b.y1 = Math.max(b.y1, c.y + c.size);
      });
      return b;
    }).filter(Boolean);
  }
  measureBands();
  /* ---- rung titles ----
   * A rung title is all that names its column, so it is never cut. Over columns the titles
   * share one header: a title that would run into the next one moves down a row, so on two
   * staggered rows each may use its neighbour's width too. Where two rows at the full size are
   * too few, a smaller font (not below TITLE_MIN) comes before a third row; the header's room
   * grows with its rows, and fitView leaves that room above the drawing. Bands (a narrow graph)
   * each have a line of their own as wide as the area. At most seven titles: measuring is cheap. */
  var TITLE = 13, TITLE_MIN = 10, TITLE_ROOM = 32, TITLE_GAP = 8, PAD = 14;  // px on screen
  var titleMeasure = document.createElement("canvas").getContext("2d"), titleWidths = new Map();
  function titleFont(size) { return "600 " + size + "px system-ui, sans-serif"; }
  function titleWidth(text, size) {
    var key = size + "\u0000" + text;
    if (!titleWidths.has(key)) {
      titleMeasure.font = titleFont(size);
      titleWidths.set(key, titleMeasure.measureText(text).width);
    }
    return titleWidths.get(key);
  }
  function titleText(rank) { return rungName(rank); }
  /* The titles of the rungs in sight (across) at `scale`, the view centred on `center`: their
   * font size, rows and the room they need above the drawing, and each one's x and row. */
  function titleHeader(scale, center) {
    var ox = area.width / 2 - center.x * scale;
    var seen = bands.filter(function (b) {
      return !b.columns || (b.x1 * scale + ox >= 0 && b.x0 * scale + ox <= area.width);
    });
    function pack(size) {
      var ends = [];  // the right edge of each row's last title
      var titles = seen.map(function (b) {
        var text = titleText(b.rank), width = titleWidth(text, size);
        var x = Math.max(4, Math.min((b.columns ? b.x0 : extent.x0) * scale + ox - 4, area.width - width - 4));
        return { band: b, text: text, width: width, x: x, row: 0 };
      });
      if (!titles.length || !titles[0].band.columns) return { size: size, rows: 1, titles: titles };
      titles.sort(function (a, b) { return a.x - b.x || a.band.rank - b.band.rank; });
      titles.forEach(function (t) {  // the first row with room, left to right
        while (t.row < ends.length && ends[t.row] + TITLE_GAP > t.x) t.row++;
        ends[t.row] = t.x + t.width;
      });
      return { size: size, rows: ends.length, titles: titles };
    }
    var best = null;
    for (var size = TITLE; size >= TITLE_MIN; size--) {
      var made = pack(size);
      if (!best || made.rows < best.rows) best = made;
      if (made.rows <= 2) break;
    }
    best.room = TITLE_ROOM + (best.rows - 1) * (best.size + 6);
    return best;
  }
  var header = { size: TITLE, rows: 1, room: TITLE_ROOM, titles: [] };  // this frame's titles
  window.network.on("beforeDrawing", function (ctx) {
    var scale = window.network.getScale();
    header = titleHeader(scale, window.network.getViewPosition());
    var room = header.room / scale, pad = 8 / scale;
    ctx.globalAlpha = dark ? 0.12 : 0.08;
    bands.forEach(function (b) {
      ctx.fillStyle = b.fill;
      if (b.columns) ctx.fillRect(b.x0 - pad, extent.y0 - room, b.x1 - b.x0 + 2 * pad, extent.y1 - extent.y0 + room + pad);
      else ctx.fillRect(extent.x0 - pad, b.y0 - room, extent.x1 - extent.x0 + 2 * pad, b.y1 - b.y0 + room + pad);
    });
    ctx.globalAlpha = 1;
  });
  /* Fit the drawing and its rung titles into the graph area (vis's own fit knows no titles). */
  var fitted = true;
  /* The scale and centre that fit the drawing, and the room its titles take at that scale. */
  function fitting() {
    var box = area;
    var w = Math.max(extent.x1 - extent.x0, 1), h = Math.max(extent.y1 - extent.y0, 1);
    var room = TITLE_ROOM, scale, position;
    if (layoutName === "route" && !areaIsWide()) {
      /* A route on a narrow screen is a list to read down: its first steps at a readable size,
       * the column at the left with the names beside it, the rest a swipe away. */
      scale = 1.1;
      position = { x: extent.x0 + (box.width / 2 - PAD - 6) / scale, y: 0 };
      room = titleHeader(scale, position).room;
      position.y = extent.y0 + (box.height / 2 - PAD - room) / scale;
    } else {
      /* A taller header leaves less height, so a smaller scale and narrower columns, which may
       * need another row: the rows only grow, at most one per rung. */
      for (var tries = 0; tries <= bands.length; tries++) {
        scale = Math.min((box.width - 2 * PAD) / w, (box.height - 2 * PAD - room) / h, 1.6);
        position = { x: (extent.x0 + extent.x1) / 2, y: (extent.y0 + extent.y1) / 2 - room / 2 / scale };
        var need = titleHeader(scale, position).room;
        if (need <= room) break;
        room = need;
      }
    }
    return { scale: scale, position: position, room: room };
  }
  function fitView(animate) {
    if (!measureArea().width || !area.height) return;
    var fit = fitting(), scale = fit.scale, position = fit.position;
    fitted = true;
    window.network.moveTo({
      position: position, scale: scale,
      animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false
    });
  }
  window.network.on("dragEnd", function () { fitted = false; });
  window.network.on("zoom", function () { fitted = false; });
  /* A new shape of the graph area (a turned phone, a resized window) gets the layout that suits
   * it; a view the reader had not moved is fitted again. */
  var resizeTimer = 0;
  function resized() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (!measureArea().width || !area.height) return;  // hidden (the Ladder view): nothing to fit
      if (layoutName === "route") placeAll("route");
      else if (mapLayout() !== layoutName) placeAll(mapLayout());
      else if (fitted) fitView(false);
    }, 120);
  }
  if (window.ResizeObserver) new window.ResizeObserver(resized).observe(container);
  window.addEventListener("resize", resized);

  function reach(start, adjacency) {
    var seen = new Set(), stack = [start];
    while (stack.length) {
      adjacency.get(stack.pop()).forEach(function (n) { if (!seen.has(n)) { seen.add(n); stack.push(n); } });
    }
    return seen;
  }
  /* Show `lit` (a Set) in colour and dim the rest; lit === null shows the whole graph. */
  /* One redraw per action, however many changes it makes: drawn as soon as the action's own
   * work is done (a microtask), so the new picture is ready for the very next frame. */
  var drawing = false, afterDraw = [];
  function paint(lit, focusId) {
    view.lit = lit; view.focus = focusId;
    if (drawing) return;
    drawing = true;
    Promise.resolve().then(function () {
      drawing = false;
      window.network.redraw();
      if (afterDraw.length) Promise.resolve().then(drawn);
    });
  }
  /* Work for right after the next draw (same task, same frame): DOM writes that would otherwise
   * make the draw's read of the canvas size lay the page out first. */
  function afterDrawn(job) { afterDraw.push(job); if (!drawing) paint(view.lit, view.focus); }
  function drawn() {
    var jobs = afterDraw;
    afterDraw = [];
    jobs.forEach(function (job) { job(); });
  }
  var KNOWN = dark ? "#3fb950" : "#1a7f37";
  var STEP = dark ? "#f0f6fc" : "#1f2328";
  var VEIL = dark ? "rgba(13,17,23,0.82)" : "rgba(251,252,253,0.86)";
  /* Rings around `concepts` in one path, `gap` and `width` in screen pixels; a broken ring is
   * drawn as `broken` arcs (a dash pattern on a thousand rings costs tens of ms a frame). */
  function rings(ctx, concepts, gap, colour, width, broken, scale) {
    if (!concepts.length) return;
    var path = new Path2D(), step = broken ? 2 * Math.PI / broken : 0;
    concepts.forEach(function (c) {
      var r = Math.max(c.size, 3 / scale) + gap / scale;
      if (!broken) {
        path.moveTo(c.x + r, c.y);
        path.arc(c.x, c.y, r, 0, 2 * Math.PI);
        return;
      }
      for (var a = 0; a < 2 * Math.PI - 1e-9; a += step) {
        path.moveTo(c.x + r * Math.cos(a), c.y + r * Math.sin(a));
        path.arc(c.x, c.y, r, a, a + step * 0.6);
      }
    });
    ctx.strokeStyle = colour;
    ctx.lineWidth = width / scale;
    ctx.stroke(path);
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
  /* How an edge is drawn: "normal" with nothing lit, "dim" unless both ends are lit; lit, a
   * plan's route reads as a line: bold ("on") only where a step needs the step just before it,
   * the plan's other needs thin ("quiet"); a selection's edges are all bold. */
  function edgeLookOf(from, to) {
    if (!view.lit) return "normal";
    if (!view.lit.has(from) || !view.lit.has(to)) return "dim";
    if (view.focus !== null || !planOrder.has(to)) return "on";
    return planOrder.get(to) === planOrder.get(from) + 1 ? "on" : "quiet";
  }
  var drawnEdges = { on: 0, quiet: 0 };  // what the last frame drew, for the tests
  /* Lit edges from dot edge to dot edge, the same on screen whatever the zoom: the bold ones as
   * one path of lines and one of arrowheads, the quiet ones likewise, thinner and fainter. */
  function litEdges(ctx, lit, scale, light) {
    var bold = { lines: new Path2D(), heads: new Path2D(), count: 0 };
    var thin = { lines: new Path2D(), heads: new Path2D(), count: 0 };
    lit.forEach(function (to) {
      needs.get(to).forEach(function (from) {
        if (!lit.has(from)) return;
        var look = edgeLookOf(from, to), into = look === "on" ? bold : thin;
        into.count++;
        arrow(into, byId.get(from), byId.get(to), (look === "on" ? 9 : 6) / scale, (look === "on" ? 4 : 2.5) / scale);
      });
    });
    drawnEdges = { on: bold.count, quiet: thin.count };
    ctx.strokeStyle = EDGE.on; ctx.fillStyle = EDGE.on;
    ctx.globalAlpha = light ? 0.18 : 0.35;
    ctx.lineWidth = 1 / scale; ctx.stroke(thin.lines); ctx.fill(thin.heads);
    ctx.globalAlpha = light ? 0.6 : 1;  // in the route view the order speaks; its edges stay light
    ctx.lineWidth = (light ? 1.6 : 2.4) / scale; ctx.stroke(bold.lines); ctx.fill(bold.heads);
    ctx.globalAlpha = 1;
  }
  function arrow(into, a, b, long, wide) {
    var dx = b.x - a.x, dy = b.y - a.y;
    var length = Math.sqrt(dx * dx + dy * dy) || 1, ux = dx / length, uy = dy / length;
    var x1 = b.x - ux * b.size, y1 = b.y - uy * b.size;
    into.lines.moveTo(a.x + ux * a.size, a.y + uy * a.size);
    into.lines.lineTo(x1, y1);
    into.heads.moveTo(x1, y1);
    into.heads.lineTo(x1 - ux * long - uy * wide, y1 - uy * long + ux * wide);
    into.heads.lineTo(x1 - ux * long + uy * wide, y1 - uy * long - ux * wide);
    // no closePath: fill closes each head, and closePath on a long Path2D costs O(n) each
  }

  /* ---- names and numbers that never collide ----
   * Every frame, in screen pixels: the rung titles first, then the plan's numbers, then names
   * in order of need (the selected concept, the plan's steps in order, then by how much each
   * unlocks). A name is drawn only where its box (and the dot it names) overlaps nothing placed
   * before; it tries below its dot, then right, above and left. Boxes are found through a grid of
   * 64 px cells, so a frame stays a few milliseconds on thousands of concepts. */
  var NAME = 12, LINE = 14, WRAP = 150, CELL = 64;
  var measure = document.createElement("canvas").getContext("2d");
  var lines = new Map();  // lang + id -> { lines, width } at NAME px
  function nameLines(c) {
    var key = lang + "\u0000" + c.id;
    if (lines.has(key)) return lines.get(key);
    measure.font = NAME + "px system-ui, sans-serif";
    var words = tx(c.name).split(" "), out = [], line = "";
    words.forEach(function (word) {
      var tried = line ? line + " " + word : word;
      if (line && measure.measureText(tried).width > WRAP) { out.push(line); line = word; } else line = tried;
    });
    out.push(line);
    if (out.length > 2) out = [out[0], out.slice(1).join(" ")];
    out = out.map(function (text) {  // at most two lines, each cut to fit with an ellipsis
      if (measure.measureText(text).width <= WRAP) return text;
      text = text.slice(0, 48);  // no name this wide fits anyway: a long one costs no more
      while (text.length > 1 && measure.measureText(text + "\u2026").width > WRAP) text = text.slice(0, -1);
      return text + "\u2026";
    });
    var made = { lines: out, width: Math.max.apply(null, out.map(function (l) { return measure.measureText(l).width; })) };
    lines.set(key, made);
    return made;
  }
  /* Names are measured ahead, a slice at a time while the page is idle, so choosing a goal does
   * not pay for measuring the names of its steps in the frame that draws them. */
  var measuring = null;
  function measureAhead() {
    var at = 0, forLang = lang;
    if (measuring === forLang) return;
    measuring = forLang;
    var later = window.requestIdleCallback || function (f) { return setTimeout(f, 30); };
    (function slice() {
      if (lang !== forLang) { measuring = null; return; }
      for (var end = Math.min(at + 150, important.length); at < end; at++) nameLines(important[at]);
      if (at < important.length) later(slice); else measuring = null;
    })();
  }
  function overlap(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
  function Boxes(width, height) {
    this.cols = Math.ceil(width / CELL) + 1; this.cells = new Map(); this.all = [];
  }
  Boxes.prototype.keys = function (b, visit) {
    for (var gx = Math.floor(b.x0 / CELL); gx <= Math.floor(b.x1 / CELL); gx++) {
      for (var gy = Math.floor(b.y0 / CELL); gy <= Math.floor(b.y1 / CELL); gy++) {
        if (visit(gy * 100000 + gx) === false) return false;
      }
    }
    return true;
  };
  Boxes.prototype.free = function (b) {
    var cells = this.cells;
    return this.keys(b, function (key) {
      var list = cells.get(key);
      if (!list) return true;
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return false;
      }
      return true;
    });
  };
  Boxes.prototype.add = function (b) {
    var cells = this.cells;
    this.all.push(b);
    this.keys(b, function (key) {
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(b);
    });
  };
  var placedNames = [], placedTitles = [], placedNumbers = [];  // what the last frame drew, for the tests
  /* Each title over its rung, on its row of the header; pinned to the top edge when its rung is
   * scrolled up. Bands pinned there would overlap: the nearer one (lower) wins. */
  function placeTitles(boxes, toScreen, box) {
    placedTitles = [];
    var pitch = header.size + 6;
    header.titles.slice().sort(function (a, b) { return b.band.rank - a.band.rank; }).forEach(function (h) {
      var b = h.band, corner = toScreen(b.columns ? b.x0 : extent.x0, b.columns ? extent.y0 : b.y0);
      var far = toScreen(b.x1, b.y1);  // a rung wholly out of sight gets no title
      if (far.x < 0 || far.y < TITLE + 6 || corner.x > box.width || corner.y - TITLE_ROOM > box.height) return;
      var x = h.x, y = h.row * pitch + Math.max(2, corner.y - header.room + 4);
      var t = { x0: x - 2, y0: y - 2, x1: x + h.width + 2, y1: y + header.size + 4, text: h.text, size: header.size, x: x, y: y };
      if (!boxes.free(t)) return;
      boxes.add(t);
      placedTitles.push(t);
    });
  }
  function drawOverlayText(ctx, scale, order, numbered) {
    var box = area, view0 = window.network.getViewPosition();
    var ox = box.width / 2 - view0.x * scale, oy = box.height / 2 - view0.y * scale;
    function toScreen(x, y) { return { x: x * scale + ox, y: y * scale + oy }; }
    var boxes = new Boxes(box.width, box.height);
    ctx.save();
    var ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);  // screen pixels from here on
    placeTitles(boxes, toScreen, box);
    /* A name tries below its dot, then right, above and left (right first in the route). */
    placedNames = [];
    var done = new Set();
    function placeName(c, force) {
      if (done.has(c.id)) return;
      var p = toScreen(c.x, c.y);
      if (p.x < -WRAP || p.y < -40 || p.x > box.width + WRAP || p.y > box.height + 40) return;
      var made = nameLines(c), w = made.width, h = made.lines.length * LINE;
      var r = Math.max(c.size * scale, 3, planOrder.has(c.id) ? DISC : 0) + 2;
      var spots = [[p.x - w / 2, p.y + r], [p.x + r + 2, p.y - h / 2], [p.x - w / 2, p.y - r - h], [p.x - r - 2 - w, p.y - h / 2]];
      if (layoutName === "route") spots = [spots[1], spots[0], spots[2], spots[3]];
      for (var s = 0; s < spots.length; s++) {
        var x = spots[s][0], y = spots[s][1];
        var b = { x0: x - 1, y0: y - 1, x1: x + w + 1, y1: y + h + 1 };
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > box.width || b.y1 > box.height) continue;
        if (!boxes.free(b) && !(force && force(b))) continue;
        done.add(c.id);
        boxes.add(b);
        var dot = { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r };
        if (boxes.free(dot)) boxes.add(dot);
        b.id = c.id; b.x = x; b.y = y; b.lines = made.lines;
        placedNames.push(b);
        return;
      }
    }
    /* plan numbers: a disc in screen pixels on each step's dot, always drawn */
    var discs = [], pipped = [], pips = new Path2D();
    numbered.forEach(function (item) {  // in step order: where two would overlap, the earlier wins
      var c = item[0], p = toScreen(c.x, c.y), r = DISC;
      var d = { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r, c: c, text: item[1], r: r, p: p };
      if (boxes.free(d)) { boxes.add(d); discs.push(d); } else pipped.push(d);
    });
    /* On the map the route's start is always named: where its name has no room, the later steps
     * whose numbers are in its way give them up, as few as any of its spots allows (titles and
     * the first number stay). The route view, spaced for every number, keeps them all. */
    var first = numbered.length && planOrder.get(numbered[0][0].id) === 1 ? numbered[0][0] : null;
    if (first) placeName(first, null);
    for (var most = 1; first && !done.has(first.id) && layoutName !== "route" && most <= discs.length; most++) {
      placeName(first, function (b) {
        if (placedTitles.some(function (t) { return overlap(t, b); })) return false;
        if (discs.length && discs[0].c === first && overlap(discs[0], b)) return false;
        if (discs.filter(function (d) { return overlap(d, b); }).length > most) return false;
        var kept = discs.filter(function (d) { return !overlap(d, b); });
        discs.filter(function (d) { return overlap(d, b); }).forEach(function (d) { pipped.push(d); });
        discs = kept;
        boxes = new Boxes(box.width, box.height);
        placedTitles.forEach(function (t) { boxes.add(t); });
        discs.forEach(function (d) { boxes.add(d); });
        return true;
      });
    }
    pipped.forEach(function (d) {  // a step whose number has no room: a small disc, no number
      pips.moveTo(d.p.x + 4, d.p.y);
      pips.arc(d.p.x, d.p.y, 4, 0, 2 * Math.PI);
    });
    placedNumbers = discs;
    ctx.font = NAME + "px system-ui, sans-serif";
    order.forEach(function (c) { placeName(c, null); });
    ctx.lineJoin = "round";
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.strokeStyle = HALO; ctx.lineWidth = 3.5;
    placedNames.forEach(function (b) {
      b.lines.forEach(function (text, k) { ctx.strokeText(text, b.x, b.y + k * LINE); });
    });
    ctx.fillStyle = INK;
    placedNames.forEach(function (b) {
      b.lines.forEach(function (text, k) { ctx.fillText(text, b.x, b.y + k * LINE); });
    });
    ctx.font = titleFont(header.size);
    ctx.strokeStyle = HALO;
    ctx.fillStyle = dark ? "#c9d1d9" : "#3d454e";
    placedTitles.forEach(function (t) { ctx.strokeText(t.text, t.x, t.y); ctx.fillText(t.text, t.x, t.y); });
    ctx.fillStyle = STEP; ctx.fill(pips);
    if (discs.length) {
      var path = new Path2D();
      discs.forEach(function (d) { path.moveTo(d.p.x + d.r, d.p.y); path.arc(d.p.x, d.p.y, d.r, 0, 2 * Math.PI); });
      ctx.fillStyle = STEP; ctx.fill(path);
      ctx.strokeStyle = HALO; ctx.lineWidth = 1.5; ctx.stroke(path);
      ctx.fillStyle = HALO;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      discs.forEach(function (d) {
        ctx.font = "700 " + (d.text.length > 2 ? 8.5 : 11) + "px system-ui, sans-serif";
        ctx.fillText(d.text, d.p.x, d.p.y + 0.5);
      });
    }
    ctx.restore();
  }
  /* The order names get room in: the selected concept, the plan in order, the rest by need. */
  function nameOrder(visible) {
    var order = [];
    if (view.focus !== null && visible(byId.get(view.focus))) order.push(byId.get(view.focus));
    if (plan) plan.steps.forEach(function (s) { var c = byId.get(s.id); if (visible(c)) order.push(c); });
    important.forEach(function (c) { if (visible(c)) order.push(c); });
    return order;
  }
  window.network.on("afterDrawing", function (ctx) {
    var scale = window.network.getScale(), box = area;
    var tl = window.network.DOMtoCanvas({ x: 0, y: 0 });
    var br = window.network.DOMtoCanvas({ x: box.width, y: box.height });
    var margin = 40 / scale;
    function inView(c) { return c.x > tl.x - margin && c.x < br.x + margin && c.y > tl.y - margin && c.y < br.y + margin; }
    function visible(c) { return (shownIds === null || shownIds.has(c.id)) && (!view.lit || view.lit.has(c.id)); }
    var shown = DATA.concepts.filter(function (c) { return visible(c) && inView(c); });
    ctx.save();
    drawnEdges = { on: 0, quiet: 0 };
    if (view.lit) {
      if (layoutName !== "route") {  // the route view draws nothing else: no veil needed
        ctx.fillStyle = VEIL;
        ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
      }
      litEdges(ctx, view.lit, scale, layoutName === "route");
      dots(ctx, shown.filter(function (c) { return !planOrder.has(c.id); }));  // steps get discs
    }
    rings(ctx, shown.filter(function (c) { return known.has(c.id) && !planOrder.has(c.id); }), 2, KNOWN, 2, 3, scale);
    rings(ctx, shown.filter(function (c) { return ready.has(c.id) && !planOrder.has(c.id); }), 2, READY, 2.5, 0, scale);
    rings(ctx, shown.filter(function (c) { return c.id === view.focus; }), 6, INK, 3, 0, scale);
    ctx.restore();
    var numbered = shown.filter(function (c) { return planOrder.has(c.id); })
      .sort(function (a, b) { return planOrder.get(a.id) - planOrder.get(b.id); })
      .map(function (c) { return [c, String(planOrder.get(c.id))]; });
    drawOverlayText(ctx, scale, nameOrder(function (c) { return visible(c) && inView(c); }), numbered);
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
