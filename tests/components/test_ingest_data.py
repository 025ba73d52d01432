"""ingest_data: CSV / Parquet from local paths, file://, http:// and s3:// (moto) into a Parquet Dataset."""

from __future__ import annotations

import gzip
import uuid

import pandas as pd
import pytest

from datasets import churn_frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return churn_frame(n_rows=120, seed=3)


@pytest.fixture(scope="module")
def bucket(s3_server) -> str:
    name = f"raw-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=name)
    return name


def _read_output(result) -> pd.DataFrame:
    return pd.read_parquet(result.artifact("output_data").path)


def _assert_same_table(result, expected: pd.DataFrame, fmt: str):
    result.assert_ok()
    got = _read_output(result)
    pd.testing.assert_frame_equal(got, expected.reset_index(drop=True), check_dtype=False)
    meta = result.artifact("output_data").metadata
    assert meta["rows"] == len(expected)
    assert meta["columns"] == expected.shape[1]
    assert meta["column_names"] == list(expected.columns)
    assert meta["source_format"] == fmt


def test_GIVEN_a_local_csv_path_WHEN_ingested_THEN_the_parquet_dataset_holds_the_same_table(runner, frame, tmp_path):
    path = tmp_path / "train.csv"
    frame.to_csv(path, index=False)
    result = runner.run("ingest_data", {"source_path": str(path)})
    _assert_same_table(result, frame, "csv")
    assert f"Wrote {len(frame)} rows x {frame.shape[1]} columns" in result.stdout


def test_GIVEN_a_file_url_to_parquet_WHEN_ingested_THEN_the_table_is_copied(runner, frame, tmp_path):
    path = tmp_path / "train data.parquet"  # a space, so the URL is percent-encoded
    frame.to_parquet(path, index=False)
    _assert_same_table(runner.run("ingest_data", {"source_path": path.as_uri()}), frame, "parquet")


def test_GIVEN_a_gzipped_csv_over_http_WHEN_ingested_THEN_it_is_decompressed(runner, frame, http_files):
    (http_files.directory / "train.csv.gz").write_bytes(gzip.compress(frame.to_csv(index=False).encode()))
    result = runner.run("ingest_data", {"source_path": f"{http_files.url}/train.csv.gz"})
    _assert_same_table(result, frame, "csv.gz")


def test_GIVEN_a_presigned_style_http_url_WHEN_ingested_THEN_the_query_string_is_not_logged(runner, frame, http_files):
    (http_files.directory / "signed.pq").write_bytes(frame.to_parquet(index=False))
    signature = "X-Amz-Signature=deadbeefcafe"
    result = runner.run("ingest_data", {"source_path": f"{http_files.url}/signed.pq?{signature}"})
    _assert_same_table(result, frame, "parquet")
    assert signature not in result.component_output


def test_GIVEN_a_csv_in_s3_WHEN_ingested_with_AWS_ENDPOINT_URL_THEN_the_object_is_read(runner, frame, s3_server, bucket):
    s3_server.client().put_object(Bucket=bucket, Key="data/train.csv", Body=frame.to_csv(index=False).encode())
    result = runner.run("ingest_data", {"source_path": f"s3://{bucket}/data/train.csv"},
                        env=s3_server.env("AWS_ENDPOINT_URL"))
    _assert_same_table(result, frame, "csv")


def test_GIVEN_parquet_in_s3_WHEN_only_MLFLOW_S3_ENDPOINT_URL_is_set_THEN_that_endpoint_is_used(
        runner, frame, s3_server, bucket):
    s3_server.client().put_object(Bucket=bucket, Key="data/train.parquet", Body=frame.to_parquet(index=False))
    result = runner.run("ingest_data", {"source_path": f"s3://{bucket}/data/train.parquet"},
                        env=s3_server.env("MLFLOW_S3_ENDPOINT_URL"))
    _assert_same_table(result, frame, "parquet")


def test_GIVEN_numeric_csv_headers_WHEN_ingested_THEN_parquet_column_names_are_strings(runner, tmp_path):
    csv = tmp_path / "numbers.csv"
    csv.write_text("0,1\n1,3\n2,4\n")
    result = runner.run("ingest_data", {"source_path": str(csv)}).assert_ok()
    assert list(_read_output(result).columns) == ["0", "1"]


# --- failures a user must be able to read -------------------------------------------------

def test_GIVEN_a_missing_s3_object_WHEN_ingested_THEN_it_fails_naming_the_object(runner, s3_server, bucket):
    result = runner.run("ingest_data", {"source_path": f"s3://{bucket}/nope/train.csv"}, env=s3_server.env())
    result.assert_failed_with(f"S3 object not found: s3://{bucket}/nope/train.csv")


def test_GIVEN_a_missing_bucket_WHEN_ingested_THEN_it_fails_naming_the_bucket(runner, s3_server):
    result = runner.run("ingest_data", {"source_path": "s3://no-such-bucket-kfp/train.csv"}, env=s3_server.env())
    result.assert_failed_with("S3 bucket 'no-such-bucket-kfp' does not exist")


def test_GIVEN_a_missing_local_file_WHEN_ingested_THEN_it_fails_naming_the_path(runner, tmp_path):
    missing = tmp_path / "absent.csv"
    runner.run("ingest_data", {"source_path": str(missing)}).assert_failed_with(f"Input file not found: {missing}")


def test_GIVEN_an_http_404_WHEN_ingested_THEN_it_fails_with_the_status(runner, http_files):
    result = runner.run("ingest_data", {"source_path": f"{http_files.url}/absent.parquet"})
    result.assert_failed_with("HTTP 404")


def test_GIVEN_an_empty_csv_file_WHEN_ingested_THEN_it_fails_saying_it_is_empty(runner, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    runner.run("ingest_data", {"source_path": str(path)}).assert_failed_with(
        f"{path} is empty: no header row and no data")


def test_GIVEN_a_header_only_csv_WHEN_ingested_THEN_it_fails_saying_there_are_no_rows(runner, tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("f0,f1,target\n")
    runner.run("ingest_data", {"source_path": str(path)}).assert_failed_with("has a header but no data rows")


def test_GIVEN_an_empty_parquet_table_WHEN_ingested_THEN_it_fails_saying_there_are_no_rows(runner, frame, tmp_path):
    path = tmp_path / "empty.parquet"
    frame.head(0).to_parquet(path, index=False)
    runner.run("ingest_data", {"source_path": str(path)}).assert_failed_with("has a header but no data rows")


def test_GIVEN_garbage_named_parquet_in_s3_WHEN_ingested_THEN_it_fails_as_unreadable_parquet(
        runner, s3_server, bucket):
    s3_server.client().put_object(Bucket=bucket, Key="broken.parquet", Body=b"this is not parquet at all\n" * 10)
    result = runner.run("ingest_data", {"source_path": f"s3://{bucket}/broken.parquet"}, env=s3_server.env())
    result.assert_failed_with(f"s3://{bucket}/broken.parquet is not a readable Parquet file")


def test_GIVEN_a_truncated_local_parquet_WHEN_ingested_THEN_it_fails_as_unreadable_parquet(runner, frame, tmp_path):
    path = tmp_path / "truncated.parquet"
    path.write_bytes(frame.to_parquet(index=False)[:200])
    runner.run("ingest_data", {"source_path": str(path)}).assert_failed_with(
        f"{path} is not a readable Parquet file")


def test_GIVEN_an_unknown_extension_WHEN_ingested_THEN_it_fails_listing_the_supported_formats(runner, tmp_path):
    path = tmp_path / "train.json"
    path.write_text("[]")
    runner.run("ingest_data", {"source_path": str(path)}).assert_failed_with(
        f"Unsupported file format for {path}", ".csv, .csv.gz, .parquet or .pq")
