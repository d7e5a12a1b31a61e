"""Generate a large, realistic corpus from the bundled one, for the 10k/100k/1M-chunk benchmarks.

    python -m eval.scale --chunks 100000 --seed 7 --out /tmp/scale-100k
    EMKB_CORPUS_DIR=/tmp/scale-100k emkb ingest /tmp/scale-100k

(``python -m eval.scale_corpus`` is the same command.) Every sentence comes from the bundled
corpus, read with the real loader, cleaner and parser: work-plan tasks, law articles, hazard
items and policy sentences are recombined under new titles, issuers, doc numbers, dates
(2015-2026), owners, deadlines and numbering. The output is a corpus folder like ``corpus/``:
category subfolders of UTF-8 .md/.txt files and a ``manifest.json`` that the normal ingest reads,
with a few superseded editions (validity 被替代) so filters have work to do.

The chunk count is planned with :class:`ChunkCounter`, a count-only replica of
``ingest.splitter.split_document`` run on the units the generator writes (every line is written
so that the cleaner keeps it as one line), so a request of N chunks ingests to N chunks plus a
few (measured with the real parser and splitter: 10,003 for 10,000; 1,000,006 for 1,000,000).
Same ``--chunks``, ``--seed``, bundled corpus and parser give byte-identical files. Documents are
streamed to disk one at a time: 1M chunks (590 MB, ~38k files) take about 20 s and 280 MB RSS on
2 cores.

Modules, by role:

- ``vocabulary``: the category mix, document sizes, offices, deadlines and title patterns;
- ``places``: the provinces, cities and counties documents are written for;
- ``material``: the bundled corpus read into reusable tasks, articles, items and sentences;
- ``counter``: the chunk counter (the splitter's rules) and the line writer that keeps it;
- ``context``: the state of one run (random stream, titles and numbers taken, manifest entries);
- ``builders``: work plans, regulations, hazard standards and policy articles;
- ``generate``: the plan by category, ``iter_documents`` and ``generate``;
- ``cli``: the command line (``__main__`` runs it).

Library use: ``generate(chunks, seed, out)`` returns the summary;
``iter_documents(chunks, seed)`` yields (path, text, manifest entry) without files.
"""

from eval.scale.builders import ScaleDocument
from eval.scale.counter import ChunkCounter
from eval.scale.errors import ScaleCorpusError
from eval.scale.generate import generate, iter_documents, quotas
from eval.scale.material import CORPUS, Material, load_material

__all__ = [
    "CORPUS",
    "ChunkCounter",
    "Material",
    "ScaleCorpusError",
    "ScaleDocument",
    "generate",
    "iter_documents",
    "load_material",
    "quotas",
]
