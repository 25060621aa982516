"""Settings and the sources config as validated value objects.

Defaults live here once (module constants); `data/warta.toml` and `data/sources.toml`
override them. A bad file raises ConfigError naming the file, the source and the field,
never a pydantic traceback. The environment is read in one place each: WARTA_HOME (`home`), WARTA_CONFIG
(`config_file`) and WARTA_<SECTION>__<KEY> overrides (`load_settings`).
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractors.lexicon import bundled
from flows.errors import ConfigError

DiscoveryKind = Literal["robots", "sitemap", "feed", "wp-json"]


#: the files shipped with warta (lexicons, demo site, default warta.toml and sources.toml)
BUNDLED_DATA = bundled("warta_data", "data")


def project_root() -> Path:
    """The source checkout (docs and README live there; only meaningful when running from one)."""
    return Path(__file__).resolve().parents[1]


def home() -> Path:
    """Where runtime files go (data/warta.duckdb, data/warc) and where data/warta.toml and data/sources.toml
    are looked for first: WARTA_HOME, else the source checkout when running from one, else the current
    directory (an installed wheel never writes into site-packages)."""
    env = os.environ.get("WARTA_HOME")
    if env:
        return Path(env).resolve()
    return project_root() if (project_root() / "pyproject.toml").exists() else Path.cwd()


def config_file(name: str) -> Path:
    """The settings file named by WARTA_CONFIG (for warta.toml), else data/<name> under home() when there
    is one, else the copy shipped with warta."""
    if name == "warta.toml" and os.environ.get("WARTA_CONFIG"):
        return Path(os.environ["WARTA_CONFIG"])
    own = home() / "data" / name
    return own if own.exists() else BUNDLED_DATA / name


def _environment_overrides(data: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, str], str]]:
    """WARTA_<SECTION>__<KEY>=value (containers, work pools) over the file: WARTA_CRAWL__DELAY_S=2; and which
    variable set each (section, key), so a bad value is blamed on the variable, not on the file.

    pydantic-settings reads such variables too, but its errors name the field ("crawl.delay_s"), not the
    variable an operator set, and it would be a second settings mechanism beside the TOML file: these ten
    lines keep one merge, one validation and errors that say where the value came from."""
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    origins: dict[tuple[str, str], str] = {}
    for name, value in os.environ.items():
        if name.startswith("WARTA_") and "__" in name:
            section, _, key = name[len("WARTA_"):].lower().partition("__")
            if section and key:
                out.setdefault(section, {})
                if isinstance(out[section], dict):
                    out[section][key] = value
                    origins[(section, key)] = name
    return out, origins


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoreSettings(_Frozen):
    db: Path = Path("data/warta.duckdb")
    warc_dir: Path = Path("warc")        # relative: beside the database it archives for, whatever the working directory


class CrawlSettings(_Frozen):
    user_agent: str = "warta/0.1 (+https://github.com/warta-id/warta; news research crawler)"
    delay_s: float = Field(1.0, ge=0)
    max_bytes: int = Field(10_000_000, gt=0)
    connect_timeout_s: float = Field(10.0, gt=0)
    read_timeout_s: float = Field(20.0, gt=0)
    total_timeout_s: float = Field(60.0, gt=0)
    max_redirects: int = Field(5, ge=0, le=20)
    pages_per_source: int = Field(500, gt=0)
    max_url_length: int = Field(512, gt=20)
    revisit_days: int = Field(3, ge=0)              # articles first seen this recently get a conditional GET each run
    refetch_after_hours: float = Field(1.0, ge=0)   # never re-request a URL fetched more recently than this
    allow_private: bool = False
    since: date | None = None           # backfills: skip URLs whose sitemap/feed date is older
    recheck: bool = False               # request every known URL again (conditional GET), whatever its age


class PipelineSettings(_Frozen):
    batch_size: int = Field(128, gt=0, le=5000)
    workers: int = Field(2, ge=1, le=64)
    dask_batch: int = Field(500, gt=0, le=100_000)   # pages per Dask task: ~5 s of work per ~0.1 s of Prefect


class ScheduleSettings(_Frozen):
    default_cron: str = "0 */6 * * *"       # every six hours
    timezone: str = "Asia/Makassar"
    groups: dict[str, str] = {}             # source group -> cron, overriding the default

    @field_validator("default_cron")
    @classmethod
    def _five_fields(cls, v: str) -> str:
        if len(v.split()) != 5:
            raise ValueError(f"{v!r} is not a 5-field cron expression")
        return v

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{v!r} is not a time zone (IANA names: Asia/Makassar, Asia/Jakarta, Asia/Jayapura)") from None
        return v


class Settings(_Frozen):
    store: StoreSettings = StoreSettings()
    crawl: CrawlSettings = CrawlSettings()
    pipeline: PipelineSettings = PipelineSettings()
    schedule: ScheduleSettings = ScheduleSettings()

    def resolve(self, path: Path) -> Path:
        return path if path.is_absolute() else home() / path

    def warc_dir(self, db: Path) -> Path:
        """Where the raw responses of `db` are archived: `store.warc_dir`, a relative one beside the database, so
        `warta reextract --db X` finds them from any directory."""
        return self.store.warc_dir if self.store.warc_dir.is_absolute() else db.resolve().parent / self.store.warc_dir


class Source(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    base_url: str
    region: str | None = None
    discovery: tuple[DiscoveryKind, ...] = ("robots", "sitemap", "feed")
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    url_pattern: str | None = None
    topic: str | None = None
    delay_s: float | None = Field(None, ge=0)
    group: str = "default"
    deprecated: bool = False

    @field_validator("base_url", "sitemaps", "feeds")
    @classmethod
    def _http_only(cls, v: Any) -> Any:
        for url in [v] if isinstance(v, str) else v:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"{url!r} is not an http(s) URL")
        return v

    @field_validator("url_pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from exc
        return v


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def _explain(path: Path, where: str, exc: ValidationError, origins: dict[tuple[str, str], str] | None = None) -> ConfigError:
    first = exc.errors()[0]
    loc = tuple(str(p) for p in first["loc"])
    field = ".".join(loc) or "(top level)"
    variable = (origins or {}).get((loc[0], loc[1])) if len(loc) >= 2 else None
    if variable:
        return ConfigError(f"environment variable {variable}={os.environ.get(variable, '')!r}: {first['msg']}")
    return ConfigError(f"{path}: {where}field '{field}': {first['msg']}")


def load_settings(path: Path | None = None) -> Settings:
    """Settings from `data/warta.toml` (or `path`, or WARTA_CONFIG), then WARTA_<SECTION>__<KEY> environment
    overrides; a missing default file means defaults. A bad value names the file and the field."""
    path = path or config_file("warta.toml")
    data = {} if not path.exists() and path == BUNDLED_DATA / "warta.toml" else _read_toml(path)
    merged, origins = _environment_overrides(data)
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise _explain(path, "", exc, origins) from None


def load_sources(path: Path | None = None) -> list[Source]:
    """The outlets of `data/sources.toml`, validated; ids must be unique."""
    path = path or config_file("sources.toml")
    raw = _read_toml(path).get("source", [])
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources: list[Source] = []
    for i, item in enumerate(raw):
        label = item.get("id", f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
        try:
            sources.append(Source.model_validate(item))
        except ValidationError as exc:
            raise _explain(path, f"source '{label}': ", exc) from None
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise ConfigError(f"{path}: source '{s.id}': field 'id': duplicated")
        seen.add(s.id)
        if s.region and s.region not in known_regions():
            raise ConfigError(f"{path}: source '{s.id}': field 'region': {s.region!r} is not a Kemendagri region "
                              "(write it as 'Kabupaten Gowa', 'Kota Parepare' or 'Provinsi Sulawesi Selatan')")
    return [s for s in sources if not s.deprecated]


@cache
def known_regions() -> frozenset[str]:
    """Names and codes of the 38 provinces and 514 kabupaten/kota a source's region may be."""
    from extractors import load_lexicon
    regions = load_lexicon().regions.values()
    return frozenset({r.name for r in regions} | {r.code for r in regions})
