"""Never a traceback: seeded byte corruptions of each generated document still give a report."""

from __future__ import annotations

import random

import pytest
from readerhelp import DOCUMENTS, lint


def _corrupt(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


@pytest.mark.parametrize("name", ["example.pdf", "example.html", "example.docx"])
def test_corrupted_documents_are_reported_not_raised(name):
    data = (DOCUMENTS / name).read_bytes()
    outcomes = set()
    for seed in range(12):
        found = lint(name, _corrupt(data, seed))
        inputs = [d.code for d in found if d.code.startswith("E")]
        assert len(inputs) <= 1  # one root cause, one diagnostic
        outcomes.add(inputs[0] if inputs else "read")
    assert outcomes <= {"E001", "E002", "read"}
