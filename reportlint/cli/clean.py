"""``reportlint clean``: remove the result cache."""

from __future__ import annotations

import click

from reportlint.batch.cache import DEFAULT_DIR, clean


@click.command(name="clean")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=DEFAULT_DIR,
              show_default=True, help="The cache folder to remove.")
def clean_cache(cache_dir: str) -> None:
    """Remove the result cache (.reportlint_cache)."""
    if clean(cache_dir):
        click.echo(f"已删除缓存 {cache_dir}")
    else:
        click.echo(f"没有缓存 {cache_dir}")
