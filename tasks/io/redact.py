"""Secrets out of what is stored: a URL's credentials and the values of its secret-looking query parameters.

A feed or a redirect can hand the fetcher a URL carrying an API key or a session token; fetch_log, the
quarantine, the documents and the run artifacts keep the URL with those values replaced, and so do error
messages that quote it. A value is replaced by a short digest of itself, so two URLs that differ in it
stay two, and the same URL always redacts alike: what is stored still identifies the page.
"""
from __future__ import annotations

import hashlib
import re

# Query parameters whose values are secrets: token=, access_token=, api_key=, X-Amz-Signature=, password= …
# The name must be one of these words, alone or after a separator: "keyword=" and "monkey=" are not secrets.
_SECRET_NAMES = r"token|key|apikey|secret|password|passwd|pwd|auth|signature|sig|session|sessionid|sid|credentials?"
_SECRET_PARAMETER = re.compile(rf"(?i)([?&;](?:[\w.-]*[_.-])?(?:{_SECRET_NAMES})=)([^&#\s'\"<>]*)")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\"<>]*@")


def redact(text: str) -> str:
    """text (a URL, or a message quoting one) with credentials and secret parameter values replaced."""
    text = _USERINFO.sub(r"\1REDACTED@", text)
    return _SECRET_PARAMETER.sub(lambda m: f"{m.group(1)}REDACTED-{_digest(m.group(2))}" if m.group(2)
                                 else m.group(0), text)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
