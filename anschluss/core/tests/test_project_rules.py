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


def _data_folders():
    """Every folder of copied data: a `data/` folder of an app, or one below it that holds files."""
    for data in sorted((ROOT / "anschluss").glob("*/data")):
        for folder in [data, *sorted(p for p in data.rglob("*") if p.is_dir())]:
            if any(p.is_file() for p in folder.iterdir()):
                yield folder


def test_copied_data_carries_its_source_and_licence():
    folders = list(_data_folders())
    assert ROOT / "anschluss" / "core" / "data" / "dortmund" in folders
    problems = []
    for folder in folders:
        source = folder / "SOURCE.md"
        if not source.exists():
            problems.append(f"{folder.relative_to(ROOT)} has no SOURCE.md")
            continue
        text = source.read_text(encoding="utf-8")
        if "licen" not in text.lower():
            problems.append(f"{source.relative_to(ROOT)} names no licence")
        for path in folder.iterdir():
            is_data = path.is_file() and path.name != "SOURCE.md" and not path.name.startswith("LICENSE")
            if is_data and path.name not in text:
                problems.append(f"{path.relative_to(ROOT)} is not described in SOURCE.md")
        # A licence that requires its text to travel with the data (BSD) has it in the folder.
        if "BSD" in text and not list(folder.glob("LICENSE*")):
            problems.append(f"{folder.relative_to(ROOT)} names a BSD licence but lacks its LICENSE file")
    assert not problems, "\n".join(problems)
