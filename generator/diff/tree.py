"""The diff model: what differs between two documents, as a tree, with no judgement.

`compare.py` and `schemas.py` build it; the rules read it and decide what each difference means
for users. Every node carries the JSON pointers of both sides. A node exists only when something
under it differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.diff.document import Direction, Document, MatchKey, OperationEntry, ParamEntry, Role
from generator.load.records import record

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Changed(Generic[T]):
    """A value that differs: `old` and `new` (None where the keyword is absent)."""

    old: T
    new: T


@record
class Bound:
    """A numeric or length limit; `exclusive` for exclusiveMinimum/Maximum."""

    value: float
    exclusive: bool = False


@record
class ConstraintChange:
    keyword: str
    """maximum, minimum, maxLength, minLength, maxItems, minItems, maxContains or minContains."""
    old: Bound | None
    new: Bound | None

    @property
    def tightened(self) -> bool:
        """Whether fewer values are allowed than before."""
        upper = self.keyword.startswith("max")
        if self.new is None:
            return False
        if self.old is None:
            return True
        if self.new.value != self.old.value:
            return self.new.value < self.old.value if upper else self.new.value > self.old.value
        return self.new.exclusive and not self.old.exclusive


@record
class KeywordChange:
    """A JSON Schema keyword judged as a whole value (`const`, `if`, `contentMediaType`...):
    present on one side only, or different. Values are canonical JSON text, None when absent."""

    keyword: str
    old: str | None
    new: str | None
    old_pointer: str
    new_pointer: str
    entry: str = ""
    """The key or position of an entry of `patternProperties`, `dependentSchemas` or
    `prefixItems`; empty for the keyword as a whole."""

    @property
    def kind(self) -> str:
        """`added`, `removed` or `changed`."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


@record
class Member:
    """A property, union member or enum value that exists on one side only."""

    name: str
    pointer: str
    """Where it lives on its side."""
    parent: str
    """The closest place on the other side."""
    schema: Any = None
    required: bool = False


@record
class PropertyDiff:
    name: str
    old: str
    new: str
    old_schema: dict[str, Any]
    new_schema: dict[str, Any]
    required: Changed[bool] | None
    schema: SchemaDiff | None


@record
class DiscriminatorDiff:
    old: str
    new: str
    added: bool
    removed: bool
    property: Changed[str | None] | None
    mapping_added: tuple[Member, ...]
    mapping_removed: tuple[Member, ...]
    mapping_changed: tuple[tuple[str, Changed[str]], ...]


@record
class SchemaDiff:
    """The differences between two schemas at one place; sub-schemas nest."""

    old: str
    new: str
    types: Changed[frozenset[str]] | None = None
    format: Changed[str | None] | None = None
    nullable: Changed[bool] | None = None
    enum_added: tuple[Member, ...] = ()
    enum_removed: tuple[Member, ...] = ()
    constraints: tuple[ConstraintChange, ...] = ()
    pattern: Changed[str | None] | None = None
    default: Changed[str | None] | None = None
    """Defaults as canonical JSON text, None when absent."""
    deprecated: Changed[bool] | None = None
    sunset: Changed[str | None] | None = None
    """`x-sunset` as written (a date is kept as its ISO text)."""
    stability: Changed[str | None] | None = None
    """`x-stability-level`."""
    enum_set: Changed[bool] | None = None
    """Whether an `enum` lists the allowed values (set on one side only)."""
    extensible_added: tuple[Member, ...] = ()
    extensible_removed: tuple[Member, ...] = ()
    """Values of `x-extensible-enum`."""
    keywords: tuple[KeywordChange, ...] = ()
    subschemas: tuple[tuple[str, SchemaDiff], ...] = ()
    """Schemas under 2020-12 keywords (`contains`, `patternProperties/^x-`...) on both sides."""
    properties_added: tuple[Member, ...] = ()
    properties_removed: tuple[Member, ...] = ()
    properties: tuple[PropertyDiff, ...] = ()
    items: SchemaDiff | None = None
    additional: SchemaDiff | None = None
    variants_added: tuple[Member, ...] = ()
    variants_removed: tuple[Member, ...] = ()
    variants: tuple[tuple[str, SchemaDiff], ...] = ()
    discriminator: DiscriminatorDiff | None = None
    all_of_added: tuple[Member, ...] = ()
    all_of_removed: tuple[Member, ...] = ()
    negated: SchemaDiff | None = None
    """The schema under `not`."""


@record
class ParamDiff:
    """A parameter present on both sides (matched by location and name)."""

    old: ParamEntry
    new: ParamEntry
    required: Changed[bool] | None
    deprecated: Changed[bool] | None
    schema: SchemaDiff | None
    sunset: Changed[str | None] | None = None

    @property
    def label(self) -> str:
        return f"{self.new.location} parameter '{self.new.name}'"

    @property
    def renamed(self) -> bool:
        """A path parameter in the same place of the path under another name."""
        return self.old.name != self.new.name


@record
class MediaDiff:
    media_type: str
    old: str
    new: str
    schema: SchemaDiff | None


@record
class ContentDiff:
    """Media types of a request body or a response."""

    added: tuple[Member, ...]
    removed: tuple[Member, ...]
    media: tuple[MediaDiff, ...]
    schema_added: tuple[Member, ...] = ()
    schema_removed: tuple[Member, ...] = ()
    """Media types present on both sides whose schema is given on one side only."""


@record
class HeaderDiff:
    """A response header present on both sides."""

    name: str
    old: str
    new: str
    required: Changed[bool] | None
    schema: SchemaDiff | None


@record
class BodyDiff:
    old: str
    new: str
    old_present: bool
    new_present: bool
    old_required: bool
    new_required: bool
    content: ContentDiff | None


@record
class ResponseDiff:
    status: str
    old: str
    new: str
    content: ContentDiff | None
    headers_added: tuple[Member, ...] = ()
    headers_removed: tuple[Member, ...] = ()
    headers: tuple[HeaderDiff, ...] = ()


@record
class SecurityDiff:
    """Security requirements in effect (for the API or one operation) on both sides."""

    old: str
    new: str
    old_requirements: tuple[frozenset[tuple[str, frozenset[str]]], ...]
    new_requirements: tuple[frozenset[tuple[str, frozenset[str]]], ...]
    operations: tuple[str, ...]


@record
class OperationDiff:
    key: str
    old: OperationEntry
    new: OperationEntry
    old_method: str | None
    new_method: str | None
    """SDK method names (`client.files.retrieve`), when the SDK has the operation."""
    deprecated: Changed[bool] | None
    params_added: tuple[ParamEntry, ...]
    params_removed: tuple[ParamEntry, ...]
    params_moved: tuple[tuple[ParamEntry, ParamEntry], ...]
    """Same name, another location: (old, new)."""
    params: tuple[ParamDiff, ...]
    body: BodyDiff | None
    statuses_added: tuple[Member, ...]
    statuses_removed: tuple[Member, ...]
    responses: tuple[ResponseDiff, ...]
    security: SecurityDiff | None
    sunset: Changed[str | None] | None = None
    stability: Changed[str | None] | None = None


@record
class ComponentDiff:
    """A component schema present on both sides, compared once, with the operations it reaches.

    `reach` holds only operations present on both sides that use the schema on both sides.
    """

    name: str
    schema: SchemaDiff
    reach: tuple[tuple[Direction, Role, tuple[str, ...]], ...]


@record
class ServerEntry:
    url: str
    name: str
    pointer: str


@record
class ServersDiff:
    added: tuple[ServerEntry, ...]
    removed: tuple[ServerEntry, ...]
    moved: tuple[tuple[ServerEntry, ServerEntry], ...]
    """Same server name, another URL: (old, new)."""


@record
class SchemeDiff:
    name: str
    old: str
    new: str
    old_kind: str
    new_kind: str
    operations: tuple[str, ...]


@record
class ModelEntry:
    """A class of the SDK's models module and where its schema is."""

    class_name: str
    pointer: str


@record
class SpecDiff:
    old: Document
    new: Document
    endpoints_added: tuple[OperationEntry, ...]
    endpoints_removed: tuple[OperationEntry, ...]
    operations: tuple[OperationDiff, ...]
    components: tuple[ComponentDiff, ...]
    servers: ServersDiff | None
    security: SecurityDiff | None
    schemes: tuple[SchemeDiff, ...]
    models_removed: tuple[ModelEntry, ...]
    methods: dict[MatchKey, tuple[str | None, str | None]]
    """SDK method names of every operation, (old, new)."""
    operation_models: dict[MatchKey, tuple[tuple[str, ...], tuple[str, ...]]]
    """SDK models each operation takes or returns directly, (old, new)."""
