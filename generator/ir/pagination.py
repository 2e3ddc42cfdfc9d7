"""Recognise how a list operation pages, from its parameters, its response and `x-pagination`.

Pure: an operation (already in the IR), the named types, whether its success response declares
a `Link` header, and the spec's extension, in; a `Pagination` (or None) and problems out.
Detection goes by the names and shapes APIs commonly use; where it cannot guess, the spec says
it with `x-pagination` (or `x-sdk-pagination`) on the operation:

    x-pagination:
      style: offset          # page_token | cursor | offset | page | next_url
      items: data            # where the list is (dotted for a nested one; "" for the body)
      param: offset          # the query parameter a next request sets
      size: limit            # the page-size parameter
      next: next             # the next token, cursor or URL in the response
      has_more: has_more
      total: total           # items (offset) or pages (page)
      cursor_from: id        # a cursor read from the last item
      link_header: true      # the next page is in `Link: <...>; rel="next"`

`x-pagination: false` turns detection off for the operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, get_args

from generator.ir.model import (
    AliasDef,
    Array,
    Const,
    ModelDef,
    NamedType,
    Nullable,
    Operation,
    Pagination,
    PaginationStyle,
    Param,
    Primitive,
    Ref,
    TypeNode,
    Union,
)
from generator.ir.names import Name
from generator.load.records import record

TOKEN_PARAMS = (
    "nextPageToken",
    "next_page_token",
    "pageToken",
    "page_token",
    "continue",
    "continuationToken",
    "continuation_token",
)
TOKEN_FIELDS = (
    "nextPageToken",
    "next_page_token",
    "pageToken",
    "page_token",
    "continue",
    "continuationToken",
    "continuation_token",
)
CURSOR_PARAMS = ("cursor", "starting_after", "after", "marker", "next_cursor", "nextCursor")
CURSOR_FIELDS = (
    "next_cursor",
    "nextCursor",
    "next_marker",
    "nextMarker",
    "end_cursor",
    "endCursor",
    "cursor",
    "after",
    "last_id",
    "lastId",
)
OFFSET_PARAMS = ("offset", "skip")
PAGE_PARAMS = ("page", "page_number", "pageNumber", "page_num")
SIZE_PARAMS = (
    "limit",
    "per_page",
    "perPage",
    "page_size",
    "pageSize",
    "max_page_size",
    "maxPageSize",
    "max_results",
    "maxResults",
    "size",
    "count",
)
HAS_MORE_FIELDS = ("has_more", "hasMore", "has_next", "hasNext", "has_next_page", "hasNextPage")
TOTAL_FIELDS = ("total", "total_count", "totalCount", "total_results", "totalResults")
TOTAL_PAGES_FIELDS = ("total_pages", "totalPages", "page_count", "pageCount", "pages")
NEXT_URL_FIELDS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_link")
ITEMS_FIELDS = ("data", "items", "results", "entries", "records", "values", "list")
STYLES: tuple[str, ...] = get_args(PaginationStyle)
EXTENSIONS = ("x-pagination", "x-sdk-pagination")
_EXTENSION_KEYS = frozenset(
    {"style", "items", "param", "size", "next", "has_more", "total", "cursor_from", "link_header"}
)

Named = Callable[[Name], NamedType | None]


@record
class Problem:
    code: str
    pointer: str
    message: str


@record
class _Envelope:
    """Where a list response keeps its items, and the model the paging fields are read from."""

    items_field: str
    item_type: TypeNode
    model: ModelDef | None
    prefix: str
    """The dotted path of the paging object inside the body (Spotify's `{"artists": {...}}`)."""


def _strip(node: TypeNode | None) -> TypeNode | None:
    return node.inner if isinstance(node, Nullable) else node


def _model(node: TypeNode | None, named: Named) -> ModelDef | None:
    node = _strip(node)
    if isinstance(node, Union):
        real = [m for m in node.members if not _is_null(m)]
        node = real[0] if len(real) == 1 else None
    if isinstance(node, Ref):
        found = named(node.name)
        return found if isinstance(found, ModelDef) else None
    return None


def _is_null(node: TypeNode) -> bool:
    return isinstance(node, Const) and node.value is None


def _array_item(node: TypeNode | None, named: Named) -> TypeNode | None:
    node = _strip(node)
    if isinstance(node, Ref):
        found = named(node.name)
        if isinstance(found, AliasDef):
            node = _strip(found.target)
    return node.item if isinstance(node, Array) else None


def _envelope(node: TypeNode | None, named: Named) -> _Envelope | None:
    item = _array_item(node, named)
    if item is not None:
        return _Envelope("", item, None, "")
    model = _model(node, named)
    if model is None:
        return None
    found = _items_of(model, named)
    if found is not None:
        return _Envelope(found[0], found[1], model, "")
    wrapped = []  # a wrapper around the paging object: {"albums": {...}}
    for f in model.fields:
        inner = _model(f.type, named)
        if inner is None or "." in f.wire_name:
            continue
        if (inner_items := _items_of(inner, named)) is not None:
            wrapped.append((f.wire_name, inner, inner_items))
    if len(wrapped) != 1:
        return None
    prefix, inner, (items, item) = wrapped[0]
    return _Envelope(f"{prefix}.{items}", item, inner, prefix)


def _items_of(model: ModelDef, named: Named) -> tuple[str, TypeNode] | None:
    arrays = [
        (f.wire_name, item)
        for f in model.fields
        if "." not in f.wire_name and (item := _array_item(f.type, named)) is not None
    ]
    if len(arrays) == 1:
        return arrays[0]
    preferred = [a for a in arrays if a[0] in ITEMS_FIELDS]
    return preferred[0] if len(preferred) == 1 else None


def _field(
    model: ModelDef | None,
    names: Iterable[str],
    named: Named,
    *,
    accept: Callable[[TypeNode], bool] = lambda _: True,
) -> str | None:
    """The dotted path of the first of `names` in the model, or in a model one field down."""
    if model is None:
        return None
    wanted = tuple(names)
    for name in wanted:
        for f in model.fields:
            if f.wire_name == name and accept(f.type):
                return name
    for f in model.fields:
        inner = _model(f.type, named)
        if inner is None or "." in f.wire_name:
            continue
        for name in wanted:
            for g in inner.fields:
                if g.wire_name == name and accept(g.type):
                    return f"{f.wire_name}.{name}"
    return None


def _direct(model: ModelDef | None, names: Iterable[str], named: Named) -> str | None:
    """The first of `names` that is a string field of the model itself."""
    fields = {f.wire_name: f for f in model.fields} if model is not None else {}
    for name in names:
        if name in fields and _kind(fields[name].type, named) == "string":
            return name
    return None


def _is_url(model: ModelDef | None, name: str, named: Named) -> bool:
    """Whether the model's field is declared as a URL (`format: uri`)."""
    found = next((f for f in model.fields if f.wire_name == name), None) if model else None
    if found is None:
        return False
    node = _strip(found.type) or found.type
    if isinstance(node, Union):
        node = next((m for m in node.members if isinstance(m, Primitive)), node)
    return isinstance(node, Primitive) and node.format in ("uri", "url", "uri-reference")


def _kind(node: TypeNode, named: Named) -> str | None:
    node = _strip(node) or node
    if isinstance(node, Union):
        real = [m for m in node.members if not _is_null(m)]
        if len(real) == 1:
            node = real[0]
    if isinstance(node, Ref):
        found = named(node.name)
        if isinstance(found, AliasDef):
            node = _strip(found.target) or found.target
    return node.kind if isinstance(node, Primitive) else None


def _query(op: Operation, names: Iterable[str]) -> Param | None:
    by_wire = {p.wire_name: p for p in op.params if p.location == "query"}
    return next((by_wire[n] for n in names if n in by_wire), None)


def _with_prefix(envelope: _Envelope, path: str | None) -> str | None:
    return f"{envelope.prefix}.{path}" if path and envelope.prefix else path


def detect(op: Operation, named: Named, *, link_header: bool) -> Pagination | None:
    """The paging the operation's names and shapes show, if any: the styles are tried in
    this order, each by its query parameter and the response field that feeds it."""
    envelope = _envelope(op.success.type if op.success.kind == "json" else None, named)
    if envelope is None:
        return None
    probe = _Probe(op, named, envelope)
    page = _query(op, PAGE_PARAMS)
    return (
        probe.page_token(page)
        or probe.cursor()
        or probe.offset()
        or probe.page_number(page, link_header=link_header)
        or probe.next_url(link_header=link_header)
    )


@record
class _Probe:
    """One list operation's response, read for each paging style in turn."""

    op: Operation
    named: Named
    envelope: _Envelope

    def has(self, names: Iterable[str], kind: str) -> str | None:
        """The dotted path of the first of `names` in the paging object, of that kind."""
        found = _field(
            self.envelope.model, names, self.named, accept=lambda n: _kind(n, self.named) == kind
        )
        return _with_prefix(self.envelope, found)

    def paging(self, style: PaginationStyle, **fields: Any) -> Pagination:
        """The style with the items, the page-size parameter and what `fields` add."""
        size = _query(self.op, SIZE_PARAMS)
        return Pagination(
            style,
            items_field=self.envelope.items_field,
            item_type=self.envelope.item_type,
            size_param=size.wire_name if size is not None else None,
            **fields,
        )

    def page_token(self, page: Param | None) -> Pagination | None:
        token = _query(self.op, TOKEN_PARAMS)
        if token is None and page is not None and _kind(page.type, self.named) == "string":
            token = page  # Stripe's search: `page` is a token, `next_page` names the next one
        if token is None:
            return None
        fields = (*TOKEN_FIELDS, "next_page") if token is page else TOKEN_FIELDS
        next_token = self.has(fields, "string")
        if next_token is None:
            return None
        return self.paging(
            "page_token",
            param=token.wire_name,
            next_field=next_token,
            has_more_field=self.has(HAS_MORE_FIELDS, "boolean"),
        )

    def cursor(self) -> Pagination | None:
        cursor = _query(self.op, CURSOR_PARAMS)
        if cursor is None:
            return None
        model, named = self.envelope.model, self.named
        has_more = self.has(HAS_MORE_FIELDS, "boolean")
        next_cursor = self.has(CURSOR_FIELDS, "string")
        if next_cursor is None and not _is_url(model, "next", named):
            next_cursor = _with_prefix(self.envelope, _direct(model, ("next",), named))
        if next_cursor is not None:
            return self.paging(
                "cursor", param=cursor.wire_name, next_field=next_cursor, has_more_field=has_more
            )
        item_model = _model(self.envelope.item_type, named)
        item_id = _field(item_model, ("id",), named) if item_model is not None else None
        if item_id is not None and "." not in item_id and (has_more or model is None):
            return self.paging(
                "cursor",
                param=cursor.wire_name,
                has_more_field=has_more,
                cursor_item_field=item_id,
            )
        return None

    def next_url_field(self) -> str | None:
        found = _direct(self.envelope.model, NEXT_URL_FIELDS, self.named)
        return _with_prefix(self.envelope, found)

    def offset(self) -> Pagination | None:
        offset = _query(self.op, OFFSET_PARAMS)
        if offset is None or _kind(offset.type, self.named) not in ("integer", "number", None):
            return None
        return self.paging(
            "offset",
            param=offset.wire_name,
            next_field=self.next_url_field(),
            has_more_field=self.has(HAS_MORE_FIELDS, "boolean"),
            total_field=self.has(TOTAL_FIELDS, "integer"),
        )

    def page_number(self, page: Param | None, *, link_header: bool) -> Pagination | None:
        if page is None or _kind(page.type, self.named) not in ("integer", "number", None):
            return None
        return self.paging(
            "page",
            param=page.wire_name,
            next_field=self.next_url_field(),
            has_more_field=self.has(HAS_MORE_FIELDS, "boolean"),
            total_field=self.has(TOTAL_PAGES_FIELDS, "integer"),
            link_header=link_header,
        )

    def next_url(self, *, link_header: bool) -> Pagination | None:
        next_url = self.next_url_field()
        if self.op.method != "GET" or self.envelope.prefix:
            return None
        if next_url is None and not link_header:
            return None
        return self.paging(
            "next_url", next_field=next_url, link_header=link_header and next_url is None
        )


def from_extension(
    op: Operation, value: Any, pointer: str, named: Named, *, link_header: bool
) -> tuple[Pagination | None, list[Problem]]:
    """What `x-pagination` states; detection fills in what it leaves out. A wrong value is a
    warning, and the operation is then left as detection sees it."""
    if value is False:
        return None, []
    problems: list[Problem] = []

    def wrong(message: str) -> tuple[Pagination | None, list[Problem]]:
        problems.append(
            Problem("invalid-pagination", pointer, message + "; the extension is ignored")
        )
        return detect(op, named, link_header=link_header), problems

    if not isinstance(value, dict):
        return wrong("x-pagination must be a mapping or false")
    unknown = sorted(str(k) for k in value if k not in _EXTENSION_KEYS)
    if unknown:
        return wrong(f"unknown x-pagination key(s): {', '.join(unknown)}")
    style = value.get("style")
    if style not in STYLES:
        return wrong(f"x-pagination style must be one of {', '.join(STYLES)}, not {style!r}")
    texts = ("items", "param", "size", "next", "has_more", "total", "cursor_from")
    for key in texts:
        if key in value and not isinstance(value[key], str):
            return wrong(f"x-pagination {key} must be a string")
    if "link_header" in value and not isinstance(value["link_header"], bool):
        return wrong("x-pagination link_header must be true or false")
    query = {p.wire_name for p in op.params if p.location == "query"}
    for key in ("param", "size"):
        if key in value and value[key] not in query:
            return wrong(f"x-pagination {key} {value[key]!r} is not a query parameter")
    if style != "next_url" and "param" not in value:
        detected = detect(op, named, link_header=link_header)
        if detected is None or detected.style != style or detected.param is None:
            return wrong(f"x-pagination style {style} needs param")
    detected = detect(op, named, link_header=link_header)
    same = detected if detected is not None and detected.style == style else None
    envelope = _envelope(op.success.type if op.success.kind == "json" else None, named)
    if "items" in value:
        item_type = _item_type_at(op.success.type, str(value["items"]), named)
        if item_type is None:
            return wrong(f"x-pagination items {value['items']!r} is not a list in the response")
        items_field = str(value["items"])
    elif envelope is not None:
        items_field, item_type = envelope.items_field, envelope.item_type
    else:
        return wrong("x-pagination names no items and the response holds no single list")

    def pick(key: str, attribute: str) -> Any:
        if key in value:
            return value[key]
        return getattr(same, attribute) if same is not None else None

    pagination = Pagination(
        style,
        items_field=items_field,
        item_type=item_type,
        param=pick("param", "param"),
        next_field=pick("next", "next_field"),
        size_param=pick("size", "size_param"),
        has_more_field=pick("has_more", "has_more_field"),
        total_field=pick("total", "total_field"),
        cursor_item_field=pick("cursor_from", "cursor_item_field"),
        link_header=bool(value.get("link_header", link_header)),
        source="extension",
    )
    told = pagination.next_field or pagination.link_header
    if style in ("page_token", "next_url") and not told:
        return wrong(f"x-pagination style {style} needs next (or link_header for next_url)")
    if style == "cursor" and not (pagination.next_field or pagination.cursor_item_field):
        return wrong("x-pagination style cursor needs next or cursor_from")
    return pagination, problems


def _item_type_at(node: TypeNode | None, path: str, named: Named) -> TypeNode | None:
    if path == "":
        return _array_item(node, named)
    current = node
    for part in path.split("."):
        model = _model(current, named)
        if model is None:
            return None
        found = next((f for f in model.fields if f.wire_name == part), None)
        if found is None:
            return None
        current = found.type
    return _array_item(current, named)
