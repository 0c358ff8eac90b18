"""core.sections: one registry through which apps contribute sections to other apps' pages."""

from django.test import RequestFactory

from anschluss.core import sections


def test_registered_sections_render_in_order_once_and_none_shows_nothing(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "probe_section.html").write_text("<p>{{ word }} {{ thing }}</p>")

    def first(request, obj):
        return "probe_section.html", {"word": "one", "thing": obj}

    def second(request, obj):
        return None if obj == "skip" else ("probe_section.html", {"word": "two", "thing": obj})

    for function in (first, second, first):
        sections.register("core.test_page", function)
    request = RequestFactory().get("/")
    assert sections.render("core.test_page", request, "x") == ["<p>one x</p>", "<p>two x</p>"]
    assert sections.render("core.test_page", request, "skip") == ["<p>one skip</p>"]
    assert sections.render("core.no_such_page", request, "x") == []
