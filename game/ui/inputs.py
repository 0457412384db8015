"""Keys and action-bar buttons as named commands: the table's whole keyboard in one table.

Commands are words ("pledge", "undo"); the table scene runs them, and every command that
changes the game goes through the controller. Forms have their own keys while open.
"""

import pygame

KEYS = {
    pygame.K_p: "pledge", pygame.K_o: "offer", pygame.K_i: "inbox", pygame.K_w: "withdraw", pygame.K_r: "renew",
    pygame.K_s: "sign", pygame.K_a: "approval", pygame.K_e: "pass", pygame.K_f: "facilitator",
    pygame.K_h: "help", pygame.K_F1: "help", pygame.K_PAUSE: "pause", pygame.K_TAB: "mine",
    pygame.K_PLUS: "faster", pygame.K_EQUALS: "faster", pygame.K_KP_PLUS: "faster",
    pygame.K_MINUS: "slower", pygame.K_KP_MINUS: "slower", pygame.K_END: "log_end",
    pygame.K_PAGEUP: "log_up", pygame.K_PAGEDOWN: "log_down", pygame.K_RETURN: "confirm",
    pygame.K_KP_ENTER: "confirm", pygame.K_ESCAPE: "escape", pygame.K_l: "lines",
}
CTRL_KEYS = {pygame.K_z: "undo", pygame.K_s: "save", pygame.K_o: "load"}

# The action bar: (command, label); the first group is a delegation's turn, the rest the room's.
# Renew (R) has a key but no button: the bar has no room left at 1024 px.
PLAYER_BUTTONS = [
    ("pledge", "Pledge (P)"), ("offer", "Offer (O)"), ("inbox", "Inbox (I)"), ("withdraw", "Withdraw (W)"),
    ("sign", "Sign (S)"), ("approval", "Approval (A)"), ("pass", "Pass (E)"),
]
ROOM_BUTTONS = [("facilitator", "Facilitator (F)"), ("help", "Keys (H)")]
PLAYER_COMMANDS = {command for command, _ in PLAYER_BUTTONS}


def command_for_key(event: pygame.event.Event) -> str | None:
    """Returns the command a key press means on the table (no form open), or None."""
    if event.mod & pygame.KMOD_CTRL:
        return CTRL_KEYS.get(event.key)
    return KEYS.get(event.key)
