"""Security headers for the web server that publishes site/, ready to paste, from one list.

The pages carry their Content-Security-Policy and referrer policy in <meta> tags too (overrides/main.html, the
simulator's pages), so a host that sets no headers (GitHub Pages, GitLab Pages) still gets those; what only a
header can do is `frame-ancestors` / X-Frame-Options (no other site may frame the guides), `nosniff`, HSTS and
the permissions policy: such a host goes without them.
"""

from __future__ import annotations

# The policy of the guide pages (Material's search runs in a worker; its styles set inline style attributes).
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
               "form-action 'self'")

HEADERS = {
    "Content-Security-Policy": PAGE_POLICY + "; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # also in each page's <meta name="referrer">
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Strict-Transport-Security": "max-age=31536000",  # https only from now on (browsers ignore it over http)
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",  # the guides use none
}

HOSTS = ("nginx", "apache", "netlify")


def config(host: str) -> str:
    """The headers in the configuration language of `host`."""
    if host == "nginx":  # inside the server { } block that serves site/
        return "".join(f'add_header {name} "{value}" always;\n' for name, value in HEADERS.items())
    if host == "apache":  # in the <Directory> of site/, or its .htaccess; needs mod_headers
        return "".join(f'Header always set {name} "{value}"\n' for name, value in HEADERS.items())
    if host == "netlify":  # a _headers file at the site's root: Netlify, Cloudflare Pages
        return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in HEADERS.items())
    raise ValueError(f"unknown host {host!r}; expected one of {', '.join(HOSTS)}")
