"""The plain-text renderer's own formatting."""

from __future__ import annotations

from kgraph.i18n import hours


def test_large_totals_are_written_out_in_full():
    assert [hours(6.0), hours(1.5), hours(1494890.0), hours(1494890.5)] == [
        "6",
        "1.5",
        "1494890",
        "1494890.5",
    ]
