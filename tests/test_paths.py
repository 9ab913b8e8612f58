"""Report paths made relative to the base folder (the checkout) for SARIF and GitHub."""

from __future__ import annotations

from reportlint.output.paths import artifact_location, base_uri, display_path


def test_relative_paths_are_anchored_at_the_working_directory() -> None:
    assert display_path("a/b.txt", "/repo", "/repo/sub") == "sub/a/b.txt"
    assert display_path("./a/../b.txt", "/repo") == "b.txt"
    assert display_path("../x.txt", "/repo", "/repo/sub") == "x.txt"


def test_paths_outside_the_base_stay_absolute() -> None:
    assert display_path("/tmp/x.txt", "/repo") == "/tmp/x.txt"
    assert display_path("../x.txt", "/repo") == "/x.txt"
    assert artifact_location("/tmp/年报 1.txt", "/repo") == {
        "uri": "file:///tmp/%E5%B9%B4%E6%8A%A5%201.txt"}


def test_sarif_locations_under_the_base() -> None:
    assert artifact_location("/repo/r/年报.pdf", "/repo") == {
        "uri": "r/%E5%B9%B4%E6%8A%A5.pdf", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("r.txt", "") == {"uri": "r.txt"}
    assert base_uri("/repo") == "file:///repo/"
