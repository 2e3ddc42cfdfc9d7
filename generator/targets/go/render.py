"""The Go SDK of one API, from the IR: names made once here, code laid out by `methods.py`, the
runtime (`runtime/*.go`) copied verbatim into `core/`. Files come out gofmt-clean."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from generator.ir.model import (
    AliasDef,
    Api,
    Discriminator,
    EnumDef,
    ModelDef,
    NamedType,
    Operation,
    Webhooks,
)
from generator.ir.names import Name
from generator.load.guide import GuideSection
from generator.targets.docs.render import render_readme
from generator.targets.docs.views import ResourceView
from generator.targets.go import docs_surface
from generator.targets.go import methods as code
from generator.targets.go.docs_language import GoDocsLanguage
from generator.targets.go.docs_values import GoValues
from generator.targets.go.imports import import_block, names_package
from generator.targets.go.naming import (
    Scope,
    aligned,
    exported,
    go_comment,
    go_string,
    method_name,
    package_name,
    struct_tag,
    top_comment,
)
from generator.targets.go.security import GoSecurity, go_security
from generator.targets.go.types import (
    GoTypes,
    emits_alias,
    scalar_type,
    struct_field_names,
    tagged_union,
)

RUNTIME_DIR = Path(__file__).parent / "runtime"
ROOT_HELPERS = frozenset({"String", "Int", "Float64", "Bool", "Environments", "Version"})
RAW_CALLS = ("Get", "Post", "Put", "Patch", "Delete")
"""The client's raw-call methods (`client.Post(ctx, path, body, &out)`): no resource field or
root operation takes these names."""


@dataclass(frozen=True, slots=True)
class GoOptions:
    module: str
    package: str
    token_env: str | None
    sdk_version: str
    header: str
    provenance: str = ""
    guide: tuple[GuideSection, ...] = ()
    """Hand-written sections the README ends with (`patches/<api>/guide/<target>/`)."""


class GoRenderer:
    """Renders one API as a Go module: root package (types, requests), client, option, core,
    one package per resource."""

    folder = "go"
    language = "Go"
    protected = "lib/"
    """Hand-written packages of the module (`<module>/lib/...`), never generated."""

    def __init__(self, api: Api, options: GoOptions, env: jinja2.Environment) -> None:
        self.api = api
        self.options = options
        self.env = env
        self.package = options.module

    @functools.cached_property
    def _attributes(self) -> tuple[tuple[str, str], ...]:
        """Each resource's client field and package."""
        reserved = {"client", "option", "core", self.options.package}
        if self.api.webhooks is not None:
            reserved.add("webhook")
        packages = Scope(frozenset(reserved))
        attributes = Scope(frozenset({"WithRawResponse", *RAW_CALLS}))
        return tuple(
            (attributes.claim(exported(r.name, "Resource")), packages.claim(package_name(r.name)))
            for r in self.api.resources
        )

    @functools.cached_property
    def _request_names(self) -> dict[tuple[str, str], str]:
        """Each operation's request struct (`FilesListRequest`), named before the types so
        that extend-go-sdk's names win a clash with a schema's."""
        scope = Scope(ROOT_HELPERS)
        names = {}
        prefixed = [("", op) for op in self.api.root_operations] + [
            (attribute, op)
            for (attribute, _), resource in zip(self._attributes, self.api.resources, strict=True)
            for op in resource.operations
        ]
        for prefix, op in prefixed:
            names[(op.method, op.path)] = scope.claim(f"{prefix}{method_name(op.name)}Request")
        return names

    @functools.cached_property
    def type_names(self) -> dict[Name, str]:
        requests = frozenset(self._request_names.values())
        scope = Scope(ROOT_HELPERS | requests)
        names = {}
        for definition in self.api.types:
            name = exported(definition.name, "Type")
            names[definition.name] = scope.claim(name + "Body" if name in requests else name)
        return names

    @functools.cached_property
    def _named(self) -> dict[Name, NamedType]:
        return {t.name: t for t in self.api.types}

    def _types(self, qualifier: str) -> GoTypes:
        return GoTypes(self._named, self.type_names, qualifier)

    @functools.cached_property
    def root_methods(self) -> tuple[code.MethodCode, ...]:
        """The client's own operations, renamed where a name is a raw call's."""
        names = Scope(frozenset(RAW_CALLS))
        return tuple(
            replace(m, name=names.claim(m.name)) for m in self._methods(self.api.root_operations)
        )

    @functools.cached_property
    def resources(self) -> tuple[code.ResourceCode, ...]:
        return tuple(
            code.ResourceCode(attribute, package, self._methods(resource.operations))
            for (attribute, package), resource in zip(
                self._attributes, self.api.resources, strict=True
            )
        )

    def _methods(self, operations: tuple[Operation, ...]) -> tuple[code.MethodCode, ...]:
        local = self._types(self.options.package + ".")
        root = self._types("")
        return tuple(
            code.method_code(
                op, self._request_names[(op.method, op.path)], local, root, self.api.auth
            )
            for op in operations
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

    @functools.cached_property
    def security(self) -> GoSecurity:
        """The credential and server-variable options and the client's security values."""
        return go_security(self.api, self.options.token_env)

    @functools.cached_property
    def _environments(self) -> tuple[tuple[str, str], ...]:
        scope = Scope()
        return tuple(
            (scope.claim(exported(s.name, "Default")), go_string(s.url)) for s in self.api.servers
        )

    @property
    def environment_fields(self) -> list[str]:
        return aligned([(name, "string") for name, _ in self._environments])

    @property
    def environment_values(self) -> list[str]:
        return aligned([(f"{name}:", f"{url},") for name, url in self._environments])

    # ----- the docs' view (`SdkSurface`) ------------------------------------------------------
    readme_template = "go/README.md.j2"

    @property
    def types(self) -> dict[Name, NamedType]:
        return self._named

    @property
    def class_names(self) -> dict[Name, str]:
        return self.type_names

    @functools.cached_property
    def root_view(self) -> ResourceView:
        return docs_surface.root_view(self.root_methods, self.options.package)

    @functools.cached_property
    def resource_views(self) -> tuple[ResourceView, ...]:
        return docs_surface.resource_views(self.resources, self.options.package)

    @functools.cached_property
    def docs_language(self) -> GoDocsLanguage:
        package = self.options.package
        fields = {
            self.type_names[t.name]: dict(
                zip((f.wire_name for f in t.fields), struct_field_names(t), strict=True)
            )
            for t in self.api.types
            if isinstance(t, ModelDef)
        }
        values = GoValues(
            self._named, self._types(package + "."), package,
            {t.name: struct_field_names(t) for t in self.api.types if isinstance(t, ModelDef)},
        )  # fmt: skip
        return GoDocsLanguage(self.options.module, package, values, fields)

    def context(self) -> dict[str, object]:
        context = docs_surface.docs_context(
            self.api, self.type_names, self._types(self.options.package + ".")
        )
        return {**context, "sdk": self, "options": self.options, "header": self.options.header}

    def render(self) -> dict[str, str]:
        header = f"// {self.options.header}\n\n"
        files = {
            "go.mod": f"module {self.options.module}\n\ngo 1.19\n",
            f"{self.options.package}.go": self._template("root.go.j2"),
            "types.go": header + self._types_file(),
            "requests.go": header + self._requests_file(),
            "option/option.go": self._template("option.go.j2"),
            "client/client.go": self._client_file(),
            # The README is the docs' guide: the docs render it, examples and all.
            "README.md": render_readme(self),
        }
        for source in sorted(RUNTIME_DIR.glob("*.go")):
            files[f"core/{source.name}"] = header + source.read_text(encoding="utf-8")
        for resource in self.resources:
            files[f"{resource.package}/client.go"] = self._resource_file(resource)
        if self.api.webhooks is not None:
            files["webhook/webhook.go"] = self._webhook_file(self.api.webhooks)
        return files

    def _template(self, name: str, **extra: object) -> str:
        template = self.env.get_template(f"go/{name}")
        return template.render(
            sdk=self, options=self.options, api=self.api, go_string=go_string, **extra
        )

    def _types_file(self) -> str:
        types = self._types("")
        lines = [f"package {self.options.package}", ""]
        for definition in self.api.types:
            name = self.type_names[definition.name]
            if isinstance(definition, AliasDef) and not emits_alias(definition):
                continue
            lines += top_comment(definition.description)
            discriminator = tagged_union(definition) if isinstance(definition, AliasDef) else None
            if discriminator is not None:
                lines += _union(name, discriminator, types)
            elif isinstance(definition, ModelDef):
                lines += _struct(name, definition, types)
            elif isinstance(definition, EnumDef):
                lines += _enum(name, definition)
            elif isinstance(definition, AliasDef):
                lines.append(f"type {name} {types.alias_underlying(definition)}")
            lines.append("")
        if any(line.startswith("func (u *") for line in lines):
            imports = ["import (", '\t"encoding/json"', "", f'\t"{self.options.module}/core"', ")"]
            lines[1:1] = ["", *imports]
        return "\n".join(lines)

    def _requests_file(self) -> str:
        body: list[str] = []
        for method in (*self.root_methods, *(m for r in self.resources for m in r.methods)):
            if method.request_struct is not None:
                body += [*code.request_struct_lines(method), ""]
        text = "\n".join(body)
        imports = '\nimport "io"\n' if names_package(text, "io") else ""
        head = f"package {self.options.package}\n{imports}"
        return head + "\n" + text if text else head

    def _operations_code(self, receiver: str, methods: tuple[code.MethodCode, ...]) -> list[str]:
        root = self.options.package + "."
        lines: list[str] = []
        for method, helpers in zip(methods, code.helpers(methods), strict=True):
            lines += ["", *code.method_lines(method, receiver, root)]
            if helpers.pager is not None:
                lines += ["", *code.pager_lines(method, receiver, root, helpers.pager)]
            if helpers.stream is not None:
                lines += ["", *code.stream_lines(method, receiver, root, helpers.stream)]
            if helpers.poller is not None and helpers.retrieve is not None:
                lines += [
                    "",
                    *code.poller_lines(method, helpers.retrieve, receiver, root, helpers.poller),
                ]
            lines += ["", *code.builder_lines(method, root)]
        return lines

    def _resource_file(self, resource: code.ResourceCode) -> str:
        body = self._operations_code("Client", resource.methods)
        context = {"resource": resource, "code": _joined(body)}
        return self._with_imports(self._template("resource.go.j2", **context))

    def _client_file(self) -> str:
        fields = [(r.attribute, f"*{r.package}.Client") for r in self.resources]
        body = self._operations_code("Client", self.root_methods)
        context = {"fields": aligned(fields) if fields else [], "code": _joined(body),
                   "headers": self._client_headers()}  # fmt: skip
        return self._with_imports(self._template("client.go.j2", **context))

    def _webhook_file(self, webhooks: Webhooks) -> str:
        """Package webhook: verify, parse (into the event types the spec names) and sign."""
        types = self._types(self.options.package + ".")
        cases = []
        for event in webhooks.events:
            annotation = types.annotation(event.type)
            constructor = f"new({annotation.removeprefix('*')})"
            cases.append((event.event_type, constructor))
        text = self._template(
            "webhook.go.j2", signing=webhooks.signing, type_property=webhooks.type_property,
            cases=cases,
        )  # fmt: skip
        module = [f'\t"{self.options.module}/core"']
        if any(f"{self.options.package}." in c for _, c in cases):
            module.insert(0, f'\t{self.options.package} "{self.options.module}"')
        block = '\t"net/http"\n\t"time"\n\n' + "\n".join(module)
        return text.replace("import (\n__IMPORTS__\n)", f"import (\n{block}\n)")

    def _client_headers(self) -> list[tuple[str, str]]:
        headers = []
        for header in self.api.client_headers:
            default = header.default
            if default is not None:
                headers.append((go_string(header.wire_name), go_string(default)))
        return headers

    def _with_imports(self, text: str) -> str:
        """The file with the standard and module imports its code uses, as gofmt sorts them."""
        packages = tuple(r.package for r in self.resources)
        block = import_block(text, self.options.module, self.options.package, packages)
        return text.replace("import (\n__IMPORTS__\n)", f"import (\n{block}\n)")


def _joined(lines: list[str]) -> str:
    """Code lines as text ending in a newline; nothing for no lines."""
    return "\n".join(lines) + "\n" if lines else ""


def _struct(name: str, model: ModelDef, types: GoTypes) -> list[str]:
    lines = [f"type {name} struct {{"]
    block: list[tuple[str, ...]] = []
    for field, go_name in zip(model.fields, struct_field_names(model), strict=True):
        comment = go_comment(field.description, "\t")
        if comment:
            lines += aligned(block)
            block = []
            lines += comment
        annotation = types.field(field.type, field.required)
        block.append(
            (
                go_name,
                annotation,
                struct_tag(field.wire_name, not field.required),
            )
        )
    return [*lines, *aligned(block), "}"]


def _union(name: str, discriminator: Discriminator, types: GoTypes) -> list[str]:
    """A union told apart by a property: a struct holding the member the property names."""
    wire = go_string(discriminator.property)
    cases = [
        line
        for tag, constructor in types.variants(discriminator)
        for line in (f"\t\tcase {go_string(tag)}:", f"\t\t\treturn {constructor}")
    ]
    typed = ["\t\tswitch tag {", *cases, "\t\t}"] if cases else []
    return [
        f"type {name} struct {{",
        f"\t// Value is the member the {wire} property names (a pointer to its type), or a map",
        "\t// for a member the SDK does not know yet.",
        "\tValue any",
        "}",
        "",
        f"// UnmarshalJSON decodes the member the {wire} property names.",
        f"func (u *{name}) UnmarshalJSON(data []byte) error {{",
        f"\tvalue, err := core.DecodeUnion(data, {wire}, func(tag string) any {{",
        *typed,
        "\t\treturn nil",
        "\t})",
        "\tu.Value = value",
        "\treturn err",
        "}",
        "",
        "// MarshalJSON encodes the member Value holds.",
        f"func (u {name}) MarshalJSON() ([]byte, error) {{",
        "\treturn json.Marshal(u.Value)",
        "}",
    ]


def _enum(name: str, enum: EnumDef) -> list[str]:
    underlying = scalar_type(enum.values)
    lines = [f"type {name} {underlying}"]
    if underlying == "any":
        return lines
    scope = Scope()
    rows = []
    for value in enum.values:
        if value is None:
            continue
        words = exported(Name.parse(str(value)), "Value")
        literal = go_string(value) if isinstance(value, str) else str(value).lower()
        rows.append((scope.claim(name + words), name, f"= {literal}"))
    return (
        [
            *lines,
            "",
            "// The values the API names; any other is accepted too.",
            "const (",
            *aligned(rows),
            ")",
        ]
        if rows
        else lines
    )
