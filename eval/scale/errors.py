"""The one error of the scale-corpus generator."""


class ScaleCorpusError(Exception):
    """The generator cannot run as asked (bad argument, unusable output folder or source corpus)."""
