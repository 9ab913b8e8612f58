"""Contact kinds: the contact block, its required fields, and its values (C601–C605).

A missing block silences the field rules (one root cause, one diagnostic)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.check.kinds.base import MESSAGE, Finding, Kind, Param
from reportlint.facts.contact import bad_parts, checker, contact
from reportlint.facts.context import Context
from reportlint.facts.prose import preamble_paragraphs
from reportlint.model import Span


def contact_present(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    if contact(ctx) is not None:
        return
    paragraphs = preamble_paragraphs(ctx.document)
    title = ctx.document.title
    span = paragraphs[0].span if paragraphs else title.span if title else Span(1, 1, 1, 2)
    yield Finding(span, params["message"])


def contact_fields(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    block = contact(ctx)
    if block is None:
        return
    provided = block.provided
    for field, name in ctx.data["contact"]["required"].items():
        if field not in provided:
            yield Finding(block.span, params["message"].format(field=name))


def contact_value(ctx: Context, params: Mapping[str, Any]) -> Iterator[Finding]:
    block = contact(ctx)
    if block is None:
        return
    check = checker(ctx.data["contact"], params["check"])
    for item in block.fields:
        if item.check != params["check"] or not item.value:
            continue
        for part in bad_parts(item.value, check):
            span = block.joined.span_of(item.value_start + part.start,
                                        item.value_start + part.end)
            doubtful = part.doubtful and params["doubtful"]
            message = params["doubtful"] if doubtful else params["message"]
            yield Finding(span, message.format(label=item.label,
                                               value=item.value[part.start:part.end]),
                          severity="warning" if doubtful else None)



KINDS: dict[str, Kind] = {
    "contact-present": Kind(contact_present, {"message": MESSAGE},
                            "the report gives contact details"),
    "contact-fields": Kind(contact_fields, {"message": MESSAGE},
                           "the contact block has every required field"),
    "contact-value": Kind(contact_value, {
        "check": Param((str,), help="the value check of data/contact.yaml (phone, postcode, "
                       "email); fields whose label names this check are checked"),
        "message": MESSAGE,
        "doubtful": Param((str,), False, "", "the message (a warning) for a value the check "
                          "lists as doubtful, such as a phone number without its area code"),
    }, "contact values are well formed"),
}
