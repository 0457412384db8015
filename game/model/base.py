"""Shared pieces of every schema: a strict base model and the id type.

Models forbid unknown keys so a misspelt field is an error with a position,
and are frozen so nothing writes defaults back into loaded content.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,47}$")]
"""A lowercase identifier: starts with a letter; letters, digits, '_' and '-'."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
