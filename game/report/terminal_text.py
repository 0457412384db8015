"""Text from a scenario or a record made safe for a terminal: no escape sequences, no controls.

A scenario or save file is data from anyone; printed raw, `\\x1b[2J` clears the screen and
`\\x1b]0;...\\x07` retitles the window. Whole sequences are removed (so no `[2J` is left
behind), then every remaining C0/C1 control, DEL and bidirectional override. Newlines stay.
"""

import re

# ESC or 8-bit introducers, as terminals parse them (ECMA-48):
#   CSI  ESC [ or \x9b, parameters and intermediates, one final byte
#   OSC, DCS, SOS, PM, APC  ESC ] P X ^ _ or \x9d \x90 \x98 \x9e \x9f, up to BEL or ST (ESC \ or \x9c)
#   any other escape: ESC, intermediates, one final byte
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
_KEEP = "\n"
_CONTROLS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in (*range(0x00, 0x20), *range(0x7f, 0xa0)) if chr(c) not in _KEEP)
    + "\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: object) -> str:
    """Returns text without escape sequences or control characters (tabs become spaces; newlines stay)."""
    plain = str(text).replace("\t", " ")
    return _CONTROLS.sub("", _SEQUENCE.sub("", plain))


def one_line(text: object) -> str:
    """Returns terminal_safe text on one line (newlines become spaces), for names and table cells."""
    return " ".join(terminal_safe(text).split("\n")).strip()
