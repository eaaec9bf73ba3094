"""``@vereist_rol("beheerder")``: the one guard every write route of the site wears.

Why one decorator and not checks inside views: the URL-map test
(tests/web/test_csrf.py) proves every write route refuses anonymous
visitors, and a guard that is a line above the view is easy to review.
Anonymous HTML requests go to the login page (and come back after), JSON
clients get 401; a logged-in user without the role gets a Dutch 403.
"""
from __future__ import annotations

from functools import wraps
from typing import Any, Callable, TypeVar

from flask import jsonify, redirect, render_template, request, url_for

from graaf.gebruikers import controleer_rol
from web.accounts import SCHRIJVEN, audit, huidige_gebruiker
from web.json_twin import wil_json

F = TypeVar("F", bound=Callable[..., Any])


def naar_inloggen() -> Any:
    """401 for JSON clients, else a redirect to the login page that returns here."""
    if wil_json():
        return jsonify({"fout": "Log in om dit te doen."}), 401
    volgende = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("account.inloggen", volgende=volgende))


def geweigerd(rol: str) -> Any:
    tekst = f"Hiervoor is de rol {rol} nodig; vraag de beheerder van de scan om toegang."
    if wil_json():
        return jsonify({"fout": tekst}), 403
    return render_template("fout.html", titel="Geen toegang", tekst=tekst), 403


def _audit_weigering(reden: str) -> None:
    """A refused write is logged as refused (its redirect would otherwise look like success)."""
    if request.method in SCHRIJVEN:
        audit(f"{request.method} {request.path}", resultaat=f"geweigerd ({reden})")


def vereist_rol(rol: str) -> Callable[[F], F]:
    """Only users with ``rol`` (or more rights: lezer < adviseur < beheerder) get through."""
    controleer_rol(rol)

    def decorator(view: F) -> F:
        @wraps(view)
        def omhulsel(*args: Any, **kwargs: Any) -> Any:
            gebruiker = huidige_gebruiker()
            if gebruiker is None:
                _audit_weigering("niet ingelogd")
                return naar_inloggen()
            if not gebruiker.mag(rol):
                _audit_weigering(f"rol {rol} nodig")
                return geweigerd(rol)
            return view(*args, **kwargs)
        return omhulsel  # type: ignore[return-value]
    return decorator
