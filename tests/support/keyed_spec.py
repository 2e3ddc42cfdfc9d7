"""A small API for the Go and Java renders of idempotency keys and raw calls: a POST whose spec
declares no key (the `idempotency_header` setting gives it one) and root operations named like
the clients' raw calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from generator.config import default_api
from generator.pipeline import render_api

SPEC = """\
openapi: 3.1.0
info: {title: Keyed, version: "1.0"}
servers: [{url: "https://api.example.com"}]
paths:
  /:
    post:
      operationId: post
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {sku: {type: string}}}
      responses: {"204": {description: Placed.}}
    get:
      operationId: get
      responses: {"204": {description: Listed.}}
"""


def render_keyed(folder: Path, target: str, header: str | None) -> Mapping[str, str]:
    """The files `target` renders for the spec, with `header` as the `idempotency_header`."""
    spec = folder / "keyed.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    config = replace(default_api(spec, folder / "out", "keyed"), targets=(target,))
    rendered = render_api(replace(config, idempotency_header=header))
    assert rendered.files, [d.render() for d in rendered.diagnostics]
    return rendered.files
