"""The catalogue's value types (an id, a text key, an https address, an on-screen label...) and the base of every
record: frozen, and refusing fields it does not know."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Characters a reader cannot see but that change what is shown: the soft hyphen, zero-width characters, direction
# marks and overrides (U+202A-202E, U+2066-2069) and the byte order mark.
INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
MAX_LABEL = 300  # a label is a name, a title or a line of a screen: longer is a mistake (a pasted page)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
TextKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
HttpsUrl = Annotated[str, StringConstraints(
    max_length=2000, pattern=r"^https://[A-Za-z0-9.-]+\.[a-z]{2,}(/[^\s\x00-\x1f\x7f<>\"'`()\[\]{}\\" + INVISIBLE + r"]*)?$")]
Email = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
HospitalCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[0-9]{2}$")]
Label = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LABEL,
                                        pattern=r"^[^<>\x00-\x1f\x7f-\x9f\u2028\u2029\ue000-\uf8ff" + INVISIBLE + "]*$")]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
