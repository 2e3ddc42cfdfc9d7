"""The classes of the `types` package: immutable models read leniently (`core.Model`), open
enums (known constants, any other value kept) and unions of named types."""

from __future__ import annotations

from generator.ir.model import AliasDef, EnumDef, ModelDef, Union
from generator.targets.java.naming import (
    Scope,
    class_name,
    constant_name,
    java_string,
    javadoc,
    member_name,
)
from generator.targets.java.types import JavaTypes, erased, reader

MODEL_IMPORTS: tuple[str, ...] = (
    "com.fasterxml.jackson.annotation.JsonCreator",
    "com.fasterxml.jackson.databind.JsonNode",
    "com.fasterxml.jackson.core.type.TypeReference",
    "java.time.LocalDate",
    "java.time.OffsetDateTime",
    "java.util.List",
    "java.util.Map",
    "java.util.Optional",
    "java.util.Set",
)
_MODEL_MEMBERS = frozenset(
    {
        "getClass",
        "getAdditionalProperties",
        "toJson",
        "knownFields",
        "hashCode",
        "toString",
        "equals",
        "field",
        "optional",
        "builder",
        "notify",
        "notifyAll",
        "wait",
        "finalize",
        "clone",
    }
)
_BUILDER_MEMBERS = frozenset(
    {
        "build",
        "self",
        "set",
        "from",
        "json",
        "additionalProperty",
        "getClass",
        "hashCode",
        "toString",
        "equals",
        "notify",
        "notifyAll",
        "wait",
        "finalize",
        "clone",
    }
)


def member_names(model: ModelDef) -> tuple[tuple[str, str], ...]:
    """(getter, builder setter) of each of a model's fields, in order (the class's and the
    docs')."""
    getters, setters = Scope(_MODEL_MEMBERS), Scope(_BUILDER_MEMBERS)
    return tuple(
        (getters.claim("get" + class_name(f.name, "Value")), setters.claim(member_name(f.name)))
        for f in model.fields
    )


def model_lines(name: str, model: ModelDef, types: JavaTypes) -> list[str]:
    wire = ", ".join(java_string(f.wire_name) for f in model.fields)
    lines = [
        *javadoc(model.description + ("\n\nDeprecated by the API." if model.deprecated else "")),
        f"public final class {name} extends Model {{",
        f"    private static final Set<String> FIELDS = Set.of({wire});",
        "",
        "    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)",
        f"    private {name}(JsonNode json) {{",
        "        super(json);",
        "    }",
        "",
        "    @Override",
        "    protected Set<String> knownFields() {",
        "        return FIELDS;",
        "    }",
    ]
    builder: list[str] = []
    for field, (getter, setter) in zip(model.fields, member_names(model), strict=True):
        annotation = types.annotation(field.type)
        optional = not field.required
        returned = f"Optional<{annotation}>" if optional else annotation
        call = "optional" if optional else "field"
        wire_name = java_string(field.wire_name)
        lines += [
            "",
            *javadoc(field.description, "    "),
            *(["    @Deprecated"] if field.deprecated else []),
            f"    public {returned} {getter}() {{",
            f"        return {call}({wire_name}, {reader(annotation)});",
            "    }",
        ]
        builder += [
            "",
            f"        public Builder {setter}({annotation} value) {{",
            f"            return set({wire_name}, value);",
            "        }",
        ]
        if optional:
            builder += [
                "",
                f"        public Builder {setter}(Optional<{annotation}> value) {{",
                f"            return set({wire_name}, value);",
                "        }",
            ]
    return [
        *lines,
        "",
        "    public static Builder builder() {",
        "        return new Builder();",
        "    }",
        "",
        f"    /** Builds a {name}; a field left unset is absent. */",
        "    public static final class Builder extends Model.Builder<Builder> {",
        "        private Builder() {}",
        "",
        "        @Override",
        "        protected Builder self() {",
        "            return this;",
        "        }",
        *builder,
        "",
        f"        public {name} build() {{",
        f"            return new {name}(json());",
        "        }",
        "    }",
        "}",
    ]


ENUM_IMPORTS: tuple[str, ...] = (
    "com.fasterxml.jackson.annotation.JsonCreator",
    "com.fasterxml.jackson.annotation.JsonValue",
    "java.util.HashMap",
    "java.util.Map",
)


def enum_lines(name: str, enum: EnumDef) -> list[str]:
    scope = Scope(frozenset({"KNOWN"}))
    constants = [
        (scope.claim(constant_name(str(v))), java_string(str(v)))
        for v in enum.values
        if v is not None
    ]
    lines = [
        *javadoc(enum.description),
        "/** An open enum: the values the API names, and any other value as it is. */",
        f"public final class {name} {{",
    ]
    lines += [
        f"    public static final {name} {constant} = new {name}({literal});"
        for constant, literal in constants
    ]
    known = ", ".join(constant for constant, _ in constants)
    return [
        *lines,
        "",
        f"    private static final Map<String, {name}> KNOWN = index({known});",
        "",
        "    private final String value;",
        "",
        f"    private {name}(String value) {{",
        "        this.value = value;",
        "    }",
        "",
        f"    private static Map<String, {name}> index({name}... values) {{",
        f"        Map<String, {name}> known = new HashMap<>();",
        f"        for ({name} value : values) {{",
        "            known.put(value.value, value);",
        "        }",
        "        return known;",
        "    }",
        "",
        "    /** The constant of a known value (`==` compares), else the value kept as it is. */",
        "    @JsonCreator",
        f"    public static {name} valueOf(String value) {{",
        f"        {name} known = KNOWN.get(value);",
        f"        return known != null ? known : new {name}(value);",
        "    }",
        "",
        "    /** Whether the value is one the API names. */",
        "    public boolean isKnown() {",
        "        return KNOWN.containsKey(value);",
        "    }",
        "",
        "    @JsonValue",
        "    @Override",
        "    public String toString() {",
        "        return value;",
        "    }",
        "",
        "    @Override",
        "    public boolean equals(Object other) {",
        f"        return other instanceof {name} && (({name}) other).value.equals(value);",
        "    }",
        "",
        "    @Override",
        "    public int hashCode() {",
        "        return value.hashCode();",
        "    }",
        "}",
    ]


UNION_IMPORTS: tuple[str, ...] = (
    "com.fasterxml.jackson.annotation.JsonCreator",
    "com.fasterxml.jackson.annotation.JsonValue",
    "com.fasterxml.jackson.databind.JsonNode",
    "java.time.LocalDate",
    "java.time.OffsetDateTime",
    "java.util.List",
    "java.util.Map",
    "java.util.Optional",
)


def union_lines(name: str, alias: AliasDef, types: JavaTypes) -> list[str]:
    assert isinstance(alias.target, Union)
    factories: list[str] = []
    erasures: set[str] = set()
    for member in alias.target.members:
        annotation = types.annotation(member)
        if erased(annotation) in erasures | {"Object"}:
            continue
        erasures.add(erased(annotation))
        factories += [
            "",
            f"    public static {name} of({annotation} value) {{",
            f"        return new {name}(Json.tree(value));",
            "    }",
        ]
    discriminator = alias.target.discriminator
    told = f" (told apart by `{discriminator.property}`)" if discriminator else ""
    return [
        *javadoc(alias.description),
        f"/** One of several shapes{told}: `of` makes one, `as` reads it as a given one. */",
        f"public final class {name} {{",
        "    private final JsonNode value;",
        "",
        "    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)",
        f"    private {name}(JsonNode value) {{",
        "        this.value = value;",
        "    }",
        *factories,
        "",
        "    /** The value read as `type`; empty when it is not of that shape. */",
        "    public <T> Optional<T> as(Class<T> type) {",
        "        return Optional.ofNullable(Json.read(value, type));",
        "    }",
        "",
        "    @JsonValue",
        "    public JsonNode toJson() {",
        "        return value.deepCopy();",
        "    }",
        "",
        "    @Override",
        "    public boolean equals(Object other) {",
        f"        return other instanceof {name} && (({name}) other).value.equals(value);",
        "    }",
        "",
        "    @Override",
        "    public int hashCode() {",
        "        return value.hashCode();",
        "    }",
        "",
        "    @Override",
        "    public String toString() {",
        "        return value.toString();",
        "    }",
        "}",
    ]
