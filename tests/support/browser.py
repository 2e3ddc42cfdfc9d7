"""Headless Chromium driven over the DevTools protocol on a pipe (no websocket, no driver).

`require_chromium()` finds Chromium (Debian's /usr/bin/chromium, else one on PATH) and skips
the test saying why when there is none: tests install nothing, `make browser` does (apt-get).
`Browser` launches it with --headless --no-sandbox and background networking off, and speaks
CDP over fds 3/4 (`--remote-debugging-pipe`): JSON messages separated by NUL bytes.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "chromium-headless-shell")
DEBIAN_CHROMIUM = "/usr/bin/chromium"


def find_chromium() -> str | None:
    """Debian's /usr/bin/chromium, else the first Chromium on PATH, else None."""
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    """The browser's path; skips the test, saying how to install one, when there is none."""
    found = find_chromium()
    if found is None:
        pytest.skip(
            f"Chromium not found ({DEBIAN_CHROMIUM}, or {', '.join(CANDIDATES)} on PATH): "
            "run `make browser` (apt-get install chromium) to run the browser tests"
        )
    return found


@dataclass
class PageEvents:
    """What one tab reported: console errors, uncaught exceptions, failed loads."""

    errors: list[str] = field(default_factory=list)
    loaded: threading.Event = field(default_factory=threading.Event)


class CDPError(RuntimeError):
    pass


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are fds 10 or above, so moving them onto 3 and 4 cannot clobber them."""
    read, write = os.pipe()
    high = (
        fcntl.fcntl(read, fcntl.F_DUPFD_CLOEXEC, 10),
        fcntl.fcntl(write, fcntl.F_DUPFD_CLOEXEC, 10),
    )
    os.close(read)
    os.close(write)
    return high


class Browser:
    def __init__(self, executable: str, width: int = 1400, height: int = 1000) -> None:
        self.profile = tempfile.mkdtemp(prefix="sdkgen-chromium-")
        to_browser_read, self._write_fd = _high_pipe()
        self._read_fd, from_browser_write = _high_pipe()
        args = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--user-data-dir={self.profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # bash (dash takes one-digit fds only) puts the pipe ends on fds 3 and 4 for chromium.
        script = f'exec 3<&{to_browser_read} 4>&{from_browser_write}; exec "$@"'
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", script, "bash", *args],
            pass_fds=(to_browser_read, from_browser_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._sessions: dict[str, PageEvents] = {}
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # ----- protocol -----------------------------------------------------------------------
    def _read_loop(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._read_fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                for waiting in list(self._replies.values()):
                    waiting.put({"error": {"message": "the browser closed the pipe"}})
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self._dispatch(json.loads(raw))

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            waiting = self._replies.get(message["id"])
            if waiting is not None:
                waiting.put(message)
            return
        events = self._sessions.get(message.get("sessionId", ""))
        if events is None:
            return
        method = message.get("method")
        params = message.get("params", {})
        if method == "Page.loadEventFired":
            events.loaded.set()
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            events.errors.append(f"uncaught exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            values = [a.get("value", a.get("description", "")) for a in params.get("args", [])]
            events.errors.append("console.error: " + " ".join(str(v) for v in values))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            events.errors.append(
                f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}"
            )

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            waiting: queue.Queue[dict[str, Any]] = queue.Queue()
            self._replies[ident] = waiting
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._write_fd, json.dumps(message).encode() + b"\0")
        try:
            reply = waiting.get(timeout=30)
        except queue.Empty as error:
            raise CDPError(f"{method}: no answer within 30 s") from error
        finally:
            self._replies.pop(ident, None)
        if "error" in reply:
            raise CDPError(f"{method}: {reply['error'].get('message')}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    # ----- pages --------------------------------------------------------------------------
    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        events = PageEvents()
        self._sessions[session] = events
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        return Page(self, session, events)

    def close(self) -> None:
        with contextlib.suppress(CDPError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self._write_fd)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, browser: Browser, session: str, events: PageEvents) -> None:
        self.browser = browser
        self.session = session
        self.events = events

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def goto(self, url: str, timeout: float = 20.0) -> list[str]:
        """Load a page; the errors it reported while loading."""
        self.events.errors.clear()
        self.events.loaded.clear()
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            return [f"navigation failed: {reply['errorText']}"]
        if not self.events.loaded.wait(timeout):
            return [f"no load event within {timeout} s"]
        self.evaluate("1")  # let pending console events arrive before reading them
        return list(self.events.errors)

    def evaluate(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in reply:
            raise CDPError(f"{expression}: {reply['exceptionDetails'].get('text')}")
        return reply.get("result", {}).get("value")

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})

    def wait_for(self, expression: str, timeout: float = 5.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise CDPError(f"timed out waiting for {expression}")

    def screenshot(self) -> bytes:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        return base64.b64decode(data)
