"""Russian: the same keys as `kgraph.i18n.en`, written as a Russian-speaking engineer says them.

Ids, file paths and command names stay as typed. Nouns are keyed by CLDR plural category
(``one`` 1, 21; ``few`` 2-4, 22; ``many`` 5-20, 25; ``other`` fractions), the categories a page
gets from ``Intl.PluralRules("ru")``.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # The command line: errors, usage errors, progress messages.
    "error": "Ошибка: {message}",
    "error.unknown_concept": "неизвестное понятие {name!r}",
    "error.did_you_mean": (
        "неизвестное понятие {name!r}; может быть, вы имели в виду {suggestions}?"
    ),
    "error.suggestion": "{name} ({id})",
    "error.suggestion_named": "{name}",
    "error.env_graph": "${var} = {path}, а это не файл графа; удалите {var} или укажите в ней файл",
    "error.file.missing": "{path}: нет такого файла",
    "error.file.directory": "{path}: это каталог, а не файл",
    "error.file.unreadable": "{path}: не удаётся прочитать: {detail}",
    "error.file.encoding": "{path}: это не текст в UTF-8 (байт {start} равен {byte})",
    "lang.unsupported": (
        "язык {value!r} (из {source}) не поддерживается; выберите один из: {choices}"
    ),
    "lang.name": "Русский",
    "cli.no_command": "Нет команды '{name}'. Может быть, '{guess}'?",
    "help.learners": "Команды для изучающих",
    "help.contributors": "Команды для авторов графа",
    "cli.from_to_names": "{command} принимает TO или FROM TO, а получено названий: {count}",
    "cli.path_names": "path принимает TO или FROM TO, а получено названий: {count}",
    "cli.only_path": "--only-path работает только вместе с --path FROM TO",
    "cli.export_import": "--export и --import нельзя использовать вместе",
    "cli.mkdir": "{path}: не удаётся создать каталог: {reason}",
    "cli.wrote": "записано: {path}",
    "cli.checked_env": "примечание: проверяется {path} из ${var}",
    "cli.checked_packaged": (
        "примечание: проверяется граф, поставляемый с kgraph, {path}; чтобы проверить свою копию,"
        " запустите команду там, где лежит graph/concepts.json, или укажите -g ФАЙЛ"
    ),
    "cli.fmt_packaged": (
        "fmt никогда не переписывает граф, поставляемый с kgraph ({path}); запустите его там,"
        " где лежит ваш graph/concepts.json, или укажите -g ФАЙЛ"
    ),
    "cli.replaced": "заменён {path} (он уже был; -o ФАЙЛ пишет в другое место)",
    "cli.replaced_chosen": "заменён {path}",
    "cli.mermaid_too_big": (
        "предупреждение: {edges} рёбер и {chars} символов; GitHub рисует диаграммы Mermaid не"
        " больше {max_edges} рёбер и {max_chars} символов, а вместо большей покажет ошибку."
        " Сузьте её: --focus, --path или --level."
    ),
    "cli.valid": "{path}: всё в порядке, {count} {concepts}",
    "cli.problems": "{path}: {count} {problems}",
    "cli.canonical": "{path}: уже в каноническом виде",
    "cli.not_canonical": (
        "{path}: не в каноническом виде; запустите `kgraph fmt`, чтобы переписать его"
    ),
    "cli.rewritten": "{path}: переписан в каноническом виде",
    "cli.diff_now": "{path} (сейчас)",
    "cli.diff_canonical": "{path} (канонический)",
    "refresh.stale": "{path}: устарел, граф сейчас даёт другое",
    "refresh.hint": "запустите `{command}` из корня репозитория и закоммитьте то, что он перепишет",
    "refresh.fresh": "все файлы, производные от графа, актуальны",
    "refresh.not_checkout": "{path}: не корень копии репозитория kgraph (нужны {files})",
    "refresh.state": "{path}: неизвестная метка <!-- output: {state} -->; допустимы {choices}",
    "refresh.count": "{path}: неизвестное число <!-- count: {key} -->; допустимы {choices}",
    "refresh.no_example": "{path}: нет блока ```json в разделе {section!r}",
    "refresh.no_list": (
        "{path}: нет строки {line!r}, после которой вставить понятие; запустите `kgraph fmt`"
    ),
    "cli.assess_start": (
        "Понятий, которые нужно проверить: {count}; отвечайте y (да), n (нет), s (пропустить)"
        " или q (закончить, сохранив уже данные ответы)."
    ),
    "cli.assess_stopped": "Остановлено; дальше — то, что решают уже данные ответы.",
    "cli.assess_not_saved": (
        "Не сохранено (ввод закончился); kgraph assess --yes сохраняет без вопроса."
    ),
    "cli.assess_question": "Вы знаете {label}? {summary}",
    "cli.assess_nothing_new": "Ничего нового для сохранения.",
    "cli.assess_declined": "Ничего не сохранено; {path} не изменён.",
    "cli.assess_save": "Сохранить {count} {concepts} в {path}?",
    "saved_in": "Сохранено в {path}",
    # Units and export titles.
    "unit.h": "{hours} ч",
    "title.all": "kgraph: все понятия",
    "title.focus": "kgraph: {focus}",
    "title.to": "kgraph: путь к {target}",
    "title.from": "kgraph: {source} → {target}",
    # kgraph path
    # kgraph lint: the ladder's promise
    "lint.use_theory": (
        "понятию ступени «применение» нужна теория: {chain}; такому понятию нужны только "
        "основы программирования и другие понятия этой ступени: уберите связь, через которую "
        "приходит {theory}, или сошлитесь на облегчённую версию на этой ступени"
    ),
    "lint.tune_calculus": (
        "понятию ступени «настройка» нужна теория уровня матанализа: {chain}; для настройки нужно"
        " практическое машинное обучение, а не выводы формул: уберите связь, через которую "
        "приходит {theory}, или сошлитесь на облегчённую версию на этой ступени"
    ),
    "lint.no_capstone": (
        "у ступени «{level}» нет итогового проекта; добавьте проект (kind: project, capstone: "
        "true), который её подтверждает"
    ),
    "lint.capstone_below": (
        "итоговому проекту ступени «{level}» не нужен {below}, итоговый проект ступени ниже; "
        "добавьте его в prerequisites"
    ),
    "lint.deliverable_untranslated": (
        "у проекта есть перевод на {lang}, но нет результата на этом языке; добавьте "
        "translations.{lang}.deliverable"
    ),
    "plan.to": "Путь обучения к {target}",
    "plan.from": "Путь обучения от {source} к {target}",
    "plan.known": "Уже известно: {known} (и всё, что им нужно)",
    "plan.known_strict": "Уже известно: {known} (только они, без того, что им нужно)",
    "plan.capstones": (
        "Включает итоговые проекты ступеней, по которым идёт путь: {ids} (--no-projects убирает их)"
    ),
    "plan.reversed": (
        "Учить нечего: {target} изучают раньше {source}, и знание {source} его покрывает."
        " Может быть, `kgraph path {target} {source}`?"
    ),
    "plan.nothing": "Учить нечего: вы уже знаете всё, что для этого нужно.",
    "plan.chain": "Кратчайшая цепочка: {chain}",
    "col.number": "#",
    "col.rung": "ступень",
    "col.hours": "часы",
    "col.total": "всего",
    "col.concept": "понятие",
    "totals.head": "По ступеням:",
    "totals.row": "  {level:<11} {count:4} {concepts}  {hours:>6} ч",
    "totals.total": "всего",
    "totals.projects": "  (проекты: {count}, {hours} ч)",
    "totals.split": "Учёба {study} ч, проекты {projects} ч.",
    "plan.project": "[проект]",
    "plan.capstone": "[итоговый проект]",
    # kgraph gaps
    "gaps.title": "Пробелы на пути к {target}",
    "gaps.none": "Пробелов на пути к {target} нет: вы знаете всё, что нужно.",
    "gaps.ready": "Можно учить сейчас ({count}):",
    "gaps.ready_row": "  {label}  [{level}, {hours} ч]",
    "gaps.blocked": "Пока недоступно ({count}):",
    "gaps.blocked_row": "  {label}  сначала нужно: {ids}",
    "gaps.unmarked": "Заметьте: вы отметили {marked}, но не {missing}",
    # kgraph next
    "next.none": "Учить больше нечего.",
    "next.none_goal": "На пути к {goal} учить больше нечего.",
    "next.head": "Можно учить сейчас; сначала то, что открывает больше понятий за час:",
    "next.head_goal": (
        "Можно учить сейчас на пути к {goal}; сначала то, что открывает больше понятий за час:"
    ),
    "next.reason": "открывает {count} {concepts} за {hours} ч = {score:.2f}/ч",
    "next.reason_goal": (
        "открывает {count} {concepts} на пути к {goal} за {hours} ч = {score:.2f}/ч"
    ),
    "next.tie": " (поровну: сначала нижняя ступень, затем id)",
    # kgraph why, unlocks
    "why.not_needed": "{source} не нужно для {target}.",
    "why.reversed": (
        "{source} не нужно для {target}, но {target} нужно для {source}:"
        " `kgraph why {target} {source}`."
    ),
    "why.head": "{source} нужно для {target}:",
    "unlocks.nothing": "{concept} пока ничего не открывает.",
    "unlocks.head": "{concept} открывает:",
    "unlocks.direct": "  напрямую:",
    "unlocks.ring": "  через {distance} {steps}:",
    # kgraph show, search, list, stats
    "details.head": "{id} — {name}",
    "details.meta": "  ступень: {level}   категория: {category}",
    "details.hours": "  часов: {hours}",
    "details.aliases": "  другие названия: {aliases}",
    "details.needs": "Сначала нужно:",
    "details.unlocks": "Открывает: {ids}",
    "details.deeper": "Глубже: {label}",
    "details.lighter": "Облегчённая версия: {labels}",
    "details.resources": "Материалы:",
    "listing.row": "{level:<11} {hours:>5} ч  {label}",
    "listing.covers": "  (включает: {topic})",
    "note.taught_in": "примечание: {name} изучается в теме «{concept}» ({id})",
    "listing.count": "({count} {concepts})",
    "listing.empty": "Ничего не найдено ({subject}).",
    "listing.all": "все понятия",
    "listing.search": "поиск {text!r}",
    "stats.size": "{concepts} {concepts_noun}, {edges} {edges_noun}, {hours} ч",
    "stats.shape": "{roots} {roots_noun}, {leaves} {leaves_noun}, самая длинная цепочка: {chain}",
    "stats.categories": "По категориям:",
    # kgraph known, progress, assess, learn, forget
    "known.none": "Вы пока ничего не отметили как известное (kgraph learn X или kgraph assess).",
    "known.head": "Вы знаете {count} {concepts}:",
    "known.rung": "{level} ({count}, отмечено {marked})",
    "known.row": "  {label}  отмечено {date}",
    "known.implied": "  а также: ",
    "known.not_saved": "Пока ничего не сохранено; kgraph learn и kgraph assess сохранят в {path}",
    "known.unresolved": "Сохранено, но нет в этом графе: {ids}",
    "ladder.head": "Лестница, снизу вверх (полоса — какую долю часов ступени вы уже знаете):",
    "ladder.row": "  {level:<11} [{bar}] {share} {counts:>8} {concepts:<8} {spent:>14}{here}",
    "ladder.spent": "{known}/{total} ч",
    "ladder.here": "  <- вы здесь",
    "ladder.nothing": "Вы пока ничего не отметили как известное.",
    "ladder.all": "Вы знаете все понятия графа.",
    "ladder.toward": "Быстрее всего на ступень «{level}»:",
    "ladder.move": "{number:4}  {label}  ({hours} ч, {steps} {concepts}{start})",
    "ladder.start": ", начать с {first}",
    "assess.head": "Ответов: {questions}; решено понятий {scope}: {decided} из {total}.",
    "assess.for": "для {target}",
    "assess.all": "по всему графу",
    "assess.known": "Вы знаете {count}:",
    "assess.unknown": "Пока не знаете: {count}",
    "assess.undecided": "Не решено: {count}",
    "change.learned": "Выучено: {ids}",
    "change.forgot": "Забыто: {ids}",
    "change.imported": "Импортировано: {ids}",
    "change.already": "уже отмечено: {ids}",
    "change.not_marked": "не отмечено: {ids}",
    "change.implied_one": "{concept} по-прежнему считается известным: его требует {ids}",
    "change.implied_many": "{concept} по-прежнему считается известным: его требуют {ids}",
    "change.nothing": "Ничего не изменилось.",
    # Markdown export
    "md.plan": "{count} {concepts}, всего {hours} ч.",
    "md.split": "Учёба {study} ч, проекты {projects} ч.",
    "md.rung": "## {level} ({count} {concepts}, {hours} ч)",
    "md.nothing": "Ничего не выбрано.",
    # The HTML page
    "page.search_label": "Найти понятие",
    "page.search_placeholder": "Понятие или другое название…",
    "page.go": "Найти",
    "page.fit": "Показать всё",
    "page.fit_title": "Показать весь граф",
    "page.graph_label": "Граф понятий",
    "page.language": "Язык",
    "page.rungs": "Ступени",
    "page.legend_hint": (
        "Размер — сколько понятие открывает. Стрелки идут от того, что нужно знать раньше."
    ),
    "page.noscript": "Для этого графа нужен JavaScript.",
    "page.explore": "Обзор",
    "page.counts": "{concepts} {concepts_noun}, {links} {links_noun}.",
    "page.intro": (
        "Нажмите на понятие (или найдите его выше), чтобы увидеть, что ему нужно и что оно "
        "открывает; его предки и потомки останутся подсвеченными."
    ),
    "page.needs": "Сначала нужно ({count})",
    "page.unlocks": "Открывает ({direct} напрямую, {all} всего)",
    "page.resources": "Материалы",
    "page.outcomes": "Освоено, когда вы можете",
    "page.aliases": "Также: {aliases}",
    "page.deeper": "Глубже:",
    "page.lighter": "Облегчённая версия:",
    "page.known": "✓ уже известно",
    "page.step": "шаг {number} пути",
    "page.unsafe": "{title} (небезопасная ссылка удалена)",
    "page.free": "{kind} · бесплатно",
    "page.no_match": "Ничего не найдено по запросу «{text}».",
    "page.unlocks_tip": " · открывает {count}",
    "page.path_to": "Путь к цели: {target}",
    "page.path_from": "Путь: {source} → {target}",
    "page.path_total": "{count} {concepts_noun} · всего {hours} ч",
    "page.views": "Вид",
    "page.view_graph": "Граф",
    "page.view_ladder": "Лестница",
    "page.view_route": "Только маршрут",
    "page.start_here": "начните отсюда",
    "page.next_plan_hint": (
        "Шаги этого плана, которые можно начать сейчас; первый из них — следующий шаг плана."
    ),
    "page.col_step": "Шаг",
    "page.col_concept": "Понятие",
    "page.col_hours": "Часы",
    "page.col_total": "Итого",
    "page.close": "Закрыть",
    "page.plan_done": "Ничего не упущено: вы знаете всё, что нужно для «{target}».",
    "page.panel_label": "План и подробности",
    "page.details_label": "О понятии",
    "page.planner": "Мой путь",
    "page.goal_label": "Хочу изучить",
    "page.from_label": "Начиная с (необязательно)",
    "page.plan_button": "Показать план",
    "page.pace_label": "Часов в неделю (необязательно)",
    "page.pace_bad": "Часов в неделю — число больше 0 и не больше {max}, а не «{text}».",
    "page.finish": "Готово {date}, в конце недели {weeks} при {pace} ч в неделю.",
    "page.week": "неделя {week}",
    "page.week_title": "На этой неделе",
    "page.week_head": "К цели «{target}», {pace} ч в неделю, неделя 1 начинается {start}:",
    "page.week_deliverable": "Результат: {text}",
    "page.week_start": "Начните с:",
    "page.week_spill": "Последний шаг переходит на следующую неделю.",
    "page.week_finish": "Всего осталось {hours} ч; при {pace} ч в неделю последний день {date}.",
    "page.week_done": "Учить для цели «{target}» больше нечего: цель достигнута.",
    "page.too_late": (
        "В таком темпе план закончился бы позже {last}, последнего дня, который можно указать:"
        " выберите больше часов в неделю или начало пораньше."
    ),
    "page.week_so_far_never": (
        "В вашем нынешнем темпе (0 ч в неделю за последние {weeks} {weeks_noun}) вы не придёте"
        " к цели; «Я это знаю» отмечает то, что вы изучили."
    ),
    "page.ics": "Скачать календарь (.ics)",
    "page.opens": "Теперь можно попрактиковаться:",
    "page.weeks": "недели {first}–{last}",
    "page.plan_none": "Сначала выберите, что хотите изучить.",
    "page.clear_plan": "Убрать план",
    "page.totals": "По ступеням",
    "page.rung_total": "{count} {concepts_noun} · {hours} ч",
    "page.chain": "Кратчайшая цепочка",
    "page.copy_md": "Скопировать в Markdown",
    "page.copied": "План скопирован как список дел в Markdown.",
    "page.copy_select": "Список ниже уже выделен: скопируйте его через Ctrl+C.",
    "page.gaps": "Чего не хватает для цели «{target}»",
    "page.ready_now": "Можно учить сейчас ({count})",
    "page.blocked": "Пока недоступно ({count})",
    "page.waiting_for": "ждёт: {names}",
    "page.next": "Что учить дальше",
    "page.next_for": "Что учить дальше на пути к «{target}»",
    "page.next_row": "открывает {count} · {hours} ч",
    "page.more": "…и ещё {count}.",
    "page.know_this": "Я это знаю",
    "page.known_marked": "✓ Я это знаю",
    "page.learn_this": "Путь сюда",
    "page.implied": "Считается известным: это нужно для «{names}».",
    "page.marked": "«{name}» отмечено как известное.",
    "page.unmarked": "«{name}» больше не отмечено как известное.",
    "page.progress": "Мой прогресс",
    "page.known_count": "Вы знаете {count} из {total} понятий (отмечено: {marked}).",
    "page.export": "Скачать known.json",
    "page.import": "Загрузить known.json…",
    "page.drop": (
        "Файл known.json можно и перетащить на страницу. Это файл, который пишет `kgraph "
        "known --export` и читает `kgraph known --import`."
    ),
    "page.imported": "{file}: отмечено новых понятий: {count}.",
    "page.import_bad": "{file}: это не файл прогресса kgraph; ничего не изменилось.",
    "page.import_version": "{file}: файл прогресса другой версии; ничего не изменилось.",
    "page.import_unknown": (
        "{file}: идентификаторов нет в этом графе: {count} (первый: {example}); ничего не "
        "изменилось."
    ),
    "page.import_large": "{file}: слишком большой для файла прогресса; ничего не изменилось.",
    "page.storage_bad": (
        "Прогресс, сохранённый в браузере, не читается; он останется как есть, пока вы "
        "ничего не отметите."
    ),
    "page.storage_failed": "Браузер не дал сохранить ваш прогресс.",
    "page.link_known": (
        "Ссылка показывает набор из {count} известных понятий; ваш сохранённый прогресс "
        "не изменился."
    ),
    "page.keep_link": "Сохранить как мой",
    "page.use_mine": "Показать мой",
    "page.link_long": "адрес слишком длинный",
    "page.link_bad": "«{key}» не называет понятие этого графа",
    "page.link_ignored": "Часть ссылки пропущена: {parts}.",
    "page.ladder": "Лестница",
    "page.ladder_row": "известно {known} из {count} · {known_hours} из {hours} ч",
    "page.state_known": "известно",
    "page.state_ready": "можно учить",
    "page.state_later": "пока рано",
    "page.legend_states": (
        "Пунктир: известно. Синяя обводка: можно учить сейчас. Числа: шаги плана."
    ),
    "page.keys": "Клавиши: / поиск, ↑ ↓ по списку, Enter выбрать, Esc сбросить.",
    "page.rung.foundations": "равновесие, тело",
    "page.rung.use": "доехать до магазина",
    "page.rung.tune": "настроить велосипед под себя",
    "page.rung.repair": "чинить и улучшать",
    "page.rung.build": "собрать с нуля",
    "page.rung.frontier": "новый вид транспорта",
    # План, по которому можно идти: результаты, с чего начать, проекты, темп и даты, цель, неделя.
    "error.pace": "{option} {value!r}: часов в неделю должно быть больше 0 и не больше {max}",
    "error.date": "{option} {value!r}: такого дня нет; пишите ГГГГ-ММ-ДД, например 2026-12-07",
    "error.too_late": (
        "даты плана ушли бы дальше {last}: выберите больше часов в неделю или начало пораньше"
    ),
    "error.goal_file": (
        "{path}: kgraph не может прочитать этот файл цели ({detail}); он оставлен как есть.\n"
        "`kgraph goal --clear` отложит его в {broken}, чтобы начать заново."
    ),
    "error.goal_file_backup": (
        "{path}: kgraph не может прочитать этот файл цели ({detail}); он оставлен как есть.\n"
        "Версия до последнего изменения лежит в {backup}: `cp {backup} {path}` вернёт её;"
        " или `kgraph goal --clear` отложит файл в {broken}, чтобы начать заново."
    ),
    "error.no_goal": (
        "цель ещё не сохранена: `kgraph goal TO` сохранит её, или назовите её:"
        " `kgraph path [FROM] TO`"
    ),
    "error.goal_unknown": (
        "сохранённая цель ({path}) называет {id!r}, а в этом графе такого нет;"
        " `kgraph goal TO` выберет другую"
    ),
    "error.no_pace": (
        "темп не сохранён: `kgraph goal {target} --pace H` сохранит его, или передайте --pace H"
    ),
    "error.graph_changed": "{path}: файл изменился, пока kgraph его читал; запустите команду снова",
    "error.ics_pace": "для --format ics нужен --pace H (часов в неделю), чтобы расставить даты",
    "error.pace_format": "--pace и --start дают даты плану в text, JSON или ics, не в {format}",
    "details.outcomes": "Освоено, когда вы можете:",
    "details.outcome": "  [ ] {outcome}",
    "details.deliverable": "Результат: {text}",
    "guide.start": "        начните с: {resource}",
    "guide.outcome": "        [ ] {outcome}",
    "guide.deliverable": "        результат: {text}",
    "guide.project": "        + проект: {label} ({hours} ч, предложен, в часы не входит)",
    "guide.free": "бесплатно",
    "guide.paid": "платно",
    "guide.resource": "[{kind}, {cost}] {title}: {url}",
    "guide.week": "  (неделя {first})",
    "guide.weeks": "  (недели {first}-{last})",
    "guide.pace": (
        "При {pace} ч в неделю с {start}: {weeks} {weeks_noun}, последний день {finish}."
    ),
    "guide.rungs": "По ступеням в этом темпе:",
    "guide.rung": "  {level:<11} {weeks}, до {ends}",
    "guide.rung_week": "неделя {first}",
    "guide.rung_weeks": "недели {first}-{last}",
    "projects.none": "Проектов нет.",
    "projects.none_ready": "Пока ни один проект не готов: каждому нужно то, чего вы не знаете.",
    "projects.head": "Проекты ({count}):",
    "projects.head_ready": "Можно делать уже сейчас ({count}):",
    "projects.row": "{level:<11} {hours:>5} ч  {label}{marks}",
    "projects.capstone": "  [итоговый]",
    "projects.done": "  [сделан]",
    "projects.waiting": "  ждёт {ids}",
    "projects.deliverable": "      результат: {text}",
    "goal.none": "Цель не сохранена; `kgraph goal TO [--from FROM] [--pace H]` сохранит её.",
    "goal.head": "Цель: {target}",
    "goal.from": "  от: {source}",
    "goal.pace": "  темп: {pace} ч в неделю",
    "goal.file": "  сохранена в {path}",
    "goal.cleared": "Цель удалена; копия осталась в {backup}.",
    "goal.no_clear": "Удалять нечего: цель не сохранена.",
    "week.head": "На этой неделе к {target}, {pace} ч в неделю:",
    "week.row": "{number:4}  {hours:>5} ч  {label}",
    "week.spill": "Последний шаг переходит на следующую неделю.",
    "week.reached": "Учить для {target} больше нечего: цель достигнута.",
    "week.finish": "Всего осталось {hours} ч; при {pace} ч в неделю последний день {finish}.",
    "week.so_far": (
        "В вашем нынешнем темпе ({rate} ч в неделю за последние {weeks} {weeks_noun})"
        " вы придёте к цели {arrive}."
    ),
    "week.so_far_never": (
        "В вашем нынешнем темпе (0 ч в неделю за последние {weeks} {weeks_noun}) вы не придёте"
        " к цели; `kgraph learn X` отмечает то, что вы изучили."
    ),
    "cli.assess_can": "Вы можете {ability}?",
    "cli.assess_can_this": "Вы можете это: {outcome}?",
    "cli.assess_outcomes": "{label}: {questions}",
    "md.project": "предлагаемый проект, в часы не входит: {name} — {hours}",
    "ics.rung": "{level}: {hours} ч на пути к {target}",
    "ics.capstone": "Итоговый проект: {name} ({hours} ч)",
    "cli.goal_needs_to": (
        "для --from и --pace нужна сама цель: kgraph goal TO [--from FROM] [--pace H]"
    ),
}

NOUNS: Final[dict[str, dict[str, str]]] = {
    "concept": {"one": "понятие", "few": "понятия", "many": "понятий", "other": "понятия"},
    "link": {"one": "связь", "few": "связи", "many": "связей", "other": "связи"},
    "step": {"one": "шаг", "few": "шага", "many": "шагов", "other": "шага"},
    "question": {"one": "вопрос", "few": "вопроса", "many": "вопросов", "other": "вопроса"},
    "edge": {"one": "связь", "few": "связи", "many": "связей", "other": "связи"},
    "root": {"one": "корень", "few": "корня", "many": "корней", "other": "корня"},
    "leaf": {"one": "лист", "few": "листа", "many": "листьев", "other": "листа"},
    "error": {"one": "ошибка", "few": "ошибки", "many": "ошибок", "other": "ошибки"},
    "week": {"one": "неделя", "few": "недели", "many": "недель", "other": "недели"},
    "warning": {
        "one": "предупреждение",
        "few": "предупреждения",
        "many": "предупреждений",
        "other": "предупреждения",
    },
}
# The ladder as a bicycle reads in Russian (ride it, tune it, repair it, build one, invent the
# next vehicle): основы, поехать, настроить, починить, собрать, новый вид транспорта. Each fits
# the 11-column rung field of the text tables.
LEVELS: Final[dict[str, str]] = {
    "foundations": "основы",
    "use": "применение",
    "tune": "настройка",
    "repair": "ремонт",
    "build": "сборка",
    "frontier": "рубеж",
}
CATEGORIES: Final[dict[str, str]] = {
    "math": "математика",
    "programming": "программирование",
    "ml": "машинное обучение",
    "deep-learning": "глубокое обучение",
    "hardware": "железо",
    "nlp": "NLP",
    "applications": "приложения",
    "prompting": "промптинг",
    "retrieval": "поиск",
    "agents": "агенты",
    "safety": "безопасность",
    "evaluation": "оценка",
    "architecture": "архитектура",
    "fine-tuning": "дообучение",
    "inference": "инференс",
    "data": "данные",
    "training": "обучение",
    "training-infra": "инфраструктура обучения",
    "alignment": "выравнивание",
    "interpretability": "интерпретируемость",
    "multimodal": "мультимодальность",
    "reasoning": "рассуждения",
    "cognition": "когнитивные системы",
}
KINDS: Final[dict[str, str]] = {
    "paper": "статья",
    "course": "курс",
    "book": "книга",
    "docs": "документация",
    "video": "видео",
    "article": "публикация",
    "code": "код",
}
OUTCOME_PREFIXES: Final = ("вы можете ", "вы умеете ", "можете ", "умеете ")
"""How an outcome starts («Вы можете объяснить …»), dropped when `assess` asks «Вы можете …?»."""
