"""Load an OpenAPI document: parse YAML/JSON, bundle the files its refs name, check its refs and
structure (full schema validation on request), convert Swagger 2.0 to OpenAPI 3; report
diagnostics located in the source files.

Of the load stage, only this module reads files: the root file and each file a ref names (the
bundler, which resolves their paths, asks for them through `read`). It also keeps validation
results in the cache folder it is given. (The child `earlyparse` starts reads the spec too,
ahead of time; its value is taken only for the bytes read here.)
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import (
    Diagnostic,
    Severity,
    join_pointer,
    resolve_pointer,
    split_pointer,
)
from generator.load.bundle import Bundle, bundle, iter_schema_refs
from generator.load.document import DocumentModel, build_model
from generator.load.earlyparse import claim, parse_claimed
from generator.load.guards import MAX_DEPTH, TreeFacts, survey, survey_of
from generator.load.lines import UNKNOWN, YamlLines
from generator.load.origins import SourceMap, locate_through
from generator.load.records import record
from generator.load.refs import Resolver, fragment_pointer, ref_of
from generator.load.schema_ids import mentions_ids, rebase_refs
from generator.load.strictparse import (
    DuplicateKey,
    NonFinite,
    deep_line,
    find_duplicates,
    find_lone_surrogates,
    find_non_finite,
    first_content_line,
    json_pairs,
)
from generator.load.structure import ERROR_CODES, check_structure
from generator.load.swagger2 import convert_swagger2, is_swagger2
from generator.load.yamlload import YamlLoader, load_yaml_surveyed
from generator.load.yamlsplit import parse_in_halves

_YamlLoader = YamlLoader
_load_yaml = load_yaml_surveyed
"""The YAML reader and loader class (of `yamlload`) this module parses and composes with."""

MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
SUPPORTED_VERSIONS = ("3.0", "3.1")
SWAGGER_VERSIONS = ("2.0",)


@record
class SourceDocument:
    """One parsed input file. `line_of` maps a JSON pointer to a line, computed only on demand."""

    path: Path
    text: str
    data: Any
    sha256: str
    facts: TreeFacts | None = None
    """What the parser counted of `data` as it built it (its size, depth, refs to other files),
    when it knows: `guards.survey` then need not walk it again."""
    _lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _scanned: list[YamlLines] = field(default_factory=list, compare=False, repr=False)

    def line_of(self, pointer: str) -> int | None:
        """The line of the node `pointer` names, or of its nearest ancestor in the document.

        Block-style YAML is scanned as text (fast); anything else is composed into YAML nodes
        once, on the first look-up the scan cannot answer.
        """
        if not self._scanned:
            self._scanned.append(YamlLines(self.text))
        tokens = split_pointer(pointer)
        found = self._scanned[0].find_line(self.data, tokens)
        if found != UNKNOWN:
            return found
        if not self._lines:
            self._lines.update(_line_index(self.text))
        while tokens:
            line = self._lines.get(join_pointer("", *tokens))
            if line is not None:
                return line
            tokens.pop()
        return self._lines.get("")


@record
class LoadResult:
    document: dict[str, Any] | None
    """The document as OpenAPI 3: other files bundled in, Swagger 2.0 converted."""
    source: SourceDocument | None
    """The root file."""
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[SourceDocument, ...] = ()
    """Every other file the document's refs reached."""
    source_maps: tuple[SourceMap, ...] = ()
    """How pointers of `document` map back to the files, one map per loading step."""
    _model: list[DocumentModel] = field(default_factory=list, compare=False, repr=False)

    @property
    def model(self) -> DocumentModel | None:
        """The document model of `document`, built on first use and kept."""
        if self.document is None:
            return None
        if not self._model:
            self._model.append(build_model(self.document))
        return self._model[0]

    @property
    def sha256(self) -> str:
        """The hash of every file the document was loaded from (the root's alone if one)."""
        return _digest(self.source, self.files) if self.source is not None else ""

    @property
    def ok(self) -> bool:
        return self.document is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )

    def locate(self, diagnostic: Diagnostic) -> Diagnostic:
        """The diagnostic with the file, line and pointer of the source its pointer names."""
        if (
            self.source is None
            or diagnostic.line is not None
            or diagnostic.file
            not in (
                None,
                str(self.source.path),
            )
        ):
            return diagnostic
        label, pointer = locate_through(self.source_maps, diagnostic.pointer)
        source = self.source
        if label is not None:
            source = next((f for f in self.files if f.path.as_posix() == label), source)
        line = source.line_of(pointer) if pointer or label is not None else None
        return replace(diagnostic, file=str(source.path), line=line, pointer=pointer)


def _digest(root: SourceDocument, others: tuple[SourceDocument, ...]) -> str:
    if not others:
        return root.sha256
    combined = root.sha256 + "".join(sorted(f.sha256 for f in others))
    return hashlib.sha256(combined.encode()).hexdigest()


def _line_index(text: str) -> dict[str, int]:
    """JSON pointer -> 1-based line of every node, from the YAML node graph (JSON is YAML):
    a mapping entry's line is its key's, a sequence item's its own."""
    index: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=_YamlLoader)
    except yaml.YAMLError:
        return index
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, pointer = stack.pop()
        index.setdefault(pointer, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = join_pointer(pointer, str(key.value))
                index[child] = key.start_mark.line + 1
                stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            for position, value in enumerate(node.value):
                stack.append((value, join_pointer(pointer, position)))
    return index


def parse_text(path: Path, raw: bytes) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Decode and parse one file; JSON with the json module, everything else as YAML.

    Document-level problems name line 1 at least (`file:1#`), the line they show at where
    known. A key written twice in one mapping, and NaN or Infinity in JSON, are errors: the
    parsers would silently keep the last key or read a number JSON does not have."""
    where = str(path)
    if len(raw) > MAX_DOCUMENT_BYTES:
        message = f"document is {len(raw)} bytes; the limit is {MAX_DOCUMENT_BYTES}"
        return None, [Diagnostic("document-too-large", message, file=where, line=1)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not valid UTF-8 at byte {error.start}"
        bad_line = raw[: error.start].count(b"\n") + 1
        return None, [Diagnostic("invalid-encoding", message, file=where, line=bad_line)]
    sha = hashlib.sha256(raw).hexdigest()
    stripped = text.lstrip()
    too_deep = "document nests too deeply to parse"
    non_finite: list[bool] = []
    facts: TreeFacts | None = None

    def constant(token: str) -> NonFinite:
        non_finite.append(True)
        return NonFinite(token)

    try:
        if path.suffix.lower() == ".json" or stripped.startswith("{"):
            try:
                data = json.loads(text, object_pairs_hook=json_pairs, parse_constant=constant)
            except json.JSONDecodeError as error:
                message = f"invalid JSON: {error.msg}"
                return None, [Diagnostic("invalid-json", message, file=where, line=error.lineno)]
        else:
            try:
                data, facts = _parse_big(path, text, sha) or _load_yaml(text)
            except yaml.MarkedYAMLError as error:
                mark = error.problem_mark or error.context_mark
                line = mark.line + 1 if mark is not None else 1
                message = f"invalid YAML: {error.problem or error}"
                return None, [Diagnostic("invalid-yaml", message, file=where, line=line)]
            except yaml.YAMLError as error:
                message = f"invalid YAML: {error}"
                return None, [Diagnostic("invalid-yaml", message, file=where, line=1)]
    except RecursionError:
        line = deep_line(text, MAX_DEPTH)
        return None, [Diagnostic("nesting-too-deep", too_deep, file=where, line=line)]
    except DuplicateKey:
        return None, _duplicate_keys(text, where)
    source = SourceDocument(path=path, text=text, data=data, sha256=sha, facts=facts)
    surrogates = find_lone_surrogates(text, data) if isinstance(data, dict | list) else []
    if surrogates:
        message = (
            "the string holds a lone UTF-16 surrogate (an escape like \\ud800 without its"
            " pair): no UTF-8 file can hold it"
        )
        return None, [
            Diagnostic("invalid-json", message, pointer, where, line)
            for pointer, line in surrogates
        ]
    if non_finite:
        return None, [
            Diagnostic(
                "invalid-json",
                f"{token} is not a JSON number (JSON has no NaN or infinities); write a number"
                " or a string",
                pointer,
                where,
                source.line_of(pointer),
            )
            for pointer, token in find_non_finite(data)
        ]
    return source, []


def _parse_big(path: Path, text: str, sha256: str) -> tuple[Any, TreeFacts | None] | None:
    """The value (and facts) of a big YAML text parsed in two parts at once (with the child
    the command started early for this file, if any); None when it must be parsed whole."""
    claimed = claim(path)
    if claimed is not None:
        data = parse_claimed(claimed, text, sha256, _load_yaml)
        if data is not None:
            return data
    return parse_in_halves(text, _load_yaml)


def _duplicate_keys(text: str, where: str) -> list[Diagnostic]:
    """One error per key written twice in one mapping, naming both lines."""
    found = [
        Diagnostic(
            "duplicate-key",
            f"key {duplicate.key!r} is written twice in one mapping (lines {duplicate.first_line}"
            f" and {duplicate.line}); a parser keeps only the last: remove or rename one",
            duplicate.pointer,
            where,
            duplicate.line,
        )
        for duplicate in find_duplicates(text, _YamlLoader)
    ]
    if found:
        return found
    message = "a key is written twice in one mapping (two keys that read as the same value)"
    return [Diagnostic("duplicate-key", message, file=where, line=1)]


def check_refs(
    document: dict[str, Any], every_ref: frozenset[str] | None = None
) -> list[tuple[str, str, str]]:
    """(code, pointer, message) for every local `$ref` that does not resolve in the document.

    Refs inside example and default values are data, and are not checked. Refs to other
    files were bundled before this runs; the bundler reports those it could not follow.
    `every_ref`, when known, holds every `$ref` string of the document (data included): when
    none of them is wrong, nothing is, and the document is not walked.
    """
    problems: list[tuple[str, str, str]] = []
    judged: dict[str, tuple[str, str] | None] = {}
    """Each distinct ref's problem: a document names the same schema in many places."""
    if every_ref is not None:
        judged = {ref: _ref_problem(document, ref) for ref in every_ref}
        if not any(judged.values()):
            return problems
    for ref, where in iter_schema_refs(document):
        if ref not in judged:
            judged[ref] = _ref_problem(document, ref)
        problem = judged[ref]
        if problem is not None:
            problems.append((problem[0], where, problem[1]))
    return problems


def _ref_problem(document: dict[str, Any], ref: str) -> tuple[str, str] | None:
    """(code, message) of what is wrong with the local `ref`, or None."""
    if ref.startswith("#") and ref[1:2] not in ("", "/"):
        message = (
            f"$ref {ref!r} names an anchor; no schema declares `$anchor: {ref[1:]}`"
            " (a JSON pointer starts with '#/')"
        )
        return "dangling-ref", message
    if not ref.startswith("#"):
        return None  # a ref to another file the bundler left: it said why
    found, target = resolve_pointer(document, fragment_pointer(ref))
    if not found:
        return "dangling-ref", f"$ref {ref!r} points at nothing"
    # a chain of bare refs starts with a ref to another ref: most refs name a definition
    if ref_of(target) is not None and _ref_cycle(document, ref):
        return "ref-cycle", f"$ref {ref!r} leads only to other $refs and back: nothing is defined"
    return None


def _ref_cycle(document: Any, ref: str) -> bool:
    """Whether a chain of bare local `$ref`s starting at `ref` never ends at a definition
    (it comes back to itself, or is longer than the resolver follows)."""
    problem = Resolver(document).resolve({"$ref": ref}, "").problem
    return problem is not None and problem.code == "unresolvable-ref" and problem.ref[:1] == "#"


_OPERATION_IN_MESSAGE = re.compile(r"for '(\w+)'(?: operation)? in '(/[^']*)'")


def _operation_pointer(message: str) -> str:
    """The operation a validator message names in words ("for 'get' in '/a'"), as a pointer."""
    match = _OPERATION_IN_MESSAGE.search(message)
    return join_pointer("", "paths", match.group(2), match.group(1)) if match else ""


def _validate(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Full validation with openapi-spec-validator, as (code, pointer, message)."""
    from openapi_spec_validator import (
        OpenAPIV2SpecValidator,
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    version = str(document.get("openapi", ""))
    validator_class: Any = OpenAPIV31SpecValidator
    if version.startswith("3.0"):
        validator_class = OpenAPIV30SpecValidator
    elif is_swagger2(document):
        validator_class = OpenAPIV2SpecValidator
    problems: list[tuple[str, str, str]] = []
    try:
        for error in validator_class(document).iter_errors():
            path = list(getattr(error, "absolute_path", []) or getattr(error, "path", []))
            message = str(getattr(error, "message", error)).splitlines()[0]
            pointer = join_pointer("", *path) if path else _operation_pointer(message)
            problems.append(("invalid-openapi", pointer, message[:400]))
    except Exception as error:  # the validator raises on inputs it cannot walk
        if not problems:  # otherwise the crash is a consequence of what was already reported
            problems.append(("invalid-openapi", "", f"validator stopped: {error!r}"[:400]))
    return problems


def _cached_validation(
    document: dict[str, Any], sha256: str, cache_dir: Path | None
) -> list[tuple[str, str, str]]:
    """Validation is the slowest step of loading; its result is cached by document hash."""
    if cache_dir is None:
        return _validate(document)
    from importlib.metadata import version

    # Keyed by the validator's version, this module's own code and the document.
    own_code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    seed = f"{version('openapi-spec-validator')}\n{own_code}\n{sha256}"
    key = hashlib.sha256(seed.encode()).hexdigest()
    cached = cache_dir / f"{key}.json"
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
        return [(str(code), str(pointer), str(message)) for code, pointer, message in stored]
    except (OSError, ValueError):
        pass
    problems = _validate(document)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".tmp")
        temporary.write_text(json.dumps(problems), encoding="utf-8")
        temporary.replace(cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return problems


def _not_yet_reported(
    validated: list[tuple[str, str, str]], reported: set[str], document: dict[str, Any]
) -> list[tuple[str, str, str]]:
    """The validator's findings at places nothing was reported about yet.

    The validator often names the object that holds a problem where the structural checks name
    the value itself (`/paths/~1a/get` for a path parameter declared at `.../parameters/0`), so a
    finding at a reported pointer or at one of its ancestors (the document root aside) is taken
    as the same problem. Inside schemas it loses track and gives a pointer relative to some
    schema (`/type`), one that does not resolve: that is the same problem when a reported
    pointer or one of its ancestors ends with it.
    """
    ancestors: set[str] = set()
    suffixes: set[str] = set()
    for pointer in reported:
        cuts = [position for position, character in enumerate(pointer) if character == "/"]
        for end in [*cuts[1:], len(pointer)]:
            ancestors.add(pointer[:end])
            suffixes.update(pointer[start:end] for start in cuts if start < end)
    ancestors -= {""}
    return [
        finding
        for finding in validated
        if finding[1] not in reported
        and finding[1] not in ancestors
        and not (finding[1] in suffixes and not resolve_pointer(document, finding[1])[0])
    ]


def _read_file(path: Path) -> tuple[SourceDocument | None, list[Diagnostic]]:
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Diagnostic("unreadable", reason, file=where)]
    return parse_text(path, raw)


def _version_problem(data: dict[str, Any], source: SourceDocument) -> Diagnostic | None:
    if "swagger" in data and "openapi" not in data:
        version = str(data.get("swagger", ""))
        if version in SWAGGER_VERSIONS:
            return None
        pointer = "/swagger"
    else:
        version = str(data.get("openapi", ""))
        if version.startswith(SUPPORTED_VERSIONS):
            return None
        pointer = "/openapi" if "openapi" in data else ""
    message = f"unsupported OpenAPI version {version!r}; supported: 3.0.x, 3.1.x and Swagger 2.0"
    return Diagnostic(
        "unsupported-version", message, pointer, str(source.path), source.line_of(pointer)
    )


def _shape_problems(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What no generator can work around: the parts every operation hangs from."""
    problems: list[tuple[str, str, str]] = []
    for key in ("paths", "components", "definitions", "webhooks"):
        if key in data and not isinstance(data[key], dict | None):
            problems.append(("invalid-structure", f"/{key}", f"`{key}` must be a mapping"))
    return problems


def load_document(
    path: Path, *, full_validation: bool = False, cache_dir: Path | None = None
) -> LoadResult:
    """Read, parse, bundle, check and (for Swagger 2.0) convert one OpenAPI document.

    The structural checks of `generator.load.structure` always run; `full_validation` adds
    openapi-spec-validator (seconds on large documents), whose results `cache_dir`, when given,
    holds keyed by the sha256 of the files read. Both mostly give warnings: real documents break
    the letter of the specification in ways the generator tolerates (see README). What stops
    generation is an error: a file that does not parse (a key written twice, NaN in JSON), an
    unsupported version, a broken shape, a ref that points at nothing or is refused, an allOf
    cycle, and the structural findings no SDK can work around (`structure.ERROR_CODES`).
    """
    root = _read_root(path)
    if isinstance(root, LoadResult):
        return root
    source, external_refs = root
    bundled, others, found = _bundle(path, source, external_refs)
    document = bundled.document
    shape = _shape_problems(document)
    # the refs the parser met, when the document is the tree it built
    every_ref = source.facts.refs if source.facts is not None and document is source.data else None
    local = shape or check_refs(document, every_ref)
    found += [Diagnostic(code, message, pointer) for code, pointer, message in local]
    # Where a ref could not be followed the bundler left an empty object and said why: what
    # that object lacks is not news.
    refused = {p.pointer for p in bundled.problems if p.file is None}
    checked = [] if shape else [f for f in check_structure(document) if f[1] not in refused]
    if full_validation and not local and not any(f[0] in ERROR_CODES for f in checked):
        digest = _digest(source, tuple(others.values()))
        validated = _cached_validation(document, digest, cache_dir)
        checked += _not_yet_reported(validated, refused | {f[1] for f in checked}, document)
    found += [
        Diagnostic(code, message, pointer, severity=_severity(code))
        for code, pointer, message in checked
    ]
    maps: tuple[SourceMap, ...] = (bundled.source_map,)
    if is_swagger2(document) and not shape:
        document, converted = convert_swagger2(document)
        maps = (bundled.source_map, converted)
    partial = LoadResult(document, source, (), tuple(others.values()), maps[:1])
    diagnostics = tuple(
        partial.locate(d) if d.file is None else _with_line(d, others, source) for d in found
    )
    return LoadResult(document, source, diagnostics, tuple(others.values()), maps)


def _read_root(path: Path) -> tuple[SourceDocument, bool | None] | LoadResult:
    """The root file parsed and whether it refers to other files (None: not known yet), or
    the result of a load that stops there: the file does not parse, is not a mapping,
    breaches a guard or has an unsupported version."""
    source, problems = _read_file(path)
    if source is None:
        return LoadResult(None, None, tuple(problems))
    where = str(path)
    data = source.data
    if not isinstance(data, dict):
        message = "an OpenAPI document must be a mapping at the top level"
        first = first_content_line(source.text)
        diagnostic = Diagnostic("not-a-mapping", message, file=where, line=first)
        return LoadResult(None, source, (diagnostic,))
    surveyed = (survey_of(source.facts) if source.facts is not None else None) or survey(data)
    breach = surveyed.breach
    if breach is not None:
        line = source.line_of(breach.pointer) if breach.code != "alias-bomb" else None
        diagnostic = Diagnostic(breach.code, breach.message, breach.pointer, where, line)
        return LoadResult(None, source, (diagnostic,))
    version_problem = _version_problem(data, source)
    if version_problem is not None:
        return LoadResult(None, source, (version_problem,))
    return source, surveyed.external_refs


def _bundle(
    path: Path, source: SourceDocument, external_refs: bool | None
) -> tuple[Bundle, dict[str, SourceDocument], list[Diagnostic]]:
    """The root document with the files its refs name bundled in (3.1 refs first rebased
    against their schemas' `$id`s), every other file read by posix path, and what went wrong.
    `external_refs` says whether the root file refers to other files, when known."""
    others: dict[str, SourceDocument] = {}
    data = source.data
    with_ids = str(data.get("openapi", "")).startswith("3.1")
    rebased: list[Diagnostic] = []
    if with_ids and mentions_ids(source.text):
        data, problems_here = rebase_refs(data, path.resolve().as_uri(), is_document=True)
        external_refs = None  # rebased refs are looked at again
        rebased += [Diagnostic(code, message, pointer) for code, pointer, message in problems_here]

    def read(other: Path) -> tuple[Any, str | None]:
        parsed, found = _read_file(other)
        if parsed is None:
            return None, "; ".join(d.message for d in found) or "unreadable"
        others[other.as_posix()] = parsed
        if with_ids and mentions_ids(parsed.text):
            whole = isinstance(parsed.data, dict) and "openapi" in parsed.data
            rebased_data, problems_there = rebase_refs(
                parsed.data, other.resolve().as_uri(), is_document=whole
            )
            rebased.extend(
                Diagnostic(code, message, pointer, str(other))
                for code, pointer, message in problems_there
            )
            return rebased_data, None
        return parsed.data, None

    bundled = bundle(path, data, read, external_refs=external_refs)
    where = str(path)
    found = rebased + [
        Diagnostic(p.code, p.message, p.pointer, p.file or where, None, p.severity)
        for p in bundled.problems
    ]
    return bundled, others, found


def _severity(code: str) -> Severity:
    """Structural findings warn, but for what no SDK can work around."""
    return Severity.ERROR if code in ERROR_CODES else Severity.WARNING


def _with_line(
    diagnostic: Diagnostic, others: dict[str, SourceDocument], root: SourceDocument
) -> Diagnostic:
    source = others.get(Path(diagnostic.file or "").as_posix(), root)
    return replace(diagnostic, line=source.line_of(diagnostic.pointer))
