"""Machine checks of a page as a browser shows it: axe-core, the Nu HTML Checker, target
sizes, reflow at 200 percent zoom, focus rings, console errors and screenshots.

`PageChecker.check(name)` runs the per-page checks on the page a test is looking at and
keeps the HTML the server sent for that page; `PageChecker.finish()` validates all of it
with one run of the Nu HTML Checker (a Java start costs seconds, so pages are batched)
and fails on any error, console error or Content-Security-Policy violation seen.
The npm tools come from `npm ci` (package.json); `make browser` runs it.
"""

import json
import re
import subprocess
from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Patients: 44 px (WCAG 2.5.5), for tremor and poor sight. Clinicians on desktop: 24 px
# (WCAG 2.2's 2.5.8).
PATIENT_TARGET_PX = 44
CLINICIAN_TARGET_PX = 24
# What Chromium logs for a page sent with an error status.
FAILED_LOAD = (
    "console: Failed to load resource: the server responded with a status of {status} ({reason})"
)

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""

# Standalone targets: controls, and links that are not a phrase inside a sentence
# (WCAG 2.5.8 exempts inline links). A radio button or tick box is measured together
# with its label, since a tap on either chooses it.
SMALL_TARGETS = """(minPx) => {
  const blockOf = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display === "inline") node = node.parentElement;
    return node;
  };
  const text = (el) => (el.textContent || "").replace(/\\s+/g, " ").trim();
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" &&
      !el.closest("[aria-hidden=true]");
  };
  const small = [];
  const measure = (el, box, what) => {
    const name = text(el).slice(0, 40);
    if (box.height < minPx) small.push(`${what} "${name}" is ${box.height.toFixed(1)}px high`);
  };
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea")) {
    if (!visible(el) || el.type === "hidden") continue;
    if (el.matches("a") && text(blockOf(el)) !== text(el)) continue;
    if (el.matches("input[type=radio], input[type=checkbox]")) {
      const label = el.labels && el.labels[0];
      if (!label) { small.push(`${el.id} has no label`); continue; }
      const a = el.getBoundingClientRect(), b = label.getBoundingClientRect();
      const top = Math.min(a.top, b.top), bottom = Math.max(a.bottom, b.bottom);
      measure(label, {height: bottom - top}, el.type);
      continue;
    }
    measure(el, el.getBoundingClientRect(), el.tagName.toLowerCase());
  }
  return small;
}"""

# What has keyboard focus, and whether a focus indicator is drawn around it.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "",
    value: el.value || "", checked: !!el.checked, id: el.id || "",
    text: (el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 80),
    ring: outline || shadow, width: box.width, height: box.height,
  };
}"""

# Meaning not by colour alone: links in running text are underlined, and every field
# marked invalid names its problem in words next to it.
COLOUR_ONLY = """() => {
  const problems = [];
  for (const a of document.querySelectorAll("main a[href]:not(.btn)")) {
    if (!getComputedStyle(a).textDecorationLine.includes("underline")) {
      problems.push(`link "${a.textContent.trim().slice(0, 40)}" is not underlined`);
    }
  }
  for (const el of document.querySelectorAll(".is-invalid, [aria-invalid=true]")) {
    const group = el.closest(".mb-3, fieldset") || el.parentElement;
    const message = group && group.querySelector(".invalid-feedback, .error-message");
    if (!message || !message.textContent.trim()) problems.push(`${el.id} is invalid without words`);
  }
  return problems;
}"""


def require_npm_tools():
    """Fail early, with the fix, when `npm ci` has not been run."""
    missing = [str(path) for path in (AXE_JS, VNU_JAR) if not path.exists()]
    assert not missing, f"Missing {missing}: run `npm ci` (or `make browser`)."


class PageChecker:
    """Per-page checks for one browser page, and the HTML it was sent, for one test."""

    def __init__(self, page, *, folder, min_target_px):
        self.page = page
        self.folder = folder
        self.min_target_px = min_target_px
        self.documents = {}
        self.console_errors = []
        self.last_document = None
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))

    def _on_response(self, response):
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.last_document = response

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(f"console: {message.text}")

    def check(self, name, *, full_page=False):
        """Every per-page check on the current page, and a screenshot (of its first screen
        unless `full_page`); the HTML is kept for `finish`."""
        self.page.wait_for_load_state("load")
        self.keep_html(name)
        violations = self.axe()
        assert not violations, f"axe on {name}:\n" + json.dumps(violations, indent=1)
        small = self.page.evaluate(SMALL_TARGETS, self.min_target_px)
        assert not small, f"targets under {self.min_target_px}px on {name}: {small}"
        colour = self.page.evaluate(COLOUR_ONLY)
        assert not colour, f"meaning by colour alone on {name}: {colour}"
        self.assert_reflows(name)
        self.screenshot(name, full_page=full_page)

    def keep_html(self, name):
        """Keep exactly what the server sent for this page (not the live DOM)."""
        response = self.last_document
        assert response is not None and response.url == self.page.url, (
            f"no document response for {name} ({self.page.url})"
        )
        self.documents[name] = response.text()

    def axe(self):
        """axe-core's WCAG 2.1 A and AA violations on the current page."""
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            # Evaluated through the DevTools protocol, so the page's CSP does not apply.
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        return self.page.evaluate(AXE_RUN, WCAG_TAGS)

    def assert_reflows(self, name):
        """At 200 percent zoom (half the CSS width) nothing scrolls sideways."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": size["width"] // 2, "height": size["height"] // 2})
        try:
            widths = self.page.evaluate(
                "() => [document.scrollingElement.scrollWidth,"
                " document.scrollingElement.clientWidth]"
            )
        finally:
            self.page.set_viewport_size(size)
        assert widths[0] <= widths[1], f"{name} scrolls sideways at 200% zoom: {widths}"

    def screenshot(self, name, *, full_page=False):
        """By default the first screen, as the person sees it on arrival (small files)."""
        path = ARTIFACTS / "screenshots" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.evaluate("() => window.scrollTo(0, 0)")
        self.page.screenshot(path=path, full_page=full_page, animations="disabled", caret="hide")

    def focused(self):
        """What has focus now (tag, type, name, value, ...), or None for the body."""
        return self.page.evaluate(FOCUS_STATE)

    def expect_status(self, status, reason):
        """A page sent on purpose with an error status: the browser logs it once as a
        failed load; take that line off, so anything else logged still fails `finish`."""
        line = FAILED_LOAD.format(status=status, reason=reason)
        assert line in self.console_errors, f"no {status} logged: {self.console_errors}"
        self.console_errors.remove(line)

    def finish(self):
        """Validate every page kept, and fail on console errors (CSP violations among them)."""
        assert not self.console_errors, self.console_errors
        errors = vnu_errors(self.documents, ARTIFACTS / "html" / self.folder)
        assert not errors, "Nu HTML Checker errors:\n" + "\n".join(errors)


def vnu_errors(documents, folder):
    """Nu HTML Checker errors in {name: html}, as "name:line: message" lines (one Java run)."""
    if not documents:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, html in documents.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *paths]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    lines = []
    for message in report["messages"]:
        page = re.sub(r"^.*/|\.html$", "", message.get("url", ""))
        lines.append(f"{page}:{message.get('lastLine', '?')}: {message['message']}")
    assert result.returncode == 0 or lines, result.stderr[-2000:]
    return lines
