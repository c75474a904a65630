/* kgraph page, part 6 of 8: search, the planner's pickers, keyboard, drag and drop. */
  /* ---- search and pickers: a name in any language, an alias or an id ---- */
  function normalize(s) { return String(s).toLowerCase().replace(/[\s\-_]+/g, ""); }
  /* Names, aliases and ids first; then each concept's `covers` (the sub-topics it teaches), so
   * "attention" finds the concept that teaches it while a concept's own name always wins. */
  var names = new Map();
  DATA.concepts.forEach(function (c) {
    DATA.languages.map(function (code) { return c.name[code]; }).concat(c.aliases, [c.id]).forEach(function (n) {
      var key = normalize(n);
      if (!names.has(key)) names.set(key, c.id);
    });
  });
  DATA.concepts.forEach(function (c) {
    (c.covers || []).forEach(function (n) {
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
    var pace = document.getElementById("pace");
    if (document.activeElement !== pace) pace.value = state.pace ? String(state.pace) : "";
  }
  function planFromPickers() {
    var goalText = document.getElementById("goal").value, fromText = document.getElementById("from").value;
    var goal = find(goalText), from = fromText.trim() ? find(fromText) : null;
    if (!goal) { say(goalText.trim() ? ui("page.no_match", { text: shownText(goalText) }) : ui("page.plan_none")); return; }
    if (fromText.trim() && !from) { say(ui("page.no_match", { text: shownText(fromText) })); return; }
    var paceText = document.getElementById("pace").value, pace = P.checkPace(paceText);
    if (paceText.trim() && pace === null) {
      say(ui("page.pace_bad", { text: shownText(paceText), max: P.MAX_PACE }));
      return;
    }
    state.pace = pace;
    say("");
    setGoal(goal, from, function () { focusOn("next-title"); });
    fitView(true);
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search(); });
  document.getElementById("search").addEventListener("change", search);
  document.getElementById("plan-form").addEventListener("submit", function (ev) { ev.preventDefault(); planFromPickers(); });
  document.getElementById("fit").addEventListener("click", function () {
    clearSelection(true); fitView(true);
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
      var list = ev.target.closest(".arrow-list, ol, ul");
      if (!list) return;
      var items = Array.from(list.querySelectorAll(".concept-link")).filter(function (b) { return b.offsetParent !== null; });
      var at = items.indexOf(ev.target);
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
