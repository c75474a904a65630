"""A small graph with projects, capstones, outcomes and varied resources, for the plan tests."""

from __future__ import annotations

from kgraph.graph import KGraph
from kgraph.model import Concept, FrozenMapping, Kind, Resource, ResourceKind, Translation
from tests.helpers import make_concept


def res(title: str, kind: str, *, free: bool = True) -> Resource:
    url = "https://example.org/" + title.lower().replace(" ", "-")
    return Resource(title, url, ResourceKind(kind), free)


def plan_concepts() -> list[Concept]:
    return [
        make_concept(
            "python",
            name="Python",
            hours=10,
            outcomes=("You can write a script that reads a CSV file.",),
            resources=(res("Python book", "book", free=False), res("Python tutorial", "docs")),
        ),
        make_concept(
            "api",
            name="LLM APIs",
            level="use",
            prerequisites=["python"],
            hours=4,
            outcomes=("You can call a hosted model and read its token usage.",),
            translations=FrozenMapping(
                {
                    "ru": Translation(
                        "API моделей",
                        "Вызов модели через HTTP API, сообщения и параметры запроса.",
                        outcomes=("Вы можете вызвать модель и прочитать расход токенов.",),
                    )
                }
            ),
            resources=(res("API paper", "paper"), res("API course", "course")),
        ),
        make_concept("rag", name="RAG", level="use", prerequisites=["api"], hours=6),
        make_concept(
            "ship-app",
            name="Ship an LLM app",
            level="use",
            prerequisites=["rag"],
            hours=8,
            kind=Kind.PROJECT,
            capstone=True,
            deliverable="A deployed app, with a URL.",
            outcomes=("You can ship an app that answers from your documents.",),
        ),
        make_concept(
            "chatbot",
            name="A chatbot",
            level="use",
            prerequisites=["api"],
            hours=5,
            kind=Kind.PROJECT,
            deliverable="A chatbot that keeps the conversation.",
        ),
        make_concept(
            "lora",
            name="LoRA",
            level="tune",
            prerequisites=["api"],
            hours=6,
            resources=(res("LoRA course", "course", free=False), res("LoRA paper", "paper")),
        ),
        make_concept(
            "tune-eval",
            name="A fine-tune that beats its base",
            level="tune",
            prerequisites=["lora", "rag"],
            hours=10,
            kind=Kind.PROJECT,
            deliverable="An adapter and the evaluation that proves it.",
        ),
        make_concept(
            "tune-cap",
            name="Your own fine-tune",
            level="tune",
            prerequisites=["lora", "ship-app"],
            hours=12,
            kind=Kind.PROJECT,
            capstone=True,
            deliverable="A fine-tuned model, evaluated.",
            resources=(res("Fine-tune code", "code"), res("Fine-tune docs", "docs")),
        ),
    ]


def plan_graph() -> KGraph:
    return KGraph(plan_concepts())
