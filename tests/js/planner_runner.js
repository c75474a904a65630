/* Runs kgraph's page planner in Node for the parity tests: one JSON request per input line,
 * {concepts, queries: [{kind: "plan" | "gaps" | "next" | "week" | "so_far" | "check_date" | "hours" | "md" | "ics_text", ...}]}, one JSON answer per
 * output line, so one Node process serves a whole test session. */
"use strict";
const readline = require("readline");
const planner = require(process.argv[2]);
const checklist = require(process.argv[3]);
const calendar = process.argv[4] ? require(process.argv[4]) : null;

function answer(request) {
  const g = planner.graph(request.concepts || []);
  return request.queries.map((q) => {
    if (q.kind === "plan") return planner.plan(g, q);
    if (q.kind === "gaps") return planner.gaps(g, q);
    if (q.kind === "next") return planner.next(g, q);
    if (q.kind === "schedule") return planner.schedule(planner.plan(g, q).steps, q.pace, q.start);
    if (q.kind === "week") return planner.week(planner.plan(g, q), q.pace, q.start);
    if (q.kind === "so_far") {  // with a goal (to, from), the hours left are its plan's, as the page's
      const marks = new Map(Object.entries(q.marks));
      const remaining = q.to ? planner.plan(g, { to: q.to, from: q.from, known: Array.from(marks.keys()) }).hours : q.remaining;
      const found = planner.paceSoFar(g, marks, q.today, remaining);
      return found && { ...found, rate: planner.hoursText(planner.rounded(found.hoursAWeek, 1)) };
    }
    if (q.kind === "ics_text") return q.values.map((v) => [calendar.escapeText(v), calendar.fold(v)]);
    if (q.kind === "check_pace") return q.values.map(planner.checkPace);
    if (q.kind === "check_date") return q.values.map(planner.checkDate);
    if (q.kind === "hours") return q.values.map(planner.hoursText);
    if (q.kind === "md") return q.values.map((v) => [checklist.mdText(v), checklist.mdLink(v, v)]);
    throw new Error("unknown query kind " + q.kind);
  });
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let reply;
  try { reply = { ok: answer(JSON.parse(line)) }; } catch (err) { reply = { error: String(err.stack) }; }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
