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
    "cli.assess_save": "Save {count} {concepts} to {path}?",
    "saved_in": "Saved in {path}",
    # Units and export titles.
    "unit.h": "{hours} h",
    "title.all": "kgraph: all concepts",
    "title.focus": "kgraph: {focus}",
    "title.to": "kgraph: path to {target}",
    "title.from": "kgraph: {source} → {target}",
    # kgraph path
    "plan.to": "Learning path to {target}",
    "plan.from": "Learning path from {source} to {target}",
    "plan.known": "Known: {known} (and their prerequisites)",
    "plan.known_strict": "Known: {known} (only these, not their prerequisites)",
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
    "totals.row": "  {level:<11} {count:4} concepts  {hours:>6} h",
    "totals.total": "total",
    # kgraph gaps
    "gaps.title": "Gaps for {target}",
    "gaps.none": "Gaps for {target}: none, you know everything it needs.",
    "gaps.ready": "Ready now ({count}):",
    "gaps.ready_row": "  {label}  [{level}, {hours} h]",
    "gaps.blocked": "Blocked ({count}):",
    "gaps.blocked_row": "  {label}  waiting for {ids}",
    "gaps.unmarked": "Note: you marked {marked} but not {missing}",
    # kgraph next
    "fringe.none": "Nothing left to learn.",
    "fringe.none_goal": "Nothing left to learn toward {goal}.",
    "fringe.head": "Ready to learn now, most leverage (concepts unlocked per hour) first:",
    "fringe.head_goal": (
        "Ready to learn now toward {goal}, most leverage (concepts unlocked per hour) first:"
    ),
    "fringe.reason": "unlocks {count} {concepts} in {hours} h = {score:.2f}/h",
    "fringe.reason_goal": (
        "unlocks {count} {concepts} on the way to {goal} in {hours} h = {score:.2f}/h"
    ),
    "fringe.tie": " (tied: lower rung, then id, first)",
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
    "details.resources": "Resources:",
    "listing.row": "{level:<11} {hours:>5} h  {label}",
    "listing.count": "({count} {concepts})",
    "listing.empty": "No concepts match {subject}.",
    "listing.all": "all concepts",
    "listing.search": "search {text!r}",
    "stats.size": "{concepts} concepts, {edges} prerequisite edges, {hours} h",
    "stats.shape": "{roots} roots, {leaves} leaves, longest chain {chain}",
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
    "ladder.row": "  {level:<11} [{bar}] {share} {counts:>8} concepts {spent:>14}{here}",
    "ladder.spent": "{known}/{total} h",
    "ladder.here": "  <- you stand here",
    "ladder.nothing": "You have marked nothing as known yet.",
    "ladder.all": "You know every concept of the graph.",
    "ladder.toward": "Fastest ways onto {level}:",
    "ladder.move": "{number:4}  {label}  ({hours} h over {steps} {concepts}{start})",
    "ladder.start": ", start with {first}",
    "assess.head": "{questions} questions decided {total} concepts {scope}.",
    "assess.for": "for {target}",
    "assess.all": "over the whole graph",
    "assess.known": "You know {count}:",
    "assess.unknown": "Not yet known: {count}",
    "assess.undecided": "Undecided (skipped): {count}",
    "change.Learned": "Learned: {ids}",
    "change.Forgot": "Forgot: {ids}",
    "change.Imported": "Imported: {ids}",
    "change.already": "already marked: {ids}",
    "change.not_marked": "not marked: {ids}",
    "change.implied_one": "{concept} still counts as known: {ids} needs it",
    "change.implied_many": "{concept} still counts as known: {ids} need it",
    "change.nothing": "Nothing changed.",
    # Markdown export
    "md.plan": "{count} {concepts}, {hours} h in all.",
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
    "page.known_legend": "✓ dashed ring: known",
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
    "page.aliases": "Also: {aliases}",
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
    "page.route_title": "Only the plan, step by step",
    "page.start_here": "start here",
    "page.next_plan_hint": (
        "Steps of this plan you can start now; the first is the plan's next step."
    ),
    "page.col_step": "Step",
    "page.col_concept": "Concept",
    "page.col_hours": "Hours",
    "page.col_total": "Total",
    "page.steps": "Steps",
    "page.close": "Close",
    "page.plan_done": "Nothing is missing: you know everything {target} needs.",
    "page.panel_label": "Planner and details",
    "page.details_label": "Concept details",
    "page.planner": "Plan my path",
    "page.goal_label": "I want to learn",
    "page.from_label": "Starting from (optional)",
    "page.plan_button": "Show the plan",
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
}
LEVELS: Final[dict[str, str]] = {}
CATEGORIES: Final[dict[str, str]] = {}
KINDS: Final[dict[str, str]] = {}
