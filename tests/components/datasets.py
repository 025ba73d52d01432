"""Small generated tables for the component tests (nothing is downloaded)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification


def churn_frame(n_rows: int = 300, seed: int = 0, n_features: int = 6) -> pd.DataFrame:
    """A binary-classification table shaped like the seed article's data.

    Numeric features ``f0..``, plus ``user_id`` and ``timestamp`` columns that the
    training components drop, and a 0/1 ``target``.
    """
    X, y = make_classification(n_samples=n_rows, n_features=n_features, n_informative=4, n_redundant=1,
                               weights=[0.6, 0.4], class_sep=1.2, random_state=seed)
    df = pd.DataFrame(X, columns=[f"f{i}" for i in range(n_features)]).round(6)
    df.insert(0, "user_id", np.arange(1000, 1000 + n_rows))
    df.insert(1, "timestamp", pd.date_range("2024-01-01", periods=n_rows, freq="h").astype(str))
    df["target"] = y.astype("int64")
    return df


def dirty_churn_frame(n_rows: int = 300, seed: int = 1) -> tuple[pd.DataFrame, dict]:
    """churn_frame with the defects validate_data removes, and how many of each there are."""
    df = churn_frame(n_rows, seed)
    df["always_empty"] = np.nan
    df.loc[[3, 17, 42], "target"] = np.nan          # null target
    df.loc[[5, 60], "f1"] = np.nan                  # missing feature value
    duplicates = df.iloc[[10, 11, 12, 13]].copy()    # exact copies of clean rows
    df = pd.concat([df, duplicates], ignore_index=True)
    expected = {"null_target": 3, "missing_values": 2, "duplicates": 4, "null_columns": ["always_empty"],
                "rows_out": n_rows - 3 - 2}
    return df, expected
