"""Cleaning on invented bodies: formatting marks that are not words."""

from crink.clean import clean


def test_bold_marks_in_plain_text_are_dropped_and_a_bold_lead_in_is_its_own_line():
    body = '**09:10 KST** "This is reckless," the minister said.\n\nThe **new** plan.\n\n**Lund:** "Not yet."'
    assert clean(body).text == ('09:10 KST\n\n"This is reckless," the minister said.\n\nThe new plan.\n\n'
                                'Lund: "Not yet."')


def test_stars_that_are_not_paired_marks_stay():
    assert clean("Rated 5* by critics.").text == "Rated 5* by critics."

