"""Python twin of v1_xgboost.ts."""
from kfp import dsl
from v1_components import load_v1

chicago_taxi_trips = load_v1("chicago_taxi_trips")
xgboost_train = load_v1("xgboost_train")
xgboost_predict = load_v1("xgboost_predict")
calculate_hash = load_v1("calculate_hash")


@dsl.pipeline(name="v1-xgboost", description="Chicago taxi tips with the XGBoost v1 components")
def v1_xgboost(limit: int = 1000, num_iterations: int = 10, label_column: int = 0):
    data = chicago_taxi_trips(
        where='trip_start_timestamp >= "2019-01-01" AND trip_start_timestamp < "2019-02-01"',
        limit=limit,
        select="tips,trip_seconds,trip_miles,pickup_community_area,dropoff_community_area,fare,tolls,extras,trip_total",
    )
    model = xgboost_train(training_data=data.outputs["table"], label_column=label_column, num_iterations=num_iterations,
                          booster_params={"max_depth": 4}, learning_rate=0.1)
    model.set_cpu_limit("2")
    predictions = xgboost_predict(data=data.outputs["table"], model=model.outputs["model"], label_column=label_column)
    calculate_hash(data=predictions.outputs["predictions"])
    calculate_hash(data=model.outputs["model_config"], hash_algorithm="MD5")


PIPELINE = v1_xgboost
