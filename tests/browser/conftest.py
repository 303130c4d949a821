"""Fixtures that drive a real JupyterLab in Debian's Chromium with Playwright.

One JupyterLab server and one Chromium are started per test session; every test gets a
fresh browser page and the notebook's kernel is shut down after it. The server serves a
temporary *copy* of the notebooks, so nothing a test does can write into the repository.

Without Chromium (or Playwright) the tests skip with a message saying how to enable them,
except when the environment variable ``CI`` is set: then they fail, because the point of
this test is to catch "Error displaying widget" before students do.

Recipe: /work/shared/conventions.md, "A real-browser test of widgets".
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

#: Folders copied into the server's root; notebooks in them keep their relative paths.
SERVED_FOLDERS = ("notebooks", "exercises", "tests/browser/fixtures")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

#: Playwright's default 5 s is too short for a kernel start on a loaded 2-core runner.
EXPECT_TIMEOUT_MS = 60_000
SERVER_START_TIMEOUT_S = 90.0
RUN_ALL_TIMEOUT_MS = 180_000
MENU_TIMEOUT_MS = 10_000

HOW_TO_ENABLE = (
    "install Chromium (Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM_PATH to a "
    "Chromium/Chrome binary, and `pip install -r requirements-test.txt` for Playwright; "
    "never run `playwright install`"
)


def in_ci() -> bool:
    """Whether we run under continuous integration (``CI`` set to a true value)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a user's machine; fail in CI, where the browser test must run."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so the browser test must run): {HOW_TO_ENABLE}")
    pytest.skip(f"{reason}: to run the browser tests, {HOW_TO_ENABLE}")


def chromium_path() -> Path:
    """Return the Chromium binary to use (``CHROMIUM_PATH`` or ``/usr/bin/chromium``)."""
    return Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- the JupyterLab server ----------------------------------------------------------------


@dataclass
class LabServer:
    """A running JupyterLab server started by this test session."""

    process: subprocess.Popen[bytes]
    port: int
    token: str
    root: Path
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, method: str, path: str, timeout: float = 10.0) -> Any:
        """Call the server's REST API and return the decoded JSON (or ``None``)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method in ("POST", "PUT", "PATCH") else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
        return json.loads(body) if body else None

    def log_size(self) -> int:
        """Current size of the server log in bytes (to read only what a test added)."""
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def log_since(self, offset: int) -> str:
        """The server log written after byte ``offset`` (kernels write their stderr here)."""
        try:
            with self.log_path.open("rb") as log:
                log.seek(offset)
                return log.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of the server's log, for failure messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def shutdown_kernels(self) -> None:
        """Shut down every session's kernel (one notebook at a time keeps memory low)."""
        try:
            for session in self.api("GET", "/api/sessions"):
                self.api("DELETE", f"/api/sessions/{session['id']}")
        except (OSError, urllib.error.URLError):
            pass

    def stop(self) -> None:
        """``POST /api/shutdown``, then terminate (and if needed kill) our own process."""
        if self.process.poll() is None:
            with contextlib.suppress(OSError, urllib.error.URLError):
                self.api("POST", "/api/shutdown", timeout=5.0)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=5)


def _write_lab_settings(settings_dir: Path) -> None:
    """User settings for the test server: no autosave, no news or update pop-ups."""
    overrides = {
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        # Attach every cell to the page, so off-screen widgets render and have text.
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "checkForUpdates": False,
            "fetchNews": "false",
        },
    }
    for relative, values in overrides.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


_IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", ".ato_progress*")


def _copy_served_folders(root: Path) -> None:
    for folder in SERVED_FOLDERS:
        source = ROOT / folder
        if source.is_dir():
            shutil.copytree(
                source,
                root / folder,
                ignore=shutil.ignore_patterns(
                    ".ipynb_checkpoints", "__pycache__", ".ato_progress*"
                ),
            )


def start_lab_server(workdir: Path) -> LabServer:
    """Start ``python -m jupyter lab`` on 127.0.0.1 with its own temporary Jupyter dirs."""
    root = workdir / "root"
    root.mkdir()
    _copy_served_folders(root)
    dirs = {
        "JUPYTER_CONFIG_DIR": workdir / "config",
        "JUPYTER_DATA_DIR": workdir / "data",
        "JUPYTER_RUNTIME_DIR": workdir / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": workdir / "settings",
        "JUPYTERLAB_WORKSPACES_DIR": workdir / "workspaces",
        "IPYTHONDIR": workdir / "ipython",
    }
    for path in dirs.values():
        path.mkdir()
    _write_lab_settings(dirs["JUPYTERLAB_SETTINGS_DIR"])

    env = {key: value for key, value in os.environ.items() if not key.startswith("JUPYTER")}
    env.pop("MPLBACKEND", None)
    env.update({key: str(path) for key, path in dirs.items()})
    env["ATO_PROGRESS_FILE"] = "off"  # exercise checkers must not write progress files
    env["ATO_LANG"] = "en"  # the quiz test reads English labels
    env.pop("ATO_CLASS_SEED", None)  # the course default, as in the stored outputs
    env["PYTHONUNBUFFERED"] = "1"

    port = free_port()
    token = secrets.token_hex(24)
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = workdir / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = LabServer(process=process, port=port, token=token, root=root, log_path=log_path)

    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            pytest.fail(
                f"JupyterLab exited with code {process.returncode} while starting:\n"
                f"{server.log_tail()}"
            )
        try:
            server.api("GET", "/api/status", timeout=2.0)
            return server
        except (OSError, urllib.error.URLError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"JupyterLab did not answer /api/status in time:\n{server.log_tail()}")
        time.sleep(0.25)


# --- session fixtures ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_api() -> Iterator[Any]:
    """Playwright's sync API, started once; skipped (or failed in CI) when unavailable."""
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        skip_or_fail("Playwright is not installed")
    if not chromium_path().is_file():
        skip_or_fail(f"Chromium not found at {chromium_path()}")
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # screenshots describe this run only
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api: Any) -> Iterator[Any]:
    """Debian's Chromium, headless, launched once per session and always closed."""
    chromium = playwright_api.chromium.launch(
        executable_path=str(chromium_path()), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def lab_server(playwright_api: Any) -> Iterator[LabServer]:
    """One JupyterLab server for the whole session, always shut down at the end."""
    workdir = Path(tempfile.mkdtemp(prefix="ato-browser-"))
    server = None
    try:
        server = start_lab_server(workdir)
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# --- one page per test --------------------------------------------------------------------


@dataclass
class PageLog:
    """What the browser reported while a test ran (added to failure messages)."""

    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"page error: {e}" for e in self.page_errors]
        lines += [f"console error: {e}" for e in self.console_errors[:20]]
        return "\n".join(lines) or "(no browser errors)"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Remember each phase's report on the item, so fixtures can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1])[:150]


@pytest.fixture
def lab_page(
    request: pytest.FixtureRequest, browser: Any, lab_server: LabServer
) -> Iterator[tuple[Any, PageLog]]:
    """A fresh page; on failure a screenshot goes to ``tests/browser/artifacts/``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    page = context.new_page()
    log = PageLog()
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            log.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    try:
        yield page, log
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            target = ARTIFACTS / f"{_artifact_name(request.node.nodeid)}.png"
            try:
                page.screenshot(path=str(target), full_page=True)
                print(f"screenshot of the failure: {target}")
            except Exception as error:  # noqa: BLE001 - a screenshot must not hide the failure
                print(f"could not save a screenshot: {error}")
        context.close()
        lab_server.shutdown_kernels()


# --- driving a notebook -------------------------------------------------------------------

_WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_STDERR_MIME = "application/vnd.jupyter.stderr"

#: How a widget looks when the front end could not render it (extension missing).
WIDGET_REPR = re.compile(
    r"^\s*(VBox|HBox|Box|GridBox|Tab|Accordion|Output|HTML|Label|Button|ToggleButtons|"
    r"RadioButtons|Dropdown|Checkbox|Text|Textarea|\w*Slider|interactive)\(",
)

#: Cells whose error output is the lesson's point (nbval marker or JupyterLab's tag).
_RAISES_JS = """
(cell) => {
  const src = cell.model.sharedModel.getSource();
  const tags = cell.model.getMetadata('tags') || [];
  return /^\\s*#\\s*NBVAL_RAISES_EXCEPTION/m.test(src) || tags.includes('raises-exception');
}
"""

_RUN_STATE_JS = """
() => {
  const isRaises = __IS_RAISES__;
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const status = kernel ? kernel.status : 'none';
  if (status === 'dead' || status === 'unknown') return 'kernel ' + status;
  let pending = 0;
  let running = 0;
  const problems = [];
  const raised = [];
  panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code' || !cell.model.sharedModel.getSource().trim()) return;
    const prompt = (cell.node.querySelector('.jp-InputPrompt') || {}).textContent || '';
    if (prompt.includes('*')) running += 1;
    if (cell.model.executionCount === null || prompt.includes('*')) pending += 1;
    const outputs = cell.model.outputs;
    for (let j = 0; j < outputs.length; j += 1) {
      if (outputs.get(j).type !== 'error') continue;
      (isRaises(cell) ? raised : problems).push(index);
    }
  });
  if (problems.length) return 'error in cell ' + problems.join(', ');
  // JupyterLab stops Run All at an error unless the cell is tagged raises-exception. The
  // kernel is also idle for an instant between two cells, so the stop must last 3 s.
  const stopped = status === 'idle' && running === 0 && pending > 0 && raised.length > 0;
  if (!stopped) {
    window.__atoStoppedSince = null;
  } else if (!window.__atoStoppedSince) {
    window.__atoStoppedSince = Date.now();
  } else if (Date.now() - window.__atoStoppedSince > 3000) {
    return 'Run All stopped after cell ' + raised.join(', ') + ' raised as intended: '
      + "tag that cell 'raises-exception' so JupyterLab runs on";
  }
  return pending === 0 && status === 'idle' ? 'done' : false;
}
""".replace("__IS_RAISES__", _RAISES_JS)

_REPORT_JS = (
    """
() => {
  const isRaises = __IS_RAISES__;
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = [];
  panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') return;
    const area = cell.node.querySelector('.jp-OutputArea');
    const stderr = [...cell.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="__STDERR__"]')].map((n) => n.textContent);
    const plain = [...cell.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="text/plain"]')].map((n) => n.textContent);
    const views = [...cell.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="__WIDGET__"]')];
    cells.push({
      index,
      raises: isRaises(cell),
      source: cell.model.sharedModel.getSource().slice(0, 80),
      stderr,
      plain,
      views: views.length,
      rendered: views.filter((n) => n.querySelector('.jupyter-widgets')).length,
      text: area ? area.textContent : '',
    });
  });
  return cells;
}
""".replace("__IS_RAISES__", _RAISES_JS)
    .replace("__STDERR__", _STDERR_MIME)
    .replace("__WIDGET__", _WIDGET_MIME)
)


#: Record errors the kernel reports outside cell execution (widget callbacks, comms).
_LISTEN_IOPUB_JS = """
() => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  window.__atoCallbackErrors = [];
  kernel.iopubMessage.connect((_, msg) => {
    const parent = (msg.parent_header && msg.parent_header.msg_type) || '';
    if (parent === 'execute_request') return;  // checked cell by cell
    const type = msg.header.msg_type;
    if (type === 'error') {
      window.__atoCallbackErrors.push(`${msg.content.ename}: ${msg.content.evalue}`);
    } else if (type === 'stream' && msg.content.name === 'stderr') {
      window.__atoCallbackErrors.push(msg.content.text);
    }
  });
}
"""

_KERNEL_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|Exception in comm_msg")
_SERVER_NOISE = re.compile(r"WebSocketClosedError|StreamClosedError")
_BENIGN_STDERR = re.compile(
    r"^(No such comm: [0-9a-f-]+|No such comm target registered: jupyter\.widget\.control)\s*$"
)


class LabNotebook:
    """A notebook open in JupyterLab, driven the way a student would."""

    def __init__(self, page: Any, log: PageLog, server: LabServer, path: str) -> None:
        self.page = page
        self.log = log
        self.server = server
        self.path = path
        self._log_start = server.log_size()

    # opening and running ---------------------------------------------------------------

    def open(self) -> LabNotebook:
        """Open the notebook (fresh workspace) and wait for its kernel to be idle."""
        page = self.page
        page.goto(f"{self.server.base_url}/lab/tree/{self.path}?reset&token={self.server.token}")
        page.wait_for_function(
            """(path) => {
                const app = window.jupyterapp;
                const w = app && app.shell && app.shell.currentWidget;
                return !!(w && w.context && w.context.path === path && w.sessionContext);
            }""",
            arg=self.path,
            timeout=EXPECT_TIMEOUT_MS,
        )
        page.evaluate(
            """async () => {
                const panel = window.jupyterapp.shell.currentWidget;
                await panel.context.ready;
                await panel.sessionContext.ready;
            }"""
        )
        page.wait_for_function(
            """() => {
                const s = window.jupyterapp.shell.currentWidget.sessionContext.session;
                const k = s && s.kernel;
                return !!(k && k.status === 'idle' && k.connectionStatus === 'connected');
            }""",
            timeout=EXPECT_TIMEOUT_MS,
        )
        self.page.evaluate(_LISTEN_IOPUB_JS)
        return self

    def menu(self, top: str, *items: str) -> None:
        """Click ``top`` in the menu bar, then each item (submenus) by its exact label.

        Exact labels matter: "Run All Cells" must not match "Restart Kernel and Run All
        Cells…".
        """
        page = self.page
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(top)}$")).click(
            timeout=MENU_TIMEOUT_MS
        )
        for item in items:
            label = page.locator(
                ".lm-Menu:visible .lm-Menu-item .lm-Menu-itemLabel",
                has_text=re.compile(rf"^{re.escape(item)}$"),
            )
            try:
                label.last.click(timeout=MENU_TIMEOUT_MS)
            except Exception as error:  # noqa: BLE001 - report which menu item is missing
                visible = page.locator(".lm-Menu:visible .lm-Menu-itemLabel").all_inner_texts()
                raise AssertionError(
                    self.failure(
                        f"menu {top} → {' → '.join(items)}: no item {item!r}; "
                        f"visible items: {visible}"
                    )
                ) from error

    def run_all(self) -> None:
        """Clear stored outputs, then Run → Run All Cells and wait until all cells ran.

        Clearing first makes sure every output checked afterwards comes from this run,
        not from the copy stored in the file.
        """
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            """() => window.jupyterapp.shell.currentWidget.content.widgets
                 .every((c) => c.model.type !== 'code' || c.model.executionCount === null)"""
        )
        self.menu("Run", "Run All Cells")
        verdict = self.wait_until(
            _RUN_STATE_JS, None, "Run All Cells did not finish", timeout=RUN_ALL_TIMEOUT_MS
        )
        assert verdict == "done", self.failure(f"running all cells: {verdict}")
        self.wait_for_widgets()

    def wait_for_widgets(self) -> None:
        """Wait until every widget output has rendered (or shows an error)."""
        self.page.wait_for_function(
            """(mime) => [...document.querySelectorAll(
                   `.jp-OutputArea-output[data-mime-type="${mime}"]`)]
                 .every((n) => n.querySelector('.jupyter-widgets')
                               || n.textContent.includes('Error displaying widget'))""",
            arg=_WIDGET_MIME,
            timeout=EXPECT_TIMEOUT_MS,
        )

    def wait_idle(self) -> None:
        """Wait until the kernel is idle again (after an interaction)."""
        self.page.wait_for_function(
            """() => {
                const s = window.jupyterapp.shell.currentWidget.sessionContext.session;
                return !!(s && s.kernel && s.kernel.status === 'idle');
            }""",
            timeout=EXPECT_TIMEOUT_MS,
        )

    # checking ----------------------------------------------------------------------------

    def report(self) -> list[dict[str, Any]]:
        """Per code cell: stderr/error outputs, text outputs, widget views rendered."""
        cells: list[dict[str, Any]] = self.page.evaluate(_REPORT_JS)
        return cells

    def callback_errors(self) -> list[str]:
        """Errors raised in widget callbacks since the notebook was opened.

        Exceptions in widget callbacks never reach a cell: ipykernel sends them over IOPub
        (JupyterLab puts them in its log console) or logs them to its stderr, which is our
        server log. Both count. Two kinds of noise do not: the server's tracebacks about a
        websocket closed by the previous test's teardown, and the kernel's warnings "No such
        comm target registered: jupyter.widget.control" and "No such comm: …". JupyterLab's
        widget manager probes every new kernel with a control comm to fetch existing
        widgets; before ipywidgets is imported the kernel refuses and closes that comm, and
        the probe's follow-up message meets the closed comm. The manager then falls back;
        a widget that really stopped answering fails the interaction checks anyway.
        """
        errors: list[str] = []
        try:
            reported = self.page.evaluate("() => window.__atoCallbackErrors || []")
        except Exception as error:  # noqa: BLE001 - the page may be gone after a failure
            reported = [f"(could not read the page: {error})"]
        errors += [e for e in reported if not _BENIGN_STDERR.match(e)]
        log = self.server.log_since(self._log_start)
        for match in _KERNEL_TRACEBACK.finditer(log):
            excerpt = log[match.start() : match.start() + 2000]
            if not _SERVER_NOISE.search(excerpt):
                errors.append("kernel log: " + excerpt)
        return errors

    def failure(self, what: str) -> str:
        """A failure message with callback errors, browser errors and the server log."""
        callbacks = "\n".join(self.callback_errors()) or "(none)"
        return (
            f"{self.path}: {what}\n--- widget callback errors ---\n{callbacks}\n"
            f"--- browser ---\n{self.log.summary()}\n"
            f"--- JupyterLab log ---\n{self.server.log_tail(15)}"
        )

    def wait_until(self, js: str, arg: Any, what: str, timeout: int = 20_000) -> Any:
        """Wait for a page predicate and return its (truthy) value.

        On timeout, fail with ``what`` and the diagnostics.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            return self.page.wait_for_function(js, arg=arg, timeout=timeout).json_value()
        except PlaywrightTimeout:
            message = self.failure(f"timed out after {timeout / 1000:.0f} s: {what}")
            raise AssertionError(message) from None

    def assert_clean(self, *, expect_widgets: bool) -> None:
        """No "Error displaying widget", no error/stderr output, widgets really rendered."""
        cells = self.report()
        whole = self.page.locator(".jp-NotebookPanel").text_content() or ""
        assert "Error displaying widget" not in whole, self.failure("Error displaying widget")
        for cell in cells:
            where = f"cell {cell['index']} ({cell['source']!r})"
            if not cell["raises"]:
                assert not cell["stderr"], self.failure(
                    f"{where} wrote to stderr: {cell['stderr']}"
                )
            for text in cell["plain"]:
                assert not WIDGET_REPR.match(text), self.failure(
                    f"{where} shows a widget as text {text[:60]!r}: the widget extension is "
                    "missing or does not match ipywidgets"
                )
            assert cell["rendered"] == cell["views"], self.failure(
                f"{where}: {cell['views'] - cell['rendered']} widget(s) did not render"
            )
        errors = self.callback_errors()
        assert not errors, self.failure(f"widget callbacks raised or wrote to stderr: {errors}")
        if expect_widgets:
            rendered = self.page.locator(".jp-OutputArea-output .jupyter-widgets").count()
            assert rendered > 0, self.failure("no widget rendered as a .jupyter-widgets element")

    # interacting -------------------------------------------------------------------------

    def cell_output(self, index: int) -> Any:
        """Locator of code/markdown cell ``index``'s output area."""
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea")

    def cell_index_of(self, selector: str) -> int | None:
        """Index of the first cell whose output contains ``selector``, or ``None``."""
        index: int = self.page.evaluate(
            """(sel) => {
                const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
                return cells.findIndex((c) => c.querySelector('.jp-OutputArea ' + sel));
            }""",
            selector,
        )
        return None if index < 0 else index

    def output_signature(self, index: int) -> str:
        """Images and widget-output text of a cell, without the slider's own readout."""
        signature: str = self.page.evaluate(
            """(i) => {
                const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
                const images = [...cell.querySelectorAll('.jp-OutputArea img')].map((n) => n.src);
                const texts = [...cell.querySelectorAll(
                    '.widget-output, .widget-html-content')].map((n) => n.textContent);
                return JSON.stringify([images, texts]);
            }""",
            index,
        )
        return signature

    def slider_cells(self) -> list[int]:
        """Indices of the cells whose output shows at least one slider."""
        indices: list[int] = self.page.evaluate(
            """() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]
                 .map((c, i) => (c.querySelector('.jp-OutputArea .widget-slider') ? i : -1))
                 .filter((i) => i >= 0)"""
        )
        return indices

    def move_first_slider(self) -> tuple[int, str, str]:
        """Move the notebook's first slider; see :meth:`move_slider_in_cell`."""
        index = self.cell_index_of(".widget-slider")
        assert index is not None, self.failure("no slider found")
        return self.move_slider_in_cell(index)

    def move_slider_in_cell(self, index: int) -> tuple[int, str, str]:
        """Press → (← at the maximum) on the cell's first slider; wait for its output to change.

        Returns the cell index and the output signature before and after.
        """
        before = self.output_signature(index)
        slider = self.cell_output(index).locator(".widget-slider").first
        readout = slider.locator(".widget-readout")
        value_before = (readout.text_content() or "") if readout.count() else ""
        handle = slider.locator(".noUi-handle").first
        now, top = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
        at_max = now is not None and top is not None and float(now) >= float(top)
        handle.focus()
        handle.press("ArrowLeft" if at_max else "ArrowRight")
        if readout.count():
            self.wait_until(
                """([i, old]) => {
                    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
                    const r = cell.querySelector('.widget-slider .widget-readout');
                    return r && r.textContent !== old;
                }""",
                [index, value_before],
                f"the slider in cell {index} did not move on an arrow key",
            )
        self.wait_until(
            """([i, old]) => {
                const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
                const images = [...cell.querySelectorAll('.jp-OutputArea img')].map((n) => n.src);
                const texts = [...cell.querySelectorAll(
                    '.widget-output, .widget-html-content')].map((n) => n.textContent);
                return JSON.stringify([images, texts]) !== old;
            }""",
            [index, before],
            f"moving the slider in cell {index} did not change its figure or output",
            timeout=EXPECT_TIMEOUT_MS,
        )
        self.wait_idle()
        return index, before, self.output_signature(index)

    # quizzes (ato_lessons.widgets.quiz.ChoiceQuiz) -------------------------------------

    def quiz_ids(self) -> list[str]:
        """Ids of the quizzes shown, in order; each root gets ``data-ato-quiz="<id>"``.

        A quiz is a box with rows of toggle buttons and a *Check* button: the course's
        choice exercises (``ato_lessons.widgets.quiz.ChoiceQuiz``, id = the exercise id
        from its ``<h4>`` title, e.g. ``"3.1a"``, or ``"7.1"`` for lesson 07's
        self-check quiz).
        """
        ids: list[str] = self.page.evaluate(
            """() => {
                const ids = [];
                const buttons = document.querySelectorAll('.jp-OutputArea button.widget-button');
                for (const button of buttons) {
                    if (button.textContent.trim() !== 'Check') continue;
                    let root = button.parentElement;
                    while (root && !root.querySelector(':scope > * .widget-toggle-buttons,'
                                                       + ':scope > .widget-toggle-buttons')) {
                        root = root.parentElement;
                    }
                    if (!root || root.hasAttribute('data-ato-quiz')) continue;
                    const h4 = root.querySelector('.widget-html h4');
                    const m = h4 && /^\\s*Exerci[sc]e\\s+(\\S+)\\s+·/.exec(h4.textContent);
                    const id = m ? m[1] : null;
                    if (!id) continue;
                    root.setAttribute('data-ato-quiz', id);
                    ids.push(id);
                }
                return ids;
            }"""
        )
        return ids

    def answer_quiz(self, exercise_id: str, labels: list[str]) -> str:
        """Pick ``labels[i]`` on the i-th toggle row, press Check, return the new feedback."""
        root = self.page.locator(f'[data-ato-quiz="{exercise_id}"]').first
        rows = root.locator(".widget-toggle-buttons")
        assert rows.count() == len(labels), self.failure(
            f"quiz {exercise_id} shows {rows.count()} rows, expected {len(labels)}"
        )
        for i, label in enumerate(labels):
            rows.nth(i).locator(
                "button", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
            ).click()
        feedback = root.locator(":scope > .widget-html").last
        before = feedback.text_content() or ""
        root.locator("button.widget-button", has_text=re.compile(r"^\s*Check\s*$")).click()
        self.wait_until(
            "([el, old]) => el.textContent.trim() !== '' && el.textContent !== old",
            [feedback.element_handle(), before],
            f"quiz {exercise_id}: pressing Check did not change the feedback",
        )
        self.wait_idle()
        text: str = feedback.text_content() or ""
        return text


@pytest.fixture
def open_notebook(lab_page: tuple[Any, PageLog], lab_server: LabServer) -> Any:
    """``open_notebook("notebooks/03_….ipynb")`` opens it and waits for an idle kernel."""
    page, log = lab_page

    def _open(path: str) -> LabNotebook:
        return LabNotebook(page, log, lab_server, path).open()

    return _open
