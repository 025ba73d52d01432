import pathlib

from kfp import components, dsl

count_words = components.load_component_from_file(str(pathlib.Path(__file__).with_name("components") / "count_words.yaml"))


@dsl.pipeline(name="components-v1")
def components_v1(text: str = "to be or not to be"):
    first = count_words(text=text)
    count_words(text="again", min_length=3, language="en").after(first)


PIPELINE = components_v1
