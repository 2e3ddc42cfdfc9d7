"""Render targets: each turns an `Api` into a mapping of relative path -> file text."""
