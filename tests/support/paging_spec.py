"""A spec with one list operation per paging style, and the styles the IR must recognise in it:
the SDK of every target walks its pages against the spec-checking server."""

from __future__ import annotations

SPEC = """
openapi: 3.0.3
info: {title: Paging, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /tokens:
    get:
      operationId: listTokens
      parameters:
        - {name: page_token, in: query, schema: {type: string}}
        - {name: page_size, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  next_page_token: {type: string, nullable: true}
  /cursors:
    get:
      operationId: listCursors
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  members: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  response_metadata:
                    type: object
                    properties:
                      next_cursor: {type: string}
  /charges:
    get:
      operationId: listCharges
      parameters:
        - {name: starting_after, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  has_more: {type: boolean}
  /offset_total:
    get:
      operationId: listOffsetTotal
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  total: {type: integer}
  /albums:
    get:
      operationId: listAlbums
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  albums: {$ref: '#/components/schemas/PagingThings'}
  /offset_short:
    get:
      operationId: listOffsetShort
      parameters:
        - {name: skip, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /pages_total:
    get:
      operationId: listPagesTotal
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  total_pages: {type: integer}
  /pages_link:
    get:
      operationId: listPagesLink
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          headers:
            Link: {schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /pages_empty:
    get:
      operationId: listPagesEmpty
      parameters:
        - {name: page, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /feed:
    get:
      operationId: listFeed
      parameters:
        - {name: since, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  next: {type: string, format: uri, nullable: true}
  /entries:
    get:
      operationId: listEntries
      x-pagination: {style: offset, param: from, size: take, has_more: more}
      parameters:
        - {name: from, in: query, schema: {type: integer}}
        - {name: take, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  entries: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  more: {type: boolean}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
    PagingThings:
      type: object
      properties:
        items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        next: {type: string, nullable: true}
        offset: {type: integer}
        limit: {type: integer}
        total: {type: integer}
"""

STYLES = {
    "listTokens": ("page_token", "page_token", "next_page_token"),
    "listCursors": ("cursor", "cursor", "response_metadata.next_cursor"),
    "listCharges": ("cursor", "starting_after", None),
    "listOffsetTotal": ("offset", "offset", None),
    "listAlbums": ("offset", "offset", "albums.next"),
    "listOffsetShort": ("offset", "skip", None),
    "listPagesTotal": ("page", "page", None),
    "listPagesLink": ("page", "page", None),
    "listPagesEmpty": ("page", "page", None),
    "listFeed": ("next_url", None, "next"),
    "listEntries": ("offset", "from", None),
}


def things(*ids: str) -> list[dict[str, str]]:
    return [{"id": i} for i in ids]
