/* kgraph page, part 5 of 8: the panels (details, plan, gaps, next, progress, legend, ladder). */
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
    var b = el("button", tx(byId.get(id).name), "concept-link " + learnState(id));
    b.type = "button";
    b.dataset.id = id;
    return b;
  }
  /* One listener for every concept named in the panels (a long plan names thousands). */
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("button.concept-link[data-id]");
    if (link && byId.has(link.dataset.id)) select(link.dataset.id, true, true);
  });
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
  /* A heading the page can move the keyboard's focus to when an action leads there. */
  function heading(tag, text, id) {
    var h = el(tag, text);
    h.id = id;
    h.tabIndex = -1;
    return h;
  }
  function focusOn(id) {
    var target = document.getElementById(id);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "nearest" });
  }
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 760px)") : { matches: false };
  function showDetails(c) {
    var box = document.getElementById("details");
    box.hidden = false;
    delete box.dataset.intro;
    box.classList.add("sheet");
    var head = el("div", null, "details-head");
    var close = button(ui("page.close"), "ghost close", function () { clearSelection(true); closeFocus(); });
    close.id = "details-close";
    head.append(heading("h2", tx(c.name), "details-title"), close);
    box.replaceChildren(head);
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
    var learn = button(ui("page.learn_this"), "ghost", function () { planHere(c.id); });
    learn.id = "learn-this";
    actions.append(toggle, learn);
    box.appendChild(actions);
    if (known.has(c.id) && !marked) {
      var by = state.marked.filter(function (m) { return P.closure(G, [m]).has(c.id); }).map(name);
      box.appendChild(el("p", ui("page.implied", { names: by.join(", ") }), "hint"));
    }
    if (c.aliases.length) box.appendChild(el("p", ui("page.aliases", { aliases: c.aliases.join(", ") }), "aliases"));
    box.appendChild(el("p", tx(c.summary), "summary"));
    versions(box, "deeper", c.deeper ? [c.deeper] : []);
    versions(box, "lighter", c.lighter || []);
    section(box, ui("page.needs", { count: c.needs.length }), c.needs, function (li, link) {
      li.append(conceptLink(link.id), el("span", tx(link.why), "why"));
    });
    section(box, ui("page.unlocks", { direct: c.unlocks.length, all: c.unlocked }), c.unlocks,
      function (li, id) { li.appendChild(conceptLink(id)); });
    section(box, ui("page.outcomes"), c.outcomes ? tx(c.outcomes) : [], outcomeItem);
    section(box, ui("page.resources"), c.resources, resourceItem);
  }
  /* "Go deeper" (a light concept's full version) or "Lighter version" (the light concepts that
   * name this one as theirs): links that select that concept, as `kgraph show` lists them. */
  function versions(box, kind, ids) {
    if (!ids.length) return;
    var line = el("p", null, "versions " + kind);
    line.dataset.versions = kind;
    line.appendChild(el("span", ui(kind === "deeper" ? "page.deeper" : "page.lighter"), "label"));
    ids.forEach(function (id, n) { line.append(n ? ", " : " ", conceptLink(id)); });
    box.appendChild(line);
  }
  /* One "you can …" of a concept: a box the reader ticks to check themselves (not saved). */
  function outcomeItem(li, text) {
    li.className = "outcome";
    var label = el("label"), box = el("input");
    box.type = "checkbox";
    label.append(box, document.createTextNode(" " + text));
    li.appendChild(label);
  }
  /* Nothing selected: a short introduction, left out while a plan fills the panel. */
  function showIntro() {
    var box = document.getElementById("details"), n = DATA.concepts.length, m = DATA.edges.length;
    box.classList.remove("sheet");
    box.hidden = !!plan;
    if (box.dataset.intro === lang) return;  // already shown in this language: nothing to redo
    box.dataset.intro = lang;
    box.replaceChildren(heading("h2", ui("page.explore"), "details-title"),
      el("p", ui("page.counts", { concepts: n, concepts_noun: plural(n, "concept"), links: m, links_noun: plural(m, "link") })),
      el("p", ui("page.intro"), "hint"), el("p", ui("page.keys"), "hint"));
  }
  /* Select a concept: lit with its ancestors and descendants, its details shown. `move` (from a
   * list, the search or a link) brings it into view and the keyboard's focus to its details. On a
   * phone the details are a sheet over the bottom of the screen: the map moves the concept above
   * it, so nothing chosen hides under the finger or the sheet. */
  var beforeSheet = null;
  function select(id, move, remember) {
    var c = byId.get(id);
    if (!c) return;
    if (state.selected === null && document.activeElement && document.activeElement !== document.body) {
      beforeSheet = document.activeElement;
    }
    state.selected = id;
    paint(litFor(id), id);
    window.network.selectNodes([id]);
    showDetails(c);
    if (state.view !== "ladder" && (shownIds === null || shownIds.has(id))) {
      if (narrow.matches && move) container.scrollIntoView({ block: "start" });  // the map above the sheet
      var sheet = narrow.matches ? document.getElementById("details").getBoundingClientRect().height : 0;
      var graphBox = container.getBoundingClientRect();
      var hidden = Math.max(0, graphBox.bottom - (window.innerHeight - sheet));
      if (move || hidden > 0) {
        fitted = false;
        window.network.focus(id, { scale: move ? Math.max(window.network.getScale(), 0.9) : window.network.getScale(),
          offset: { x: 0, y: -hidden / 2 }, animation: { duration: 350, easingFunction: "easeInOutQuad" } });
      }
    }
    if (move) focusOn("details-title");
    if (remember) writeHash();
  }
  function clearSelection(remember) {
    state.selected = null;
    window.network.unselectAll();
    paintDefault();
    showIntro();
    if (remember) writeHash();
  }
  /* Back where the reader was before the details opened (the map, a list), or the search. */
  function closeFocus() {
    var back = beforeSheet && document.contains(beforeSheet) ? beforeSheet : document.getElementById("search");
    beforeSheet = null;
    back.focus({ preventScroll: true });
  }
  /* "Plan a path here": the plan replaces the selection on the map, drawn whole as a route, and
   * the keyboard's focus goes to the plan's first answer, what to learn next. */
  function planHere(id) {
    state.selected = null;
    window.network.unselectAll();
    setGoal(id, null, function () { focusOn("next-title"); });
    fitView(true);
  }

  /* The plan: its total, the steps under column headers, folded by rung (each step keeps its
   * number and carries data-id and data-step), per-rung totals, the chain, and the Markdown
   * checklist to copy. A short plan opens every rung; a long one shows the rungs folded (what to
   * learn next and what is missing, above, say where to start). */
  function showPlan() {
    var box = document.getElementById("plan");
    box.hidden = !plan;
    if (!plan) { box.replaceChildren(); return; }
    box.replaceChildren(heading("h2", plan.source ?
      ui("page.path_from", { source: name(plan.source), target: name(plan.target) }) :
      ui("page.path_to", { target: name(plan.target) }), "plan-title"));
    var count = plan.steps.length;
    if (!count) { box.appendChild(el("p", ui("plan.nothing"), "total")); }
    else {
      box.appendChild(el("p", ui("page.path_total", { count: count, concepts_noun: plural(count, "concept"),
        hours: P.hoursText(plan.hours) }), "total"));
    }
    var paced = state.pace && count ? P.schedule(plan.steps, state.pace, state.start || today()) : null;
    if (paced) {
      var finish = el("p", ui("page.finish", { date: paced.finish, weeks: paced.totalWeeks,
        pace: P.hoursText(state.pace) }), "finish");
      finish.dataset.finish = paced.finish;
      box.appendChild(finish);
    } else if (state.pace && count) {  // it would end past the last day a date can name
      box.appendChild(el("p", ui("page.too_late", { last: P.LAST_DAY }), "finish too-late"));
    }
    var wrap = el("div", null, "steps arrow-list");
    wrap.id = "plan-steps";
    if (count) {
      var head = el("div", null, "step-row step-head");
      head.setAttribute("aria-hidden", "true");
      head.append(el("span", ui("page.col_step"), "num"), el("span", ui("page.col_concept"), "what"),
        el("span", ui("page.col_hours"), "own"), el("span", ui("page.col_total"), "run"));
      wrap.appendChild(head);
    }
    var groups = new Map();
    plan.steps.forEach(function (s, i) {
      var rank = byId.get(s.id).rank;
      if (!groups.has(rank)) groups.set(rank, []);
      groups.get(rank).push([s, i + 1]);
    });
    var long = count > 30;
    Array.from(groups.keys()).sort(function (a, b) { return a - b; }).forEach(function (rank) {
      var items = groups.get(rank), hours = 0;
      items.forEach(function (item) { hours += item[0].hours; });
      var fold = el("details", null, "rung-fold");
      fold.dataset.rank = String(rank);
      fold.open = !long;
      var summary = el("summary");
      summary.append(chipFor(DATA.levels[rank].id), el("span", ui("page.rung_total", {
        count: items.length, concepts_noun: plural(items.length, "concept"), hours: P.hoursText(hours) }), "run"));
      var list = el("ol");
      /* A folded rung's rows are built when it is first opened: a plan of a thousand steps
       * costs its first rung's rows, not a thousand. */
      function fill() {
        if (list.childElementCount || !fold.open) return;
        items.forEach(function (item) {
          var s = item[0], li = el("li", null, "step-row");
          li.dataset.id = s.id;
          li.dataset.step = String(item[1]);
          if (byId.get(s.id).kind === "project") li.dataset.kind = "project";
          li.append(el("span", item[1] + ".", "num"), conceptLink(s.id), el("span", hoursText(s.hours), "own"));
          if (paced) {
            var w = paced.weeks[item[1] - 1];
            li.dataset.weeks = w[0] + "-" + w[1];
            li.appendChild(el("span", w[0] === w[1] ? ui("page.week", { week: w[0] })
              : ui("page.weeks", { first: w[0], last: w[1] }), "own weeks"));
          }
          li.append(el("span", hoursText(s.total), "run"));
          var opens = plan.opens[item[1] - 1];
          if (opens.length) {
            var practice = el("p", ui("page.opens"), "opens");
            practice.dataset.opens = opens.join(",");
            opens.forEach(function (id, n) {
              var link = conceptLink(id);
              link.dataset.kind = "project";
              practice.append(n ? ", " : " ", link);
            });
            li.appendChild(practice);
          }
          list.appendChild(li);
        });
      }
      fold.addEventListener("toggle", fill);
      fold.append(summary, list);
      fill();
      wrap.appendChild(fold);
    });
    box.appendChild(wrap);
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
    actions.append(button(ui("page.copy_md"), "ghost", copyPlan), button(ui("page.clear_plan"), "ghost", function () {
      setGoal(null, null, function () { document.getElementById("goal").focus(); });
    }));
    box.appendChild(actions);
  }
  /* Today in the reader's own calendar, YYYY-MM-DD: week 1 of a paced plan begins on it. */
  function today() {
    var d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map(function (n) { return String(n).padStart(2, "0"); }).join("-");
  }
  function planMarkdown() {
    var title = plan.source ? ui("title.from", { source: plan.source, target: plan.target }) : ui("title.to", { target: plan.target });
    var count = plan.steps.length;
    var summary = count ? ui("md.plan", { count: count, concepts: plural(count, "concept"), hours: P.hoursText(plan.hours) })
      : ui("plan.nothing");
    var study = 0, built = 0, projects = false, items = [];
    plan.steps.forEach(function (s, i) {
      var c = byId.get(s.id);
      if (c.project) { built += c.hours; projects = true; } else study += c.hours;
      items.push(MD.item(tx(c.name), hoursText(c.hours), c.resources[c.start || 0], false));
      (c.outcomes ? tx(c.outcomes) : []).forEach(function (o) { items.push("  - [ ] " + MD.mdText(o)); });
      plan.opens[i].forEach(function (id) {
        var p = byId.get(id);
        items.push("  - [ ] " + MD.mdText(ui("md.project", { name: tx(p.name), hours: hoursText(p.hours) })));
      });
    });
    if (projects) summary += "\n" + ui("md.split", { study: P.hoursText(study), projects: P.hoursText(built) });
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

  /* The plan split in two: steps whose prerequisites are all known or covered by the start
   * (ready now, in plan order: the first step is always among them) and the rest, each with the
   * steps it waits for. Without a start this is exactly `kgraph gaps`. */
  function planSplit() {
    var inPlan = new Set(plan.steps.map(function (s) { return s.id; })), readyNow = [], blocked = [];
    plan.steps.forEach(function (s) {
      var waiting = G.needs.get(s.id).filter(function (p) { return inPlan.has(p); });
      if (waiting.length) blocked.push({ id: s.id, waitingFor: waiting }); else readyNow.push(s.id);
    });
    return { ready: readyNow, blocked: blocked };
  }
  function showGaps() {
    var box = document.getElementById("gaps");
    box.hidden = !plan;
    if (!plan) { box.replaceChildren(); return; }
    var found = planSplit();
    box.replaceChildren(heading("h2", ui("page.gaps", { target: name(state.goal) }), "gaps-title"));
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
  /* With a goal, what to learn next is the plan's ready steps, its first step first; without one,
   * the concepts that unlock most among those ready now (`kgraph next`). */
  function showNext() {
    var box = document.getElementById("next"), shown = plan ? 6 : 12, ids, rows;
    if (plan) {
      box.replaceChildren(heading("h2", ui("page.next_for", { target: name(state.goal) }), "next-title"));
      if (!plan.steps.length) { box.appendChild(el("p", ui("page.plan_done", { target: name(state.goal) }), "hint")); return; }
      ids = planSplit().ready;
      rows = ids.map(function (id) { return { id: id, text: hoursText(byId.get(id).hours) }; });
      box.appendChild(el("p", ui("page.next_plan_hint"), "hint"));
    } else {
      box.replaceChildren(heading("h2", ui("page.next"), "next-title"));
      var found = P.next(G, { known: state.marked, strict: false, goal: null });
      rows = found.candidates.map(function (c) {
        return { id: c.id, text: ui("page.next_row", { count: c.unlocks, hours: P.hoursText(byId.get(c.id).hours) }) };
      });
    }
    var list = el("ol", null, "next-list");
    rows.slice(0, shown).forEach(function (row, i) {
      var li = el("li");
      li.dataset.id = row.id;
      li.appendChild(conceptLink(row.id));
      if (plan && i === 0) { li.className = "first"; li.appendChild(el("span", ui("page.start_here"), "chip start")); }
      li.appendChild(el("span", row.text, "run"));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (rows.length > shown) box.appendChild(el("p", ui("page.more", { count: rows.length - shown }), "hint"));
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
  /* The views: the map, the route only (the plan's steps in order, by rung), the ladder list. */
  function setView(view) {
    if (view === "route" && !(plan && plan.steps.length)) view = "graph";
    var was = state.view;
    state.view = view;
    document.getElementById("ladder").hidden = view !== "ladder";
    document.getElementById("graph").hidden = view === "ladder";
    showViews();
    showLadder();
    if (view === "route") placeAll("route");
    else if (view === "graph" && was === "route") placeAll(mapLayout());
    else if (view === "graph") window.network.redraw();
  }
  function showViews() {
    var route = !!(plan && plan.steps.length);
    document.querySelectorAll("#views [data-view]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.view === state.view));
      if (b.dataset.view === "route") b.hidden = !route;
    });
  }
  /* The title and the heading name the goal once there is one. */
  function showTitle() {
    var text = !state.goal ? tx(DATA.title) : (state.from ?
      ui("title.from", { source: name(state.from), target: name(state.goal) }) : ui("title.to", { target: name(state.goal) }));
    document.title = text;
    document.getElementById("page-title").textContent = text;
  }

  /* Recompute the answers and show them everywhere; `remember` writes the fragment. With
   * `afterMap` (a mark, a new goal) the panels are rebuilt right after the map has drawn, in the
   * same task and so for the same frame: the map reads the page's layout before the panels
   * change it, not after (which would make the draw wait for the panels' layout). */
  function refresh(remember, afterMap) {
    compute();
    repaint();
    if (state.view === "route") { if (plan && plan.steps.length) placeAll("route"); else setView("graph"); }
    if (afterMap) afterDrawn(showPanels); else showPanels();
    if (remember) writeHash();
  }
  function showPanels() {
    showTitle(); showNext(); showGaps(); showWeek(); showPlan(); showProgress(); showLadder(); showPickers();
    showViews();
    if (state.selected !== null) showDetails(byId.get(state.selected)); else showIntro();
  }
  /* A new goal: the map first, then its panels (`then`, if given, after them). */
  function setGoal(goal, from, then) {
    state.goal = goal; state.from = goal ? from : null;
    rememberGoal();
    refresh(true, true);
    if (then) afterDrawn(then);
  }
