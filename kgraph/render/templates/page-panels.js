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
