import pytest

from kb.search.evaluation import GradedQuery, parse_grades, score


def test_grades_are_read_from_slug_grade_pairs():
    assert parse_grades("a:2, b:1") == {"a": 2, "b": 1}


def test_a_perfect_ranking_scores_one():
    query = GradedQuery("q", {"a": 2, "b": 1})

    result = score(query, ["a", "b", "x"])

    assert (result.reciprocal_rank, result.ndcg, result.success) == (1.0, 1.0, True)


def test_the_best_answer_in_fourth_place_is_not_a_success_at_three():
    query = GradedQuery("q", {"a": 2})

    result = score(query, ["x", "y", "z", "a"])

    assert result.reciprocal_rank == 0.25
    assert not result.success
    assert result.ndcg == pytest.approx(1 / 2.321928, rel=1e-5)


def test_a_query_without_answers_succeeds_when_it_finds_nothing():
    query = GradedQuery("kryptovaluta", {})

    assert query.expects_nothing
    assert score(query, []).success
    assert not score(query, ["x"]).success
