"""Statements prepared on the connection run with the parameters of the SQL they replace."""

import pytest

from django.db import connection

from kb.search import prepared

pytestmark = pytest.mark.django_db


def test_a_prepared_statement_takes_the_parameters_and_keeps_literal_percent_signs():
    sql = "SELECT %s::int + 1, %s::text, '100%%'"
    with connection.cursor() as cursor:
        cursor.execute(prepared.statement(sql), [41, "§ 18"])
        assert cursor.fetchone() == (42, "§ 18", "100%")
        cursor.execute(prepared.statement(sql), [1, "igen"])  # prepared once, run again
        assert cursor.fetchone() == (2, "igen", "100%")
