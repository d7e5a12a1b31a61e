"""Evidence normalisation of EVAL_SCHEMA.md (implemented in kb.textnorm, shared with answers)."""

from kb.textnorm import contains, normalize

__all__ = ["contains", "normalize"]
