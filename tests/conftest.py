"""Shared fixtures: the real site built once per session, served on localhost, and a browser; and the
collection hook that parametrizes tests over the checkout's catalog (read when tests are collected,
never when a test module is imported)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.base import CHROMIUM, CHROMIUM_ARGS, catalog, copy_project, mkdocs_build, one_document_build, serve
from tests.site.hostile import hostile_build


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis without its per-example deadline: speed is measured in benchmarks, never in timed tests,
    and on a shared machine one slow example would fail a test that is right."""
    settings.register_profile("coalition-texts", deadline=None)
    settings.load_profile("coalition-texts")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes `doc` runs once per document of sources/catalog.yml, one that takes `event` once per
    event of sources/events.yml (ids: theirs), unless it parametrizes that argument itself."""
    own = {
        name.strip()
        for marker in metafunc.definition.iter_markers("parametrize")
        for name in (marker.args[0].split(",") if isinstance(marker.args[0], str) else marker.args[0])
    }
    records = {"doc": catalog().documents, "event": catalog().events}
    for name, values in records.items():
        if name in metafunc.fixturenames and name not in own:
            metafunc.parametrize(name, values, ids=[value.id for value in values])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of this checkout (tests never write into the checkout), once per session."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`OFFLINE=true mkdocs build` of a scratch copy of the project (pages to open from disk), once per session."""
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    site = project / "site"
    result = mkdocs_build(project, site, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def one_document_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch site of one document of one paragraph (tests/base.py), built once per session."""
    return one_document_build(tmp_path_factory.mktemp("one-document"))


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with a hostile value in every data field (tests/site/hostile.py), once per session."""
    return hostile_build(tmp_path_factory)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on localhost."""
    with serve(built_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright. Skipped on a machine without it, never in CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (.ci/run installs it)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()
