"""English: the catalogue every other language mirrors key for key.

Rungs, categories and resource kinds print as their values in English, so their tables are
empty. Nouns are keyed by CLDR plural category (``one``, ``other``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # The command line: errors, usage errors, progress messages.
    "error": "Error: {message}",
    "error.unknown_concept": "unknown concept {name!r}",
    "error.did_you_mean": "unknown concept {name!r}; did you mean {suggestions}?",
    "error.suggestion": "{id}",
    "error.suggestion_named": "{id}",
    "error.file.missing": "{path}: no such file",
    "error.env_graph": (
        "${var} is {path}, which is not a graph file; unset {var} or point it at one"
    ),
    "error.file.directory": "{path}: is a directory, not a file",
    "error.file.unreadable": "{path}: cannot read: {detail}",
    "error.file.encoding": "{path}: not UTF-8 text (byte {start} is {byte})",
    "lang.unsupported": "unsupported language {value!r} (from {source}); choose one of {choices}",
    "lang.name": "English",
    "cli.no_command": "No such command '{name}'. Did you mean '{guess}'?",
    "help.learners": "Commands for learners",
    "help.contributors": "Commands for contributors (editing the graph)",
    "cli.from_to_names": "{command} takes TO or FROM TO, not {count} names",
    "cli.path_names": "path takes TO or FROM TO, not {count} names",
    "cli.only_path": "--only-path needs --path FROM TO",
    "cli.export_import": "--export and --import exclude each other",
    "cli.mkdir": "{path}: cannot create the directory: {reason}",
    "cli.wrote": "wrote {path}",
    "cli.checked_env": "note: checking {path}, named by ${var}",
    "cli.checked_packaged": (
        "note: checking the graph packaged with kgraph, {path}; for your own copy, run this where"
        " graph/concepts.json is or pass -g FILE"
    ),
    "cli.fmt_packaged": (
        "fmt never rewrites the graph packaged with kgraph ({path}); run it where your"
        " graph/concepts.json is or pass -g FILE"
    ),
    "cli.replaced": "replaced {path} (it existed; -o FILE writes elsewhere)",
    "cli.replaced_chosen": "replaced {path}",
    "cli.mermaid_too_big": (
        "warning: {edges} edges and {chars} characters; GitHub draws Mermaid diagrams of at most"
        " {max_edges} edges and {max_chars} characters and shows an error instead. Narrow it"
        " with --focus, --path or --level."
    ),
    "cli.valid": "{path}: ok, {count} {concepts}",
    "cli.problems": "{path}: {count} {problems}",
    "cli.canonical": "{path}: already canonical",
    "cli.not_canonical": "{path}: not canonical; run `kgraph fmt` to rewrite it",
    "cli.rewritten": "{path}: rewritten in canonical form",
    "cli.diff_now": "{path} (now)",
    "cli.diff_canonical": "{path} (canonical)",
    "refresh.stale": "{path}: stale, not what the graph gives now",
    "refresh.hint": "run `{command}` from the repository's root and commit what it rewrites",
    "refresh.fresh": "every file derived from the graph is up to date",
    "refresh.not_checkout": "{path}: not the root of a kgraph checkout (needs {files})",
    "refresh.state": "{path}: unknown <!-- output: {state} -->; use one of {choices}",
    "refresh.count": "{path}: unknown <!-- count: {key} -->; use one of {choices}",
    "refresh.no_example": "{path}: no ```json block under {section!r}",
    "refresh.no_list": "{path}: no line {line!r} to paste a concept after; run `kgraph fmt`",
    "cli.assess_start": (
        "{count} {concepts} to decide; answer y, n, s (skip) or q (stop, keeping the answers"
        " so far)."
    ),
    "cli.assess_stopped": "Stopped; the answers so far decide what follows.",
    "cli.assess_not_saved": (
        "Not saved (the input ended); kgraph assess --yes saves without asking."
    ),
    "cli.assess_question": "Do you know {label}? {summary}",
    "cli.assess_nothing_new": "Nothing new to save.",
    "cli.assess_declined": "Nothing saved; {path} is unchanged.",
    "cli.assess_save": "Save {count} {concepts} to {path}?",
    "saved_in": "Saved in {path}",
    # Units and export titles.
    "unit.h": "{hours} h",
    "title.all": "kgraph: all concepts",
    "title.focus": "kgraph: {focus}",
    "title.to": "kgraph: path to {target}",
    "title.from": "kgraph: {source} → {target}",
    # kgraph path
    # kgraph lint: the ladder's promise
    "lint.use_theory": (
        "a use concept needs theory: {chain}; a use concept needs only programming basics and "
        "other use concepts: cut the edge that brings in {theory}, or need a light counterpart on"
        " use instead"
    ),
    "lint.tune_calculus": (
        "a tune concept needs calculus-level theory: {chain}; tuning needs practitioner ML, not "
        "derivations: cut the edge that brings in {theory}, or need a light counterpart on tune "
        "instead"
    ),
    "lint.no_capstone": (
        "the {level} rung has no capstone project; add one (kind: project, capstone: true) that "
        "proves the rung"
    ),
    "lint.capstone_below": (
        "the {level} capstone does not need {below}, the capstone of the rung below; add it to "
        "its prerequisites"
    ),
    "lint.deliverable_untranslated": (
        "a project translated into {lang} needs its deliverable there too; add "
        "translations.{lang}.deliverable"
    ),
    "plan.to": "Learning path to {target}",
    "plan.from": "Learning path from {source} to {target}",
    "plan.known": "Known: {known} (and their prerequisites)",
    "plan.known_strict": "Known: {known} (only these, not their prerequisites)",
    "plan.capstones": (
        "Carries the capstone projects of the rungs it climbs: {ids} (--no-projects leaves "
        "them out)"
    ),
    "plan.reversed": (
        "Nothing to learn: {target} comes before {source}, so knowing {source} covers it."
        " Did you mean `kgraph path {target} {source}`?"
    ),
    "plan.nothing": "Nothing to learn: you know everything it needs.",
    "plan.chain": "Shortest chain: {chain}",
    "col.number": "#",
    "col.rung": "rung",
    "col.hours": "hours",
    "col.total": "total",
    "col.concept": "concept",
    "totals.head": "Per rung:",
    "totals.row": "  {level:<11} {count:4} {concepts:<8}  {hours:>6} h",
    "totals.total": "total",
    "totals.projects": "  (projects: {count}, {hours} h)",
    "totals.split": "Study {study} h, projects {projects} h.",
    "plan.project": "[project]",
    "plan.capstone": "[capstone project]",
    # kgraph gaps
    "gaps.title": "Gaps for {target}",
    "gaps.none": "Gaps for {target}: none, you know everything it needs.",
    "gaps.ready": "Ready now ({count}):",
    "gaps.ready_row": "  {label}  [{level}, {hours} h]",
    "gaps.blocked": "Blocked ({count}):",
    "gaps.blocked_row": "  {label}  waiting for {ids}",
    "gaps.unmarked": "Note: you marked {marked} but not {missing}",
    # kgraph next
    "next.none": "Nothing left to learn.",
    "next.none_goal": "Nothing left to learn toward {goal}.",
    "next.head": "Ready to learn now, most leverage (concepts unlocked per hour) first:",
    "next.head_goal": (
        "Ready to learn now toward {goal}, most leverage (concepts unlocked per hour) first:"
    ),
    "next.reason": "unlocks {count} {concepts} in {hours} h = {score:.2f}/h",
    "next.reason_goal": (
        "unlocks {count} {concepts} on the way to {goal} in {hours} h = {score:.2f}/h"
    ),
    "next.tie": " (tied: lower rung, then id, first)",
    # kgraph why, unlocks
    "why.not_needed": "{source} is not needed for {target}.",
    "why.reversed": (
        "{source} is not needed for {target}, but {target} is needed for {source}:"
        " `kgraph why {target} {source}`."
    ),
    "why.head": "{source} is needed for {target}:",
    "unlocks.nothing": "{concept} unlocks nothing yet.",
    "unlocks.head": "{concept} unlocks:",
    "unlocks.direct": "  directly:",
    "unlocks.ring": "  {distance} steps away:",
    # kgraph show, search, list, stats
    "details.head": "{name} ({id})",
    "details.meta": "  rung: {level}   category: {category}",
    "details.hours": "  hours: {hours}",
    "details.aliases": "  aliases: {aliases}",
    "details.needs": "Needs:",
    "details.unlocks": "Unlocks: {ids}",
    "details.deeper": "Go deeper: {label}",
    "details.lighter": "Lighter version: {labels}",
    "details.resources": "Resources:",
    "listing.row": "{level:<11} {hours:>5} h  {label}",
    "listing.covers": "  (teaches {topic})",
    "note.taught_in": "note: {name} is taught in {concept} ({id})",
    "listing.count": "({count} {concepts})",
    "listing.empty": "No concepts match {subject}.",
    "listing.all": "all concepts",
    "listing.search": "search {text!r}",
    "stats.size": "{concepts} {concepts_noun}, {edges} {edges_noun}, {hours} h",
    "stats.shape": "{roots} {roots_noun}, {leaves} {leaves_noun}, longest chain {chain}",
    "stats.categories": "Per category:",
    # kgraph known, progress, assess, learn, forget
    "known.none": "You have marked nothing as known yet (kgraph learn X, or kgraph assess).",
    "known.head": "You know {count} {concepts}:",
    "known.rung": "{level} ({count}, {marked} marked)",
    "known.row": "  {label}  marked {date}",
    "known.implied": "  implied: ",
    "known.unresolved": "Saved but not in this graph: {ids}",
    "known.not_saved": "Nothing saved yet; kgraph learn and kgraph assess save to {path}",
    "ladder.head": (
        "The ladder, bottom rung first (the bar: share of each rung's hours you know):"
    ),
    "ladder.row": "  {level:<11} [{bar}] {share} {counts:>8} {concepts:<8} {spent:>14}{here}",
    "ladder.spent": "{known}/{total} h",
    "ladder.here": "  <- you stand here",
    "ladder.nothing": "You have marked nothing as known yet.",
    "ladder.all": "You know every concept of the graph.",
    "ladder.toward": "Fastest ways onto {level}:",
    "ladder.move": "{number:4}  {label}  ({hours} h over {steps} {concepts}{start})",
    "ladder.start": ", start with {first}",
    "assess.head": (
        "{questions} {questions_noun} answered; {decided} of {total} {concepts} {scope} decided."
    ),
    "assess.for": "for {target}",
    "assess.all": "over the whole graph",
    "assess.known": "You know {count}:",
    "assess.unknown": "Not yet known: {count}",
    "assess.undecided": "Undecided: {count}",
    "change.learned": "Learned: {ids}",
    "change.forgot": "Forgot: {ids}",
    "change.imported": "Imported: {ids}",
    "change.already": "already marked: {ids}",
    "change.not_marked": "not marked: {ids}",
    "change.implied_one": "{concept} still counts as known: {ids} needs it",
    "change.implied_many": "{concept} still counts as known: {ids} need it",
    "change.nothing": "Nothing changed.",
    # Markdown export
    "md.plan": "{count} {concepts}, {hours} h in all.",
    "md.split": "Study {study} h, projects {projects} h.",
    "md.rung": "## {level} ({count} {concepts}, {hours} h)",
    "md.nothing": "Nothing selected.",
    # The HTML page (its page-*.js view formats these with the same {name} placeholders)
    "page.search_label": "Find a concept",
    "page.search_placeholder": "Find a concept or alias…",
    "page.go": "Go",
    "page.fit": "Show all",
    "page.fit_title": "Show the whole graph",
    "page.graph_label": "Concept graph",
    "page.language": "Language",
    "page.rungs": "Rungs",
    "page.legend_hint": "Size: how much a concept unlocks. Arrows run from what you need first.",
    "page.noscript": "This graph needs JavaScript.",
    "page.explore": "Explore",
    "page.counts": "{concepts} {concepts_noun}, {links} {links_noun}.",
    "page.intro": (
        "Click a concept (or find one above) to see what it needs and what it unlocks; "
        "its ancestors and descendants stay lit."
    ),
    "page.needs": "Needs first ({count})",
    "page.unlocks": "Unlocks ({direct} directly, {all} in all)",
    "page.resources": "Resources",
    "page.outcomes": "Mastered when you can",
    "page.aliases": "Also: {aliases}",
    "page.deeper": "Go deeper:",
    "page.lighter": "Lighter version:",
    "page.known": "✓ known",
    "page.step": "step {number} of the path",
    "page.unsafe": "{title} (unsafe link removed)",
    "page.free": "{kind} · free",
    "page.no_match": "No concept matches “{text}”.",
    "page.unlocks_tip": " · unlocks {count}",
    "page.path_to": "Path to {target}",
    "page.path_from": "Path from {source} to {target}",
    "page.path_total": "{count} {concepts_noun} · {hours} h in total",
    "page.views": "View",
    "page.view_graph": "Graph",
    "page.view_ladder": "Ladder",
    "page.view_route": "Route only",
    "page.start_here": "start here",
    "page.next_plan_hint": (
        "Steps of this plan you can start now; the first is the plan's next step."
    ),
    "page.col_step": "Step",
    "page.col_concept": "Concept",
    "page.col_hours": "Hours",
    "page.col_total": "Total",
    "page.close": "Close",
    "page.plan_done": "Nothing is missing: you know everything {target} needs.",
    "page.panel_label": "Planner and details",
    "page.details_label": "Concept details",
    "page.planner": "Plan my path",
    "page.goal_label": "I want to learn",
    "page.from_label": "Starting from (optional)",
    "page.plan_button": "Show the plan",
    "page.pace_label": "Hours a week (optional)",
    "page.pace_bad": "Hours a week must be a number above 0 and at most {max}, not “{text}”.",
    "page.finish": "Done on {date}, the end of week {weeks} at {pace} h a week.",
    "page.week": "week {week}",
    "page.week_title": "This week",
    "page.week_head": "Toward {target} at {pace} h a week, week 1 beginning on {start}:",
    "page.week_deliverable": "Deliverable: {text}",
    "page.week_start": "Start with:",
    "page.week_spill": "The last step runs over into next week.",
    "page.week_finish": "{hours} h left in all; at {pace} h a week you finish on {date}.",
    "page.week_done": "Nothing left to learn for {target}: you have reached it.",
    "page.too_late": (
        "At this pace the plan would end after {last}, the last day it can be dated: choose more"
        " hours a week or an earlier start."
    ),
    "page.week_so_far_never": (
        "At your pace so far (0 h a week over the last {weeks} {weeks_noun}) you would not"
        " arrive; “I know this” marks what you study."
    ),
    "page.ics": "Download calendar (.ics)",
    "page.opens": "Now you can practise on:",
    "page.weeks": "weeks {first}–{last}",
    "page.plan_none": "Choose what you want to learn first.",
    "page.clear_plan": "Clear the plan",
    "page.totals": "Per rung",
    "page.rung_total": "{count} {concepts_noun} · {hours} h",
    "page.chain": "Shortest chain",
    "page.copy_md": "Copy as Markdown",
    "page.copied": "The plan is copied as a Markdown checklist.",
    "page.copy_select": "The checklist is below, selected: copy it with Ctrl+C.",
    "page.gaps": "What is missing for {target}",
    "page.ready_now": "Ready now ({count})",
    "page.blocked": "Blocked ({count})",
    "page.waiting_for": "waits for {names}",
    "page.next": "What to learn next",
    "page.next_for": "What to learn next toward {target}",
    "page.next_row": "unlocks {count} · {hours} h",
    "page.more": "…and {count} more.",
    "page.know_this": "I know this",
    "page.known_marked": "✓ I know this",
    "page.learn_this": "Plan a path here",
    "page.implied": "Counts as known: {names} needs it.",
    "page.marked": "Marked “{name}” as known.",
    "page.unmarked": "“{name}” is no longer marked as known.",
    "page.progress": "My progress",
    "page.known_count": "You know {count} of {total} concepts ({marked} marked).",
    "page.export": "Download known.json",
    "page.import": "Import known.json…",
    "page.drop": (
        "You can also drop a known.json anywhere on the page. It is the file `kgraph "
        "known --export` writes and `kgraph known --import` reads."
    ),
    "page.imported": "{file}: {count} new concepts marked known.",
    "page.import_bad": "{file}: not a kgraph progress file; nothing changed.",
    "page.import_version": "{file}: a progress file of another version; nothing changed.",
    "page.import_unknown": (
        "{file}: {count} ids are not in this graph (first: {example}); nothing changed."
    ),
    "page.import_large": "{file}: too large for a progress file; nothing changed.",
    "page.storage_bad": (
        "The progress saved in this browser could not be read; it stays as it is until "
        "you mark something."
    ),
    "page.storage_failed": "This browser would not save your progress.",
    "page.link_known": (
        "This link shows a known set of {count} concepts; your own saved progress is unchanged."
    ),
    "page.keep_link": "Keep it as mine",
    "page.use_mine": "Show mine",
    "page.link_long": "the address is too long",
    "page.link_bad": "“{key}” names no concept of this graph",
    "page.link_ignored": "Part of the link was ignored: {parts}.",
    "page.ladder": "The ladder",
    "page.ladder_row": "{known} of {count} known · {known_hours} of {hours} h",
    "page.state_known": "known",
    "page.state_ready": "ready to learn",
    "page.state_later": "not yet",
    "page.legend_states": (
        "Dashed ring: known. Blue ring: ready to learn now. Numbers: the plan's steps."
    ),
    "page.keys": "Keys: / search, ↑ ↓ move in a list, Enter choose, Esc clear.",
    "page.rung.foundations": "balance, the body",
    "page.rung.use": "ride to the shop",
    "page.rung.tune": "set the bike up for you",
    "page.rung.repair": "repair and improve it",
    "page.rung.build": "build one from scratch",
    "page.rung.frontier": "a new kind of vehicle",
    # A plan to follow: outcomes, where to start, projects, pace and dates, goal, this week.
    "error.pace": "{option} {value!r}: hours a week must be a number above 0 and at most {max}",
    "error.date": "{option} {value!r}: not a day; write YYYY-MM-DD, e.g. 2026-12-07",
    "error.too_late": (
        "the plan's dates would run past {last}: choose more hours a week or an earlier start"
    ),
    "error.goal_file": (
        "{path}: not a goal file kgraph can read ({detail}); it is left untouched.\n"
        "`kgraph goal --clear` moves it aside to {broken} to start over."
    ),
    "error.goal_file_backup": (
        "{path}: not a goal file kgraph can read ({detail}); it is left untouched.\n"
        "The version before the last change is in {backup}: `cp {backup} {path}` restores it;"
        " or `kgraph goal --clear` moves it aside to {broken} to start over."
    ),
    "error.no_goal": (
        "no goal saved yet: `kgraph goal TO` saves one, or name it: `kgraph path [FROM] TO`"
    ),
    "error.goal_unknown": (
        "your saved goal ({path}) names {id!r}, which this graph lacks; `kgraph goal TO` chooses"
        " another"
    ),
    "error.no_pace": "no pace saved: `kgraph goal {target} --pace H` saves one, or pass --pace H",
    "error.graph_changed": "{path}: changed while kgraph read it; run the command again",
    "error.ics_pace": "--format ics needs --pace H (hours a week) to date the plan",
    "error.pace_format": "--pace and --start date a text, JSON or ics plan, not {format}",
    "details.outcomes": "Mastered when you can:",
    "details.outcome": "  [ ] {outcome}",
    "details.deliverable": "Deliverable: {text}",
    "guide.start": "        start with: {resource}",
    "guide.outcome": "        [ ] {outcome}",
    "guide.deliverable": "        deliverable: {text}",
    "guide.project": "        + project: {label} ({hours} h, suggested, not counted)",
    "guide.free": "free",
    "guide.paid": "paid",
    "guide.resource": "[{kind}, {cost}] {title}: {url}",
    "guide.week": "  (week {first})",
    "guide.weeks": "  (weeks {first}-{last})",
    "guide.pace": "At {pace} h a week from {start}: {weeks} {weeks_noun}, finishing on {finish}.",
    "guide.rungs": "Per rung at this pace:",
    "guide.rung": "  {level:<11} {weeks}, ends on {ends}",
    "guide.rung_week": "week {first}",
    "guide.rung_weeks": "weeks {first}-{last}",
    "projects.none": "No projects.",
    "projects.none_ready": "No project is ready yet: each needs something you do not know.",
    "projects.head": "Projects ({count}):",
    "projects.head_ready": "Ready to build now ({count}):",
    "projects.row": "{level:<11} {hours:>5} h  {label}{marks}",
    "projects.capstone": "  [capstone]",
    "projects.done": "  [done]",
    "projects.waiting": "  waits for {ids}",
    "projects.deliverable": "      deliverable: {text}",
    "goal.none": "No goal saved; `kgraph goal TO [--from FROM] [--pace H]` saves one.",
    "goal.head": "Goal: {target}",
    "goal.from": "  from: {source}",
    "goal.pace": "  pace: {pace} h a week",
    "goal.file": "  saved in {path}",
    "goal.cleared": "Goal removed; {backup} keeps a copy.",
    "goal.no_clear": "No goal to remove.",
    "week.head": "This week toward {target}, at {pace} h a week:",
    "week.row": "{number:4}  {hours:>5} h  {label}",
    "week.spill": "The last step runs over into next week.",
    "week.reached": "Nothing left to learn for {target}: you have reached it.",
    "week.finish": "{hours} h left in all; at {pace} h a week you finish on {finish}.",
    "week.so_far": (
        "At your pace so far ({rate} h a week over the last {weeks} {weeks_noun}) you arrive"
        " on {arrive}."
    ),
    "week.so_far_never": (
        "At your pace so far (0 h a week over the last {weeks} {weeks_noun}) you would not"
        " arrive; `kgraph learn X` marks what you study."
    ),
    "cli.assess_can": "Can you {ability}?",
    "cli.assess_can_this": "Can you do this: {outcome}?",
    "cli.assess_outcomes": "{label}: {questions}",
    "md.project": "suggested project, not counted in hours: {name} — {hours}",
    "ics.rung": "{level}: {hours} h toward {target}",
    "ics.capstone": "Capstone project: {name} ({hours} h)",
    "cli.goal_needs_to": (
        "--from and --pace need the goal itself: kgraph goal TO [--from FROM] [--pace H]"
    ),
}

NOUNS: Final[dict[str, dict[str, str]]] = {
    "concept": {"one": "concept", "other": "concepts"},
    "link": {"one": "link", "other": "links"},
    "step": {"one": "step", "other": "steps"},
    "question": {"one": "question", "other": "questions"},
    "edge": {"one": "prerequisite edge", "other": "prerequisite edges"},
    "root": {"one": "root", "other": "roots"},
    "leaf": {"one": "leaf", "other": "leaves"},
    "error": {"one": "error", "other": "errors"},
    "warning": {"one": "warning", "other": "warnings"},
    "week": {"one": "week", "other": "weeks"},
}
LEVELS: Final[dict[str, str]] = {}
CATEGORIES: Final[dict[str, str]] = {}
KINDS: Final[dict[str, str]] = {}
OUTCOME_PREFIXES: Final = ("you can ",)
"""How an outcome starts ("You can explain …"), dropped when `assess` asks "Can you explain …?"."""
