"""Python twin of v1_tables.ts."""
from kfp import dsl
from v1_components import load_v1

chicago_taxi_trips = load_v1("chicago_taxi_trips")
convert_csv_to_parquet = load_v1("convert_csv_to_parquet")
split_table_into_folds = load_v1("split_table_into_folds")
calculate_hash = load_v1("calculate_hash")
upload_to_gcs = load_v1("upload_to_gcs_unique_uri")


@dsl.pipeline(name="v1-tables")
def v1_tables(folds: int = 3, prefix: str = "gs://acme/folds/"):
    data = chicago_taxi_trips(limit=100)
    parquet = convert_csv_to_parquet(data=data.outputs["table"])
    calculate_hash(data=parquet.outputs["output_data"])
    split = split_table_into_folds(table=data.outputs["table"], number_of_folds=folds, random_seed=7)
    with dsl.ParallelFor(["MD5", "SHA1"]) as algorithm:
        calculate_hash(data=split.outputs["train_1"], hash_algorithm=algorithm)
    uploaded = upload_to_gcs(data=split.outputs["test_1"], gcs_path_prefix=prefix)
    with dsl.If(uploaded.outputs["gcs_path"] != ""):
        upload_to_gcs(data=split.outputs["test_2"], gcs_path_prefix=uploaded.outputs["gcs_path"])


PIPELINE = v1_tables
