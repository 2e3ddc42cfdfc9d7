"""The generated Extend SDK and its spec, for behaviour tests against the local spec server."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

from generator.config import load_config
from generator.pipeline import load_api
from generator.targets.python.render import PythonOptions, PythonRenderer
from generator.templating import environment
from tests.conftest import ROOT
from tests.support.yamlfile import read_yaml

SDK_DIR = ROOT / "output" / "extend" / "python"
TOKEN = "sk_test_secret_token"
API_VERSION = "2026-02-09"


@cache
def extend_spec() -> tuple[Path, dict[str, Any]]:
    config, problems = load_config(ROOT)
    assert config is not None and not problems
    spec = config.apis[0].spec
    return spec, read_yaml(spec)


@cache
def extend_renderer() -> PythonRenderer:
    config, _ = load_config(ROOT)
    assert config is not None
    api, _loaded, _sha, _diagnostics = load_api(config.apis[0])
    assert api is not None
    options = PythonOptions("extend_sdk", "Extend", "AsyncExtend", "EXTEND_API_KEY", "1", "h")
    return PythonRenderer(api, options, environment(config.apis[0].templates))


def import_sdk() -> Any:
    if str(SDK_DIR) not in sys.path:
        sys.path.insert(0, str(SDK_DIR))
    import extend_sdk  # type: ignore[import-not-found, unused-ignore]

    return extend_sdk
