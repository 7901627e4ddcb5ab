"""``wirewatch users``: accounts of readers, analysts and admins, each with its own token."""

from __future__ import annotations

import sys

import click

from wirewatch.cli.common import db_option, open_store, printable


@click.group()
def users() -> None:
    """Accounts that read, review or administer a served store (docs/review.md)."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "analyst", "admin"]), default="analyst",
              show_default=True, help="reader: read; analyst: also review and ingest; "
                                      "admin: also manage accounts.")
@db_option
def add(name: str, role: str, db: str | None) -> None:
    """Create an account and print its token, this once (only its hash is kept)."""
    from wirewatch.store.accounts import AccountError

    with open_store(db, create=True) as store:
        try:
            token = store.add_account(name, role, actor="cli")
        except AccountError as exc:
            click.echo(f"wirewatch: error: {printable(str(exc))}", err=True)
            sys.exit(2)
    click.echo(token)
    click.echo(f"wirewatch: account {name} ({role}) created; the token above is shown "
               "once: keep it", err=True)


@users.command("list")
@db_option
def list_(db: str | None) -> None:
    """List the accounts: name, role, when made, when disabled."""
    with open_store(db) as store:
        for a in store.accounts():
            state = f"disabled {a['disabled_at']}" if a["disabled_at"] else "enabled"
            click.echo(f"{a['name']}\t{a['role']}\t{a['created_at']}\t{state}")


@users.command("disable")
@click.argument("name")
@db_option
def disable(name: str, db: str | None) -> None:
    """Disable an account: its token is refused from now on."""
    from wirewatch.store.accounts import AccountError

    with open_store(db) as store:
        try:
            store.disable_account(name, actor="cli")
        except AccountError as exc:
            click.echo(f"wirewatch: error: {printable(str(exc))}", err=True)
            sys.exit(2)
    click.echo(f"wirewatch: account {name} disabled", err=True)
