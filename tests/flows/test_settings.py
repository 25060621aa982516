import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.errors import ConfigError
from flows.settings import load_sources


def test_bundled_sources_validate():
    assert len(load_sources()) >= 8


def test_bad_source_names_file_source_and_field(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('[[source]]\nid = "ok"\nname = "X"\nbase_url = "ftp://x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"s\.toml: source 'ok': field 'base_url'"):
        load_sources(f)


def test_garbled_toml_is_a_config_error(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text("[[source]\nid=", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(f)


@given(st.text(max_size=200))
def test_any_text_is_a_config_error_or_sources(tmp_path_factory, text):
    f = tmp_path_factory.mktemp("cfg") / "s.toml"
    f.write_text(text, encoding="utf-8")
    with contextlib.suppress(ConfigError):
        load_sources(f)
