"""The Java target's own pieces: its settings and their checks, its names, its highlighting,
and its release (the jar, the sources jar and the POM, checked by a program run against them)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.ir.names import Name
from generator.targets.java.naming import constant_name, java_string, javadoc, member_name
from generator.targets.java.target import TARGET, java_settings
from tests.conftest import ROOT
from tests.targets.java.tooling import classpath

SDK = ROOT / "output" / "extend" / "java"


def test_defaults_come_from_the_api_name() -> None:
    settings = java_settings("spotify", {})
    assert (settings.package, settings.artifact_id, settings.client, settings.token_env) == (
        "com.example.spotify", "spotify-java-sdk", "SpotifyClient", "SPOTIFY_API_KEY",
    )  # fmt: skip


def test_bad_settings_are_named() -> None:
    problems = TARGET.check_settings(
        "extend", Path("spec.yaml"), {"package": "ai.class", "client": "String", "colour": 1}
    )
    assert problems == [
        "unknown setting 'colour' (known: package, group_id, artifact_id, client, token_env)",
        "'ai.class' is not a Java package name (package)",
        "'String' is not a class name the SDK can use (client)",
    ]
    assert TARGET.check_settings("extend", Path("spec.yaml"), {"package": "ai.extend"}) == []


def test_names_are_java_names() -> None:
    assert member_name(Name.parse("class")) == "class_"
    assert member_name(Name.parse("2fa_code")) == "v2faCode"
    assert constant_name("in-progress") == "IN_PROGRESS"
    assert constant_name("3d") == "VALUE_3D"
    assert java_string('a "b"\n\u00e9') == '"a \\"b\\"\\n\\u00e9"'
    assert javadoc("ends */ here @see <b>") == [
        "/**", " * ends *&#47; here &#64;see &lt;b&gt;", " */"
    ]  # fmt: skip


def test_java_is_highlighted() -> None:
    html = TARGET.highlight('public class A { int n = 1; String s = "x"; } // done')
    assert '<span class="tok-kw">public</span>' in html
    assert '<span class="tok-def">A</span>' in html
    assert '<span class="tok-type">int</span>' in html
    assert '<span class="tok-str">&quot;x&quot;</span>' in html
    assert '<span class="tok-com">// done</span>' in html


def test_the_extend_sdk_declares_jackson_databind_only() -> None:
    pom = (SDK / "pom.xml").read_text(encoding="utf-8")
    assert pom.count("<dependency>") == 1 and "<artifactId>jackson-databind</artifactId>" in pom
    gradle = (SDK / "build.gradle").read_text(encoding="utf-8")
    assert "api 'com.fasterxml.jackson.core:jackson-databind:2.14.0'" in gradle
    assert gradle.count("api '") + gradle.count("implementation '") == 1


@pytest.mark.conformance  # compiles the whole SDK again: `make conformance`, not `make test`
def test_the_release_builds_and_checks_the_jars(tmp_path: Path) -> None:
    classpath()
    packaged = TARGET.package(SDK, tmp_path)
    names = sorted(p.name for p in packaged.files)
    version = packaged.version
    assert names == [
        f"extend-java-sdk-{version}-sources.jar", f"extend-java-sdk-{version}.jar",
        f"extend-java-sdk-{version}.pom",
    ]  # fmt: skip
    with zipfile.ZipFile(tmp_path / f"extend-java-sdk-{version}.jar") as jar:
        assert "ai/extend/ExtendClient.class" in jar.namelist()
    with zipfile.ZipFile(tmp_path / f"extend-java-sdk-{version}-sources.jar") as jar:
        assert "ai/extend/ExtendClient.java" in jar.namelist()
    assert "ai.extend.ExtendClient" in packaged.installed
