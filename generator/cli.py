"""Command line: parses arguments, runs the pipeline, prints diagnostics, sets the exit code.

Exit codes: 0 ok; 1 check failed, diagnostics with errors, or a diff at or above --fail-on;
2 usage, or a diff input that does not load.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__
from generator.config import (
    PATCHES_DIR,
    ApiConfig,
    ProjectConfig,
    default_api,
    find_project_root,
    load_config,
)
from generator.diagnostics import Diagnostic, Severity, collapse_repeats, has_errors
from generator.emit.quick_check import CACHE_DIR_NAME
from generator.targets.registry import LANGUAGE_DEFAULT, get_target, target_names

if TYPE_CHECKING:
    from generator.diff.version import Version
    from generator.emit.encoded import EncodedFiles

DIFF_FORMATS = ("text", "markdown", "json", "github")
"""`diff --format` names, as `generator.diff.formats.FORMATS` (not imported: only `diff` needs
the diff's modules)."""
DIFF_LEVELS = ("breaking", "possibly-breaking", "non-breaking")
"""`diff --fail-on` names, the values of `generator.diff.model.Level`."""


def _diagnostic_lines(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """Each distinct problem once: the same message at other places of the same file is
    counted on its line, not repeated."""
    lines = []
    for diagnostic, others in collapse_repeats(diagnostics):
        more = f" (and {others} other place{'s' if others > 1 else ''})" if others else ""
        lines.append(diagnostic.render() + more)
    return lines


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for line in _diagnostic_lines(diagnostics):
        click.echo(line, err=True)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = len(diagnostics) - errors
    if diagnostics:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


WARNINGS_SHOWN = "warnings-shown"
"""The file of the cache that holds the hash of the warnings `generate` printed last."""


def _print_generate_diagnostics(
    diagnostics: Sequence[Diagnostic], cache_dir: Path | None, *, every_time: bool
) -> None:
    """Errors always; warnings in full when they differ from those the last `generate` of this
    project printed (or `every_time`), else one line saying they are unchanged."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in diagnostics if d.severity is not Severity.ERROR]
    if errors or every_time or cache_dir is None or not warnings:
        _print_diagnostics(diagnostics)
        return
    digest = hashlib.sha256("\n".join(_diagnostic_lines(warnings)).encode()).hexdigest()
    record = cache_dir / WARNINGS_SHOWN
    try:
        shown = record.read_text(encoding="utf-8")
    except OSError:
        shown = ""
    if shown == digest:
        click.echo(
            f"{len(warnings)} warning(s), the same as the last `generate` printed: not repeated"
            " (`sdkgen generate --warnings` prints them)",
            err=True,
        )
        return
    _print_diagnostics(diagnostics)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(digest, encoding="utf-8")


def _project() -> ProjectConfig:
    root = find_project_root(Path.cwd())
    if root is None:
        raise click.UsageError(
            "no pyproject.toml with a [tool.sdkgen] section here or above; "
            "pass a SPEC and -o DIR to generate one spec"
        )
    config, problems = load_config(root)
    _print_diagnostics(problems)
    if config is None or has_errors(problems):
        sys.exit(1)
    return config


def _cache_dir(root: Path | None) -> Path | None:
    """The content-addressed cache (formatted files, validation results); never in git."""
    return root / CACHE_DIR_NAME if root is not None else None


def _patches_dir(root: Path | None) -> Path | None:
    """The project's folder of saved hand edits (`patches/<api>/...`)."""
    return root / PATCHES_DIR if root is not None else None


def _render_all(
    apis: Sequence[ApiConfig],
    cache_dir: Path | None,
    *,
    full_validation: bool = False,
    patches: Path | None = None,
) -> tuple[dict[Path, EncodedFiles], list[Diagnostic]]:
    """Render and format every API; nothing is written. Any error leaves the result empty.

    `full_validation` adds the OpenAPI schema validation to the structural checks; `patches`,
    the project's patch folder, has each API's saved hand edits merged in (a conflict is an
    error).
    """
    from generator.emit.forked import Finish
    from generator.emit.formatting import FormatJob, FormattingError
    from generator.emit.write import with_manifest
    from generator.pipeline import render_api

    black_cache = cache_dir / "black" if cache_dir else None

    def start_formatting(files: dict[str, str]) -> Finish:
        return FormatJob(files, black_cache).result

    trees: dict[Path, EncodedFiles] = {}
    diagnostics: list[Diagnostic] = []
    for api in apis:
        validation = cache_dir / "validation" if cache_dir else None
        try:
            rendered = render_api(
                api, validation, full_validation=full_validation, finish_sdk=start_formatting
            )
        except FormattingError as error:
            diagnostics.append(Diagnostic("format-failed", str(error), file=str(api.spec)))
            continue
        diagnostics.extend(rendered.diagnostics)
        if has_errors(rendered.diagnostics):
            continue
        files = rendered.files
        if patches is not None:
            files, problems = _with_patches(files, patches / api.name, api.output)
            diagnostics.extend(problems)
        trees[api.output] = with_manifest(
            files, api.spec_label, rendered.spec_sha256, rendered.protected
        )
    if has_errors(diagnostics):
        return {}, diagnostics
    return trees, diagnostics


def _with_patches(
    files: EncodedFiles, folder: Path, output: Path
) -> tuple[EncodedFiles, tuple[Diagnostic, ...]]:
    """The render with the API's saved patches merged in, or the problems that stop it."""
    from generator.emit.patches import failure_diagnostics, load_patches, replay

    patches, problems = load_patches(folder)
    if problems or not patches:
        return files, problems
    replayed = replay(files, patches)
    return replayed.files, failure_diagnostics(replayed, output)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate typed SDKs (Python, TypeScript: every registered target) and their docs from
    OpenAPI documents."""


def _lone_api(
    spec: Path, output: Path | None, package: str | None, targets: tuple[str, ...]
) -> ApiConfig:
    """The configuration of `generate SPEC -o DIR`; a usage error names what its targets refuse."""
    if output is None:
        raise click.UsageError("generate SPEC needs -o DIR")
    known = target_names()
    unknown = [name for name in targets if name not in known]
    if unknown:
        raise click.UsageError(f"unknown target {unknown[0]!r} (known: {', '.join(known)})")
    api = default_api(spec, output, package, tuple(dict.fromkeys(targets)) or LANGUAGE_DEFAULT)
    if package is not None:
        for name in api.targets:
            refused = get_target(name).check_settings(api.name, spec, api.target_settings(name))
            if refused:
                raise click.UsageError(f"--package {package!r}: {name}: {'; '.join(refused)}")
    return api


@main.command()
@click.argument("spec", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              help="Folder to generate into (required with SPEC).")  # fmt: skip
@click.option(
    "-t",
    "--target",
    "targets",
    multiple=True,
    metavar="NAME",
    help="With SPEC: a target to generate (repeatable; default: python). Each goes into"
    " DIR/<target>/; docs/ documents the first that has docs.",
)
@click.option(
    "--package",
    help="With SPEC: the SDK's package name, checked by each target's rule (a Python"
    " identifier, an npm name; default: from the spec's file name).",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Also validate against the OpenAPI schema (slower), as `validate` does.",
)
@click.option(
    "--warnings",
    "every_warning",
    is_flag=True,
    help="Print the warnings even when they are those the last generate printed.",
)
def generate(
    spec: Path | None,
    output: Path | None,
    targets: tuple[str, ...],
    package: str | None,
    validate: bool,
    every_warning: bool,
) -> None:
    """Generate SDKs: every configured API into output/, or SPEC into -o DIR.

    The output folder is replaced atomically: a failure leaves it exactly as it was. Warnings
    print once: while they stay the same, later runs print one line counting them.
    """
    started = time.perf_counter()
    if spec is not None:
        apis: Sequence[ApiConfig] = [_lone_api(spec, output, package, targets)]
        root = find_project_root(Path.cwd())
    else:
        if output is not None or package is not None or targets:
            raise click.UsageError("-o, --target and --package go with a SPEC argument")
        project = _project()
        apis, root = project.apis, project.root
    from generator.emit.write import write_tree

    cache_dir = _cache_dir(root)
    patches = _patches_dir(root) if spec is None else None
    trees, diagnostics = _render_all(apis, cache_dir, full_validation=validate, patches=patches)
    _print_generate_diagnostics(
        diagnostics, cache_dir if spec is None else None, every_time=every_warning
    )
    if not trees:
        click.echo("generation failed: nothing was written", err=True)
        sys.exit(1)
    for target, files in trees.items():
        write_tree(target, files)
        click.echo(f"wrote {len(files)} files to {target}")
    if spec is None and cache_dir is not None:
        from generator.emit.output_cache import confirms_up_to_date, record

        record(project, cache_dir, trees)
        if not load_config(project.root)[1]:
            # What a clean check would save, saved now: the next `check` answers at once.
            confirms_up_to_date(project, cache_dir, quick_record=True)
    click.echo(f"done in {time.perf_counter() - started:.2f}s")


def _stale_files(project: ProjectConfig) -> int:
    """Render everything and compare with output/: the number of files that differ (printed).
    Exits 1 when the specs do not generate."""
    from generator.emit.output_cache import confirms_up_to_date, record
    from generator.emit.write import compare_tree

    cache_dir = _cache_dir(project.root)
    if cache_dir is not None and confirms_up_to_date(project, cache_dir):
        return 0
    trees, diagnostics = _render_all(project.apis, cache_dir, patches=_patches_dir(project.root))
    _print_diagnostics([d for d in diagnostics if d.severity is Severity.ERROR])
    if not trees:
        click.echo(
            "check failed: the specs do not generate or a saved patch does not apply", err=True
        )
        sys.exit(1)
    stale = 0
    shown = 0
    for target, files in trees.items():
        for difference in compare_tree(target, files):
            stale += 1
            where = (target / difference.path).relative_to(project.root)
            click.echo(f"{difference.kind}: {where}")
            if difference.diff and shown < 10:
                click.echo(difference.diff)
                shown += 1
    if not stale and cache_dir is not None:
        record(project, cache_dir, trees)
    return stale


@main.command()
def check() -> None:
    """Exit 1 when output/ differs from what the generator renders now."""
    stale = _stale_files(_project())
    if stale:
        click.echo(
            f"output/ is stale: {stale} file(s) differ. Run `make generate` "
            "(or `python -m generator generate`) and commit the result.",
            err=True,
        )
        sys.exit(1)
    click.echo("output/ is up to date")


@main.command()
@click.option(
    "--dist",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Where artefacts go: DIST/<api>/<target>/.",
)
def release(dist: Path) -> None:
    """Build, check and test-install the SDK of every configured API (publishing is yours).

    Refuses when output/ is stale or the release ledger has no release of a current spec."""
    from generator.emit.release import ledger_version, summary
    from generator.emit.release import release as build_all
    from generator.targets.base import ReleaseError

    project = _project()
    stale = _stale_files(project)
    if stale:
        click.echo(
            f"release refused: output/ is stale ({stale} file(s) differ); run `make generate` "
            "and commit the result first",
            err=True,
        )
        sys.exit(1)
    try:
        for api in project.apis:
            ledger_version(api)
        built = build_all(project.apis, project.root / dist, click.echo)
    except ReleaseError as error:
        click.echo(f"release refused: {error}", err=True)
        sys.exit(1)
    click.echo(summary(built, project.root))


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build/docs"),
    show_default=True,
    help="Site root: each API goes into OUT/<api>/.",
)
def docs(out: Path) -> None:
    """Build the HTML docs site of every configured API (a build artefact, not committed)."""
    from generator.emit.write import replace_folder
    from generator.pipeline import prepare
    from generator.targets.site.build import render_sites

    project = _project()
    for api in project.apis:
        prepared = prepare(api)
        if not prepared.sdks:
            _print_diagnostics(prepared.diagnostics)
            click.echo(f"docs failed: {api.name} does not generate; nothing was written", err=True)
            sys.exit(1)
        if not prepared.surfaces:
            click.echo(f"{api.name}: none of its targets ({', '.join(api.targets)}) has docs")
            continue
        files = render_sites(prepared.surfaces, prepared.changelog)
        folder = out / api.name
        replace_folder(folder, files)
        click.echo(f"wrote {len(files)} files to {folder}/ (open {folder / 'index.html'})")


def _in_specs_folder(spec: Path, root: Path | None) -> bool:
    """Whether SPEC sits in a configured API's specs folder (or a folder of `specs/`), where a
    file's name is its API version (so an `info.version` that says otherwise is reported)."""
    if root is None:
        return False
    config, _problems = load_config(root)
    folders = {api.spec.parent.resolve() for api in config.apis} if config else set()
    folder = spec.resolve().parent
    return folder in folders or folder.parent == (root / "specs").resolve()


@main.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
def validate(spec: Path) -> None:
    """Report the diagnostics of SPEC, full OpenAPI schema validation included; exit 1 on errors."""
    from generator.pipeline import load_api

    root = find_project_root(Path.cwd())
    config = replace(default_api(spec, Path("."), None), versioned=_in_specs_folder(spec, root))
    cache = _cache_dir(root)
    validation = cache / "validation" if cache is not None else None
    api, _loaded, _sha, diagnostics = load_api(config, validation, full_validation=True)
    _print_diagnostics(diagnostics)
    if api is None or has_errors(diagnostics):
        sys.exit(1)
    operations = len(api.operations())
    click.echo(f"{spec}: valid; {operations} operations, {len(api.types)} named types")


@main.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--port", default=4010, show_default=True, help="Port to listen on (0: any free).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--seed", default=0, show_default=True, help="Seed of the ids of created runs.")
@click.option("--token", default=None, help="Require `Authorization: Bearer <token>`.")
def mock(spec: Path, port: int, host: str, seed: int, token: str | None) -> None:
    """Serve SPEC on a local port: valid responses (examples first), each request checked."""
    import threading

    from generator.mock.serve import listing, run, start

    try:
        server, diagnostics = start(spec, host=host, port=port, seed=seed, token=token)
    except OSError as error:
        click.echo(f"error: cannot listen on {host}:{port}: {error.strerror}", err=True)
        sys.exit(1)
    _print_diagnostics([d for d in diagnostics if has_errors((d,))])
    if server is None:
        sys.exit(1)
    for line in listing(server, spec):
        click.echo(line)
    stop = threading.Event()
    try:
        run(server, click.echo, stop)
    except KeyboardInterrupt:
        stop.set()


@main.command()
@click.argument("specs", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--base",
    metavar="REF",
    help="Take OLD from git: NEW as it was at revision REF (then give NEW only). Without NEW:"
    " every spec file changed since the branch left REF, a new version file against the one"
    " before it.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(DIFF_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(DIFF_LEVELS),
    help="Exit 1 when a change is at this level or above.",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Also validate both documents against the OpenAPI schema (slower).",
)
@click.option("--color/--no-color", default=None,
              help="Colour the text format (default: when writing to a terminal).")  # fmt: skip
def diff(
    specs: tuple[Path, ...],
    base: str | None,
    format_name: str,
    fail_on: str | None,
    validate: bool,
    color: bool | None,
) -> None:
    """What changed from OLD to NEW, what it breaks, and the SDK version bump it asks.

    Usage: `diff OLD NEW`; `diff --base REF NEW` to compare NEW with itself at REF; `diff --base
    REF` alone for every spec file (.yaml, .yml, .json) changed since the branch left REF: an
    edited one against itself there, a new version file against the version before it.
    """
    if base is None and len(specs) != 2:
        raise click.UsageError("give two specs, OLD and NEW (or --base REF [NEW])")
    if len(specs) > 1 and base is not None:
        raise click.UsageError("with --base REF give at most one spec: NEW")
    from generator.diff.inputs import load_from_git, load_version

    if color is None:
        color = sys.stdout.isatty()
    if base is not None and not specs:
        code = _diff_changed(base, format_name, fail_on, validate=validate, color=color)
        sys.exit(code)
    validation = _validation_cache()
    new_path = specs[-1]
    if base is not None:
        old, old_problems = load_from_git(
            base, new_path, full_validation=validate, cache_dir=validation
        )
    else:
        old, old_problems = load_version(specs[0], full_validation=validate, cache_dir=validation)
    new, new_problems = load_version(new_path, full_validation=validate, cache_dir=validation)
    problems = old_problems + new_problems
    sys.exit(
        _compare(old, new, problems, format_name, fail_on, color=color, every_warning=validate)
    )


def _validation_cache() -> Path | None:
    cache = _cache_dir(find_project_root(Path.cwd()))
    return cache / "validation" if cache is not None else None


def _compare(
    old: Version | None,
    new: Version | None,
    problems: tuple[Diagnostic, ...],
    format_name: str,
    fail_on: str | None,
    *,
    color: bool,
    every_warning: bool,
) -> int:
    """Print the report of OLD -> NEW; the exit code: 2 when one does not load, 1 when a change
    is at `fail_on` or above. What stops only generation prints as warnings; `every_warning`
    prints the rest too (what `--validate` found)."""
    from generator.diff.engine import diff_versions
    from generator.diff.formats import render
    from generator.diff.inputs import GENERATION_ONLY
    from generator.diff.model import Level

    if old is None or new is None:
        _print_diagnostics(problems)
        click.echo("diff failed: an input does not load", err=True)
        return 2
    _print_diagnostics([d for d in problems if every_warning or d.code in GENERATION_ONLY])
    report = diff_versions(old, new, api_name=Path(new.label).resolve().parent.name)
    click.echo(render(report, format_name, color=color), nl=False, color=color)
    return 1 if fail_on is not None and report.at_least(Level(fail_on)) else 0


def _spec_folders(root: Path) -> tuple[Path, ...]:
    """Where spec files live: each configured API's folder and every folder of `specs/`."""
    config, _problems = load_config(root) if (root / "pyproject.toml").is_file() else (None, [])
    folders = {api.spec.parent.resolve() for api in config.apis} if config else set()
    specs = root / "specs"
    if specs.is_dir():
        folders |= {p.resolve() for p in specs.iterdir() if p.is_dir()}
    return tuple(sorted(folders))


def _diff_changed(
    base: str, format_name: str, fail_on: str | None, *, validate: bool, color: bool
) -> int:
    """`diff --base REF` alone: every spec changed since the branch left REF; the worst exit
    code of their comparisons."""
    import subprocess

    from generator.diff.changed import GitError, changed_specs, merge_base
    from generator.diff.inputs import load_from_git, load_version

    try:
        root = Path(
            subprocess.run(
                ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
            ).stdout.strip()
        )
        since = merge_base(root, base)
        comparisons = changed_specs(root, since, _spec_folders(root))
    except (GitError, subprocess.CalledProcessError, OSError) as error:
        click.echo(f"diff failed: git cannot compare with {base!r}: {error}", err=True)
        return 2
    validation = _validation_cache()
    worst = 0
    for comparison in comparisons:
        name = comparison.new.relative_to(root).as_posix()
        new, new_problems = load_version(
            comparison.new, label=name, full_validation=validate, cache_dir=validation
        )
        if comparison.old_path is None:
            old, old_problems = load_from_git(
                since, comparison.new, full_validation=validate, cache_dir=validation
            )
        else:
            old_name = comparison.old_path.relative_to(root).as_posix()
            old, old_problems = load_version(
                comparison.old_path, label=old_name, full_validation=validate, cache_dir=validation
            )
        problems = old_problems + new_problems
        code = _compare(
            old, new, problems, format_name, fail_on, color=color, every_warning=validate
        )
        worst = max(worst, code)
    if not comparisons:
        click.echo(f"no spec file changed since {base}", err=True)
    return worst


@main.group("patches", invoke_without_command=True)
@click.pass_context
def patches_group(context: click.Context) -> None:
    """Hand edits of generated files, kept as patches in patches/<api>/ and replayed by every
    `generate` and `check` (a three-way merge with the render each was made on).

    Alone: list each patch and whether it still applies; exit 1 when one does not."""
    if context.invoked_subcommand is not None:
        return
    from generator.emit.patches import State, load_patches, replay

    project = _project()
    trees, diagnostics = _render_all(project.apis, _cache_dir(project.root))
    _print_diagnostics([d for d in diagnostics if d.severity is Severity.ERROR])
    if not trees:
        click.echo("patches: the specs do not generate", err=True)
        sys.exit(1)
    folder = _patches_dir(project.root)
    assert folder is not None
    failed = 0
    for api in project.apis:
        found, problems = load_patches(folder / api.name)
        _print_diagnostics(problems)
        failed += len(problems)
        for status in replay(trees[api.output], found).statuses:
            where = status.patch.patch_file.relative_to(project.root)
            detail = f": {status.detail}" if status.detail else ""
            click.echo(f"{where}: {status.state.value}{detail}")
            failed += status.state in (State.CONFLICT, State.GONE)
        if not found and not problems:
            click.echo(f"{api.name}: no patches")
        _list_guide(api)
    if failed:
        sys.exit(1)


def _list_guide(api: ApiConfig) -> None:
    """Each hand-written guide section of the API, and the README it ends."""
    from generator.pipeline import guide_sections

    sections, _problems = guide_sections(api)  # printed by the render before
    for target, found in sections.items():
        for section in found:
            click.echo(f"{section.source}: section {section.title!r} of {target}/README.md")


def _rendered_from_current_inputs(output: Path, rendered_manifest: str) -> bool:
    """Whether output/<api> was written from the spec and generator rendering now (so its
    differences from the render are hand edits, not an older render)."""
    import json

    from generator.emit.write import MANIFEST

    try:
        on_disk = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    rendered = json.loads(rendered_manifest)
    keys = ("generator", "spec")
    return isinstance(on_disk, dict) and all(on_disk.get(k) == rendered[k] for k in keys)


@patches_group.command("save")
@click.argument("api_name", metavar="[API]", required=False)
def save_command(api_name: str | None) -> None:
    """Save every difference between output/<API> and its render as patches/<API>/ (all APIs
    without API). A file back to its render loses its patch."""
    from generator.emit.patches import read_texts, save_patches
    from generator.emit.write import MANIFEST

    project = _project()
    apis = [api for api in project.apis if api_name in (None, api.name)]
    if not apis:
        known = ", ".join(api.name for api in project.apis)
        raise click.UsageError(f"unknown API {api_name!r} (known: {known})")
    trees, diagnostics = _render_all(apis, _cache_dir(project.root))
    _print_diagnostics([d for d in diagnostics if d.severity is Severity.ERROR])
    if not trees:
        click.echo("patches save failed: the specs do not generate; nothing was saved", err=True)
        sys.exit(1)
    folder = _patches_dir(project.root)
    assert folder is not None
    for api in apis:
        files = trees[api.output]
        if not _rendered_from_current_inputs(api.output, files[MANIFEST]):
            click.echo(
                f"patches save refused: {api.output} was not generated from the current spec "
                "and generator; run `make generate` first (a patch would undo the new render)",
                err=True,
            )
            sys.exit(1)
        saved = save_patches(folder / api.name, files, read_texts(api.output, files))
        click.echo(
            f"{api.name}: {saved} patch(es) in {(folder / api.name).relative_to(project.root)}"
        )
    _write_replayed(apis, project.root)


def _write_replayed(apis: Sequence[ApiConfig], root: Path) -> None:
    """Write output/ as `generate` would with the patches just saved: the files are what is on
    disk already; the manifest now records them."""
    from generator.emit.write import write_tree

    trees, diagnostics = _render_all(apis, _cache_dir(root), patches=_patches_dir(root))
    _print_diagnostics(diagnostics)
    if not trees:
        click.echo("the saved patches do not replay; output/ was left as it was", err=True)
        sys.exit(1)
    for target, files in trees.items():
        write_tree(target, files)
