"""Two submits of the same form at the same moment (a double-click) open one case."""

import threading

import pytest

from django.db import connection
from django.test import Client

from advisory.models import Case

from .conftest import ASK_URL, question_data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_submits_of_one_form_open_one_case_and_show_the_same_receipt():
    data = question_data()
    start = threading.Barrier(2)
    pages = []

    def submit():
        try:
            start.wait()
            pages.append(Client().post(ASK_URL, data, follow=True).content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    case = Case.objects.get()
    assert len(pages) == 2 and all(case.reference in page for page in pages)
