"""Helpers for the browser test: a throw-away JupyterLab server, headless Chromium, and
measuring where text lands on screen.

Nothing here touches the network: JupyterLab runs on 127.0.0.1 with news, update checks
and the PyPI extension manager turned off, and Chromium runs with its background
networking disabled.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

#: JupyterLab user settings for the test server: no news or update checks (they would
#: fetch from the network and pop up a toast over the notebook) and no autosave (the
#: notebook under test must stay byte-for-byte what is committed: no stored outputs).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    root_dir: Path
    work_dir: Path
    port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    #: served as JupyterLab's custom CSS (``--LabApp.custom_css=True``), as ``make lab`` does
    custom_css: str | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return "(no log)"
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def start(self, timeout: float = 40.0) -> None:
        settings = self.work_dir / "user-settings"
        for rel, value in LAB_SETTINGS.items():
            p = settings / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(json.dumps(value), encoding="utf-8")
        for d in ("workspaces", "config", "runtime"):
            (self.work_dir / d).mkdir(parents=True, exist_ok=True)
        if self.custom_css is not None:
            (self.work_dir / "config" / "custom").mkdir(exist_ok=True)
            (self.work_dir / "config" / "custom" / "custom.css").write_text(self.custom_css, encoding="utf-8")
        env = {
            **os.environ,
            # no user-level Jupyter config, and connection files in the test's own dir
            "JUPYTER_CONFIG_DIR": str(self.work_dir / "config"),
            "JUPYTER_RUNTIME_DIR": str(self.work_dir / "runtime"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        jupyter = Path(sys.executable).with_name("jupyter")
        argv = [
            str(jupyter),
            "lab",
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            # window.jupyterapp: lets the test read the notebook model (outputs, error types)
            "--LabApp.expose_app_in_browser=True",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={self.work_dir / 'workspaces'}",
        ]
        if self.custom_css is not None:
            argv.append("--LabApp.custom_css=True")
        self.log_path = self.work_dir / "jupyterlab.log"
        with open(self.log_path, "wb") as log:
            # own process group, so that the finalizer can take down the whole tree
            self.proc = subprocess.Popen(
                argv, cwd=self.root_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {self.proc.returncode} before answering:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"JupyterLab did not answer on {self.base_url} within {timeout:.0f} s:\n{self.log_tail()}"
                )
            time.sleep(0.25)

    def api(self, path: str, method: str = "GET", timeout: float = 5.0):
        req = urllib.request.Request(self.url(path), method=method, data=b"" if method != "GET" else None)
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body = r.read()
        return json.loads(body) if body else None

    def stop(self) -> None:
        """Shut the server (and its kernels) down; always ends in the process being gone."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:  # the polite way first: the server shuts its kernels down, then exits
            self.api("api/shutdown", method="POST")
            self.proc.wait(timeout=15)
            return
        except Exception:  # noqa: BLE001 (any failure: fall through to signals)
            pass
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


# ---------------------------------------------------------------------------
# Where text lands on screen
# ---------------------------------------------------------------------------

#: For an element: its content box (border box minus borders and padding) and the line
#: boxes of its text (client rects of its text and of its inline code boxes, grouped by
#: line), in CSS pixels.
MEASURE_JS = r"""
(el) => {
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const px = (v) => parseFloat(v) || 0;
  const content = {
    left: r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft),
    right: r.right - px(cs.borderRightWidth) - px(cs.paddingRight),
    top: r.top, bottom: r.bottom,
  };
  const rects = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const q of range.getClientRects()) {
      if (q.width > 0.5 && q.height > 0.5) rects.push({left: q.left, right: q.right, top: q.top, bottom: q.bottom});
    }
  }
  // inline boxes with padding of their own (inline code): their border box is where the line
  // ends, not the text inside them
  for (const box of el.querySelectorAll('code, kbd')) {
    for (const q of box.getClientRects()) {
      if (q.width > 0.5 && q.height > 0.5) rects.push({left: q.left, right: q.right, top: q.top, bottom: q.bottom});
    }
  }
  rects.sort((a, b) => a.top - b.top);
  const lines = [];
  for (const q of rects) {
    const mid = (q.top + q.bottom) / 2;
    const line = lines.find((l) => mid > l.top && mid < l.bottom);
    if (line) {
      line.left = Math.min(line.left, q.left);
      line.right = Math.max(line.right, q.right);
    } else {
      lines.push({...q});
    }
  }
  return {
    direction: cs.direction, textAlign: cs.textAlign, content, lines,
    text: el.textContent.trim().slice(0, 80),
  };
}
"""

#: pixels of slack between a line's edge and its container's edge
EDGE_TOLERANCE = 4.0
#: a line at least this far from the opposite edge shows which side the text clings to
FREE_SPACE = 2 * EDGE_TOLERANCE


def alignment(measure: dict) -> str:
    """Which edge the text of a measured element clings to, as seen on screen.

    "right": every line ends at the container's right edge and at least one line leaves
    room (more than FREE_SPACE pixels) on the left; "left": the mirror image; "full": every line fills the width, so the
    element tells nothing; "none": neither (centred, ragged, or no text).
    """
    c, lines = measure["content"], measure["lines"]
    if not lines:
        return "none"
    at_right = all(abs(c["right"] - ln["right"]) <= EDGE_TOLERANCE for ln in lines)
    at_left = all(abs(ln["left"] - c["left"]) <= EDGE_TOLERANCE for ln in lines)
    room_left = any(ln["left"] - c["left"] >= FREE_SPACE for ln in lines)
    room_right = any(c["right"] - ln["right"] >= FREE_SPACE for ln in lines)
    if at_right and room_left:
        return "right"
    if at_left and room_right:
        return "left"
    if at_right and at_left:
        return "full"
    return "none"


def describe(measure: dict) -> str:
    c = measure["content"]
    gaps = [(round(ln["left"] - c["left"]), round(c["right"] - ln["right"])) for ln in measure["lines"]]
    return (
        f"{measure['text']!r}: direction={measure['direction']} text-align={measure['textAlign']} "
        f"content x={c['left']:.0f}..{c['right']:.0f}, (left gap, right gap) per line={gaps}"
    )


#: left x of the first occurrence of each of several substrings of an element's text
#: (null when absent): where a reader's eye finds each piece
SUBSTRING_X_JS = r"""
(el, needles) => needles.map((s) => {
  const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const i = n.data.indexOf(s);
    if (i >= 0) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + s.length);
      return r.getBoundingClientRect().left;
    }
  }
  return null;
})
"""
