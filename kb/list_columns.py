"""Class names for the columns of the admin's lists. Their rules are in the admin-wide
stylesheet, static/advisory/advisory.css."""

#: A list's column that is left out where the list is narrow, as on a phone.
WIDE_ONLY = "list-column-wide-only"
