"""Stage "present": tables, CSV/JSON exports and the HTML report."""
