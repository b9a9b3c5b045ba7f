"""Text similarity without an all-pairs loop: which statements say nearly the same thing.

Texts become sets of tokens — lower-cased words for alphabetic scripts (minus a
few filler words), overlapping character pairs for Chinese, Japanese and Korean,
which have no spaces — and similarity is the Jaccard index of two sets. Pairs
above a threshold are found with *prefix filtering* (Bayardo et al., "Scaling
up all pairs similarity search", WWW 2007): order each set's tokens from rarest
to most common; two sets can reach the threshold only if they share a token
within the first ``n - ceil(t*n) + 1`` of either, so only those candidates are
compared. The result is exact, and the work grows with the number of pairs that
share rare words, not with the square of the number of texts.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Words so common in job statements that sharing them says nothing.
STOPWORDS = frozenset(
    """a an and are as at be by for from has have in into is it its of on or our that the their
    this to with within all any each every per other such etc""".split()
)
# Ways of saying how often that mean the same thing.
SYNONYMS = {
    "daily": "day",
    "days": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "years": "year",
}
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


# Han (unified and compatibility ideographs), kana and Hangul: the scripts written without
# spaces between words, tokenised as character pairs.
_CJK = re.compile(
    "[\u1100-\u11ff\u302e\u302f\u3041-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\U0001aff0-\U0001b16f"
    "\U00020000-\U000323af]"
)


def _is_cjk(ch: str) -> bool:
    return _CJK.match(ch) is not None


def tokens(text: str) -> frozenset[str]:
    """The token set of a text: words, and character pairs within runs of CJK characters."""
    out: set[str] = set()
    for word in _WORD.findall(text.lower()):
        if _CJK.search(word):
            out.update(_cjk_tokens(word))
        elif word not in STOPWORDS and len(word) > 1:
            out.add(SYNONYMS.get(word) or _stem(word))
    return frozenset(out)


def _cjk_tokens(word: str) -> set[str]:
    out: set[str] = set()
    run: list[str] = []
    for ch in word + " ":
        if _is_cjk(ch):
            run.append(ch)
            continue
        if len(run) == 1:
            out.add(run[0])
        out.update(run[i] + run[i + 1] for i in range(len(run) - 1))
        run = []
    # Latin words mixed into the run ("ERP系统") count as words.
    rest = "".join(" " if _is_cjk(c) else c for c in word)
    out.update(_stem(w) for w in rest.split() if len(w) > 1 and w not in STOPWORDS)
    return out


def _stem(word: str) -> str:
    """A light English stem, so 'statements' meets 'statement' and 'reconciles' 'reconcile'."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class Pair:
    i: int
    j: int
    similarity: float


def similar_pairs(
    texts: Sequence[str] | Sequence[frozenset[str]],
    threshold: float,
    *,
    groups: Sequence[object] | None = None,
) -> list[Pair]:
    """Every pair (i < j) of texts whose similarity is at least ``threshold`` (0 < t <= 1).

    With ``groups``, pairs within the same group (e.g. the same position) are skipped.
    """
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    sets = [t if isinstance(t, frozenset) else tokens(t) for t in texts]
    freq: Counter[str] = Counter(tok for s in sets for tok in s)
    # Rarest first; ties broken by the token itself so the order is deterministic.
    ordered = [sorted(s, key=lambda tok: (freq[tok], tok)) for s in sets]
    index: dict[str, list[int]] = defaultdict(list)
    pairs: list[Pair] = []
    # Process from small sets to large: a set can only match sets not much larger.
    order = sorted(range(len(sets)), key=lambda k: len(sets[k]))
    for i in order:
        toks = ordered[i]
        n = len(toks)
        if n == 0:
            continue
        prefix = n - math.ceil(threshold * n) + 1
        candidates: set[int] = set()
        for tok in toks[:prefix]:
            for j in index[tok]:
                # Size filter: |small| >= t * |large|.
                if len(sets[j]) >= threshold * n:
                    candidates.add(j)
            index[tok].append(i)
        for j in candidates:
            if groups is not None and groups[i] == groups[j]:
                continue
            sim = jaccard(sets[i], sets[j])
            if sim >= threshold:
                a, b = (i, j) if i < j else (j, i)
                pairs.append(Pair(a, b, sim))
    pairs.sort(key=lambda p: (-p.similarity, p.i, p.j))
    return pairs


def most_similar(
    text: str, corpus: Iterable[tuple[str, str]], *, limit: int = 5, floor: float = 0.05
) -> list[tuple[str, float]]:
    """The ``limit`` entries of ``(key, text)`` most similar to ``text``, best first."""
    return rank(
        tokens(text), ((key, tokens(other)) for key, other in corpus), limit=limit, floor=floor
    )


def rank(
    query: frozenset[str],
    corpus: Iterable[tuple[str, frozenset[str]]],
    *,
    limit: int = 5,
    floor: float = 0.05,
) -> list[tuple[str, float]]:
    """:func:`most_similar` on token sets already made (a caller may keep them)."""
    if not query:
        return []
    scored = []
    for key, other in corpus:
        sim = jaccard(query, other)
        if sim >= floor:
            scored.append((key, sim))
    scored.sort(key=lambda kv: (-kv[1], kv[0]))
    return scored[:limit]
