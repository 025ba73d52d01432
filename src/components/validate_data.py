"""KFP component body: check and clean a binary-classification Dataset."""

from kfp import dsl
from kfp.dsl import Dataset, Input, Markdown, Output


@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "pandas==3.1.1",
        "pyarrow==25.0.1",
    ],
)
def validate_data(
    input_data: Input[Dataset],
    validated_data: Output[Dataset],
    report: Output[Markdown],
    target_column: str = "target",
    min_rows: int = 50,
):
    """Checks that the data can train a binary classifier and cleans it.

    Drops all-null columns, rows with a missing target, rows with missing feature
    values and duplicate rows, then requires a binary target and at least
    ``min_rows`` rows. A target that is not already 0/1 (e.g. "no"/"yes") is
    encoded 0/1 in sorted order; the mapping is in the report and the metadata.

    Args:
        input_data: Parquet table from ingest_data.
        validated_data: The cleaned Parquet table.
        report: Markdown summary of what was checked and dropped.
        target_column: Name of the label column.
        min_rows: Fewest rows acceptable after cleaning.
    """
    import pandas as pd

    min_rows = int(min_rows)
    df = pd.read_parquet(input_data.path)
    rows_in, cols_in = int(len(df)), int(len(df.columns))
    print(f"Validating {rows_in} rows x {cols_in} columns (target column '{target_column}')")

    def fail(reason):
        raise ValueError(f"Data validation failed: {reason}")

    if target_column not in df.columns:
        shown = ", ".join(map(str, list(df.columns)[:20])) + (", ..." if cols_in > 20 else "")
        fail(f"target column '{target_column}' not found. Columns present: {shown}. "
             "Set target_column to the name of the label column.")

    null_columns = [str(c) for c in df.columns if c != target_column and df[c].isna().all()]
    if df[target_column].isna().all():
        fail(f"target column '{target_column}' has no values (every row is null)")
    df = df.drop(columns=null_columns)

    before = len(df)
    df = df[df[target_column].notna()]
    null_target_rows = before - len(df)

    before = len(df)
    df = df.dropna()
    missing_value_rows = before - len(df)

    before = len(df)
    df = df.drop_duplicates()
    duplicate_rows = before - len(df)
    df = df.reset_index(drop=True)

    classes = sorted(df[target_column].unique().tolist(), key=lambda v: (str(type(v)), v))
    if len(classes) != 2:
        listed = ", ".join(repr(c) for c in classes[:10]) + (", ..." if len(classes) > 10 else "")
        fail(f"target column '{target_column}' must have exactly two classes for binary "
             f"classification, found {len(classes)}: {listed}")

    if len(df) < min_rows:
        fail(f"only {len(df)} usable rows remain (need at least {min_rows}); dropped "
             f"{null_target_rows} with a missing target, {missing_value_rows} with missing values "
             f"and {duplicate_rows} duplicates out of {rows_in}")

    # Downstream metrics (precision, recall, ROC AUC) treat 1 as the positive class.
    if set(classes) <= {0, 1}:
        encoding = None
        df[target_column] = df[target_column].astype("int64")
    else:
        encoding = {str(classes[0]): 0, str(classes[1]): 1}
        df[target_column] = df[target_column].map({classes[0]: 0, classes[1]: 1}).astype("int64")

    counts = df[target_column].value_counts().sort_index()
    class_counts = {str(int(k)): int(v) for k, v in counts.items()}
    minority_share = float(counts.min() / counts.sum())

    feature_cols = [c for c in df.columns if c != target_column]
    non_numeric = [str(c) for c in feature_cols
                   if c not in ("user_id", "timestamp")
                   and not (pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c]))]

    df.to_parquet(validated_data.path, index=False)

    warnings = []
    if minority_share < 0.1:
        warnings.append(f"Classes are imbalanced: the minority class is {minority_share:.1%} of rows.")
    if non_numeric:
        warnings.append("Non-numeric feature columns (train_model needs numbers; encode or drop them): "
                        + ", ".join(f"`{c}`" for c in non_numeric))

    lines = [
        "# Data validation report",
        "",
        f"- Input: {rows_in} rows x {cols_in} columns",
        f"- Output: {len(df)} rows x {len(df.columns)} columns",
        f"- Target column: `{target_column}`",
        "",
        "## Checks",
        "",
        "| Check | Result |",
        "| --- | --- |",
        f"| Target column `{target_column}` present | passed |",
        f"| Target is binary | passed ({len(classes)} classes) |",
        f"| At least {min_rows} rows after cleaning | passed ({len(df)} rows) |",
        "",
        "## Dropped",
        "",
        "| What | Count |",
        "| --- | --- |",
        f"| All-null columns | {len(null_columns)} |",
        f"| Rows with a missing target | {null_target_rows} |",
        f"| Rows with missing feature values | {missing_value_rows} |",
        f"| Duplicate rows | {duplicate_rows} |",
        "",
    ]
    if null_columns:
        lines += ["Dropped columns: " + ", ".join(f"`{c}`" for c in null_columns), ""]
    lines += ["## Class balance", "", "| Class | Rows | Share |", "| --- | --- | --- |"]
    for label, count in class_counts.items():
        lines.append(f"| {label} | {count} | {count / len(df):.1%} |")
    lines.append("")
    if encoding:
        lines += ["Target encoded as: " + ", ".join(f"`{k}` -> {v}" for k, v in encoding.items()), ""]
    if warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in warnings] + [""]
    with open(report.path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    meta = {
        "rows": int(len(df)),
        "columns": int(len(df.columns)),
        "rows_in": rows_in,
        "rows_dropped": int(rows_in - len(df)),
        "null_target_rows_dropped": int(null_target_rows),
        "missing_value_rows_dropped": int(missing_value_rows),
        "duplicate_rows_dropped": int(duplicate_rows),
        "columns_dropped": null_columns,
        "class_counts": class_counts,
        "minority_class_share": round(minority_share, 6),
        "target_column": target_column,
    }
    if encoding:
        meta["target_encoding"] = encoding
    validated_data.metadata.update(meta)
    report.metadata.update({k: meta[k] for k in ("rows", "rows_dropped", "minority_class_share")})

    print(f"Kept {len(df)} of {rows_in} rows; dropped {len(null_columns)} all-null columns, "
          f"{null_target_rows} rows with a missing target, {missing_value_rows} with missing values, "
          f"{duplicate_rows} duplicates")
    print("Class balance: " + ", ".join(f"{k}={v}" for k, v in class_counts.items()))
    for w in warnings:
        print(f"WARNING: {w}")
