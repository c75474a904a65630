/* kgraph page, part 7 of 8: every text in the chosen language. */
  /* Every text on the page in the current language: the static words, the panels and, unless
   * the graph was just built in it, the labels, tooltips and reasons of the graph. */
  function showLanguage(relabel) {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (n) { n.textContent = ui(n.dataset.i18n); });
    [["data-i18n-placeholder", "placeholder"], ["data-i18n-title", "title"], ["data-i18n-aria-label", "aria-label"]]
      .forEach(function (pair) {
        document.querySelectorAll("[" + pair[0] + "]").forEach(function (n) { n.setAttribute(pair[1], ui(n.getAttribute(pair[0]))); });
      });
    document.querySelectorAll("#langs [data-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
    });
    if (relabel) {
      nodes.update(DATA.concepts.map(function (c) { return { id: c.id, label: tx(c.name), title: titleOf(c) }; }));
      if (!hoverless) edges.update(edgeList.map(function (e) { return { id: e.id, title: why(e.from, e.to) }; }));
      showHoverCard();
    }
    fillChoices();
    showLegend();
    refresh(false);
    if (state.selected === null) showIntro();
    say("");
  }
  /* A hover card open while the language changes is rewritten in place, not left in the old one. */
  var hovered = null;
  window.network.on("hoverNode", function (p) { hovered = { node: p.node }; });
  window.network.on("hoverEdge", function (p) { hovered = { edge: p.edge }; });
  window.network.on("blurNode", function () { hovered = null; });
  window.network.on("blurEdge", function () { hovered = null; });
  function showHoverCard() {
    var card = container.querySelector(".vis-tooltip");
    if (!card || !hovered || card.style.visibility === "hidden") return;
    if (hovered.node !== undefined && byId.has(hovered.node)) card.textContent = tooltip(byId.get(hovered.node));
    else if (hovered.edge !== undefined) card.textContent = why(edgeList[hovered.edge].from, edgeList[hovered.edge].to);
  }
  function setLanguage(code, remember) {
    if (DATA.languages.indexOf(code) === -1) return;
    lang = code;
    showLanguage(true);
    measureAhead();
    if (remember) writeHash();
  }
  document.querySelectorAll("#langs [data-lang]").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.dataset.lang, true); });
  });
  window.addEventListener("hashchange", function () { applyHash(false); });
