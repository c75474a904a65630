/* kgraph planner: the learner's queries (path, gaps, next) as pure functions, the same rules as
 * the Python library (kgraph.queries and kgraph.graph), step for step, tie for tie:
 *
 * - known: the closure of what is marked (a concept with all its ancestors), or exactly what is
 *   marked under `strict`;
 * - path FROM TO: cl(TO) − known(FROM ∪ marked), plus (unless `noProjects`, and none when TO
 *   is known) the capstones of the rungs climbed — from FROM's rung (without FROM: the highest
 *   known rung, else use) up to the rung below TO's, a known capstone skipped — with what they
 *   need (kgraph.queries.climbed_capstones); in plan order (kgraph.graph.KGraph.plan_order):
 *   stage by stage, one per capstone (lowest rung first), then one per goal, tune and above
 *   and every project in the depth-first post-order from each stage's target (prerequisites
 *   visited most ancestors in the plan first, then lowest rung, then id), each preceded by its
 *   foundations and use concepts not yet placed, depth-first in post-order (just in time);
 *   hours summed in that order, study and projects apart; the shortest chain FROM → … → TO
 *   found walking back from TO, lowest id first;
 * - gaps: the plan's concepts split into ready now and blocked (by which prerequisites);
 * - next: the unknown concepts whose prerequisites are all known (within cl(goal) when given),
 *   ranked by descendants unlocked (within that scope) per hour, then by rung, then by id.
 *
 * No DOM and no globals but its own name: the page inlines it, and the tests run it in Node.
 * Ids are compared by code unit, as Python compares slugs (ASCII). */
var KGraphPlanner = (function () {
  "use strict";

  function byText(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

  /* The graph from [{id, rank, hours, needs: [ids], project?, capstone?}]: prerequisites sorted
   * and limited to the graph, dependents in id order, as kgraph.graph.KGraph indexes them. */
  function graph(concepts) {
    var sorted = concepts.slice().sort(function (a, b) { return byText(a.id, b.id); });
    var byId = new Map(), needs = new Map(), dependents = new Map();
    sorted.forEach(function (c) { byId.set(c.id, c); dependents.set(c.id, []); });
    sorted.forEach(function (c) {
      var own = Array.from(new Set(c.needs)).filter(function (p) { return byId.has(p); }).sort(byText);
      needs.set(c.id, own);
      own.forEach(function (p) { dependents.get(p).push(c.id); });
    });
    var capstones = sorted.filter(function (c) { return c.capstone; }).map(function (c) { return c.id; });
    return {
      ids: sorted.map(function (c) { return c.id; }), byId: byId, needs: needs, dependents: dependents,
      capstones: capstones
    };
  }

  function reach(edges, starts) {
    var seen = new Set(), stack = [];
    starts.forEach(function (s) { stack.push.apply(stack, edges.get(s) || []); });
    while (stack.length) {
      var node = stack.pop();
      if (!seen.has(node)) { seen.add(node); stack.push.apply(stack, edges.get(node)); }
    }
    return seen;
  }
  function ancestors(g, id) { return reach(g.needs, [id]); }
  function closure(g, ids) {
    var all = reach(g.needs, ids);
    ids.forEach(function (id) { all.add(id); });
    return all;
  }
  function rank(g, id) { return g.byId.get(id).rank; }
  function byRung(g) {
    return function (a, b) { return (rank(g, a) - rank(g, b)) || byText(a, b); };
  }
  function knownSet(g, marked, strict) { return strict ? new Set(marked) : closure(g, marked); }
  function unique(ids) { return Array.from(new Set(ids)); }

  /* The members nothing else among `chosen` needs, lowest rung first. */
  function goalsOf(g, chosen) {
    return Array.from(chosen).filter(function (m) {
      return !g.dependents.get(m).some(function (d) { return chosen.has(d); });
    }).sort(byRung(g));
  }

  /* The one depth-first walk (kgraph.graph.KGraph._pull): `anchor` appended to `order` after its
   * prerequisites among `chosen` not yet `placed`, in post-order, each node's prerequisites
   * visited in `compare` order. */
  function pull(g, chosen, anchor, placed, order, compare) {
    function needed(id) {
      return g.needs.get(id).filter(function (p) { return chosen.has(p); }).sort(compare);
    }
    var stack = [{ id: anchor, pending: needed(anchor), next: 0 }];
    while (stack.length) {
      var top = stack[stack.length - 1], pushed = false;
      while (top.next < top.pending.length) {
        var prereq = top.pending[top.next++];
        if (!placed.has(prereq)) {
          placed.add(prereq);
          stack.push({ id: prereq, pending: needed(prereq), next: 0 });
          pushed = true;
          break;
        }
      }
      if (!pushed) { stack.pop(); order.push(top.id); }
    }
  }

  /* Post-order from the goals (members nothing else chosen needs), lowest rung first. */
  function depthFirst(g, chosen) {
    var rungFirst = byRung(g), order = [], entered = new Set();
    goalsOf(g, chosen).forEach(function (goal) {
      entered.add(goal);
      pull(g, chosen, goal, entered, order, rungFirst);
    });
    return order;
  }

  /* A binary heap of [rank, position, id] keys, smallest first (ids are unique, so no ties). */
  function Heap() { this.items = []; }
  function less(a, b) { return a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]; }
  Heap.prototype.push = function (item) {
    var items = this.items, i = items.length;
    items.push(item);
    while (i > 0) {
      var parent = (i - 1) >> 1;
      if (!less(items[i], items[parent])) break;
      var swap = items[i]; items[i] = items[parent]; items[parent] = swap; i = parent;
    }
  };
  Heap.prototype.pop = function () {
    var items = this.items, top = items[0], last = items.pop(), i = 0;
    if (items.length) {
      items[0] = last;
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < items.length && less(items[l], items[m])) m = l;
        if (r < items.length && less(items[r], items[m])) m = r;
        if (m === i) break;
        var swap = items[i]; items[i] = items[m]; items[m] = swap; i = m;
      }
    }
    return top;
  };

  /* `members` in the order to learn them (kgraph.graph.KGraph.learning_order). */
  function learningOrder(g, members) {
    var chosen = new Set(members), position = new Map(), waiting = new Map(), ready = new Heap();
    depthFirst(g, chosen).forEach(function (id, i) { position.set(id, i); });
    chosen.forEach(function (c) {
      var n = g.needs.get(c).filter(function (p) { return chosen.has(p); }).length;
      waiting.set(c, n);
      if (!n) ready.push([rank(g, c), position.get(c), c]);
    });
    var order = [];
    while (ready.items.length) {
      var id = ready.pop()[2];
      order.push(id);
      g.dependents.get(id).forEach(function (d) {
        if (!chosen.has(d)) return;
        waiting.set(d, waiting.get(d) - 1);
        if (!waiting.get(d)) ready.push([rank(g, d), position.get(d), d]);
      });
    }
    return order;
  }

  var USE = 1, TUNE = 2;  /* ranks: foundations and use concepts come just in time */
  function justInTime(g, id) { var c = g.byId.get(id); return c.rank < TUNE && !c.project; }

  /* For each of `chosen`, how many of `chosen` it needs through edges among them
   * (KGraph._ancestor_counts): one topological pass, each entry's ancestors a bitset of 32-bit
   * words, dropped once every dependent has read it. */
  function ancestorCounts(g, chosen) {
    var order = topologicalOrder(g, chosen), bit = new Map(), waiting = new Map();
    order.forEach(function (id, i) { bit.set(id, i); });
    chosen.forEach(function (c) {
      waiting.set(c, g.dependents.get(c).filter(function (d) { return chosen.has(d); }).length);
    });
    var words = (order.length >> 5) + 1, above = new Map(), counts = new Map();
    order.forEach(function (id) {
      var mask = new Uint32Array(words), count = 0;
      g.needs.get(id).forEach(function (p) {
        if (!chosen.has(p)) return;
        var theirs = above.get(p);
        for (var w = 0; w < words; w++) mask[w] |= theirs[w];
        mask[bit.get(p) >> 5] |= 1 << (bit.get(p) & 31);
        waiting.set(p, waiting.get(p) - 1);
        if (!waiting.get(p)) above.delete(p);  /* every dependent has read it */
      });
      for (var w = 0; w < words; w++) { var v = mask[w]; while (v) { v &= v - 1; count++; } }
      counts.set(id, count);
      if (waiting.get(id)) above.set(id, mask);
    });
    return counts;
  }

  /* `members` in a plan's order (kgraph.graph.KGraph.plan_order): stages, one per capstone
   * (lowest rung first) then one per goal (lowest rung first, then id); anchors (tune and above,
   * and projects) in the depth-first post-order from each stage's target in turn, prerequisites
   * visited most ancestors among the members first, then lowest rung, then id; each anchor
   * after its unplaced prerequisites, depth-first post-order (lowest rung first, then id); then
   * the just-in-time goals nothing in the plan needs. */
  function planOrder(g, members) {
    var chosen = new Set(members), rungFirst = byRung(g), below = ancestorCounts(g, chosen);
    function biggestFirst(a, b) { return (below.get(b) - below.get(a)) || rungFirst(a, b); }
    var goals = goalsOf(g, chosen);
    var capstones = g.capstones.filter(function (id) { return chosen.has(id); }).sort(rungFirst);
    var walked = [], entered = new Set();
    capstones.concat(goals).forEach(function (id) {
      if (!entered.has(id)) { entered.add(id); pull(g, chosen, id, entered, walked, biggestFirst); }
    });
    var anchors = walked.filter(function (id) { return !justInTime(g, id); });
    var late = goals.filter(function (id) { return justInTime(g, id); });
    var placed = new Set(), order = [];
    anchors.concat(late).forEach(function (id) {
      if (!placed.has(id)) { placed.add(id); pull(g, chosen, id, placed, order, rungFirst); }
    });
    return order;
  }

  /* The capstones a plan toward `goal` carries (kgraph.queries.climbed_capstones). */
  function climbedCapstones(g, goal, source, have) {
    var bottom = USE;
    if (source) bottom = rank(g, source);
    else have.forEach(function (id) { bottom = Math.max(bottom, rank(g, id)); });
    bottom = Math.max(bottom, USE);
    var perRung = new Map();
    g.capstones.forEach(function (id) { if (!perRung.has(rank(g, id))) perRung.set(rank(g, id), id); });
    var found = [];
    for (var r = bottom; r < rank(g, goal); r++) {
      if (perRung.has(r) && !have.has(perRung.get(r))) found.push(perRung.get(r));
    }
    return found;
  }

  /* Any order of `members` with each after its prerequisites (Kahn), cheaper than
   * learningOrder when only that property matters. */
  function topologicalOrder(g, members) {
    var waiting = new Map(), ready = [], order = [];
    members.forEach(function (c) {
      var n = g.needs.get(c).filter(function (p) { return members.has(p); }).length;
      waiting.set(c, n);
      if (!n) ready.push(c);
    });
    while (ready.length) {
      var id = ready.pop();
      order.push(id);
      g.dependents.get(id).forEach(function (d) {
        if (!members.has(d)) return;
        waiting.set(d, waiting.get(d) - 1);
        if (!waiting.get(d)) ready.push(d);
      });
    }
    return order;
  }

  /* The first shortest chain source → … → target, walking back lowest id first; [] if none. */
  function shortestChain(g, source, target) {
    var distance = new Map([[source, 0]]), queue = [source];
    for (var head = 0; head < queue.length; head++) {
      g.dependents.get(queue[head]).forEach(function (d) {
        if (!distance.has(d)) { distance.set(d, distance.get(queue[head]) + 1); queue.push(d); }
      });
    }
    if (!distance.has(target)) return [];
    var chain = [target], node = target;
    while (node !== source) {
      var d = distance.get(node) - 1;
      node = g.needs.get(node).find(function (p) { return distance.get(p) === d; });
      chain.push(node);
    }
    return chain.reverse();
  }

  /* Count and hours per rung, projects among them apart, rungs in ladder order, empty rungs
   * left out. */
  function rungTotals(g, ids) {
    var rungs = new Map();
    ids.forEach(function (id) {
      var c = g.byId.get(id);
      var total = rungs.get(c.rank) || { rank: c.rank, count: 0, hours: 0, projects: 0, projectHours: 0 };
      total.count += 1; total.hours += c.hours;
      if (c.project) { total.projects += 1; total.projectHours += c.hours; }
      rungs.set(c.rank, total);
    });
    return Array.from(rungs.values()).sort(function (a, b) { return a.rank - b.rank; });
  }

  /* kgraph path [FROM] TO --known … [--no-projects]: {target, source, known, steps, totals,
   * chain, hours, studyHours, projectHours, capstones}. A caller that already holds the known
   * set of `known` and `from` may pass it as `have` (it is read, never changed). */
  function plan(g, query) {
    var source = query.from || null, marked = unique((query.known || []).concat(source ? [source] : []));
    var have = query.have || knownSet(g, marked, query.strict);  // `have`: that set, if known
    var wanted = new Set(Array.from(closure(g, [query.to])).filter(function (id) { return !have.has(id); }));
    var carried = [];
    if (!query.noProjects && wanted.size) {  /* a known goal climbs no rung */
      carried = climbedCapstones(g, query.to, source, have);
      carried.forEach(function (capstone) {
        closure(g, [capstone]).forEach(function (id) { if (!have.has(id)) wanted.add(id); });
      });
    }
    var total = 0, study = 0, built = 0, steps = planOrder(g, Array.from(wanted)).map(function (id) {
      var c = g.byId.get(id);
      total += c.hours;
      if (c.project) built += c.hours; else study += c.hours;
      return { id: id, hours: c.hours, total: total, project: !!c.project };
    });
    var chain = source ? shortestChain(g, source, query.to) : [];
    var opens = suggestedAlong(g, steps.map(function (s) { return s.id; }), have);
    return {
      target: query.to, source: source,
      known: marked.filter(function (id) { return id !== source; }).sort(byText),
      steps: steps,
      totals: rungTotals(g, steps.map(function (s) { return s.id; })),
      chain: chain.length > 1 ? chain : [],
      hours: total, studyHours: study, projectHours: built, capstones: carried, opens: opens
    };
  }
  /* kgraph/projects.py suggested_along: per step, the practice projects (not capstones, not
   * steps, not known) whose last missing prerequisite that step is, lowest rung first, then id. */
  function suggestedAlong(g, order, have) {
    var position = new Map(order.map(function (id, i) { return [id, i]; }));
    var found = order.map(function () { return []; });
    g.ids.forEach(function (id) {
      var c = g.byId.get(id);
      if (!c.project || c.capstone || have.has(id) || position.has(id)) return;
      var missing = g.needs.get(id).filter(function (p) { return !have.has(p); });
      if (!missing.length || !missing.every(function (p) { return position.has(p); })) return;
      found[Math.max.apply(null, missing.map(function (p) { return position.get(p); }))].push(id);
    });
    return found.map(function (ids) {
      return ids.sort(function (a, b) { return g.byId.get(a).rank - g.byId.get(b).rank || byText(a, b); });
    });
  }

  /* kgraph gaps TO --known …: ready now, blocked (by what), and under strict the marked
   * concepts whose prerequisites are not marked. */
  function gaps(g, query) {
    var marked = unique(query.known || []), have = knownSet(g, marked, query.strict);
    var missing = learningOrder(g, Array.from(closure(g, [query.to])).filter(function (id) { return !have.has(id); }));
    var ready = [], blocked = [];
    missing.forEach(function (id) {
      var waiting = g.needs.get(id).filter(function (p) { return !have.has(p); });
      if (waiting.length) blocked.push({ id: id, waitingFor: waiting }); else ready.push(id);
    });
    var unmarked = [];
    if (query.strict) {
      marked.slice().sort(byText).forEach(function (k) {
        var lacking = Array.from(ancestors(g, k)).filter(function (a) { return !have.has(a); }).sort(byText);
        if (lacking.length) unmarked.push({ id: k, lacking: lacking });
      });
    }
    return { target: query.to, ready: ready, blocked: blocked, unmarked: unmarked };
  }

  /* For each source, how many concepts of `within` need it (KGraph.descendant_counts): one pass
   * from the last concepts back, each concept's descendants a bitset of 32-bit words. */
  function descendantCounts(g, sources, within) {
    var all = reach(g.dependents, sources);
    sources.forEach(function (s) { all.add(s); });
    var bits = new Map(), n = 0;
    Array.from(all).sort(byText).forEach(function (id) { if (within.has(id)) bits.set(id, n++); });
    var words = (n >> 5) + 1, below = new Map();
    var order = topologicalOrder(g, all);
    for (var i = order.length - 1; i >= 0; i--) {
      var id = order[i], mask = new Uint32Array(words);
      g.dependents.get(id).forEach(function (d) {
        var theirs = below.get(d);
        for (var w = 0; w < words; w++) mask[w] |= theirs[w];
        if (bits.has(d)) mask[bits.get(d) >> 5] |= 1 << (bits.get(d) & 31);
      });
      below.set(id, mask);
    }
    var counts = new Map();
    sources.forEach(function (s) {
      var mask = below.get(s), count = 0;
      for (var w = 0; w < words; w++) { var v = mask[w]; while (v) { v &= v - 1; count++; } }
      counts.set(s, count);
    });
    return counts;
  }

  /* kgraph next [--goal G] --known …: what to learn now, most unlocked per hour first. */
  function next(g, query) {
    var have = knownSet(g, unique(query.known || []), query.strict), goal = query.goal || null;
    var scope = goal ? closure(g, [goal]) : new Set(g.ids);
    var ready = Array.from(scope).filter(function (c) {
      return !have.has(c) && g.needs.get(c).every(function (p) { return have.has(p); });
    });
    var unlocked = descendantCounts(g, ready, scope);
    var candidates = ready.map(function (id) {
      var count = unlocked.get(id);
      return { id: id, unlocks: count, score: count / g.byId.get(id).hours };
    });
    candidates.sort(function (a, b) {
      return (b.score - a.score) || (rank(g, a.id) - rank(g, b.id)) || byText(a.id, b.id);
    });
    return { goal: goal, candidates: candidates };
  }

  /* Hours as the command line prints them, Python's "%.12g": 6, 1.25, 1494890, 1e+15. */
  function hoursText(value) {
    if (value === 0) return "0";
    var exponent = Number(value.toExponential(11).split("e")[1]);
    if (exponent < -4 || exponent >= 12) {
      var parts = halfEvenExponential(value).split("e"), power = Math.abs(Number(parts[1]));
      return trimZeros(parts[0]) + "e" + (Number(parts[1]) < 0 ? "-" : "+") + (power < 10 ? "0" : "") + power;
    }
    return trimZeros(halfEven(value, 11 - exponent));
  }
  function trimZeros(text) { return text.indexOf(".") === -1 ? text : text.replace(/\.?0+$/, ""); }
  /* `rounded` (toFixed or toExponential, which round ties up), but an exact tie goes to the even
   * digit as in Python; `longer` is the same number written with 30 more digits, and the tie is
   * exact only when those are a 5 and zeros (9169991528205000 is "9.16999152820e+15"). */
  function tieToEven(rounded, longer) {
    var parts = longer.split("e"), digits = parts[0];
    var cut = digits.slice(0, -30).replace(/\.$/, ""), rest = digits.slice(-30);
    if (!/^50*$/.test(rest)) return rounded;
    var last = Number(cut.replace(/\D/g, "").slice(-1));
    return last % 2 === 0 ? cut + (parts.length > 1 ? "e" + parts[1] : "") : rounded;
  }
  function halfEven(value, digits) {
    return tieToEven(value.toFixed(digits), value.toFixed(Math.min(100, digits + 30)));
  }
  function halfEvenExponential(value) { return tieToEven(value.toExponential(11), value.toExponential(41)); }
  /* Python's round(value, digits) for a value of at most 21 digits before the point: the exact
   * binary value rounded, an exact tie to the even digit (round(1.25, 1) is 1.2). */
  function rounded(value, digits) { return Number(halfEven(value, digits)); }

  /* A plan at a pace, as kgraph/pace.py lays it out: week n covers the running hours
   * ((n-1)*H, n*H], week 1 begins on `start` (YYYY-MM-DD), and the plan ends on the last day of
   * its last week, start + 7*ceil(total/H) - 1. Dates are counted in UTC days: no clock shift. */
  var EPSILON = 1e-9, MAX_PACE = 168;
  function weekOf(hours, pace) { return Math.max(1, Math.ceil(hours / pace - EPSILON)); }
  function weeksOf(before, after, pace) {
    var last = weekOf(after, pace);
    return [Math.min(Math.floor(before / pace + EPSILON) + 1, last), last];
  }
  /* The UTC midnight `days` after `iso` (YYYY-MM-DD), any year (Date.UTC would read 0-99 as 19xx). */
  function utcDay(iso, days) {
    var p = iso.split("-").map(Number), d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(p[0], p[1] - 1, p[2] + days);
    return d;
  }
  /* `iso` plus `days`, YYYY-MM-DD; null past year 9999, which that form cannot write. */
  function addDays(iso, days) {
    var d = utcDay(iso, days);
    return isNaN(d) || d.getUTCFullYear() > 9999 ? null : d.toISOString().slice(0, 10);
  }
  var LAST_DAY = "9999-12-30";  // kgraph/pace.py LAST_DAY: a plan's calendar event ends a day after
  /* The days from 1970-01-01 to `iso`, as Python's date arithmetic counts them. */
  function dayNumber(iso) { return Math.round(utcDay(iso, 0).getTime() / 86400000); }
  /* kgraph/pace.py finish_date: start + 7*ceil(total/pace) - 1, the last day of a plan of
   * `total` hours; null for an empty plan, and for one that would end past LAST_DAY (where
   * Python raises TooLateError). */
  function finishDate(start, total, pace) {
    var day = total > 0 ? addDays(start, 7 * weekOf(total, pace) - 1) : null;
    return day !== null && day <= LAST_DAY ? day : null;
  }
  /* The plan's weeks and finish at `pace` from `start`; null when it would end past LAST_DAY
   * (kgraph/pace.py TooLateError: the page says so instead of dating it). */
  function schedule(steps, pace, start) {
    var total = 0;
    var weeks = steps.map(function (s) { total = s.total; return weeksOf(s.total - s.hours, s.total, pace); });
    var finish = finishDate(start, total, pace);
    if (total > 0 && finish === null) return null;
    return { weeks: weeks, totalWeeks: total > 0 ? weekOf(total, pace) : 0, finish: finish };
  }
  /* kgraph week (kgraph/study.py this_week) for a `plan` of the saved goal that leaves out what
   * is known: its first steps, taken in plan order until their running hours reach `pace` (so
   * the last may spill over into next week), the practice projects each opens, the hours left
   * and the finish at `pace` with `today` as the first day of week 1. */
  function week(planned, pace, today) {
    var dated = schedule(planned.steps, pace, today), steps = [];
    if (!dated) return null;  // past LAST_DAY: kgraph week says so and shows no week
    for (var i = 0; i < planned.steps.length; i++) {
      if (steps.length && steps[steps.length - 1].total >= pace) break;
      steps.push(planned.steps[i]);
    }
    var last = steps.length ? steps[steps.length - 1].total : 0;
    return { steps: steps, opens: planned.opens.slice(0, steps.length), remaining: planned.hours,
      finish: dated.finish, spill: last > pace };
  }
  /* kgraph week's pace so far (kgraph/study.py pace_so_far) from the dated `marks` (a Map of id
   * to "YYYY-MM-DDTHH:MM:SSZ"; ids not in `g` left out), on `today`, with `remaining` hours to
   * go: the window is the last N whole weeks up to today, N = 4, or fewer when the first mark is
   * more recent (null when it is less than a week old); the first mark's day is where the
   * learner started, so its marks never count; the hours of the concepts marked inside the
   * window (added in id order) over N is the pace, and at that pace the remaining hours end on
   * finishDate(today, remaining, pace), today when none remain, never (null) at 0 hours a week.
   * {hoursAWeek, weeks, arrive} or null. */
  var WINDOW_WEEKS = 4;
  function paceSoFar(g, marks, today, remaining) {
    var now = dayNumber(today), days = [];
    Array.from(marks.keys()).sort(byText).forEach(function (id) {
      if (g.byId.has(id)) days.push([id, dayNumber(marks.get(id).slice(0, 10))]);
    });
    if (!days.length) return null;
    var first = days.reduce(function (low, d) { return Math.min(low, d[1]); }, Infinity);
    var weeks = Math.min(WINDOW_WEEKS, Math.floor((now - first) / 7));
    if (weeks < 1) return null;
    var since = now - 7 * weeks, studied = 0;
    days.forEach(function (d) { if (since < d[1] && d[1] <= now) studied += g.byId.get(d[0]).hours; });
    var rate = studied / weeks;
    var arrive = remaining <= 0 ? today : (rate > 0 ? finishDate(today, remaining, rate) : null);
    return { hoursAWeek: rate, weeks: weeks, arrive: arrive };
  }
  /* Hours a week from what a reader typed: a number above 0 and at most 168, else null. */
  function checkPace(text) {
    var value = /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(String(text)) ? Number(text) : NaN;
    return value > 0 && value <= MAX_PACE ? value : null;
  }
  /* A real day written YYYY-MM-DD, else null. */
  function checkDate(text) {
    var day = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(String(text)) ? String(text) : "";
    return day >= "0001" && addDays(day, 0) === day ? day : null;  // a real day, as date.fromisoformat
  }

  return {
    schedule: schedule, week: week, LAST_DAY: LAST_DAY, paceSoFar: paceSoFar, finishDate: finishDate, rounded: rounded, addDays: addDays, checkPace: checkPace, checkDate: checkDate, MAX_PACE: MAX_PACE,
    graph: graph, closure: closure, knownSet: knownSet, learningOrder: learningOrder, planOrder: planOrder,
    shortestChain: shortestChain, plan: plan, gaps: gaps, next: next,
    descendantCounts: descendantCounts, hoursText: hoursText
  };
})();
if (typeof module !== "undefined" && module.exports) module.exports = KGraphPlanner;
