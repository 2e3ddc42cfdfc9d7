"""Which imports a generated Go file gets: only the packages its code names, never one that a
comment or a string literal merely mentions."""

from __future__ import annotations

from generator.targets.go.imports import import_block, names_package, qualified_uses

MODULE = "example.com/acme-go"


def test_a_comment_or_a_string_mentioning_io_adds_no_import() -> None:
    code = (
        "package files\n\n"
        "// Download answers io.ReadCloser bytes; see socket.io. for streaming.\n"
        "func (c *Client) Name() string {\n"
        "\treturn \"io.EOF\" + `io.Reader` + string('i')\n"
        "}\n"
        "/* context.Background() in a block comment */\n"
    )
    assert not names_package(code, "io")
    assert import_block(code, MODULE, "acme", ()) == ""


def test_real_uses_are_imported_in_gofmt_groups() -> None:
    code = (
        "func (c *Client) Get(ctx context.Context, opts ...option.RequestOption)"
        " (io.ReadCloser, error) {\n"
        "\tvar f *files.Client\n"
        "\treturn core.Download(ctx, acme.String(url.PathEscape(c.id)), http.MethodGet, f)\n"
        "}\n"
    )
    assert import_block(code, MODULE, "acme", ("files", "users")) == "\n".join(
        [
            '\t"context"',
            '\t"io"',
            '\t"net/http"',
            '\t"net/url"',
            "",
            '\tacme "example.com/acme-go"',
            '\t"example.com/acme-go/core"',
            '\t"example.com/acme-go/files"',
            '\t"example.com/acme-go/option"',
        ]
    )


def test_a_member_named_like_a_package_is_not_a_use() -> None:
    uses = qualified_uses("x := request.io.Size\ny := run.context.Value\n")
    assert ("io", "Size") not in uses
    assert ("context", "Value") not in uses
    assert ("request", "io") in uses


def test_a_lower_case_member_of_the_root_name_does_not_import_the_root() -> None:
    assert import_block("n := acme.count\n", MODULE, "acme", ()) == ""
