"""sources/search_variants.py: groups of names that find each other in search."""

from __future__ import annotations

from coalition_texts.sources.search_variants import VariantGroup, load_variants
from tests.base import source_error, write_sources

VARIANTS = "variants:\n  - terms: [Marrakesh, Marrakech]\n    note: spellings\n  - terms: [Daesh,  'ISIS ']\n"


def test_groups_and_a_missing_file(tmp_path):
    sources = write_sources(tmp_path, {"search-variants.yml": VARIANTS})
    assert load_variants(sources) == (VariantGroup(("Marrakesh", "Marrakech"), 2), VariantGroup(("Daesh", "ISIS"), 4))
    assert load_variants(write_sources(tmp_path / "none")) == ()


def test_a_group_of_one_and_a_term_in_two_groups(tmp_path):
    sources = write_sources(tmp_path, {"search-variants.yml": VARIANTS.replace("[Daesh,  'ISIS ']", "[Daesh]")})
    assert source_error(lambda: load_variants(sources)).startswith(
        f"{sources / 'search-variants.yml'}, line 4 (variant group 2, field 'terms'): lists fewer than two terms."
    )
    sources = write_sources(tmp_path, {"search-variants.yml": VARIANTS.replace("Daesh", "marrakech")})
    assert source_error(lambda: load_variants(sources)).startswith(
        f"{sources / 'search-variants.yml'}, line 4 (variant group 2, field 'terms'): "
        "'marrakech' is already in the group on line 2."
    )
