"""A safe YAML loader that builds objects straight from libyaml's events.

PyYAML's `load` first composes a node for every value of the document and
only then builds the objects: a 100,000-fact catalog takes 1 GB and 20 s that
way. Building from the event stream keeps only the objects (about a tenth
of the memory, five times faster) and records each value's line on the way,
which `validate` needs. Scalars are resolved and constructed by PyYAML's own
safe resolver and constructor, so values mean exactly what `safe_load` makes
of them; a tag the safe constructor does not know is refused, never run.

An alias is the anchored object itself, shared, so nothing here expands it;
but whatever walks the data afterwards (the schema check, the index) sees the
expanded tree. So the loader counts what each alias stands for, and refuses
a document whose aliases stand for far more values than it writes (an "alias
bomb": 2 KB for 10^10 values) or an alias inside the collection it names (a
cycle no walk ends).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

Path = tuple[str | int, ...]
MAX_DEPTH = 200
PLAIN_MEMO = 10000  # plain scalars remembered (units, sections repeat; ids do not)
_SAFE = yaml.constructor.SafeConstructor
_MAP_TAG = "tag:yaml.org,2002:map"
_INT_TAG = "tag:yaml.org,2002:int"
MAX_INT_CHARACTERS = 400
_SEQ_TAG = "tag:yaml.org,2002:seq"
_OMAP_TAGS = {"tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:set"}


_MISSING = object()
# what aliases may add to a document: this many values, and this many per value written
EXPANSION_FLOOR = 100_000
EXPANSION_RATIO = 10


class AliasExpansion(yaml.composer.ComposerError):
    """Aliases standing for too much (an alias bomb), or for a collection that holds them."""


class _Key:
    """A plain `<<` (merge) or `=` (value) key: special only when plain, never as text."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


MERGE = _Key("<<")
VALUE = _Key("=")


class RefusedTag(yaml.constructor.ConstructorError):
    """A tag the safe constructor does not know (for example !!python/object)."""


def _loader_class() -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Builder:
    def __init__(self, track_lines: bool) -> None:
        self.resolver: Any = yaml.resolver.Resolver()
        self.constructor = _SAFE()
        # an alias is the anchored object itself, shared, as in PyYAML: an
        # "alias bomb" stays small because nothing here expands it
        self.anchors: dict[str, Any] = {}
        self.plain: dict[str, Any] = {}
        self.lines: dict[Path, int] | None = {} if track_lines else None
        self.on_fact: OnFact | None = None
        self.merged = False
        # the expanded size (values, aliases counted as what they stand for) of each
        # finished anchored collection; an anchor not here names a collection still open
        self.sizes: dict[str, int] = {}
        self.written = 0  # values written in the document
        self.expansion = 0  # values added by aliases
        self.limit_expansion = True

    def scalar(self, event: Any) -> Any:
        if event.tag is None and event.style in ("'", '"', "|", ">"):
            return event.value  # quoted and block scalars are strings
        if event.tag is None:
            # plain scalars repeat a lot (units, sections): resolve each spelling once
            cached = self.plain.get(event.value, _MISSING)
            if cached is _MISSING:
                if len(self.plain) >= PLAIN_MEMO:  # ids are plain and all differ
                    self.plain.clear()
                cached = self.plain[event.value] = self._construct(event)
            return cached
        return self._construct(event)

    def _construct(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:merge":
            return MERGE
        if tag == "tag:yaml.org,2002:value":
            return VALUE  # a key `=` is the text "="; anywhere else it is refused
        if tag == _INT_TAG and len(event.value) > MAX_INT_CHARACTERS:
            # int() refuses over 4,300 digits, and nothing needs a tenth of that
            digits = sum(char.isdigit() for char in event.value)
            problem = f"number too large: {digits} digits; povcli handles up to 1e300"
            raise yaml.constructor.ConstructorError(None, None, problem, event.start_mark)
        constructor = _SAFE.yaml_constructors.get(tag)
        if constructor is None or tag in (_MAP_TAG, _SEQ_TAG) or tag in _OMAP_TAGS:
            raise RefusedTag(None, None, f"could not determine a constructor for the tag {tag!r}",
                             event.start_mark)  # fmt: skip
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return constructor(self.constructor, node)

    def check_collection_tag(self, event: Any, default: str) -> None:
        if event.tag not in (None, "!", default):
            problem = f"could not determine a constructor for the tag {event.tag!r}"
            raise RefusedTag(None, None, problem, event.start_mark)

    def remember(self, event: Any, value: Any) -> None:
        if event.anchor is not None:
            if event.anchor in self.anchors:  # as PyYAML's composer
                raise yaml.composer.ComposerError(
                    None, None, f"found duplicate anchor {event.anchor!r}", event.start_mark
                )
            self.anchors[event.anchor] = value

    def alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias {event.anchor!r}", event.start_mark
            )
        return self.anchors[event.anchor]

    def alias_size(self, event: Any, value: Any) -> int:
        """How many values an alias stands for, counted against the document's budget."""
        if not isinstance(value, dict | list):
            return 1
        if event.anchor not in self.sizes:
            if not self.limit_expansion:
                return 1
            problem = f"alias *{event.anchor} refers to the collection that holds it"
            raise AliasExpansion(None, None, problem, event.start_mark)
        size = self.sizes[event.anchor]
        self.expansion += size
        if self.limit_expansion and self.expansion > self.budget():
            problem = (
                f"aliases expand {self.written:,} written values to over {self.expansion:,}:"
                " refused as an alias bomb"
            )
            raise AliasExpansion(None, None, problem, event.start_mark)
        return size

    def budget(self) -> int:
        return EXPANSION_FLOOR + EXPANSION_RATIO * self.written


# called with each item of the top-level `facts` list and its position, once it is complete
OnFact = Callable[[Any, int], None]


def load(
    text: str | IO[bytes],
    track_lines: bool = False,
    on_fact: OnFact | None = None,
    limit_expansion: bool = True,
) -> tuple[Any, dict[Path, int]]:
    """The document's data and, when asked, the 1-based line of every key and item.

    With `on_fact`, each item of the top-level `facts` list is handed to it as
    soon as it is complete and left out of the result (None in its place), so
    a catalog of a million facts never has to be held in memory at once.
    Aliases that expand too far, or into the collection holding them, raise
    AliasExpansion (unless `limit_expansion` is False: YAML's meaning alone).
    """
    loader = _loader_class()(text)
    builder = _Builder(track_lines)
    builder.on_fact = on_fact
    builder.limit_expansion = limit_expansion
    try:
        result = _document(loader, builder)
    except AliasExpansion:
        raise  # whatever else the document holds, nothing may walk it
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        if not builder.merged:
            raise
        result = None  # a value PyYAML would drop while merging may be what failed
    finally:
        loader.dispose()
    if builder.merged:
        # `<<` merge keys: PyYAML's result for repeated keys among the merged
        # pairs rests on string identity (id() of each key's text) and has
        # changed between its versions; such documents mean what safe_load says
        if not isinstance(text, str):
            text.seek(0)
        result = yaml.safe_load(text)
    return result, builder.lines or {}


class MergeKeys(Exception):
    """A streamed document uses `<<` merge keys: load it whole with `yaml.safe_load`."""


def _document(loader: Any, builder: _Builder) -> Any:
    # each open collection: [container, its path, pending key as (key,) or None, start event,
    # pending merges, its expanded size so far]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while loader.check_event():
        event: Any = loader.get_event()
        if isinstance(event, (StreamStartEvent, StreamEndEvent, DocumentEndEvent)):
            continue
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _composer_error("expected a single document, but found another", event)
            continue
        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            container, path, _, start, merges, size = stack.pop()
            if merges:
                _merge_keys(container, merges, start)
            if start.anchor is not None:
                builder.sizes[start.anchor] = size
            if stack:
                stack[-1][5] += size
            if _is_fact(path, builder):
                _hand_over(stack[-1][0], container, builder)
            continue
        frame = stack[-1] if stack else None
        path = _path_of_next(frame)
        value = _value(event, builder)
        if isinstance(event, AliasEvent):
            size = builder.alias_size(event, value)
        else:
            builder.written += 1
            size = 1
        if frame is not None and not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            frame[5] += size  # a collection adds its size when it ends
        if frame is None:
            if value is VALUE or value is MERGE:
                _refuse_key(value, event)
            root = value
        else:
            _add(frame, value, event, builder)
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _composer_error("nesting too deep", event)
            stack.append([value, path, None, event, [], 1])
        elif frame is not None and _is_fact(path, builder):
            _hand_over(frame[0], value, builder)  # a scalar or alias in the facts list
    return root


def _is_fact(path: Path, builder: _Builder) -> bool:
    return builder.on_fact is not None and len(path) == 2 and path[0] == "facts"


def _hand_over(facts: Any, item: Any, builder: _Builder) -> None:
    """Give a finished fact to the callback and keep only a placeholder."""
    if isinstance(facts, list) and facts and facts[-1] is item and builder.on_fact is not None:
        builder.on_fact(item, len(facts) - 1)
        facts[-1] = None


def _composer_error(problem: str, event: Any) -> yaml.composer.ComposerError:
    return yaml.composer.ComposerError(None, None, problem, event.start_mark)


def _path_of_next(frame: list[Any] | None) -> Path:
    if frame is None:
        return ()
    container, path, pending = frame[:3]
    if isinstance(container, list):
        return (*path, len(container))
    return (*path, str(pending[0])) if pending else path


def _value(event: Any, builder: _Builder) -> Any:
    if isinstance(event, ScalarEvent):
        value = builder.scalar(event)
    elif isinstance(event, AliasEvent):
        return builder.alias(event)
    elif isinstance(event, MappingStartEvent):
        builder.check_collection_tag(event, _MAP_TAG)
        value = {}
    elif isinstance(event, SequenceStartEvent):
        builder.check_collection_tag(event, _SEQ_TAG)
        value = []
    else:
        raise yaml.composer.ComposerError(None, None, f"unexpected {event}", event.start_mark)
    builder.remember(event, value)
    return value


def _add(frame: list[Any], value: Any, event: Any, builder: _Builder) -> None:
    """Put a value into the open collection (a key waits for its value)."""
    container, path, pending, start, merges, _ = frame
    if (value is VALUE or value is MERGE) and not (isinstance(container, dict) and pending is None):
        _refuse_key(value, event)
    line = event.start_mark.line + 1
    if isinstance(container, list):
        if builder.lines is not None:
            builder.lines.setdefault((*path, len(container)), line)
        container.append(value)
        return
    if pending is None:
        try:
            hash(value)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", start.start_mark,
                "found unhashable key", event.start_mark,
            ) from None  # fmt: skip
        if builder.lines is not None:
            key_path = (*path, str(value))
            builder.lines[key_path] = line
        if value is MERGE:
            if builder.on_fact is not None:
                raise MergeKeys
            builder.merged = True
        frame[2] = ("=" if value is VALUE else value,)
        return
    if pending[0] is MERGE:
        merges.append((value, event))
    else:
        container[pending[0]] = value
    frame[2] = None


def _refuse_key(value: _Key, event: Any) -> None:
    tag = "merge" if value is MERGE else "value"
    problem = f"could not determine a constructor for the tag 'tag:yaml.org,2002:{tag}'"
    raise RefusedTag(None, None, problem, event.start_mark)


def _merge_keys(mapping: dict[Any, Any], merges: list[tuple[Any, Any]], start: Any) -> None:
    """YAML's `<<` merge keys, as SafeConstructor.flatten_mapping does them: the merged
    pairs come first (of a list, the earlier mapping wins), then the mapping's own."""
    pairs: list[tuple[Any, Any]] = []
    for value, event in merges:
        if isinstance(value, dict):
            pairs.extend(value.items())
        elif isinstance(value, list):
            for item in value:
                if not isinstance(item, dict):
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", start.start_mark,
                        "expected a mapping for merging", event.start_mark,
                    )  # fmt: skip
            for item in reversed(value):
                pairs.extend(item.items())
        else:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", start.start_mark,
                "expected a mapping or list of mappings for merging", event.start_mark,
            )  # fmt: skip
    own = list(mapping.items())
    mapping.clear()
    for key, value in [*pairs, *own]:
        mapping[key] = value
