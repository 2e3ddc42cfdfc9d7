"""A spec with a parameter of every style and location, nested form and multipart bodies, a
binary response, bodies of named media types (raw `image/jpeg`, JSON `merge-patch+json`),
header parameters OpenAPI ignores, and PagerDuty's shapes (a readOnly id that an allOf member
requires, a oneOf told apart by an enum narrowed inside allOf): the SDKs of every target send
each of them as the spec says, and the mock accepts what they send."""

from __future__ import annotations

SPEC = """
openapi: 3.0.3
info: {title: Wire, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /simple/{ids}/label/{color}/matrix/{point}:
    get:
      operationId: getStyledPath
      parameters:
        - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
        - {name: color, in: path, required: true, style: label, explode: true,
           schema: {type: array, items: {type: string}}}
        - {name: point, in: path, required: true, style: matrix,
           schema: {type: object, properties: {x: {type: integer}, y: {type: integer}}}}
      responses:
        '204': {description: done}
  /search:
    get:
      operationId: search
      parameters:
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: opt_fields, in: query, explode: false,
           schema: {type: array, items: {type: string}}}
        - {name: words, in: query, style: spaceDelimited, explode: false,
           schema: {type: array, items: {type: string}}}
        - {name: pipes, in: query, style: pipeDelimited, explode: false,
           schema: {type: array, items: {type: integer}}}
        - {name: metadata, in: query, style: deepObject, explode: true,
           schema: {type: object, additionalProperties: {type: string}}}
        - name: created
          in: query
          style: deepObject
          schema:
            anyOf:
              - {type: object, properties: {gte: {type: integer}, lt: {type: integer}}}
              - {type: integer}
        - {name: expand, in: query, style: deepObject,
           schema: {type: array, items: {type: string}}}
        - {name: archived, in: query, schema: {type: boolean}}
        - {name: X-Dry-Run, in: header, schema: {type: boolean}}
        - {name: X-Ids, in: header, schema: {type: array, items: {type: integer}}}
        - {name: Accept, in: header, required: true, schema: {type: string}}
        - {name: Content-Type, in: header, required: true, schema: {type: string}}
        - {name: Authorization, in: header, schema: {type: string}}
        - {name: session, in: cookie, schema: {type: boolean}}
      responses:
        '204': {description: done}
  /invoices/{id}/pdf:
    get:
      operationId: getInvoicePdf
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the invoice
          content:
            application/pdf:
              schema: {type: string, format: binary}
  /configs/{name}:
    patch:
      operationId: patchConfig
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/merge-patch+json:
            schema: {type: object, properties: {replicas: {type: integer}}}
      responses:
        '204': {description: patched}
  /avatars/{id}:
    put:
      operationId: putAvatar
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          image/jpeg:
            schema: {type: string, format: binary}
      responses:
        '204': {description: stored}
  /customers:
    post:
      operationId: createCustomer
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            encoding:
              address: {style: deepObject, explode: true}
              preferred_locales: {style: deepObject, explode: true}
              tax_ids: {style: deepObject, explode: true}
              flags: {style: form, explode: false}
              extra: {contentType: application/json}
            schema:
              type: object
              properties:
                name: {type: string}
                active: {type: boolean}
                address:
                  type: object
                  properties:
                    city: {type: string}
                    lines: {type: array, items: {type: string}}
                preferred_locales: {type: array, items: {type: string}}
                tax_ids:
                  type: array
                  items:
                    type: object
                    properties: {type: {type: string}, value: {type: string}}
                flags: {type: array, items: {type: string}}
                labels: {type: array, items: {type: string}}
                extra: {type: object, additionalProperties: {type: integer}}
      responses:
        '204': {description: done}
  /files:
    post:
      operationId: uploadFiles
      requestBody:
        required: true
        content:
          multipart/form-data:
            encoding:
              link_data: {style: deepObject, explode: true}
            schema:
              type: object
              required: [file]
              properties:
                file: {type: string, format: binary}
                attachments: {type: array, items: {type: string, format: binary}}
                purpose: {type: string}
                link_data:
                  type: object
                  properties:
                    create: {type: boolean}
                    expires_at: {type: integer}
                settings:
                  type: object
                  properties:
                    public: {type: boolean}
                    title: {type: string}
                tags: {type: array, items: {type: string}}
      responses:
        '204': {description: done}
  /incidents:
    post:
      operationId: createIncident
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [incident]
              properties:
                incident: {$ref: '#/components/schemas/Incident'}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema:
                type: object
                properties:
                  incident: {$ref: '#/components/schemas/Incident'}
components:
  schemas:
    Reference:
      type: object
      required: [type]
      properties:
        id: {type: string, readOnly: true}
        type: {type: string}
        summary: {type: string, readOnly: true}
    ServiceReference:
      allOf:
        - $ref: '#/components/schemas/Reference'
        - type: object
          required: [id, type]
          properties:
            type: {type: string, enum: [service_reference]}
    UserReference:
      allOf:
        - $ref: '#/components/schemas/Reference'
        - type: object
          properties:
            type: {type: string, enum: [user_reference]}
    Incident:
      type: object
      required: [type, title, service]
      properties:
        id: {type: string, readOnly: true}
        type: {type: string, enum: [incident]}
        title: {type: string}
        service: {$ref: '#/components/schemas/ServiceReference'}
        secret: {type: string, writeOnly: true}
        created_by:
          oneOf:
            - $ref: '#/components/schemas/UserReference'
            - allOf:
                - $ref: '#/components/schemas/Reference'
                - type: object
                  properties:
                    type: {type: string, enum: [account_reference]}
"""
