/* kgraph page, part 3 of 8: the fragment (a plan is a link) and the answers computed from it. */
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
    var pace = params.get("pace"), start = params.get("start");
    if (pace !== null) {
      if (P.checkPace(pace) !== null) wanted.pace = P.checkPace(pace);
      else wanted.errors.push(ui("page.link_bad", { key: "pace" }));
    }
    if (start !== null) {
      if (P.checkDate(start) !== null) wanted.start = start;
      else wanted.errors.push(ui("page.link_bad", { key: "start" }));
    }
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
    var wanted = readHash(), savedGoal = first ? loadGoal() : null;
    if (wanted.lang && wanted.lang !== lang) { lang = wanted.lang; if (!first) showLanguage(true); }
    if (wanted.known) {
      var marks = new Map(wanted.known.map(function (id) { return [id, state.marks.get(id) || now()]; }));
      state.linkMarks = sameIds(marks, state.marks) ? null : marks;
    } else if (!wanted.errors.length) state.linkMarks = null;
    if (wanted.pace) state.pace = wanted.pace; else if (!wanted.errors.length) state.pace = null;
    if (wanted.start) state.start = wanted.start; else if (!wanted.errors.length) state.start = null;
    if (wanted.to) { state.goal = wanted.to; state.from = wanted.from || null; }
    else if (first && savedGoal) {  // no goal in the address: the one chosen here last time
      state.goal = savedGoal.to; state.from = savedGoal.from;
      if (!wanted.pace) state.pace = savedGoal.pace;
    } else if (!first && !wanted.errors.length) { state.goal = null; state.from = null; }
    refresh(false);
    if (wanted.c && wanted.c !== state.selected) select(wanted.c, !first, false);
    else if (!wanted.c && state.selected !== null && !wanted.errors.length) clearSelection(false);
    if (wanted.errors.length) say(ui("page.link_ignored", { parts: wanted.errors.join("; ") }));
  }
  /* The address follows the state right after the action (a task later, once per action): a
   * history entry costs a few ms the new picture need not wait for. */
  var hashPending = false;
  function writeHash() {
    if (hashPending) return;
    hashPending = true;
    setTimeout(function () { hashPending = false; writeHashNow(); }, 0);
  }
  function writeHashNow() {
    var parts = [];
    if (state.goal) parts.push("to=" + encodeURIComponent(state.goal));
    if (state.goal && state.from) parts.push("from=" + encodeURIComponent(state.from));
    if (state.pace) parts.push("pace=" + String(state.pace));
    if (state.start) parts.push("start=" + state.start);
    var marks = marksInUse();
    if (marks.size) parts.push("known=" + Array.from(marks.keys()).sort().join(","));
    parts.push("lang=" + lang);
    if (state.selected !== null) parts.push("c=" + encodeURIComponent(state.selected));
    var hash = "#" + parts.join("&");
    if (window.location.hash === hash) return;
    try { window.history.replaceState(null, "", hash); } catch (e) { window.location.hash = hash; }
  }

  /* ---- the answers ---- */
  /* A new mark adds its concept and whatever it needs that was not known yet (the known set is
   * closed under "needs": the walk stops at a known concept); only their dependents can become
   * ready. An unmark can un-know what other marks still imply: that one recomputes it all. */
  var computedMarks = null;
  function addedMarks(marked) {
    if (computedMarks === null || marked.length < computedMarks.size) return null;
    var added = marked.filter(function (id) { return !computedMarks.has(id); });
    return marked.length - added.length === computedMarks.size ? added : null;
  }
  function addKnown(id) {
    if (known.has(id)) return;
    var fresh = [id], stack = [id];
    known.add(id);
    while (stack.length) {
      G.needs.get(stack.pop()).forEach(function (p) {
        if (!known.has(p)) { known.add(p); fresh.push(p); stack.push(p); }
      });
    }
    var next = new Set();
    fresh.forEach(function (n) {
      ready.delete(n);
      G.dependents.get(n).forEach(function (d) { if (!known.has(d)) next.add(d); });
    });
    next.forEach(function (d) {
      if (G.needs.get(d).every(function (p) { return known.has(p); })) ready.add(d);
    });
  }
  var computedFor = null;  // the marks the known and ready sets were last computed for
  function compute() {
    var marked = Array.from(marksInUse().keys()).filter(function (id) { return byId.has(id); });
    var key = marked.join(",");
    if (key !== computedFor) {  // a new goal keeps the marks: no need to walk the graph again
      var added = addedMarks(marked);
      if (added) added.forEach(addKnown); else {
        known = P.knownSet(G, marked, false);
        ready = new Set(G.ids.filter(function (id) {
          return !known.has(id) && G.needs.get(id).every(function (p) { return known.has(p); });
        }));
      }
      computedFor = key;
      computedMarks = new Set(marked);
    }
    /* Without a start the plan's known set is this one: the planner need not walk it again. */
    plan = state.goal ? P.plan(G, { to: state.goal, from: state.from, known: marked, strict: false,
      have: state.from ? undefined : known }) : null;
    planOrder = new Map();
    if (plan) plan.steps.forEach(function (s, i) { planOrder.set(s.id, i + 1); });
    state.marked = marked;
  }
