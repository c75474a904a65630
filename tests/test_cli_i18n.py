"""The command line in Russian: ``--lang``, ``$KGRAPH_LANG`` and the locale, on every command.

Every command runs on tests/data/frozen_graph.json, a copy of the shipped graph as it was when
these expectations were written, so they hold however the shipped graph grows. The Russian plan
from LoRA to AGI is compared with tests/data/path_lora_agi.ru.txt; rewrite it after a deliberate
change to the code with ``KGRAPH_UPDATE_DOCS=1 pytest tests/test_cli_i18n.py``.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from tests.conftest import REPO

FROZEN = REPO / "tests" / "data" / "frozen_graph.json"
SNAPSHOT = REPO / "tests" / "data" / "path_lora_agi.ru.txt"
GRAPH = ["-g", str(FROZEN)]


def run(runner: CliRunner, *args: str, code: int = 0, env: dict[str, str] | None = None):
    result = runner.invoke(main, [*args, *GRAPH], catch_exceptions=code != 0, env=env)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def test_path_lora_agi_in_russian_matches_the_snapshot(runner):
    result = run(runner, "path", "lora", "agi", "--lang", "ru")
    if os.environ.get("KGRAPH_UPDATE_DOCS") == "1":
        SNAPSHOT.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == SNAPSHOT.read_text(encoding="utf-8")
    assert result.stdout.startswith("Путь обучения от lora к agi\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["path", "lora", "sft"], "Путь обучения от lora к sft"),
        (["path", "lora", "sft"], "  всего          3 понятия      13 ч"),
        (
            ["gaps", "transformer", "--known", "neural-networks,python"],
            re.compile(r"Можно учить сейчас \(\d+\):"),
        ),
        (["next", "--known", "python"], "Можно учить сейчас; сначала то, что открывает"),
        (["why", "matrix-rank", "lora"], "matrix-rank → lora: обновление весов ограничено"),
        (
            ["unlocks", "attention", "--depth", "1"],
            "    causal-masking — Каузальная маска  [ремонт]",
        ),
        (["show", "kv-cache"], "Сначала нужно:"),
        (["search", "квантизация"], "настройка       4 ч  quantization — Квантизация"),
        (
            ["list", "--level", "frontier"],
            re.compile(r"рубеж +[\d.]+ ч  agi — Проектирование AGI-систем"),
        ),
        (["stats"], re.compile(r"\d+ понят\w+, \d+ связ\w+, [\d.]+ ч")),
        (["progress", "--known", "lora"], "Быстрее всего на ступень «ремонт»:"),
        (["known"], "Вы пока ничего не отметили как известное"),
        (["validate"], re.compile(r"всё в порядке, \d+ понят")),
        (["lint"], re.compile(r"понятию ступени «применение» нужна теория: \S+ → ")),
    ],
)
def test_every_text_command_speaks_russian(runner, args, expected):
    result = run(runner, *args, "--lang", "ru")
    if isinstance(expected, re.Pattern):
        assert expected.search(result.stdout), result.stdout
    else:
        assert expected in result.stdout


def test_json_stays_language_neutral(runner):
    """JSON keeps its keys and values whatever the language; chains also carry why_ru."""
    for args in (["path", "lora", "sft"], ["show", "lora"], ["stats"], ["gaps", "sft"]):
        english = run(runner, *args, "-f", "json").stdout
        assert run(runner, *args, "-f", "json", "--lang", "ru").stdout == english
    (chain,) = json.loads(run(runner, "why", "matrix-rank", "lora", "-f", "json").stdout)["chains"]
    assert chain[0]["why_ru"].startswith("обновление весов")


@pytest.mark.parametrize(
    ("env", "russian"),
    [
        ({"KGRAPH_LANG": "ru"}, True),
        ({"LANG": "ru_RU.UTF-8"}, True),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, False),
        ({"KGRAPH_LANG": "en", "LANG": "ru_RU.UTF-8"}, False),
        ({"LANG": "de_DE.UTF-8"}, False),
    ],
)
def test_language_from_the_environment(runner, env, russian):
    result = run(runner, "path", "lora", "sft", env=env)
    assert result.stdout.startswith("Путь обучения" if russian else "Learning path")


def test_flag_beats_environment(runner):
    env = {"KGRAPH_LANG": "ru", "LANG": "ru_RU.UTF-8"}
    assert re.match(r"\d+ concepts", run(runner, "stats", "--lang", "en", env=env).stdout)
    assert re.match(
        r"\d+ понят", run(runner, "stats", "--lang", "ru", env={"KGRAPH_LANG": "en"}).stdout
    )


def test_unsupported_language_is_a_usage_error(runner):
    result = run(runner, "path", "lora", "agi", "--lang", "xx", code=2)
    assert "Invalid value for '--lang': 'xx' is not one of 'en', 'ru'." in result.stderr
    assert result.stdout == ""
    result = run(runner, "path", "lora", "agi", code=2, env={"KGRAPH_LANG": "xx"})
    assert (
        result.stderr
        == "Error: unsupported language 'xx' (from KGRAPH_LANG); choose one of en, ru\n"
    )


@pytest.mark.parametrize(
    ("name", "concept_id"),
    [
        ("внимание", "attention"),  # the part before "(attention)" of "Внимание (attention)"
        ("Квантизация", "quantization"),
        ("КВАНТИЗАЦИЯ", "quantization"),
        ("остаточные  связи", "residual-connections"),
        ("смесь-экспертов", "mixture-of-experts"),
        ("MoE", "mixture-of-experts"),
        ("Генерация с дополнением извлечёнными данными (RAG)", "rag"),
        ("low-rank adaptation", "lora"),  # an English alias, in Russian output too
    ],
)
def test_russian_names_and_aliases_resolve(runner, name, concept_id):
    data = json.loads(run(runner, "show", name, "-f", "json", "--lang", "ru").stdout)
    assert data["concept"]["id"] == concept_id


def test_misspelt_russian_name_suggests_in_russian(runner):
    result = run(runner, "show", "квантизацыя", "--lang", "ru", code=2)
    assert result.stderr.startswith(
        "Ошибка: неизвестное понятие 'квантизацыя'; может быть, вы имели в виду "
        "Квантизация (quantization), "
    )
    assert result.stderr.endswith(")?\n")
    result = run(runner, "show", "вниманее", "--lang", "ru", code=2)
    assert "может быть, вы имели в виду Внимание (attention)?" in result.stderr
    english = run(runner, "show", "квантизацыя", code=2)
    assert english.stderr.startswith(
        "Error: unknown concept 'квантизацыя'; did you mean quantization, "
    )


def test_errors_of_the_command_line_in_russian(runner, tmp_path):
    missing = tmp_path / "nope.json"
    result = runner.invoke(main, ["stats", "-g", str(missing), "--lang", "ru"])
    assert (result.exit_code, result.stderr) == (2, f"Ошибка: {missing}: нет такого файла\n")
    result = run(runner, "path", "a", "b", "c", "--lang", "ru", code=2)
    assert "path принимает TO или FROM TO, а получено названий: 3" in result.stderr
    result = run(runner, "export", "--only-path", "--lang", "ru", code=2)
    assert "--only-path работает только вместе с --path FROM TO" in result.stderr
    result = run(runner, "known", "--export", "--import", "x.json", "--lang", "ru", code=2)
    assert "--export и --import нельзя использовать вместе" in result.stderr


def test_learn_and_forget_in_russian(runner):
    learned = run(runner, "learn", "python", "lora", "--lang", "ru")
    assert learned.stderr.startswith("Выучено: python, lora\nСохранено в ")
    forgot = run(runner, "forget", "matrix-rank", "--lang", "ru")
    assert forgot.stderr == (
        "не отмечено: matrix-rank\n"
        "matrix-rank по-прежнему считается известным: его требует lora\n"
        "Ничего не изменилось.\n"
    )


def test_exports_in_russian(runner, tmp_path):
    md = run(runner, "path", "lora", "sft", "-f", "markdown", "--lang", "ru").stdout
    assert md.startswith(
        "# kgraph\\: lora → sft\n\n3 понятия, всего 13 ч.\n\n- [ ] Шаблоны чата — 3 ч"
    )
    mermaid = run(runner, "path", "lora", "sft", "-f", "mermaid", "--lang", "ru").stdout
    assert 'subgraph rung_tune["настройка"]' in mermaid
    assert 'c_chat_templates["1. Шаблоны чата · 3 ч"]' in mermaid
    page = tmp_path / "page.html"
    result = run(runner, "export", "--focus", "lora", "-o", str(page), "--lang", "ru")
    assert result.stderr == f"записано: {page}\n"
    assert '<html lang="ru">' in page.read_text(encoding="utf-8")


def test_fmt_speaks_russian(runner):
    result = run(runner, "fmt", "--check", "--lang", "ru")
    assert result.stderr == f"{FROZEN}: уже в каноническом виде\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["search", "zzzq"], "Ничего не найдено (поиск 'zzzq')."),
        (["list", "--level", "frontier", "--category", "math"], "(рубеж математика)."),
    ],
)
def test_an_empty_listing_names_what_was_asked_in_russian(runner, graph_file, args, expected):
    result = runner.invoke(main, [*args, "--graph", str(graph_file), "--lang", "ru"])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout
    assert "search" not in result.stdout
    assert "frontier" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "one", "few"),
    [("en", "(1 concept)", "(2 concepts)"), ("ru", "(1 понятие)", "(2 понятия)")],
)
def test_counts_agree_with_their_noun(runner, tmp_path, lang, one, few):
    """'(1 concepts)' was English for one: every count takes the noun's plural form."""
    from kgraph.model import GraphFile
    from kgraph.store import dump
    from tests.helpers import make_concept

    path = tmp_path / "two.json"
    concepts = (make_concept("alpha", level="use"), make_concept("beta"))
    path.write_text(dump(GraphFile(concepts)), encoding="utf-8")
    listed = runner.invoke(main, ["list", "--level", "use", "-g", str(path), "--lang", lang])
    assert listed.stdout.splitlines()[-1] == one
    assert (
        runner.invoke(main, ["list", "-g", str(path), "--lang", lang]).stdout.splitlines()[-1]
        == few
    )
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"concepts": [{"id": "a", "name": "A", "level": "use", "category": "ml", "summary": "S.", "hours": -1}]}',
        encoding="utf-8",
    )
    checked = runner.invoke(main, ["validate", "-g", str(broken), "--lang", lang])
    assert checked.stdout.splitlines()[-1].endswith(": 1 error" if lang == "en" else ": 1 ошибка")
