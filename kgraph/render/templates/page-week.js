/* kgraph page, part 5b (after the panels, inside the same function): the saved goal, this week, the calendar. */
  /* ---- the goal kept beside the marks: the CLI's goal.json text, in localStorage ---- */
  var GOAL_STORE = "kgraph.goal";
  /* kgraph.goal.goal_text: sorted keys, two-space indent, one trailing newline. */
  function goalText(goal, from, pace) {
    return JSON.stringify({ format: "kgraph-goal", from: from, pace: pace, to: goal, version: 1 }, null, 2) + "\n";
  }
  function goalId(id) {
    if (typeof id !== "string") return null;
    if (byId.has(id)) return id;
    var found = names.get(normalize(id));  // a renamed concept still resolves through its alias
    return found === undefined ? null : found;
  }
  /* The goal saved in this browser, {to, from, pace}; null when there is none or it is not a
   * goal this page can read (it is then left as it is, as the CLI leaves a goal file). */
  function loadGoal() {
    var text = null, data;
    try { text = window.localStorage.getItem(GOAL_STORE); } catch (e) { text = null; }
    if (text === null || text.length > MAX_FILE) return null;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || typeof data !== "object" || data.format !== "kgraph-goal" || data.version !== 1) return null;
    if (Object.keys(data).sort().join(",") !== "format,from,pace,to,version") return null;
    var to = goalId(data.to), from = data.from === null ? null : goalId(data.from);
    var pace = data.pace === null ? null : (typeof data.pace === "number" ? P.checkPace(String(data.pace)) : null);
    if (to === null || (data.from !== null && from === null) || (data.pace !== null && pace === null)) return null;
    return { to: to, from: from, pace: pace };
  }
  /* Keep the chosen goal, start and pace (a cleared plan forgets them). A browser that will not
   * store (private mode) keeps the page working and says so. */
  function rememberGoal() {
    try {
      if (state.goal) window.localStorage.setItem(GOAL_STORE, goalText(state.goal, state.from, state.pace));
      else window.localStorage.removeItem(GOAL_STORE);
    } catch (e) { say(ui("page.storage_failed")); }
  }

  /* ---- this week: `kgraph week` for the plan on the page ---- */
  function weekNow() {
    return plan && state.pace ? P.week(plan, state.pace, state.start || today()) : null;
  }
  function showWeek() {
    var box = document.getElementById("week"), found = weekNow();
    box.hidden = !found;
    if (!found) { box.replaceChildren(); return; }
    box.replaceChildren(heading("h2", ui("page.week_title"), "week-title"));
    if (!found.steps.length) { box.appendChild(el("p", ui("page.week_done", { target: name(plan.target) }), "hint")); return; }
    box.appendChild(el("p", ui("page.week_head", { target: name(plan.target), pace: P.hoursText(state.pace),
      start: state.start || today() }), "hint"));
    var list = el("ol", null, "week-steps");
    found.steps.forEach(function (s, i) {
      var c = byId.get(s.id), li = el("li", null, "week-step");
      li.dataset.id = s.id;
      li.dataset.hours = String(s.hours);
      li.dataset.total = String(s.total);
      var head = el("p", null, "week-row");
      head.append(el("span", (i + 1) + ".", "num"), conceptLink(s.id), el("span", hoursText(s.hours), "own"));
      li.appendChild(head);
      if (c.deliverable) li.appendChild(el("p", ui("page.week_deliverable", { text: tx(c.deliverable) }), "deliverable"));
      var outcomes = c.outcomes ? tx(c.outcomes) : [];
      if (outcomes.length) {
        var checks = el("ul", null, "outcomes");
        outcomes.forEach(function (o) { var item = el("li"); outcomeItem(item, o); checks.appendChild(item); });
        li.appendChild(checks);
      }
      var first = c.resources[c.start || 0];
      if (first) {
        var start = el("ul", null, "start-with"), item = el("li");
        resourceItem(item, first);
        item.prepend(el("span", ui("page.week_start"), "kind"));
        item.dataset.url = first.url;
        start.appendChild(item);
        li.appendChild(start);
      }
      if (found.opens[i].length) {
        var practice = el("p", ui("page.opens"), "opens");
        practice.dataset.opens = found.opens[i].join(",");
        found.opens[i].forEach(function (id, n) {
          var link = conceptLink(id);
          link.dataset.kind = "project";
          practice.append(n ? ", " : " ", link);
        });
        li.appendChild(practice);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    if (found.spill) box.appendChild(el("p", ui("page.week_spill"), "hint spill"));
    var finish = el("p", ui("page.week_finish", { hours: P.hoursText(found.remaining), pace: P.hoursText(state.pace),
      date: found.finish }), "finish");
    finish.dataset.finish = found.finish;
    finish.dataset.remaining = String(found.remaining);
    box.appendChild(finish);
    var pace = soFarLine(P.paceSoFar(G, marksInUse(), state.start || today(), found.remaining));
    if (pace) box.appendChild(pace);
    var download = button(ui("page.ics"), "ghost", downloadCalendar);
    download.id = "download-ics";
    var actions = el("p", null, "actions");
    actions.appendChild(download);
    box.appendChild(actions);
  }

  /* `kgraph week`'s last sentence: the pace of the dated marks and where it leads (its own words
   * when it leads nowhere: "I know this" marks what is studied); null without a week of marks. */
  function soFarLine(found) {
    if (!found) return null;
    var values = { weeks: found.weeks, weeks_noun: plural(found.weeks, "week"), arrive: found.arrive,
      rate: P.hoursText(P.rounded(found.hoursAWeek, 1)) };
    var line = el("p", ui(found.arrive === null ? "page.week_so_far_never" : "week.so_far", values), "so-far");
    line.dataset.weeks = String(found.weeks);
    line.dataset.arrive = found.arrive || "";
    return line;
  }

  /* ---- the calendar: `kgraph path FROM TO --known … --pace H --start D --format ics` ---- */
  function calendarText() {
    if (!plan || !state.pace) return null;
    var start = state.start || today(), paced = P.schedule(plan.steps, state.pace, start), events = [];
    if (!paced) return null;  // too late to date: no calendar
    var ranks = plan.steps.map(function (s) { return byId.get(s.id).rank; });
    KGraphCalendar.rungSpans(ranks, paced.weeks).forEach(function (span) {
      var hours = 0, lines = [];
      span.steps.forEach(function (i) {
        var c = byId.get(plan.steps[i].id);
        hours += c.hours;
        lines.push(tx(c.name) + " (" + hoursText(c.hours) + ")");
      });
      var level = DATA.levels[span.rank].id;
      events.push({ id: level, first: span.first, last: span.last, text: lines.join("\n"),
        summary: ui("ics.rung", { level: levelName(level), target: plan.target, hours: P.hoursText(hours) }) });
    });
    plan.steps.forEach(function (s, i) {
      var c = byId.get(s.id);
      if (!c.capstone) return;
      var text = [c.deliverable ? tx(c.deliverable) : tx(c.summary)];
      (c.outcomes ? tx(c.outcomes) : []).forEach(function (o) { text.push("- " + o); });
      events.push({ id: c.id, first: paced.weeks[i][0], last: paced.weeks[i][1], text: text.join("\n"),
        summary: ui("ics.capstone", { name: tx(c.name), hours: P.hoursText(c.hours) }) });
    });
    var title = plan.source ? ui("title.from", { source: plan.source, target: plan.target })
      : ui("title.to", { target: plan.target });
    return KGraphCalendar.render({ name: title, key: (plan.source || "known") + "." + plan.target,
      start: start, events: events }, P.addDays);
  }
  function downloadCalendar() {
    var text = calendarText();
    if (text === null) return;
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    a.download = "kgraph-" + plan.target + ".ics";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
