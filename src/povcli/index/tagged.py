"""Tagged JSON: YAML data (dates, non-text keys, bytes) stored in an index as JSON that
decodes back to the same Python values."""

from __future__ import annotations

from typing import Any


def encode_tagged(value: Any) -> Any:
    """YAML data as JSON that decodes back to the same Python values (dates, non-text keys)."""
    import datetime

    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and not (
            len(value) == 1 and next(iter(value)).startswith("$")
        ):
            return {k: encode_tagged(v) for k, v in value.items()}
        return {"$map": [[encode_tagged(k), encode_tagged(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [encode_tagged(v) for v in value]
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        import base64

        return {"$bytes": base64.b64encode(value).decode("ascii")}
    return value


def decode_tagged(value: Any) -> Any:
    if isinstance(value, list):
        return [decode_tagged(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            tag, inner = next(iter(value.items()))
            if tag == "$map":
                return {_hashable(decode_tagged(k)): decode_tagged(v) for k, v in inner}
            if tag in ("$date", "$datetime"):
                import datetime

                kind = datetime.date if tag == "$date" else datetime.datetime
                return kind.fromisoformat(inner)
            if tag == "$bytes":
                import base64

                return base64.b64decode(inner)
        return {k: decode_tagged(v) for k, v in value.items()}
    return value


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
