"""``wirewatch serve``: the JSON API and the web interface."""

from __future__ import annotations

import sys

import click

from wirewatch.cli.common import (
    db_option,
    printable,
    resources_of,
)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="WIREWATCH_TOKEN", default=None,
              help="A shared admin token: enables the write endpoints for requests with "
                   "'Authorization: Bearer TOKEN' (env WIREWATCH_TOKEN). Accounts "
                   "(wirewatch users add) have tokens of their own.")
@click.option("--max-body", default=2_000_000, show_default=True,
              type=click.IntRange(1_000, 1_000_000_000), help="Largest request body, in bytes.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              envvar="WIREWATCH_ALLOWED_HOSTS",
              help="A host name the server is reached by, besides localhost, 127.0.0.1, ::1 "
                   "and the --host address (repeatable; env WIREWATCH_ALLOWED_HOSTS, "
                   "space-separated; '*' answers any). Requests naming another Host get "
                   "400: a web page cannot reach this server by rebinding its own name.")
@click.option("--require-read-token", is_flag=True, default=False,
              help="Reading the API needs a token too (any account's, or --token); by "
                   "default reading is open.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token: str | None,
          max_body: int, allowed_hosts: tuple[str, ...], require_read_token: bool) -> None:
    """Serve the JSON API and the web interface (map, timeline, events, articles)."""
    import ipaddress

    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.api.middleware import allowed_hosts_for
    from wirewatch.store.db import database_url, display_url

    if token is not None and len(token) < 16:
        raise click.BadParameter("use a token of at least 16 characters", param_hint="--token")
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    from wirewatch.store import StoreError

    hosts = allowed_hosts_for(host, allowed_hosts)
    try:
        # a read-only server never creates a store; one that takes writes may
        app = create_app(db, token, max_body_bytes=max_body, resources=resources_of(ctx),
                         create=token is not None, allowed_hosts=hosts,
                         require_read_token=require_read_token)
    except StoreError as exc:
        click.echo(f"wirewatch: error: store {printable(str(exc))}", err=True)
        sys.exit(2)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    writes = app.state.auth.writes_enabled()
    click.echo(f"wirewatch: serving {display_url(database_url(db))} at "
               f"http://{shown}:{port}/ (API: /api/, OpenAPI: /docs); writing "
               f"{'enabled (bearer tokens)' if writes else 'disabled (no --token, no accounts)'}"
               f"; reading {'needs a token' if require_read_token else 'open'}", err=True)
    if not local:
        click.echo(f"wirewatch: warning: listening on {host}, reachable from other machines; "
                   "there is no TLS: put it behind a TLS proxy", err=True)
    if "*" not in hosts:
        click.echo(f"wirewatch: answering requests for the hosts {', '.join(hosts)} "
                   "(--allowed-host adds one)", err=True)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
