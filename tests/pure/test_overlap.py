import random

import pytest

from remit.analysis.overlap import jaccard, most_similar, similar_pairs, tokens


def test_english_tokens_drop_filler_words_and_plural_s():
    assert tokens("Reconcile the supplier statements with the ledger") == {
        "reconcile",
        "supplier",
        "statement",
        "ledger",
    }


def test_chinese_is_split_into_character_pairs():
    assert {"核对", "对账", "账单"} <= tokens("核对对账单")
    assert "erp" in tokens("维护ERP系统")


def test_near_duplicates_are_found_across_languages():
    texts = [
        "Reconcile supplier statements with the ledger every month",
        "Reconcile the supplier statements with the ledger each month",
        "Prepare the annual budget for the board",
        "每月核对供应商对账单与总账",
        "每月核对供应商对账单和总账",
    ]
    found = {(p.i, p.j) for p in similar_pairs(texts, 0.6)}
    assert found == {(0, 1), (3, 4)}


def test_groups_skip_pairs_within_a_group():
    texts = ["Count the stock monthly", "Count the stock monthly", "Count the stock monthly"]
    assert {(p.i, p.j) for p in similar_pairs(texts, 0.9, groups=["A", "A", "B"])} == {
        (0, 2),
        (1, 2),
    }


def test_prefix_filtering_finds_exactly_what_all_pairs_would():
    """The fast search must agree with the obvious quadratic one on random texts."""
    rng = random.Random(7)
    words = "audit budget cash cost count credit ledger month review stock supplier tax".split()
    texts = [" ".join(rng.sample(words, rng.randint(2, 7))) for _ in range(300)]
    sets = [tokens(t) for t in texts]
    for threshold in (0.5, 0.7, 0.9):
        brute = {
            (i, j)
            for i in range(len(sets))
            for j in range(i + 1, len(sets))
            if jaccard(sets[i], sets[j]) >= threshold
        }
        fast = {(p.i, p.j) for p in similar_pairs(texts, threshold)}
        assert fast == brute


def test_most_similar_ranks_the_closest_first():
    corpus = [
        ("A", "organise the financial plans"),
        ("B", "sell ovens to hotels"),
        ("C", "organise financial plans and budgets"),
    ]
    ranked = most_similar("organise the company's financial plans", corpus)
    assert [k for k, _s in ranked][:2] == ["A", "C"]
    assert all(s > 0 for _k, s in ranked)


def test_threshold_must_be_a_fraction():
    with pytest.raises(ValueError, match="threshold"):
        similar_pairs(["a b"], 0)


def test_cjk_detection_agrees_with_the_unicode_names_across_the_basic_plane():
    import unicodedata

    from remit.analysis.overlap import _is_cjk

    scripts = ("CJK UNIFIED", "CJK COMPATIBILITY", "HIRAGANA", "KATAKANA", "HANGUL")
    wrong = [
        hex(i)
        for i in range(0x10000)
        if unicodedata.category(chr(i))[0] in "LN"
        and _is_cjk(chr(i)) != unicodedata.name(chr(i), "").startswith(scripts)
    ]
    assert wrong == []
    assert _is_cjk("\U00020000")  # CJK Extension B, beyond the basic plane
