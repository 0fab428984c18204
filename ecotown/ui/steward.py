"""The data page's steward session: sign-in with the throttle, the token fingerprint
checked on every write, and import/restore run from a button with their outcome kept for
the next rerun (the page only lays these out)."""

from __future__ import annotations

import secrets

import streamlit as st

from ecotown import stewardship
from ecotown.config import settings
from ecotown.i18n.labels import t
from ecotown.model.schema import TABLES
from ecotown.model.validate import DatasetError
from ecotown.present.safe_html import md_escape
from ecotown.stewardship import access, shared_access
from ecotown.ui import keys

__all__ = ["SignedOut", "do_import", "do_restore", "kind_title", "require_steward",
           "run_safely", "show_messages", "sign_in", "sign_out", "signed_in"]


class SignedOut(Exception):
    """The token changed since this session signed in."""


def kind_title(kind: str, lang: str) -> str:
    """A table kind as the steward reads it: its title and its name."""
    tbl = next(tb for tb in TABLES if tb.kind == kind)
    return f"{tbl.title_th if lang == 'th' else tbl.title_en} ({kind})"


def show_messages(messages: list[str]) -> None:
    """Problems as a Markdown list (escaped), at most 200."""
    for message in messages[:200]:
        st.markdown(f"- {md_escape(message)}")


def run_safely(lang: str, action, *args) -> None:
    """Run an import or restore from a button; keep its outcome for the next run."""
    ss = st.session_state
    try:
        ss[keys.DATA_DONE] = action(lang, *args)
        ss[keys.UPLOAD_NONCE] = ss.get(keys.UPLOAD_NONCE, 0) + 1
        ss.pop(keys.DATA_READ, None)
        ss.pop(keys.DATA_PLAN, None)
        # nothing to clear: every cache is keyed by the dataset's version, and the next
        # rerun's snapshot names the new one (other sessions keep their caches)
        st.session_state.pop(keys.SNAPSHOT, None)
    except DatasetError as exc:
        ss[keys.DATA_FAILED] = exc.messages(lang)
    except OSError as exc:
        ss[keys.DATA_FAILED] = [t("dp_write_failed", lang, detail=exc.strerror or exc)]
    except SignedOut:
        ss[keys.DATA_SIGNED_OUT] = True


def signed_in(expected: str | None) -> bool:
    """Whether this session signed in with the token that is configured now."""
    return access.still_signed_in(st.session_state.get(keys.DATA_ADMIN), expected)


def require_steward() -> None:
    """Stop a write unless the session's token fingerprint matches the current token."""
    if not signed_in(access.configured_token(st.secrets)):
        st.session_state[keys.DATA_ADMIN] = ""
        raise SignedOut


def do_import(lang: str, plan):
    """Write a checked preview (after checking the token again)."""
    require_steward()
    ss = st.session_state
    if plan.new:  # a new dataset's titles, as typed when the steward confirmed
        stewardship.set_titles(plan, ss.get(keys.W_TITLE_TH, ""), ss.get(keys.W_TITLE_EN, ""))
    version, done = stewardship.commit(plan, ss.get(keys.W_STEWARD, ""))
    return t("dp_imported", lang, dataset=done.dataset, version=version), done.dataset


def do_restore(lang: str, version_key: str):
    """Restore the chosen old version as a new one (after checking the token again)."""
    require_steward()
    ss = st.session_state
    name, old = ss.get(keys.W_RESTORE_DATASET), ss.get(version_key)
    version = stewardship.restore(name, old, ss.get(keys.W_STEWARD, ""))
    return t("dp_restored", lang, dataset=name, version=version, old=old), name


def sign_in(expected: str, lang: str = "th") -> None:
    """Check the typed token: throttled per session, rated globally, logged when refused."""
    ss = st.session_state
    client = access.client_address(st.context.ip_address, st.context.headers,
                                   settings.current().trusted_proxies)
    session = ss.setdefault(keys.SESSION_KEY, secrets.token_hex(16))
    throttle, rate = shared_access.throttles()
    try:
        attempt = throttle.attempt(session, ss.get(keys.W_TOKEN, ""), expected, rate=rate,
                                   client=client)
    except DatasetError as exc:  # the shared throttle's database is down: refuse, say why
        attempt = access.Attempt(False, problems=tuple(exc.messages(lang)))
    ss[keys.W_TOKEN] = ""
    ss[keys.DATA_ADMIN] = access.token_fingerprint(expected) if attempt.ok else ""
    ss[keys.SIGN_IN_ATTEMPT] = attempt


def sign_out() -> None:
    """Forget this session's sign-in (and the attempt that made it: no stale message)."""
    st.session_state[keys.DATA_ADMIN] = ""
    st.session_state.pop(keys.SIGN_IN_ATTEMPT, None)
