"""Python twin of v1_catboost.ts."""
from typing import List

from kfp import dsl
from v1_components import load_v1

chicago_taxi_trips = load_v1("chicago_taxi_trips")
catboost_train_classifier = load_v1("catboost_train_classifier")
catboost_predict_classes = load_v1("catboost_predict_classes")


@dsl.pipeline(name="v1-catboost")
def v1_catboost(rates: List[float] = [0.03, 0.1], depth: int = 6):
    data = chicago_taxi_trips(limit=500, select="tips,trip_seconds,trip_miles,fare,payment_type", format="csv")
    with dsl.ParallelFor(rates, parallelism=2) as rate:
        model = catboost_train_classifier(
            training_data=data.outputs["table"], learning_rate=rate, depth=depth, cat_features=[4],
            additional_training_options={"logging_level": "Silent"},
        )
        with dsl.If(depth > 4):
            catboost_predict_classes(data=data.outputs["table"], model=model.outputs["model"], label_column=0)


PIPELINE = v1_catboost
