"""The Java SDK of one API, from the IR: names made once here, classes laid out by `models.py`
and `methods.py`, the runtime (`runtime/*.java`) copied verbatim into the `core` package."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import jinja2

from generator.ir.model import AliasDef, Api, EnumDef, ModelDef, NamedType, Operation
from generator.ir.names import Name
from generator.load.guide import GuideSection
from generator.load.records import record
from generator.targets.docs.render import render_readme
from generator.targets.docs.views import ResourceView
from generator.targets.java import docs_surface
from generator.targets.java import methods as code
from generator.targets.java.docs_language import JavaDocsLanguage
from generator.targets.java.docs_values import JavaValues
from generator.targets.java.errors import error_classes, error_files
from generator.targets.java.models import (
    ENUM_IMPORTS,
    MODEL_IMPORTS,
    UNION_IMPORTS,
    enum_lines,
    member_names,
    model_lines,
    union_lines,
)
from generator.targets.java.naming import (
    RESERVED_CLASSES,
    Scope,
    class_name,
    constant_name,
    java_string,
    member_name,
)
from generator.targets.java.security import JavaSecurity, java_security
from generator.targets.java.types import JavaTypes, emits_class

RUNTIME_DIR = Path(__file__).parent / "runtime"
RUNTIME_PACKAGE = "package sdkgen.runtime;"
RAW_CALLS = ("get", "post", "put", "patch", "delete")
"""The client's raw-call methods (`client.post(path, body, Type.class)`): no resource accessor
or root operation takes these names."""
CLIENT_IMPORTS = (
    "com.fasterxml.jackson.core.type.TypeReference",
    "java.time.LocalDate",
    "java.time.OffsetDateTime",
    "java.util.LinkedHashMap",
    "java.util.List",
    "java.util.Map",
    "java.util.Objects",
    "java.util.Optional",
    "java.util.Set",
    "java.util.concurrent.CompletableFuture",
    "java.util.concurrent.Executor",
)


@record
class JavaOptions:
    package: str
    client: str
    group_id: str
    artifact_id: str
    token_env: str | None
    sdk_version: str
    header: str
    provenance: str = ""
    guide: tuple[GuideSection, ...] = ()
    """Hand-written sections the README ends with (`patches/<api>/guide/<target>/`)."""


@record
class ResourceCode:
    accessor: str
    """The client's accessor method (`extractRuns`)."""
    class_name: str
    """Its client class (`ExtractRunsClient`)."""
    package: str
    """Its package's last segment (`extractruns`)."""
    methods: tuple[code.MethodCode, ...]


class JavaRenderer:
    """Renders one API as a Java library: sources under `src/main/java`, a POM and a Gradle
    build declaring Jackson databind as the only dependency."""

    folder = "java"
    language = "Java"

    def __init__(self, api: Api, options: JavaOptions, env: jinja2.Environment) -> None:
        self.api = api
        self.options = options
        self.env = env
        self.package = f"{options.group_id}:{options.artifact_id}"

    @functools.cached_property
    def _resource_names(self) -> tuple[tuple[str, str, str], ...]:
        reserved = frozenset(
            {"withRawResponse", "builder", "webhooks", "getClass", "hashCode", "toString"}
            | set(RAW_CALLS)
        )
        accessors, classes, packages = Scope(reserved), Scope(RESERVED_CLASSES), Scope()
        return tuple(
            (
                accessors.claim(member_name(r.name, "resource")),
                classes.claim(class_name(r.name, "Resource")),
                packages.claim("".join(r.name.words) or "resource"),
            )
            for r in self.api.resources
        )

    @functools.cached_property
    def _request_names(self) -> dict[tuple[str, str], str]:
        """Each operation's request class (`ExtractRunsCreateRequest`), named before the types
        so that extend-java-sdk's names win a clash with a schema's."""
        scope = Scope(RESERVED_CLASSES | {self.options.client, "Async" + self.options.client})
        names = {}
        prefixed = [("", op) for op in self.api.root_operations] + [
            (prefix, op)
            for (_, prefix, _), resource in zip(
                self._resource_names, self.api.resources, strict=True
            )
            for op in resource.operations
        ]
        for prefix, op in prefixed:
            names[(op.method, op.path)] = scope.claim(f"{prefix}{class_name(op.name)}Request")
        return names

    @functools.cached_property
    def _errors(self) -> dict[int, str]:
        return error_classes(self.api)

    @functools.cached_property
    def type_names(self) -> dict[Name, str]:
        taken = RESERVED_CLASSES | frozenset(self._request_names.values())
        taken |= frozenset(self._errors.values())
        taken |= {self.options.client, "Async" + self.options.client, "Raw" + self.options.client}
        taken |= {
            f"{prefix}{c}Client"
            for _, c, _ in self._resource_names
            for prefix in ("", "Async", "Raw")
        }
        scope = Scope(frozenset(taken))
        return {t.name: scope.claim(class_name(t.name, "Type")) for t in self.api.types}

    @functools.cached_property
    def _types(self) -> JavaTypes:
        named: dict[Name, NamedType] = {t.name: t for t in self.api.types}
        return JavaTypes(named, self.type_names)

    @functools.cached_property
    def root_methods(self) -> tuple[code.MethodCode, ...]:
        """The client's own operations, renamed where a name is a raw call's."""
        names = Scope(frozenset(RAW_CALLS))
        return tuple(
            replace(m, name=names.claim(m.name)) for m in self._methods(self.api.root_operations)
        )

    @property
    def raw_calls(self) -> tuple[str, ...]:
        """The client's raw-call methods, for the templates."""
        return RAW_CALLS

    @functools.cached_property
    def resources(self) -> tuple[ResourceCode, ...]:
        return tuple(
            ResourceCode(accessor, f"{name}Client", package, self._methods(resource.operations))
            for (accessor, name, package), resource in zip(
                self._resource_names, self.api.resources, strict=True
            )
        )

    def _methods(self, operations: tuple[Operation, ...]) -> tuple[code.MethodCode, ...]:
        methods = [
            code.method_code(
                op, self._request_names[(op.method, op.path)], self._types, self.api.auth
            )
            for op in operations
        ]
        names = Scope(frozenset(m.name for m in methods) | {"withRawResponse"})
        return tuple(
            replace(m, stream_name=names.claim(m.stream_name)) if m.stream_name else m
            for m in methods
        )

    @property
    def idempotency_headers(self) -> tuple[str, ...]:
        """The headers the API's calls send an idempotency key in, as the IR decided."""
        methods = (*self.root_methods, *(m for r in self.resources for m in r.methods))
        found = {m.shape.idempotency_header for m in methods}
        return tuple(sorted(h for h in found if h is not None))

    @property
    def response_kinds(self) -> frozenset[str]:
        """What the API's calls answer (`event_stream`, `binary`, ...), counting a call a
        body field switches to events as answering events too."""
        shapes = [
            m.shape for m in (*self.root_methods, *(m for r in self.resources for m in r.methods))
        ]
        kinds = {s.response_kind for s in shapes}
        return frozenset(
            kinds | ({"event_stream"} if any(s.event_stream for s in shapes) else set())
        )

    @property
    def protected(self) -> str:
        """`src/main/java/<package>/lib/`: hand-written classes of the SDK, never generated."""
        return self._source + "/lib/"

    @property
    def _source(self) -> str:
        return "src/main/java/" + self.options.package.replace(".", "/")

    @functools.cached_property
    def security(self) -> JavaSecurity:
        """The credential and server-variable options and the client's security value."""
        return java_security(self.api, self.options.token_env)

    @functools.cached_property
    def environments(self) -> tuple[tuple[str, str], ...]:
        scope = Scope(frozenset({"url"}))
        return tuple(
            (scope.claim(constant_name(s.name.snake() or "default")), java_string(s.url))
            for s in self.api.servers
        )

    # ----- the docs' view (`SdkSurface`) ------------------------------------------------------
    readme_template = "java/README.md.j2"

    @property
    def types(self) -> dict[Name, NamedType]:
        return {t.name: t for t in self.api.types}

    @property
    def class_names(self) -> dict[Name, str]:
        return self.type_names

    @functools.cached_property
    def root_view(self) -> ResourceView:
        return docs_surface.root_view(self.root_methods)

    @functools.cached_property
    def resource_views(self) -> tuple[ResourceView, ...]:
        return docs_surface.resource_views(
            tuple((r.accessor, r.package, r.methods) for r in self.resources)
        )

    @functools.cached_property
    def docs_language(self) -> JavaDocsLanguage:
        models = [t for t in self.api.types if isinstance(t, ModelDef)]
        getters = {
            self.type_names[t.name]: {
                f.wire_name: getter
                for f, (getter, _) in zip(t.fields, member_names(t), strict=True)
            }
            for t in models
        }
        setters = {t.name: tuple(s for _, s in member_names(t)) for t in models}
        values = JavaValues(self.types, self._types, setters)
        return JavaDocsLanguage(
            self.options.package, self.options.client, values, self._errors, getters
        )

    def context(self) -> dict[str, object]:
        context = docs_surface.docs_context(self.api, self.type_names, self._types)
        return {**context, "sdk": self, "options": self.options, "header": self.options.header}

    def render(self) -> dict[str, str]:
        files = {
            "pom.xml": self._template("pom.xml.j2"),
            "build.gradle": self._template("build.gradle.j2"),
            # The README is the docs' guide: the docs render it, examples and all.
            "README.md": render_readme(self),
        }
        source = self._source
        for runtime in sorted(RUNTIME_DIR.glob("*.java")):
            text = runtime.read_text(encoding="utf-8")
            files[f"{source}/core/{runtime.name}"] = self._header() + text.replace(
                RUNTIME_PACKAGE, f"package {self.options.package}.core;", 1
            )
        files[f"{source}/core/Environment.java"] = self._template("Environment.java.j2")
        files.update(self._type_files())
        for name, text in error_files(self._errors, self.options.package).items():
            files[f"{source}/errors/{name}.java"] = self._header() + text
        files.update(self._client_files("", "", self.root_methods, None))
        for resource in self.resources:
            files.update(
                self._client_files(
                    f"resources/{resource.package}/",
                    resource.class_name[: -len("Client")],
                    resource.methods,
                    resource,
                )
            )
        return files

    def _header(self) -> str:
        return f"// {self.options.header}\n\n"

    def _template(self, template_name: str, **extra: object) -> str:
        template = self.env.get_template(f"java/{template_name}")
        return template.render(sdk=self, options=self.options, api=self.api, **extra)

    def _imports(self, package: str, imports: tuple[str, ...], extra: tuple[str, ...]) -> str:
        lines = [f"package {package};", ""]
        lines += [f"import {name}.*;" for name in extra]
        lines += [f"import {name};" for name in imports]
        return self._header() + "\n".join(lines) + "\n\n"

    def _type_files(self) -> dict[str, str]:
        files = {}
        package = f"{self.options.package}.types"
        core = (f"{self.options.package}.core",)
        for definition in self.api.types:
            if not emits_class(definition):
                continue
            name = self.type_names[definition.name]
            if isinstance(definition, ModelDef):
                imports, body = MODEL_IMPORTS, model_lines(name, definition, self._types)
            elif isinstance(definition, EnumDef):
                imports, body = ENUM_IMPORTS, enum_lines(name, definition)
            else:
                assert isinstance(definition, AliasDef)
                imports, body = UNION_IMPORTS, union_lines(name, definition, self._types)
            text = self._imports(package, imports, core) + "\n".join(body) + "\n"
            files[f"{self._source}/types/{name}.java"] = text
        return files

    @property
    def has_types(self) -> bool:
        return any(emits_class(t) for t in self.api.types)

    def _client_files(
        self,
        folder: str,
        prefix: str,
        methods: tuple[code.MethodCode, ...],
        resource: ResourceCode | None,
    ) -> dict[str, str]:
        package = self.options.package + (
            "." + folder.strip("/").replace("/", ".") if folder else ""
        )
        wildcard = [f"{self.options.package}.core"]
        if self.has_types:
            wildcard.append(f"{self.options.package}.types")
        requests = [m for m in methods if m.request_class is not None]
        files = {}
        for method in requests:
            head = self._imports(f"{package}.requests", CLIENT_IMPORTS, tuple(wildcard))
            body = "\n".join(code.request_class_lines(method)) + "\n"
            files[f"{self._source}/{folder}requests/{method.request_class}.java"] = head + body
        if requests:
            wildcard.append(f"{package}.requests")
        if resource is None:
            wildcard += [f"{self.options.package}.errors"]
            wildcard += [f"{self.options.package}.resources.{r.package}" for r in self.resources]
        head = self._imports(package, CLIENT_IMPORTS, tuple(wildcard))
        name = self.options.client if resource is None else f"{prefix}Client"
        context = {
            "name": name,
            "methods": methods,
            "resource": resource,
            "code": code,
            "resources": self.resources if resource is None else (),
        }
        for kind in ("", "Async", "Raw"):
            text = self._template(f"{kind or 'Sync'}Client.java.j2", **context)
            files[f"{self._source}/{folder}{kind}{name}.java"] = head + text
        return files

    def client_builder_lines(self) -> list[str]:
        """The builder's defaults: security, the client headers the API gives a default."""
        lines = [f"            options.security({self.security.security});"]
        for header in self.api.client_headers:
            default = header.default
            if default is not None:
                lines.append(
                    f"            options.addHeader({java_string(header.wire_name)}, "
                    f"{java_string(default)});"
                )
        return lines

    def webhook_lines(self) -> list[str]:
        """The root client's `webhooks()`: a verifier of the API's deliveries, its events read
        as their model classes."""
        webhooks = self.api.webhooks
        if webhooks is None:
            return []
        signing = webhooks.signing
        entries = []
        for event in webhooks.events:
            annotation = self._types.annotation(event.type)
            if annotation in self.type_names.values():
                entries.append(f"Map.entry({java_string(event.event_type)}, {annotation}.class)")
        events = "Map.ofEntries(" + ", ".join(entries) + ")" if entries else "Map.of()"
        if signing is None:
            arguments = 'null, null, "", 0'
        else:
            arguments = (
                f"{java_string(signing.signature_header)}, {java_string(signing.timestamp_header)},"
                f" {java_string(signing.signed_payload)}, {signing.tolerance_seconds}"
            )
        type_property = java_string(webhooks.type_property)
        return [
            "",
            "    /** Verifies, parses and signs the API's webhook deliveries. */",
            "    public static WebhookVerifier webhooks() {",
            f"        return new WebhookVerifier({arguments}, {type_property},",
            f"                {events});",
            "    }",
        ]

    def helpers(self, methods: tuple[code.MethodCode, ...], raw: str) -> list[str]:
        """The sync client's paging and polling helpers; `raw` is its raw client's class."""
        lines: list[str] = []
        for method, helpers in zip(methods, code.helpers(methods), strict=True):
            if helpers.pager is not None:
                lines += code.pager_lines(method, helpers.pager, raw)
            if helpers.poller is not None and helpers.retrieve is not None:
                lines += code.poller_lines(method, helpers.retrieve, helpers.poller)
        return lines
