"""The mock reads operations, parameters, bodies and responses through the loader's document
model: refs to path items, parameters, bodies and responses are followed there, once."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import yaml

from generator.load.document import build_model
from generator.mock.server import SpecServer

SPEC = """
openapi: 3.1.0
info: {title: Refs, version: '1'}
paths:
  /things/{id}:
    $ref: '#/components/pathItems/Thing'
components:
  pathItems:
    Thing:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: nowhere, schema: {type: string}}
      put:
        operationId: putThing
        parameters:
          - $ref: '#/components/parameters/Version'
        requestBody: {$ref: '#/components/requestBodies/Thing'}
        responses:
          '200': {$ref: '#/components/responses/Thing'}
  parameters:
    Version: {name: version, in: query, required: true, schema: {type: integer}}
  requestBodies:
    Thing:
      required: true
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Thing'}
  responses:
    Thing:
      description: ok
      headers:
        X-Rate-Limit: {schema: {type: integer, minimum: 5}}
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Thing'}
  schemas:
    Thing:
      type: object
      required: [id, name]
      properties:
        id: {type: string}
        name: {type: string, minLength: 3}
"""


@pytest.fixture
def server() -> Iterator[SpecServer]:
    with SpecServer(yaml.safe_load(SPEC)) as running:
        yield running


def test_the_routes_are_the_models_operations(server: SpecServer) -> None:
    model = build_model(yaml.safe_load(SPEC))
    assert [(op.method.upper(), op.path) for op in model.operations] == [
        (method, path) for method, path, _, _ in server.operations()
    ]


def test_refs_are_followed_to_parameters_bodies_and_responses(server: SpecServer) -> None:
    url = f"{server.base_url}/things/t1"
    response = httpx.put(url, params={"version": "2"}, json={"id": "t1", "name": "lamp"})
    assert response.status_code == 200, response.text
    assert response.json()["id"] == "t1" and len(response.json()["name"]) >= 3
    assert int(response.headers["x-rate-limit"]) >= 5
    assert server.errors() == []


def test_a_referenced_parameter_and_body_are_checked(server: SpecServer) -> None:
    url = f"{server.base_url}/things/t1"
    response = httpx.put(url, json={"id": "t1", "name": "x"})
    assert response.status_code == 400
    message = response.json()["message"]
    assert "missing required query parameter 'version'" in message
    assert "/components/parameters/Version" in message
    assert "/components/schemas/Thing/properties/name/minLength" in message


def test_a_parameter_with_no_location_is_left_out(server: SpecServer) -> None:
    response = httpx.put(
        f"{server.base_url}/things/t1", params={"version": "1", "nowhere": "x"}, json={}
    )
    assert response.status_code == 400
    assert "unknown query parameter 'nowhere'" in response.json()["message"]
