"""povcli's indented JSON is exactly `json.dumps(..., ensure_ascii=False, indent=2)`."""

from __future__ import annotations

import json
import math
from enum import Enum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from povcli.jsontext import finite, indented

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(), max_size=12)
)
DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(DATA)
def test_indented_is_the_standard_library_s_text(data: Any) -> None:
    assert indented(data) == json.dumps(finite(data), ensure_ascii=False, indent=2)


def test_non_finite_numbers_are_null_and_odd_keys_as_json_writes_them() -> None:
    class Kind(str, Enum):
        SUM = "sum"

    data = {"a": math.nan, 1: [math.inf, ()], False: {}, None: Kind.SUM, Kind.SUM: 2.5, 0.5: 1}
    assert indented(data) == json.dumps(finite(data), ensure_ascii=False, indent=2)
    assert '"a": null' in indented(data)
