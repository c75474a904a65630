/* kgraph page, part 7 of 8: every text in the chosen language. */
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
      nodes.update(DATA.concepts.map(function (c) { return { id: c.id, label: tx(c.name), title: tooltip(c) }; }));
      edges.update(edgeList.map(function (e) { return { id: e.id, title: why(e.from, e.to) }; }));
    }
    fillChoices();
    showLegend();
    refresh(false);
    if (state.selected === null) showIntro();
    say("");
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
  window.addEventListener("hashchange", function () { applyHash(false); });
