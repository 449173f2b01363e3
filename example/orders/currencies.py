# -*- coding: latin-1 -*-
"""Currency symbols and formats, ported from the old PHP shop (the file is still Latin-1)."""

SYMBOLS = {
    "USD": "$",
    "EUR": "\u20ac",  # no euro sign in Latin-1
    "GBP": "£",  # a Latin-1 byte: fine, the coding line declares it (PEP 263)
    "JPY": "¥",
}


def format_price(amount, currency="USD"):
    """Format a price for display, e.g. format_price(9.5, "GBP") -> "£9.50"."""
    symbol = SYMBOLS.get(currency, currency + " ")
    return f"{symbol}{amount:,.2f}"
