"""One sample value per string format: what the docs show in their examples and what the mock
answers, so the two never disagree. Each value is valid for its format."""

from __future__ import annotations

SAMPLE_URL = "https://example.com/document.pdf"

FORMAT_SAMPLES: dict[str, str] = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "12:00:00Z",
    "duration": "P1D",
    "uri": SAMPLE_URL,
    "url": SAMPLE_URL,
    "iri": SAMPLE_URL,
    "uri-reference": SAMPLE_URL,
    "iri-reference": SAMPLE_URL,
    "uri-template": "https://example.com/documents/{id}",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "json-pointer": "/id",
    "relative-json-pointer": "0",
    "regex": "^[a-z]+$",
}
"""A sample string for each format (JSON Schema's and OpenAPI's `byte`)."""
