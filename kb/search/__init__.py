"""Site search: query understanding, backend choice with fallback, facets, highlights."""
