"""PDFs from HTML templates with WeasyPrint: code sheets, guardian letters, CV, cover letters, portfolio.

Fonts and images come only from the static folder or from data: URLs (the student's photo), never from the
network: the URL fetcher refuses everything else.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

STATIC_DIR = Path(settings.BASE_DIR) / "anschluss" / "static"


def _fetcher():
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or url.startswith(STATIC_DIR.as_uri() + "/")):
                raise ValueError(f"PDF may not load {url}")
            return super().fetch(url, headers)

    return StaticOnlyFetcher(allowed_protocols=["file", "data"])


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=_fetcher()).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def data_url(file_field, content_type: str) -> str:
    """A stored image as a data: URL, so that WeasyPrint embeds it without a file path or a request."""
    import base64

    with file_field.open("rb") as handle:
        return f"data:{content_type};base64," + base64.b64encode(handle.read()).decode("ascii")
