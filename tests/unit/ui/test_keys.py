"""Issue 26: session-state and widget keys are declared once, in ecotown/ui/keys.py: the pages
and ecotown.ui use those names (no key spelled as a string literal) and every declared key is
used somewhere (no dead keys)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ecotown.ui import keys

ROOT = Path(__file__).resolve().parents[3]
FILES = [*ROOT.glob("ecotown/ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]
STATE_CALLS = {"get", "pop", "setdefault"}


def _literal_keys(path: Path) -> list[str]:
    """String literals used as a key: ``key="…"``, ``session_state["…"]``, ``ss["…"]``,
    ``ss.get("…")`` and the like."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.keyword) and node.arg == "key" and isinstance(
                node.value, ast.Constant) and isinstance(node.value.value, str):
            found.append(node.value.value)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and \
                isinstance(node.slice.value, str) and _is_state(node.value):
            found.append(node.slice.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in STATE_CALLS and _is_state(node.func.value) and node.args and \
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.append(node.args[0].value)
    return found


def _is_state(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "ss") or (
        isinstance(node, ast.Attribute) and node.attr == "session_state")


def test_no_key_is_spelled_as_a_literal():
    literals = {str(p.relative_to(ROOT)): _literal_keys(p) for p in FILES if p.name != "keys.py"}
    assert {f: k for f, k in literals.items() if k} == {}


def test_the_check_sees_a_literal_key(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('import streamlit as st\nst.session_state["_x"] = 1\nss = {}\nss.get("_y")\n'
                    'st.button("b", key="w_b")\n')
    assert sorted(_literal_keys(page)) == ["_x", "_y", "w_b"]


def test_every_declared_key_is_used():
    declared = {name for name in vars(keys) if name.isupper() and name != "WIDGETS"}
    text = "\n".join(p.read_text() for p in FILES if p.name != "keys.py")
    unused = sorted(name for name in declared if not re.search(rf"\bkeys\.{name}\b", text))
    assert unused == []


def test_keys_are_unique():
    values = [v for n, v in vars(keys).items() if n.isupper() and n != "WIDGETS"]
    assert len(values) == len(set(values))
    assert all(v.startswith("w_") for v in keys.WIDGETS)
