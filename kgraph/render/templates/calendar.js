/* kgraph calendar: a dated plan as the RFC 5545 file `kgraph path … --pace H --start D --format
 * ics` writes (kgraph/render/ics.py), byte for byte: one all-day event per rung and one per
 * capstone, CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
 * character, TEXT values escaped (backslash, semicolon, comma, line breaks; other control
 * characters dropped), a DTEND the day after the last, UIDs made of ids alone and a DTSTAMP that
 * is the start date, so the same plan gives the same bytes.
 *
 * The words come from the caller (the page, in its language); the rules are here. Pure: the
 * tests run it in Node. */
var KGraphCalendar = (function () {
  "use strict";
  var LINE_OCTETS = 75, PRODID = "-//kgraph//learning plan//EN";
  var CONTROLS = /[\x00-\x08\x0b-\x1f\x7f]/g;

  function escapeText(text) {
    text = String(text).replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(CONTROLS, "");
    return text.replace(/[\\;,\n]/g, function (c) { return c === "\n" ? "\\n" : "\\" + c; });
  }
  function octets(char) {
    var code = char.codePointAt(0);
    return code < 0x80 ? 1 : (code < 0x800 ? 2 : (code < 0x10000 ? 3 : 4));
  }
  /* `line` in lines of at most 75 octets, each continuation starting with a space. */
  function fold(line) {
    var parts = [], current = "", size = 0;
    Array.from(line).forEach(function (char) {
      var n = octets(char);
      if (size + n > LINE_OCTETS) { parts.push(current); current = " "; size = 1; }
      current += char;
      size += n;
    });
    parts.push(current);
    return parts;
  }
  function day(iso) { return iso.replace(/-/g, ""); }

  /* Per rung of the plan (lowest first): its first week (the earliest of its steps'), its last
   * (that of its last step) and its steps' indices, as kgraph.pace.schedule spans them. */
  function rungSpans(ranks, weeks) {
    var spans = new Map();
    ranks.forEach(function (rank, i) {
      var first = weeks[i][0], last = weeks[i][1], span = spans.get(rank);
      if (span) { span.first = Math.min(span.first, first); span.last = last; span.steps.push(i); }
      else spans.set(rank, { rank: rank, first: first, last: last, steps: [i] });
    });
    return Array.from(spans.values()).sort(function (a, b) { return a.rank - b.rank; });
  }

  /* The calendar file. `plan`: {name (the calendar's), key (FROM-or-"known".TO), start
   * (YYYY-MM-DD), events: [{id (a rung's or a capstone's), first, last (weeks), summary, text}]};
   * `addDays(iso, n)` counts days. */
  function render(plan, addDays) {
    var stamp = day(plan.start) + "T000000Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText(plan.name)];
    plan.events.forEach(function (e) {
      lines.push("BEGIN:VEVENT", "UID:" + plan.key + "." + e.id + "@kgraph", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day(addDays(plan.start, 7 * (e.first - 1))),
        "DTEND;VALUE=DATE:" + day(addDays(plan.start, 7 * e.last)),  /* exclusive: the day after */
        "SUMMARY:" + escapeText(e.summary), "DESCRIPTION:" + escapeText(e.text),
        "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    var out = "";
    lines.forEach(function (line) { fold(line).forEach(function (part) { out += part + "\r\n"; }); });
    return out;
  }
  return { escapeText: escapeText, fold: fold, rungSpans: rungSpans, render: render };
})();
if (typeof module !== "undefined" && module.exports) module.exports = KGraphCalendar;
