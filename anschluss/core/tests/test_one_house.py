"""The rules of the house that the code itself must keep (ARCHITECTURE.md rules 2-6 and the layers).

Each test reads the source with `ast`, so a violation names the file and line.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the anschluss package

# The layers, lowest first. An app imports only from layers below it; apps of one layer not from each other.
LAYERS = [
    {"core"},
    {"accounts"},
    {"occupations"},
    {"offers", "students"},
    {"placements"},
    {"events", "liaison", "networks", "transitions", "counselling"},
    {"indicators"},
]
LAYER_OF = {app: number for number, apps in enumerate(LAYERS) for app in apps}
# What every layer may use: the settings, the Celery app, and the API's shared pagination and error answers.
FOUNDATION = {"settings", "celery", "api.pagination", "api.responses", "api.exceptions"}
# Not apps of a layer: the project's wiring and test support may import everything.
OUTSIDE_LAYERS = {
    "api",
    "testing",
    "settings",
    "urls",
    "celery",
    "wsgi",
    "asgi",
    "templates",
    "static",
    "locale",
}


def _product_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def _imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def layer_violations(files) -> list[str]:
    found = []
    for path in files:
        app = path.relative_to(ROOT).parts[0].removesuffix(".py")
        if app not in LAYER_OF:
            continue
        for line, module in _imported_modules(_parse(path)):
            parts = module.split(".")
            if parts[0] != "anschluss" or len(parts) < 2 or parts[1] == app:
                continue
            other = parts[1]
            if other in FOUNDATION or ".".join(parts[1:3]) in FOUNDATION:
                continue
            if other in OUTSIDE_LAYERS or LAYER_OF.get(other, -1) >= LAYER_OF[app]:
                found.append(f"{path.relative_to(ROOT)}:{line} ({app}) imports {module}")
    return found


def test_every_app_is_in_a_layer():
    apps = {p.name for p in ROOT.iterdir() if (p / "apps.py").exists()}
    assert apps - set(LAYER_OF) <= OUTSIDE_LAYERS, f"apps without a layer: {apps - set(LAYER_OF)}"


def test_layers_only_point_down():
    assert layer_violations(_product_files()) == []


def test_the_layer_check_fails_when_core_imports_an_app(tmp_path):
    fake = ROOT / "core" / "_layer_probe.py"  # checked, never written: the walker reads the given paths
    source = "from anschluss.offers.models import Offer\nimport anschluss.accounts.directory\n"

    class Probe(type(fake)):  # a path whose text is the probe's source
        def read_text(self, *args, **kwargs):
            return source

    assert layer_violations([Probe(fake)]) == [
        "core/_layer_probe.py:1 (core) imports anschluss.offers.models",
        "core/_layer_probe.py:2 (core) imports anschluss.accounts.directory",
    ]


def _calls(tree: ast.AST, attribute: str):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == attribute
        ):
            yield node


def test_permissions_are_checked_only_through_allowed():
    """No `user.has_perm(...)` or `rules.has_perm(...)` outside core.permissions.allowed (rule 4)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in _product_files()
        if path != ROOT / "core" / "permissions.py"
        for call in _calls(_parse(path), "has_perm")
    ]
    assert offenders == []


def _names(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }


def test_only_the_directory_queries_memberships():
    """People are found in accounts/directory.py (rule 5): no other module touches Membership or Guardianship
    rows, except the models that define them and the admin that edits them."""
    allowed = {
        ROOT / "accounts" / "directory.py",
        ROOT / "accounts" / "models.py",
        ROOT / "accounts" / "admin.py",
        ROOT / "students" / "models" / "consent.py",
        ROOT / "students" / "admin.py",
    }
    offenders = []
    for path in _product_files():
        if path in allowed:
            continue
        tree = _parse(path)
        for node in ast.walk(tree):
            model = None
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "objects"
                and isinstance(node.value, ast.Name)
            ):
                model = node.value.id
            if model in {"Membership", "Guardianship"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} queries {model}")
            if isinstance(node, ast.Attribute) and node.attr in {"memberships", "guardianships"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} follows .{node.attr}")
    assert offenders == []


def test_one_notification_model():
    """Notifications are core.Notification (rule 6): no app defines a model of its own for them."""
    offenders = []
    for path in _product_files():
        if path == ROOT / "core" / "models" / "notification.py":
            continue
        for node in ast.walk(_parse(path)):
            if isinstance(node, ast.ClassDef) and node.name in {"Notification", "Notice", "Message"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} class {node.name}")
    assert offenders == []


def test_services_import_no_forms():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in _product_files()
        if "services" in path.parts
        for line, module in _imported_modules(_parse(path))
        if module.endswith(".forms") or ".forms." in module
    ]
    relative = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in _product_files()
        if "services" in path.parts
        for node in ast.walk(_parse(path))
        if isinstance(node, ast.ImportFrom) and node.level and (node.module or "").split(".")[0] == "forms"
    ]
    assert offenders + relative == []
