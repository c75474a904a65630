/* kgraph page, part 8 of 8: the test hooks, the first draw, and the end of the IIFE. */
  window.kgraph = {
    select: function (id) { select(id, true, true); }, clear: function () { clearSelection(true); },
    setLanguage: function (code) { setLanguage(code, true); }, nodes: nodes, edges: edges,
    data: DATA, look: function (id) {
      return { lit: lookOf(id), learn: learnState(id), step: planOrder.has(id) ? planOrder.get(id) : null };
    },
    edgeLook: edgeLookOf,
    /* The lit edges the last frame drew: bold ("on") and thin ("quiet"). */
    drawnEdges: function () { return { on: drawnEdges.on, quiet: drawnEdges.quiet }; },
    plan: function (goal, from) { setGoal(goal, from || null); },
    toggleKnown: toggleKnown, importText: importText, knownText: function () { return knownText(state.marks); },
    markdown: function () { return plan ? planMarkdown() : null; }, calendar: calendarText, setView: setView, fit: function () { fitView(false); },
    layout: function () { return layoutName; },
    /* What the last frame drew over the map, in CSS pixels of the graph area: names and titles. */
    labels: function () {
      return { names: placedNames.map(function (b) { return { id: b.id, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }; }),
        titles: placedTitles.map(function (t) { return { text: t.text, size: t.size, x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1 }; }),
        numbers: placedNumbers.map(function (d) { return { id: d.c.id, text: d.text, r: d.r, x: d.p.x, y: d.p.y }; }) };
    },
    state: function () { return { goal: state.goal, from: state.from, marks: Array.from(marksInUse().keys()).sort(),
      saved: Array.from(state.marks.keys()).sort(), link: state.linkMarks !== null, selected: state.selected }; }
  };

  state.marks = loadStored();
  if (DATA.plan) { state.goal = DATA.plan.to; state.from = DATA.plan.from; }
  showLanguage(false);
  applyHash(true);
  if (state.selected === null && DATA.focus && byId.has(DATA.focus)) select(DATA.focus, false, false);
  if (state.storageBad) say(ui("page.storage_bad"));
  fitView(false);
  window.network.once("afterDrawing", function () { setTimeout(measureAhead, 0); });
});
