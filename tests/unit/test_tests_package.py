"""The tests are a package that does nothing when imported: a test module holds imports, functions,
classes and declarations only (its data is read when a test or a collection hook asks for it), and no
test module imports another one (what tests share lives in helper modules: tests/base.py,
tests/site_crawl.py, tests/site/hostile.py, tests/browser/actions.py; fixtures in tests/conftest.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest

from tests.base import ROOT

TESTS = ROOT / "tests"
# What a module may call while it is imported: hypothesis strategies and decorators, pytest's marks,
# compiled patterns, path arithmetic, the built-in containers and sorting them. Nothing that reads a
# file or the catalog.
DECLARATIVE_CALLS = {
    "st", "strategies", "given", "settings", "example", "pytest", "re", "functools", "dataclass",
    "Path", "frozenset", "tuple", "set", "dict", "list", "filter", "range", "sorted", "str",
}  # fmt: skip


def root_name(node: ast.expr) -> str | None:
    """The name a called expression starts from: `st` for `st.lists(...).map`, `Path` for `Path(x).parent`."""
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def calls(node: ast.AST) -> Iterator[ast.Call]:
    """The calls an expression makes when it is evaluated (a lambda's body runs later, not now)."""
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.Call):
        yield node
    for child in ast.iter_child_nodes(node):
        yield from calls(child)


def import_time_work(source: str) -> list[str]:
    """What a module's top level does beyond declaring, with its line: each call outside the declarative
    ones (in a value, a decorator or a default), and each statement that is no import, definition or
    assignment. Names the module declares (constants, strategies, `@st.composite` functions) may be used."""
    allowed = set(DECLARATIVE_CALLS)

    def undeclarative(expressions: list[ast.expr]) -> list[str]:
        return [
            f"line {call.lineno}: {ast.unparse(call.func)}"
            for expression in expressions
            for call in calls(expression)
            if root_name(call.func) not in allowed
        ]

    found = []
    for statement in ast.parse(source).body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            evaluated = list(statement.decorator_list)
            if not isinstance(statement, ast.ClassDef):
                evaluated += [*statement.args.defaults, *(d for d in statement.args.kw_defaults if d)]
            found += undeclarative(evaluated)
            if any(ast.unparse(d).endswith("composite") for d in statement.decorator_list):
                allowed.add(statement.name)  # a strategy: calling it draws nothing yet
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            bad = undeclarative([statement.value])
            if not bad:
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                allowed |= {name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)}
            found += bad
        else:
            found.append(f"line {statement.lineno}: {type(statement).__name__}")
    return found


def imported_test_modules(source: str) -> list[str]:
    """The test modules (tests/**/test_*.py) or conftest files a module imports, with their lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            modules = [base]
            if node.level or base == "tests" or base.startswith("tests."):  # `from tests.site import test_x`
                modules += [f"{base}.{alias.name}" for alias in node.names]
        for module in modules:
            last = module.rsplit(".", 1)[-1]
            if module.startswith(("tests.", ".")) and (last.startswith("test_") or last == "conftest"):
                found.append(f"line {node.lineno}: {module}")
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`module`: every Python file of tests/, found when the tests are collected."""
    if "module" in metafunc.fixturenames:
        paths = sorted(TESTS.rglob("*.py"))
        metafunc.parametrize("module", paths, ids=[str(path.relative_to(TESTS)) for path in paths])


def test_no_module_of_tests_does_work_when_imported(module):
    assert import_time_work(module.read_text(encoding="utf-8")) == [], module


def test_no_module_of_tests_imports_a_test_module(module):
    assert imported_test_modules(module.read_text(encoding="utf-8")) == [], module


def test_the_checks_catch_what_they_forbid():
    """Each kind of import-time work, and each way to import a test module, is reported."""
    work = """
import yaml
from tests.base import ROOT
CATALOG = load_catalog(ROOT / "sources")
PATTERN = re.compile("x")
TEXT = st.text().map(str.strip)
WORDS = TEXT.filter(bool)
DATA = yaml.safe_load(open("x.yml"))
print("collected")
for x in range(3):
    pass
@pytest.mark.parametrize("doc", CATALOG.documents)
def test_a(doc): ...
@pytest.mark.parametrize("page", sorted(ROOT.glob("*.md")))
def test_b(page): ...
def helper(value=read_default()): ...
@st.composite
def texts(draw): ...
@given(texts(), WORDS)
def test_c(text, word): ...
"""
    assert import_time_work(work) == [
        "line 4: load_catalog",
        "line 8: yaml.safe_load",
        "line 8: open",
        "line 9: Expr",
        "line 10: For",
        "line 14: ROOT.glob",
        "line 16: read_default",
    ]
    imports = """
from tests.site.test_bad_input import snapshot
from tests.site import test_bad_input
import tests.unit.test_escaping
from .test_search_browser import search
from tests import conftest
from tests.base import ROOT
from tests.site.hostile import plant
"""
    assert imported_test_modules(imports) == [
        "line 2: tests.site.test_bad_input",
        "line 3: tests.site.test_bad_input",
        "line 4: tests.unit.test_escaping",
        "line 5: .test_search_browser",
        "line 6: tests.conftest",
    ]
