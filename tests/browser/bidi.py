"""A small WebDriver BiDi client for Debian's firefox-esr, over `websockets`.

Playwright cannot drive this Firefox (its Firefox channel fails on an unknown BiDi command), and
neither geckodriver nor Selenium is available here; Firefox speaks WebDriver BiDi itself. The
browser writes its port to ``WebDriverBiDiServer.json`` in its profile; commands are JSON
``{id, method, params}``, replies come back by ``id`` with events in between, which this client
keeps (console errors and requests). Firefox is started with ``PR_SET_PDEATHSIG`` so it dies
with the test process, and is ended by its own pid only.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import itertools
import json
import signal
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

PR_SET_PDEATHSIG = 1
KEYS = {
    "Enter": "\ue007",
    "Escape": "\ue00c",
    "ArrowDown": "\ue015",
    "ArrowUp": "\ue013",
    "Tab": "\ue004",
}


class BiDiError(RuntimeError):
    """A command Firefox answered with an error."""


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Firefox:
    """One headless Firefox and its BiDi session."""

    def __init__(self, executable: str, profile: Path) -> None:
        profile.mkdir(parents=True, exist_ok=True)
        self.log = (profile.parent / "firefox.log").open("wb")
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-remote",
                "--profile",
                str(profile),
                "--remote-debugging-port=0",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - Linux only, and only to set the death signal
        )
        self._stack = contextlib.ExitStack()
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        port = self._port(profile / "WebDriverBiDiServer.json")
        from websockets.sync.client import connect

        self.ws = self._stack.enter_context(
            connect(f"ws://127.0.0.1:{port}/session", max_size=None, open_timeout=30)
        )
        self.send("session.new", {"capabilities": {}})
        self.send("session.subscribe", {"events": ["log.entryAdded", "network.beforeRequestSent"]})

    def _port(self, server_file: Path) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                msg = f"firefox exited with {self.process.returncode}"
                raise BiDiError(msg)
            with contextlib.suppress(FileNotFoundError, json.JSONDecodeError, KeyError):
                return int(json.loads(server_file.read_text())["ws_port"])
            time.sleep(0.1)
        msg = "firefox did not start its WebDriver BiDi server in 60 s"
        raise BiDiError(msg)

    def send(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        """Run one command and return its result; events that arrive meanwhile are kept."""
        command_id = next(self._ids)
        self.ws.send(json.dumps({"id": command_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == command_id:
                if message.get("type") == "error":
                    msg = f"{method}: {message.get('error')}: {message.get('message')}"
                    raise BiDiError(msg)
                return message.get("result")
            if message.get("type") == "event":
                self.events.append(message)

    @contextlib.contextmanager
    def page(self, width: int, height: int) -> Iterator[FirefoxPage]:
        """A tab in a fresh user context (its own storage), closed afterwards."""
        user = self.send("browser.createUserContext", {})["userContext"]
        context = self.send("browsingContext.create", {"type": "tab", "userContext": user})[
            "context"
        ]
        self.send("browsingContext.setViewport", {"context": context,
                                                  "viewport": {"width": width, "height": height}})  # fmt: skip
        try:
            yield FirefoxPage(self, context)
        finally:
            self.send("browser.removeUserContext", {"userContext": user})

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("browser.close", {}, timeout=10)
        self._stack.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover - only if Firefox hangs
            self.process.kill()
            self.process.wait()
        self.log.close()


class FirefoxPage:
    """One tab: navigate, evaluate, click and type for real, and read what it logged."""

    def __init__(self, browser: Firefox, context: str) -> None:
        self.browser = browser
        self.context = context
        self.seen = len(browser.events)

    def goto(self, url: str) -> None:
        self.browser.send("browsingContext.navigate",
                          {"context": self.context, "url": url, "wait": "complete"})  # fmt: skip

    def reload(self) -> None:
        self.browser.send("browsingContext.reload", {"context": self.context, "wait": "complete"})

    def evaluate(self, expression: str, timeout: float = 60) -> Any:
        """The JSON value of *expression* (awaited when it is a promise)."""
        wrapped = f"(async () => JSON.stringify(await ({expression})))()"
        result = self.browser.send(
            "script.evaluate",
            {"expression": wrapped, "target": {"context": self.context}, "awaitPromise": True},
            timeout=timeout,
        )
        if result.get("type") == "exception":
            raise BiDiError(str(result.get("exceptionDetails", {}).get("text")))
        value = result["result"].get("value")
        return None if value is None else json.loads(value)

    def click(self, x: float, y: float) -> None:
        pointer = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                   "actions": [{"type": "pointerMove", "x": round(x), "y": round(y)},
                               {"type": "pointerDown", "button": 0},
                               {"type": "pointerUp", "button": 0}]}  # fmt: skip
        self.browser.send("input.performActions", {"context": self.context, "actions": [pointer]})

    def move(self, x: float, y: float) -> None:
        """Rest the pointer at (x, y), as a hover does."""
        move = {"type": "pointerMove", "x": round(x), "y": round(y)}
        pointer = {"type": "pointer", "id": "mouse", "actions": [move]}
        self.browser.send("input.performActions", {"context": self.context, "actions": [pointer]})

    def press(self, key: str) -> None:
        value = KEYS.get(key, key)
        keys = {"type": "key", "id": "keyboard",
                "actions": [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]}  # fmt: skip
        self.browser.send("input.performActions", {"context": self.context, "actions": [keys]})

    def type(self, text: str) -> None:
        actions = [
            a
            for ch in text
            for a in ({"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch})
        ]
        keys = {"type": "key", "id": "keyboard", "actions": actions}
        self.browser.send("input.performActions", {"context": self.context, "actions": [keys]})

    def screenshot(self) -> bytes:
        """The visible part of the tab as PNG bytes."""
        found = self.browser.send("browsingContext.captureScreenshot", {"context": self.context})
        return base64.b64decode(found["data"])

    def _events(self, method: str) -> list[dict[str, Any]]:
        return [
            e["params"]
            for e in self.browser.events[self.seen :]
            if e.get("method") == method
            and self.context
            in (e["params"].get("context"), e["params"].get("source", {}).get("context"))
        ]

    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions of this tab."""
        return [
            str(e.get("text")) for e in self._events("log.entryAdded") if e.get("level") == "error"
        ]

    def requests(self) -> list[str]:
        """What this tab asked the network for (Firefox never reports file:// loads)."""
        return [str(e["request"]["url"]) for e in self._events("network.beforeRequestSent")]
