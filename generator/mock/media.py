"""Media types and bodies on the wire: which declared media type a request's matches, and the
fields and files of a multipart body."""

from __future__ import annotations

import email.policy
import email.utils
from email.message import Message
from email.parser import BytesParser

FilePart = tuple[str | None, str | None, bytes]
"""A file part of a multipart body: (file name, content type, data)."""


def is_json_media(media: str) -> bool:
    media = media.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "*/*"


def match_media(media: str, declared: list[str]) -> str | None:
    """The declared media type `media` falls under: exact, then `type/*`, then `*/*`."""
    bare = {d: d.split(";")[0].strip().lower() for d in declared}
    for d, b in bare.items():
        if b == media:
            return d
    major = media.split("/")[0]
    for d, b in bare.items():
        if b == f"{major}/*":
            return d
    for d, b in bare.items():
        if b == "*/*":
            return d
    return None


def parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, list[str]], dict[str, list[FilePart]], list[str]]:
    """(text fields, file parts, what is wrong with the body)."""
    fields: dict[str, list[str]] = {}
    files: dict[str, list[FilePart]] = {}
    errors: list[str] = []
    if "boundary=" not in content_type.lower():
        return fields, files, ["multipart body: Content-Type has no boundary parameter"]
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    msg = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart():
        return fields, files, ["multipart body could not be parsed"]
    for defect in msg.defects:
        errors.append(f"multipart body is malformed: {type(defect).__name__}")
    parts = msg.get_payload()
    if not isinstance(parts, list):
        return fields, files, [*errors, "multipart body has no parts"]
    for part in parts:
        if isinstance(part, Message):
            _read_part(part, fields, files, errors)
    return fields, files, errors


def _read_part(
    part: Message,
    fields: dict[str, list[str]],
    files: dict[str, list[FilePart]],
    errors: list[str],
) -> None:
    disposition = part.get("content-disposition")
    raw_name = part.get_param("name", header="content-disposition")
    if disposition is None or raw_name is None:
        errors.append("multipart part without 'Content-Disposition: form-data; name=...'")
        return
    name = _fix_text(email.utils.collapse_rfc2231_value(raw_name))
    raw_filename = part.get_filename()
    filename = _fix_text(raw_filename) if raw_filename is not None else None
    ctype_header = part.get("content-type")
    ctype = str(ctype_header) if ctype_header is not None else None
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    if filename is not None:
        files.setdefault(name, []).append((filename, ctype, data))
        return
    charset = part.get_content_charset() or "utf-8"
    try:
        fields.setdefault(name, []).append(data.decode(charset))
    except (UnicodeDecodeError, LookupError):
        errors.append(f"multipart field {name!r} is not valid {charset} text")


def _fix_text(value: str) -> str:
    """Undo the surrogate-escaping the email parser applies to raw UTF-8 header bytes."""
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return value
