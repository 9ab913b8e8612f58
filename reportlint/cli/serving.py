"""``reportlint server``: the language server over standard input and output."""

from __future__ import annotations

import click

from reportlint.errors import UsageError


@click.command(name="server")
def server_command() -> None:
    """Run the language server (LSP) over stdio, for editors."""
    try:
        from reportlint.server.lsp import serve
    except ImportError as error:
        raise UsageError(f"the language server needs pygls: pip install 'reportlint[lsp]' "
                         f"({error})") from None
    serve()
