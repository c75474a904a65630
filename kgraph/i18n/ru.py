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
    "cli.assess_save": "Сохранить {count} {concepts} в {path}?",
    "saved_in": "Сохранено в {path}",
    # Units and export titles.
    "unit.h": "{hours} ч",
    "title.all": "kgraph: все понятия",
    "title.focus": "kgraph: {focus}",
    "title.to": "kgraph: путь к {target}",
    "title.from": "kgraph: {source} → {target}",
    # kgraph path
    "plan.to": "Путь обучения к {target}",
    "plan.from": "Путь обучения от {source} к {target}",
    "plan.known": "Уже известно: {known} (и всё, что им нужно)",
    "plan.known_strict": "Уже известно: {known} (только они, без того, что им нужно)",
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
    # kgraph gaps
    "gaps.title": "Пробелы на пути к {target}",
    "gaps.none": "Пробелов на пути к {target} нет: вы знаете всё, что нужно.",
    "gaps.ready": "Можно учить сейчас ({count}):",
    "gaps.ready_row": "  {label}  [{level}, {hours} ч]",
    "gaps.blocked": "Пока недоступно ({count}):",
    "gaps.blocked_row": "  {label}  сначала нужно: {ids}",
    "gaps.unmarked": "Заметьте: вы отметили {marked}, но не {missing}",
    # kgraph next
    "fringe.none": "Учить больше нечего.",
    "fringe.none_goal": "На пути к {goal} учить больше нечего.",
    "fringe.head": "Можно учить сейчас; сначала то, что открывает больше понятий за час:",
    "fringe.head_goal": (
        "Можно учить сейчас на пути к {goal}; сначала то, что открывает больше понятий за час:"
    ),
    "fringe.reason": "открывает {count} {concepts} за {hours} ч = {score:.2f}/ч",
    "fringe.reason_goal": (
        "открывает {count} {concepts} на пути к {goal} за {hours} ч = {score:.2f}/ч"
    ),
    "fringe.tie": " (поровну: сначала нижняя ступень, затем id)",
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
    "details.resources": "Материалы:",
    "listing.row": "{level:<11} {hours:>5} ч  {label}",
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
    "ladder.row": "  {level:<11} [{bar}] {share} {counts:>8} понятий {spent:>14}{here}",
    "ladder.spent": "{known}/{total} ч",
    "ladder.here": "  <- вы здесь",
    "ladder.nothing": "Вы пока ничего не отметили как известное.",
    "ladder.all": "Вы знаете все понятия графа.",
    "ladder.toward": "Быстрее всего на ступень «{level}»:",
    "ladder.move": "{number:4}  {label}  ({hours} ч, {steps} {concepts}{start})",
    "ladder.start": ", начать с {first}",
    "assess.head": "За {questions} {questions_noun} определено {total} {concepts} {scope}.",
    "assess.for": "для {target}",
    "assess.all": "по всему графу",
    "assess.known": "Вы знаете {count}:",
    "assess.unknown": "Пока не знаете: {count}",
    "assess.undecided": "Не решено (пропущено): {count}",
    "change.Learned": "Выучено: {ids}",
    "change.Forgot": "Забыто: {ids}",
    "change.Imported": "Импортировано: {ids}",
    "change.already": "уже отмечено: {ids}",
    "change.not_marked": "не отмечено: {ids}",
    "change.implied_one": "{concept} по-прежнему считается известным: его требует {ids}",
    "change.implied_many": "{concept} по-прежнему считается известным: его требуют {ids}",
    "change.nothing": "Ничего не изменилось.",
    # Markdown export
    "md.plan": "{count} {concepts}, всего {hours} ч.",
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
    "page.known_legend": "✓ пунктирная обводка: уже известно",
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
    "page.aliases": "Также: {aliases}",
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
    "page.route_title": "Только план, шаг за шагом",
    "page.start_here": "начните отсюда",
    "page.next_plan_hint": (
        "Шаги этого плана, которые можно начать сейчас; первый из них — следующий шаг плана."
    ),
    "page.col_step": "Шаг",
    "page.col_concept": "Понятие",
    "page.col_hours": "Часы",
    "page.col_total": "Итого",
    "page.steps": "Шаги",
    "page.close": "Закрыть",
    "page.plan_done": "Ничего не упущено: вы знаете всё, что нужно для «{target}».",
    "page.panel_label": "План и подробности",
    "page.details_label": "О понятии",
    "page.planner": "Мой путь",
    "page.goal_label": "Хочу изучить",
    "page.from_label": "Начиная с (необязательно)",
    "page.plan_button": "Показать план",
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
