"""The catalogue's value types (an id, a text key, an https address, an on-screen label...) and the base of every
record: frozen, and refusing fields it does not know."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
TextKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+\.[a-z]{2,}(/[^\s<>\"'`()\[\]{}\\]*)?$")]
Email = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
HospitalCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[0-9]{2}$")]
Label = Annotated[str, StringConstraints(min_length=1,
                                        pattern=r"^[^<>\x00-\x1f\x7f-\x9f\u2028\u2029\ue000-\uf8ff]*$")]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
