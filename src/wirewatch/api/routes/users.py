"""Accounts: who the caller is, and (admins only) the accounts, a new one, disabling one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request

from wirewatch.api import schemas as sc
from wirewatch.api.deps import ERRORS, NOT_FOUND, WRITE_ERRORS, AdminDep, StoreDep, get_auth
from wirewatch.api.strict import StrictRoute
from wirewatch.store.accounts import AccountError

router = APIRouter(route_class=StrictRoute, prefix="/api", tags=["accounts"])


@router.get("/me", response_model=sc.Me, responses=ERRORS)
def me(request: Request) -> dict[str, Any]:
    """Return who the bearer token names (name and role; nulls without a token) and
    whether this server takes writes."""
    auth = get_auth(request)
    who = auth.principal(request.headers.get("authorization", ""))
    return {"name": who.name if who else None, "role": who.role if who else None,
            "writes": auth.writes_enabled()}


@router.get("/users", response_model=list[sc.AccountOut],
            responses={**ERRORS, **WRITE_ERRORS})
def list_users(store: StoreDep, _admin: AdminDep) -> list[dict[str, Any]]:
    """Return every account (name, role, dates; never a token). Admins only."""
    return store.accounts()


@router.post("/users", response_model=sc.NewAccount, responses={
    **ERRORS, **WRITE_ERRORS, 409: {"model": sc.Error, "description": "The name is taken."}})
def add_user(store: StoreDep, admin: AdminDep, body: sc.AccountIn) -> dict[str, Any]:
    """Create an account and return its token, shown this once (the store keeps only its
    hash). Admins only."""
    try:
        token = store.add_account(body.name, body.role, actor=admin.name)
    except AccountError as exc:
        raise HTTPException(409 if "exists" in str(exc) else 422, str(exc)) from exc
    return {"name": body.name, "role": body.role, "token": token}


@router.post("/users/{name}/disable", response_model=list[sc.AccountOut],
             responses={**ERRORS, **NOT_FOUND, **WRITE_ERRORS})
def disable_user(store: StoreDep, admin: AdminDep,
                 name: Annotated[str, Path(max_length=100)]) -> list[dict[str, Any]]:
    """Disable an account (its token is refused from now on); return the accounts."""
    try:
        store.disable_account(name, actor=admin.name)
    except AccountError as exc:
        raise HTTPException(404, str(exc)) from exc
    return store.accounts()
