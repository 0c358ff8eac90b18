"""A small client of the public Jobsuche API (github.com/bundesAPI/jobsuche-api, /pc/v4/jobs).

Paging is the caller's; this module adds a cache (the same page is asked at most once an hour), retries with
exponential backoff on rate limits (429), server errors and network errors, and one exception for everything
that goes wrong, so that the import can fail gracefully and change nothing.
"""

import hashlib
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

CACHE_SECONDS = 3600
RETRIES = 4
TIMEOUT_SECONDS = 20


class BAUnavailable(Exception):
    """The Jobsuche did not answer usefully (down, refused, or nonsense)."""


def _get(url: str) -> dict:
    request = urllib.request.Request(  # noqa: S310 - a fixed https URL from the settings
        url,
        headers={
            "X-API-Key": settings.BA_JOBSUCHE_API_KEY,
            "Accept": "application/json",
            "User-Agent": "Anschluss (open source; municipal transition platform)",
        },
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        return json.loads(response.read().decode("utf-8"))


def fetch_jobs(
    params: dict,
    *,
    get: Callable[[str], dict] = _get,
    sleep: Callable[[float], None] = time.sleep,
    use_cache: bool = True,
) -> dict:
    """One page of /pc/v4/jobs for `params` (angebotsart, wo, umkreis, page, size)."""
    url = (
        settings.BA_JOBSUCHE_URL.rstrip("/") + "/pc/v4/jobs?" + urllib.parse.urlencode(sorted(params.items()))
    )
    key = "offers:ba:" + hashlib.sha256(url.encode()).hexdigest()
    if use_cache:
        cached = cache.get(key)
        if cached is not None:
            return cached
    delay = 1.0
    for attempt in range(1, RETRIES + 1):
        try:
            data = get(url)
        except urllib.error.HTTPError as error:
            if error.code in (401, 403, 404):
                raise BAUnavailable(f"the Jobsuche refused the request (HTTP {error.code})") from None
            reason = f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = error.__class__.__name__
        else:
            if not isinstance(data, dict):
                raise BAUnavailable("the Jobsuche answered with something that is not a JSON object")
            if use_cache:
                cache.set(key, data, CACHE_SECONDS)
            return data
        logger.warning("Jobsuche attempt %d of %d failed: %s", attempt, RETRIES, reason)
        if attempt < RETRIES:
            sleep(delay)
            delay *= 2
    raise BAUnavailable(f"the Jobsuche did not answer after {RETRIES} attempts ({reason})")
