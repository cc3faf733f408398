"""Find a Chromium for Playwright, and serve a folder on 127.0.0.1: shared by `ern-guides pdf` and the tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.publishing.headers import HEADERS

SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these, a system Chromium tries to reach Google's services at start-up.
SYSTEM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
HOW_TO_INSTALL = ("No Chromium found. Install one with `python -m playwright install chromium` or, on "
                  "Debian/Ubuntu, `apt-get install -y chromium`.")


class BrowserNotFound(Exception):
    pass


def launch_options(playwright) -> dict:
    """Playwright's own Chromium where installed, else the system's."""
    if Path(playwright.chromium.executable_path).exists():
        return {}
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return {"executable_path": found, "args": SYSTEM_ARGS}
    raise BrowserNotFound(HOW_TO_INSTALL)


class _PublishedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves as a web server set up as the README says: with the security headers of generator/publishing/headers.py,
    so that what the tests see is what readers get."""

    def __init__(self, *args, more_headers: Mapping[str, str], **kwargs):
        self.more_headers = more_headers
        super().__init__(*args, **kwargs)

    def end_headers(self):
        for name, value in {**HEADERS, **self.more_headers}.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, more_headers: Mapping[str, str] = {}) -> Iterator[str]:
    """Serve `folder` over http on a free port of 127.0.0.1, with the security headers (and `more_headers`);
    yields the base URL."""
    handler = functools.partial(_PublishedHandler, directory=str(folder), more_headers=more_headers)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
