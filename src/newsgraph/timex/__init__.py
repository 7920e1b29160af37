"""Temporal tagger and normalizer: temporal expressions of a report as TIMEX3 values.

    from newsgraph.timex import tag
    tag("He said on Wednesday that ...", "2015-03-10")  # -> [Timex(text='Wednesday', ..., value='2015-03-04')]

`published` is the report's own publication date as a TIMEX3 date ('2015-03-10', '2015-03',
'2015') or None; relative expressions are resolved against it and nothing else.
"""
from .tagger import tag

__all__ = ["tag"]
