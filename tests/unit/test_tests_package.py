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
# What a module may call while it is imported, and nothing more: these names called bare (containers,
# sorting, path arithmetic's constructor, hypothesis's decorators, a dataclass and its fields) ...
BARE_CALLS = {
    "Path", "frozenset", "tuple", "set", "dict", "list", "filter", "range", "sorted", "str", "len",
    "dataclass", "field", "given", "settings", "example",
}  # fmt: skip
# ... anything in hypothesis's strategies and pytest's marks, and these dotted names ...
NAMESPACES = ("st.", "strategies.", "pytest.mark.")
DOTTED_CALLS = {"pytest.fixture", "pytest.param", "re.compile"}
# ... and a strategy's own methods, which only describe another strategy. A string constant's methods
# (`REPORT.replace(...)`) only compute on the string. Any other call on a value (`Path(x).read_text()`,
# `sorted(ROOT.glob("*.md"))`, `str(x).join(...)`) may read a file or the catalog, and is reported.
STRATEGY_METHODS = {"map", "filter", "flatmap"}


def dotted_name(node: ast.expr) -> str | None:
    """`pytest.mark.parametrize` for that attribute chain; None if anything but names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def calls(node: ast.AST) -> Iterator[ast.Call]:
    """The calls an expression makes when it is evaluated (a lambda's body runs later, not now)."""
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.Call):
        yield node
    for child in ast.iter_child_nodes(node):
        yield from calls(child)


class Declared:
    """What a module has declared so far: the names bound to a strategy (`@st.composite` functions and
    values built from `st.`) and the names bound to a string constant."""

    def __init__(self) -> None:
        self.strategies: set[str] = set()
        self.texts: set[str] = set()

    def is_strategy(self, node: ast.expr) -> bool:
        """Whether evaluating `node` gives a hypothesis strategy."""
        if isinstance(node, ast.Name):
            return node.id in self.strategies
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in STRATEGY_METHODS and self.is_strategy(func.value):
            return True
        name = dotted_name(func)
        return name is not None and (name.startswith(NAMESPACES[:2]) or name in self.strategies)

    def is_text(self, node: ast.expr) -> bool:
        """Whether `node` is a string constant or a name bound to one."""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        return isinstance(node, ast.Name) and node.id in self.texts

    def allows(self, call: ast.Call) -> bool:
        """Whether `call` only declares: one of the calls above, nothing that can read or run anything."""
        func = call.func
        name = dotted_name(func)
        if isinstance(func, ast.Name):
            return func.id in BARE_CALLS or func.id in self.strategies
        if name is not None and (name in DOTTED_CALLS or name.startswith(NAMESPACES)):
            return True
        if isinstance(func, ast.Attribute):
            if func.attr in STRATEGY_METHODS and self.is_strategy(func.value):
                return True
            return self.is_text(func.value)
        return False

    def work(self, expressions: list[ast.expr]) -> list[str]:
        """Each call the expressions make that does more than declare, with its line."""
        return [
            f"line {call.lineno}: {ast.unparse(call.func)}"
            for expression in expressions
            for call in calls(expression)
            if not self.allows(call)
        ]

    def bind(self, targets: list[ast.expr], value: ast.expr) -> None:
        """Remember what the names assigned `value` now hold."""
        names = {name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)}
        if self.is_strategy(value):
            self.strategies |= names
        elif self.is_text(value) and all(isinstance(target, ast.Name) for target in targets):
            self.texts |= names


def import_time_work(source: str) -> list[str]:
    """What a module's top level (and its classes' bodies) does beyond declaring, with its line: each
    call that is not one of the declarative ones (in a value, a decorator or a default), and each
    statement that is no import, definition or assignment."""
    declared = Declared()

    def body_work(body: list[ast.stmt]) -> list[str]:
        found = []
        for statement in body:
            if isinstance(statement, (ast.Import, ast.ImportFrom, ast.Pass)):
                continue
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                continue  # a docstring, or `...`
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                evaluated = list(statement.decorator_list)
                if isinstance(statement, ast.ClassDef):
                    evaluated += [*statement.bases, *(keyword.value for keyword in statement.keywords)]
                else:
                    evaluated += [*statement.args.defaults, *(d for d in statement.args.kw_defaults if d)]
                found += declared.work(evaluated)
                if isinstance(statement, ast.ClassDef):
                    found += body_work(statement.body)  # a class's body runs when the module is imported
                elif any(ast.unparse(d).endswith("composite") for d in statement.decorator_list):
                    declared.strategies.add(statement.name)  # a strategy: calling it draws nothing yet
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                if statement.value is None:
                    continue  # an annotation alone
                bad = declared.work([statement.value])
                if not bad:
                    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                    declared.bind(targets, statement.value)
                found += bad
            else:
                found.append(f"line {statement.lineno}: {type(statement).__name__}")
        return found

    return body_work(ast.parse(source).body)


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
YAML = Path(__file__).with_name("x.yml").read_text()
PAGES = sorted(Path("docs").glob("*.md"))
DOCS = ROOT / "docs"
INDEX = DOCS.joinpath("index.md")
NAME = str(ROOT).upper()
LOAD = yaml.safe_load
LOADED = LOAD("a: 1")
TEMPLATE = "a {x}"
FILLED = TEMPLATE.format(x=1)
SPLIT = st.text().map(str.split).filter(len)
MARKED = pytest.param(1, marks=pytest.mark.slow)
class Case:
    \"\"\"A class's body runs when the module is imported.\"\"\"
    text: str
    SOURCE = ROOT.joinpath("x").read_text()
    def method(self): ...
"""
    assert import_time_work(work) == [
        "line 4: load_catalog",
        "line 8: yaml.safe_load",
        "line 8: open",
        "line 9: Expr",
        "line 10: For",
        "line 14: ROOT.glob",
        "line 16: read_default",
        "line 21: Path(__file__).with_name('x.yml').read_text",
        "line 21: Path(__file__).with_name",
        "line 22: Path('docs').glob",
        "line 24: DOCS.joinpath",
        "line 25: str(ROOT).upper",
        "line 27: LOAD",
        "line 35: ROOT.joinpath('x').read_text",
        "line 35: ROOT.joinpath",
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
