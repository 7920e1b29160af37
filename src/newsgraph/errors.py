"""Every error newsgraph reports, with a code, in one catalogue.

A rejected input is reported as one line: `<input>: E104 <reason> (<what to do>)`. Code raises
`Rejected(Errors.E104, input=..., **details)`; nothing returns a silent None.
"""
from __future__ import annotations


class Errors:
    # E1xx: reading an input
    E101 = "cannot read the file: {detail}"
    E102 = "the file is empty"
    E103 = "the file looks binary, not text or HTML ({detail}); only .txt, .html, .warc and .jsonl are read"
    E104 = "the input is {size} bytes, over the limit of {limit} bytes (raise ingest.max_bytes in the settings or split it)"
    E105 = "the compressed file is truncated or corrupt: {detail}"
    E106 = "unknown file type {suffix!r}; newsgraph reads .txt, .html, .htm, .warc, .jsonl (optionally .gz or .xz)"
    E107 = "the WARC file is truncated or corrupt after {count} records: {detail}"
    E108 = "the path does not exist"
    # E2xx: JSON Lines
    E201 = "line {line} is not JSON: {detail}"
    E202 = "line {line} is not a JSON object"
    E203 = "line {line} has neither a 'text' nor an 'html' string field"
    # E3xx: extraction
    E301 = "no article text found in the page{detail}"
    E302 = "processing took longer than {limit} s and was stopped (raise ingest.timeout_s to allow more)"
    E303 = "the extraction worker failed: {detail}"
    E304 = "the HTML could not be parsed: {detail}"
    # E4xx: knowledge base and export
    E401 = "the knowledge base {path} was written by a newer newsgraph (schema {found}, this one knows {known})"
    E402 = "unknown export format {fmt!r}; use jsonl, csv or parquet"
    E403 = "parquet export needs pyarrow: pip install 'newsgraph[parquet]'"
    E404 = "{path} is not a newsgraph knowledge base: {detail}"
    # E5xx: settings
    E501 = "unknown setting {key!r} in {path}"
    E502 = "setting {key!r} must be {kind}, not {value!r}"
    E503 = "cannot load the event trigger model {path}: {reason}; rebuild it with `python -m newsgraph.events.train`"


class NewsgraphError(Exception):
    """An error with a code from `Errors`; str() is the one-line message."""

    def __init__(self, template: str, **details: object) -> None:
        self.code = next((name for name, value in vars(Errors).items() if value == template), "E000")
        self.details = details
        try:
            reason = template.format(**details)
        except (KeyError, IndexError):
            reason = template
        self.reason = reason
        super().__init__(f"{self.code} {reason}")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # exceptions pickle their args; ours are keyword details (sent back from worker processes)
        return (_rebuild, (type(self), getattr(Errors, self.code, self.reason), self.__dict__))


class Rejected(NewsgraphError):
    """An input newsgraph will not store, with the rule it broke; the batch goes on."""

    def __init__(self, template: str, source: str = "", **details: object) -> None:
        super().__init__(template, **details)
        self.source = source

    def line(self) -> str:
        return f"{self.source}: {self.code} {self.reason}"


def _rebuild(cls: type[NewsgraphError], template: str, state: dict) -> NewsgraphError:
    error = cls.__new__(cls)
    Exception.__init__(error, f"{state.get('code')} {state.get('reason')}")
    error.__dict__.update(state)
    return error
