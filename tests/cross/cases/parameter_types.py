"""Python twin of parameter_types.ts."""
from typing import Dict, List, Optional

from kfp import dsl
from twin import component

F = "tests/cross/fixtures/params.py"
summarise_params = component(F, "summarise_params")
count_words = component(F, "count_words")
halve = component(F, "halve")
is_positive = component(F, "is_positive")
split_words = component(F, "split_words")
word_lengths = component(F, "word_lengths")


@dsl.pipeline(name="parameter-types", description="Every IR parameter type: pipeline inputs, defaults, optional inputs, task outputs")
def parameter_types(
    text: str,
    count: int,
    ratio: float,
    enabled: bool,
    names: List[str],
    settings: Dict[str, int],
    label: str = "from-pipeline",
    repeats: int = 5,
    threshold: float = 1.0,
    strict: bool = False,
    tags: list = [],
    limits: dict = {"max": 3, "names": ["a"]},
    comment: Optional[str] = None,
):
    """Ignored: the decorator's description wins.

    Args:
        text: Text to summarise.
        count: A whole number.
        ratio: A real number.
        enabled: A flag.
        names: A list of names.
        settings: A mapping of settings.
        comment: Left out unless given.
    """
    first = summarise_params(text=text, count=count, ratio=ratio, enabled=enabled, names=names, settings=settings,
                             label=label, repeats=repeats, threshold=threshold, strict=strict, tags=tags, limits=limits,
                             comment=comment)
    words = count_words(line=first.output)
    half = halve(value=ratio)
    positive = is_positive(value=words.output)
    split = split_words(line=first.output)
    lengths = word_lengths(words=split.output)
    summarise_params(text=first.output, count=words.output, ratio=half.output, enabled=positive.output,
                     names=split.output, settings=lengths.output, label="second", threshold=0.5,
                     tags=["x", 1, True, 2.5], limits={"deep": {"list": [1, 2], "off": False}})


PIPELINE = parameter_types
