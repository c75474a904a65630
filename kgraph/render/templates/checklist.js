/* kgraph checklist: a plan as the Markdown study checklist `kgraph export --format markdown
 * --path FROM TO` prints (kgraph.render.markdown), so the page's "copy" gives the same bytes.
 *
 * Concept text is data, never markup: whitespace is flattened as Python's str.split does,
 * hidden characters (controls, format and bidi marks, separators, lone surrogates) are shown
 * as Python's unicode_escape spells them, and every ASCII punctuation Markdown could read is
 * backslash-escaped. Only an https URL becomes a link. Pure: the tests run it in Node. */
var KGraphChecklist = (function () {
  "use strict";
  var SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
  var SPECIAL = /([\\`*_{}[\]()<>#+!|~&$:@.=^])/g;
  var URL_UNSAFE = { "(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E" };

  function pad(text, width) { while (text.length < width) text = "0" + text; return text; }
  function shown(char) {
    var code = char.codePointAt(0);
    if (char === "\t") return "\\t";
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (code < 0x100) return "\\x" + pad(code.toString(16), 2);
    if (code < 0x10000) return "\\u" + pad(code.toString(16), 4);
    return "\\U" + pad(code.toString(16), 8);
  }
  function clean(text) { return text.replace(HIDDEN, shown); }
  function mdText(text) {
    var words = text.split(SPACE).filter(function (w) { return w !== ""; });
    return clean(words.join(" ")).replace(SPECIAL, "\\$1");
  }
  function mdLink(title, url) {
    var scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
    if (!scheme || scheme[1].toLowerCase() !== "https" || /[\s\\]/.test(url)) return mdText(title);
    return "[" + mdText(title) + "](" + url.replace(/[() <>]/g, function (c) { return URL_UNSAFE[c]; }) + ")";
  }
  /* One "- [ ] Name — 6 h — [resource](url)" line; `hours` is the formatted "6 h". */
  function item(name, hours, resource, done) {
    var parts = [mdText(name), hours];
    if (resource) parts.push(mdLink(resource.title, resource.url));
    return "- [" + (done ? "x" : " ") + "] " + parts.join(" — ");
  }
  /* The whole checklist: `title`, the `summary` line (or the nothing-to-learn line), items. */
  function checklist(title, summary, items) {
    return ["# " + mdText(title), "", summary].concat(items.length ? [""].concat(items) : []).join("\n") + "\n";
  }
  return { clean: clean, mdText: mdText, mdLink: mdLink, item: item, checklist: checklist };
})();
if (typeof module !== "undefined" && module.exports) module.exports = KGraphChecklist;
