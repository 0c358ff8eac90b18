"""Rules about the project itself, checked on its files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE_DIRS = ["anschluss", "bench", ".ci"]


def _project_files():
    for folder in SOURCE_DIRS:
        base = ROOT / folder
        if base.exists():
            yield from (p for p in base.rglob("*") if p.is_file() and p.suffix in {".py", ".html", ".sh", ""})
    yield ROOT / "Makefile"
    yield ROOT / "manage.py"


def test_nothing_reads_the_shared_folder_at_run_time():
    offenders = []
    for path in _project_files():
        if path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        if "../shared" in text or "shared/data" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"files that point at ../shared: {offenders}"


def test_copied_data_carries_its_source_and_licence():
    data = ROOT / "anschluss" / "core" / "data" / "dortmund"
    assert (data / "SOURCE.md").exists()
    assert (data / "LICENSE_SVWS-Server_BSD-3-Clause.txt").exists()
    source = (data / "SOURCE.md").read_text(encoding="utf-8")
    for name in (p.name for p in data.glob("*.csv")):
        assert name in source, f"{name} is not described in SOURCE.md"
