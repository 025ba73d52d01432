"""validate_data: binary target, cleaning, minimum rows, Markdown report, metadata."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from component_harness import dataset_artifact
from datasets import churn_frame, dirty_churn_frame


def _validate(runner, tmp_path, df: pd.DataFrame, **parameters):
    path = tmp_path / "input.parquet"
    df.to_parquet(path, index=False)
    return runner.run("validate_data", parameters, artifacts={"input_data": dataset_artifact(path)})


@pytest.fixture(scope="module")
def dirty_run(runner, tmp_path_factory):
    df, expected = dirty_churn_frame()
    result = _validate(runner, tmp_path_factory.mktemp("dirty"), df).assert_ok()
    return result, expected


def test_GIVEN_dirty_data_WHEN_validated_THEN_nulls_duplicates_and_empty_columns_are_dropped(dirty_run):
    result, expected = dirty_run
    out = pd.read_parquet(result.artifact("validated_data").path)
    assert len(out) == expected["rows_out"]
    assert "always_empty" not in out.columns
    assert not out.isna().any().any()
    assert not out.duplicated().any()
    assert sorted(out["target"].unique()) == [0, 1] and out["target"].dtype == np.int64


def test_GIVEN_dirty_data_WHEN_validated_THEN_metadata_counts_each_reason(dirty_run):
    result, expected = dirty_run
    meta = result.artifact("validated_data").metadata
    assert meta["null_target_rows_dropped"] == expected["null_target"]
    assert meta["missing_value_rows_dropped"] == expected["missing_values"]
    assert meta["duplicate_rows_dropped"] == expected["duplicates"]
    assert meta["columns_dropped"] == expected["null_columns"]
    assert meta["rows"] == expected["rows_out"]
    assert meta["rows_in"] == expected["rows_out"] + expected["null_target"] + expected["missing_values"] \
        + expected["duplicates"]
    assert meta["rows_dropped"] == meta["rows_in"] - meta["rows"]
    assert sum(meta["class_counts"].values()) == meta["rows"]
    assert 0 < meta["minority_class_share"] <= 0.5


def test_GIVEN_dirty_data_WHEN_validated_THEN_the_markdown_report_says_what_was_checked_and_dropped(dirty_run):
    result, expected = dirty_run
    report = open(result.artifact("report").path, encoding="utf-8").read()
    assert report.startswith("# Data validation report")
    assert "| Target column `target` present | passed |" in report
    assert f"| Rows with a missing target | {expected['null_target']} |" in report
    assert f"| Rows with missing feature values | {expected['missing_values']} |" in report
    assert f"| Duplicate rows | {expected['duplicates']} |" in report
    assert "Dropped columns: `always_empty`" in report
    counts = result.artifact("validated_data").metadata["class_counts"]
    for label, count in counts.items():
        assert f"| {label} | {count} |" in report
    assert result.artifact("report").metadata["rows"] == expected["rows_out"]


def test_GIVEN_text_labels_WHEN_validated_THEN_they_are_encoded_0_1_and_the_mapping_is_reported(runner, tmp_path):
    df = churn_frame(n_rows=80, seed=5)
    df["churned"] = np.where(df.pop("target") == 1, "yes", "no")
    result = _validate(runner, tmp_path, df, target_column="churned").assert_ok()
    out = pd.read_parquet(result.artifact("validated_data").path)
    assert (out["churned"] == (df["churned"] == "yes").astype(int)).all()
    assert result.artifact("validated_data").metadata["target_encoding"] == {"no": 0, "yes": 1}
    assert "`no` -> 0, `yes` -> 1" in open(result.artifact("report").path).read()


def test_GIVEN_a_text_feature_WHEN_validated_THEN_the_report_warns_that_training_needs_numbers(runner, tmp_path):
    df = churn_frame(n_rows=80, seed=6)
    df["plan"] = np.where(df["f0"] > 0, "pro", "free")
    result = _validate(runner, tmp_path, df).assert_ok()
    assert "Non-numeric feature columns" in open(result.artifact("report").path).read()
    assert "WARNING: Non-numeric feature columns" in result.stdout


# --- unusable data ---------------------------------------------------------------------------

def test_GIVEN_no_target_column_WHEN_validated_THEN_it_fails_listing_the_columns(runner, tmp_path):
    df = churn_frame(n_rows=80).rename(columns={"target": "label"})
    _validate(runner, tmp_path, df).assert_failed_with(
        "Data validation failed: target column 'target' not found", "label", "Set target_column")


def test_GIVEN_three_classes_WHEN_validated_THEN_it_fails_saying_the_target_is_not_binary(runner, tmp_path):
    df = churn_frame(n_rows=90)
    df["target"] = np.arange(len(df)) % 3
    _validate(runner, tmp_path, df).assert_failed_with("must have exactly two classes", "found 3: 0, 1, 2")


def test_GIVEN_one_class_WHEN_validated_THEN_it_fails_saying_the_target_is_not_binary(runner, tmp_path):
    df = churn_frame(n_rows=80)
    df["target"] = 1
    _validate(runner, tmp_path, df).assert_failed_with("must have exactly two classes", "found 1: 1")


def test_GIVEN_too_few_rows_after_cleaning_WHEN_validated_THEN_it_fails_with_the_counts(runner, tmp_path):
    df = churn_frame(n_rows=60)
    df.loc[:14, "target"] = np.nan  # 15 unusable rows leave 45 < 50
    _validate(runner, tmp_path, df).assert_failed_with(
        "only 45 usable rows remain (need at least 50)", "dropped 15 with a missing target")


def test_GIVEN_min_rows_lowered_WHEN_validated_THEN_a_small_table_passes(runner, tmp_path):
    result = _validate(runner, tmp_path, churn_frame(n_rows=30), min_rows=20).assert_ok()
    assert result.artifact("validated_data").metadata["rows"] == 30


def test_GIVEN_an_all_null_target_WHEN_validated_THEN_it_fails_saying_so(runner, tmp_path):
    df = churn_frame(n_rows=60)
    df["target"] = np.nan
    _validate(runner, tmp_path, df).assert_failed_with("target column 'target' has no values")
