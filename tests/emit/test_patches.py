"""Hand edits saved as patches and replayed, in a small project in a temporary folder: the
edits survive a spec change elsewhere in the same files, an unsaved edit still fails `check`, a
spec change that touches an edited line is a conflict that leaves output/ as it was, a patch
whose file is gone is listed as no longer applying, `lib/` is never touched, and a guide section
(`patches/<api>/guide/<target>/*.md`) ends its README, is listed and keeps `check` strict."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

SPEC = Path(__file__).parent / "patch_project" / "notes.yaml"
SDK = Path("output/notes/python/notes_sdk")
MODEL_EDIT = '''
    def preview(self) -> str:
        """The first line of the note."""
        return self.text.splitlines()[0] if self.text else ""
'''
METHOD_EDIT = '''
    def first(self) -> Note | None:
        """The first note, if any."""
        notes = self.list()
        return notes[0] if notes else None
'''


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def edit_spec(old: str, new: str) -> None:
    spec = Path("specs/notes/1.0.0.yaml")
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated project whose model and resource carry a saved hand edit each."""
    (tmp_path / "specs" / "notes").mkdir(parents=True)
    shutil.copy2(SPEC, tmp_path / "specs" / "notes" / "1.0.0.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkgen]\n\n[tool.sdkgen.apis.notes]\ntargets = ["python", "typescript"]\n'
    )
    monkeypatch.chdir(tmp_path)
    code, output = run("generate")
    assert code == 0, output
    models = SDK / "models.py"
    models.write_text(models.read_text() + MODEL_EDIT)
    resource = SDK / "resources" / "notes.py"
    text = resource.read_text()
    anchor = '        return cast("Note", response)\n'
    resource.write_text(text.replace(anchor, anchor + METHOD_EDIT, 1))
    code, output = run("patches", "save", "notes")
    assert code == 0 and "notes: 2 patch(es) in patches/notes" in output, output
    return tmp_path


def test_saved_edits_survive_a_spec_change_in_the_same_files(project: Path) -> None:
    patch = project / "patches/notes/python/notes_sdk/models.py.patch"
    assert patch.read_text().startswith("--- a/python/notes_sdk/models.py\n")
    assert (project / "patches/notes/.base/python/notes_sdk/models.py").is_file()
    assert run("check") == (0, "output/ is up to date\n")
    edit_spec("summary: List notes", "summary: List every note")
    edit_spec("description: The note's id.", "description: The identifier of the note.")
    code, output = run("generate")
    assert code == 0, output
    models = (SDK / "models.py").read_text()
    resource = (SDK / "resources" / "notes.py").read_text()
    assert "The identifier of the note." in models and "def preview(self)" in models
    assert "List every note" in resource and "def first(self)" in resource
    assert run("check") == (0, "output/ is up to date\n")
    code, output = run("patches")
    assert code == 0 and output.count(": applies") == 2, output


def test_an_unsaved_edit_fails_check(project: Path) -> None:
    client = SDK / "_client.py"
    client.write_text(client.read_text() + "# a stray edit\n")
    code, output = run("check")
    assert code == 1 and "changed: output/notes/python/notes_sdk/_client.py" in output


def test_a_conflict_names_file_and_hunk_and_leaves_output_alone(project: Path) -> None:
    before = snapshot(Path("output"))
    edit_spec("description: What the note says.", "description: The text of the note.")
    code, output = run("generate")
    assert code == 1 and snapshot(Path("output")) == before
    assert "[patch-conflict]" in output and "output/notes/python/notes_sdk/models.py" in output
    assert "hunk @@ -16,3 +16,7 @@" in output and "generation failed" in output
    code, listing = run("patches")
    assert code == 1
    assert "models.py.patch: conflicts" in listing and "notes.py.patch: applies" in listing
    assert run("check")[0] == 1


def test_a_patch_whose_file_is_gone_no_longer_applies(project: Path) -> None:
    folder = project / "patches" / "notes"
    old = "python/notes_sdk/models.py"
    for suffix, root in ((".patch", folder), ("", folder / ".base")):
        (root / f"{old}{suffix}").rename(root / f"python/notes_sdk/gone.py{suffix}")
    code, listing = run("patches")
    assert code == 1
    assert "gone.py.patch: no longer applies: the file is not rendered any more" in listing
    code, output = run("generate")
    assert code == 1 and "[patch-stale]" in output


def test_a_file_back_to_its_render_loses_its_patch(project: Path) -> None:
    models = SDK / "models.py"
    models.write_text(models.read_text().replace(MODEL_EDIT, ""))
    code, output = run("patches", "save")
    assert code == 0 and "notes: 1 patch(es)" in output
    assert not (project / "patches/notes/python/notes_sdk/models.py.patch").exists()
    assert not (project / "patches/notes/.base/python/notes_sdk/models.py").exists()


def test_save_refuses_an_output_rendered_from_another_spec(project: Path) -> None:
    edit_spec("summary: Get a note", "summary: Fetch a note")
    code, output = run("patches", "save")
    assert code == 1 and "not generated from the current spec" in output
    assert run("patches", "save", "nope")[0] == 2


def test_the_lib_folders_are_never_written_and_never_patched(project: Path) -> None:
    mine = {
        SDK / "lib" / "__init__.py": "from .extra import shout\n",
        SDK / "lib" / "extra.py": "def shout(text: str) -> str:\n    return text.upper()\n",
        Path("output/notes/typescript/src/lib/extra.ts"): "export const shout = 1;\n",
    }
    for path, text in mine.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert run("generate")[0] == 0
    assert run("patches", "save")[0] == 0
    assert run("check") == (0, "output/ is up to date\n")
    assert all(path.read_text() == text for path, text in mine.items())
    assert not list(Path("patches").rglob("*lib*"))
    manifest = json.loads(Path("output/notes/manifest.json").read_text())
    assert manifest["protected"] == ["python/notes_sdk/lib/", "typescript/src/lib/"]
    assert not [path for path in manifest["files"] if "/lib/" in path]


def test_a_guide_section_ends_the_readme_and_is_listed(project: Path) -> None:
    section = project / "patches/notes/guide/typescript/10-helpers.md"
    section.parent.mkdir(parents=True)
    section.write_text("## Helpers\n\n`notesLib.first(client)` returns the first note.\n")
    code, output = run("check")
    assert code == 1 and "changed: output/notes/typescript/README.md" in output
    code, output = run("generate")
    assert code == 0, output
    readme = (project / "output/notes/typescript/README.md").read_text()
    assert readme.endswith(
        "\n\n<!-- patches/notes/guide/typescript/10-helpers.md: hand-written; edit it there -->\n"
        "## Helpers\n\n`notesLib.first(client)` returns the first note.\n"
    )
    assert run("check") == (0, "output/ is up to date\n")
    code, listing = run("patches")
    assert code == 0, listing
    line = "patches/notes/guide/typescript/10-helpers.md: section 'Helpers' of typescript/README.md"
    assert line in listing.splitlines()
