"""KFP component body: read raw training data (CSV or Parquet) into a Parquet Dataset."""

from kfp import dsl
from kfp.dsl import Dataset, Output


@dsl.component(
    base_image="python:3.11",
    packages_to_install=[
        "pandas==3.1.1",
        "pyarrow==25.0.1",
        "boto3==1.44.8",
    ],
)
def ingest_data(source_path: str, output_data: Output[Dataset]):
    """Reads a CSV or Parquet table and writes it as a Parquet Dataset.

    The source may be a local path, a ``file://`` URL, an ``http(s)://`` URL or an
    ``s3://bucket/key`` object. For S3 the endpoint comes from ``AWS_ENDPOINT_URL``
    or ``MLFLOW_S3_ENDPOINT_URL`` (MinIO in a Kubeflow install), credentials from
    the usual AWS variables. The format follows the extension: ``.csv``,
    ``.csv.gz``, ``.parquet`` or ``.pq``.

    Args:
        source_path: Where the data lives.
        output_data: The table as Parquet; metadata records ``rows``, ``columns``,
            ``column_names``, ``source_format``.
    """
    import io
    import os
    import urllib.error
    import urllib.parse
    import urllib.request

    import pandas as pd

    source = (source_path or "").strip()
    if not source:
        raise ValueError("source_path is empty: give a local path, file://, http(s):// or s3:// URL "
                         "of a .csv, .csv.gz, .parquet or .pq file")

    parsed = urllib.parse.urlparse(source)
    scheme = parsed.scheme.lower() if len(parsed.scheme) > 1 else ""  # "C:" is a drive, not a scheme
    # Never echo credentials or presigned-URL signatures into the pod log.
    if scheme in ("http", "https"):
        shown = f"{scheme}://{parsed.hostname or ''}{':' + str(parsed.port) if parsed.port else ''}{parsed.path}"
    else:
        shown = source

    key_path = urllib.parse.unquote(parsed.path if scheme else source).lower()
    if key_path.endswith(".csv.gz"):
        fmt = "csv.gz"
    elif key_path.endswith(".csv"):
        fmt = "csv"
    elif key_path.endswith(".parquet") or key_path.endswith(".pq"):
        fmt = "parquet"
    else:
        raise ValueError(f"Unsupported file format for {shown}: the name must end in .csv, .csv.gz, "
                         ".parquet or .pq")

    print(f"Reading {fmt} data from {shown}")

    if scheme in ("", "file"):
        local = urllib.request.url2pathname(parsed.path) if scheme == "file" else source
        if not os.path.exists(local):
            raise FileNotFoundError(f"Input file not found: {local}")
        if os.path.isdir(local) and fmt != "parquet":
            raise IsADirectoryError(f"Input path is a directory, not a {fmt} file: {local}")
        payload = local
    elif scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(source, timeout=60) as response:
                payload = io.BytesIO(response.read())
        except urllib.error.HTTPError as err:
            raise FileNotFoundError(f"Could not download {shown}: HTTP {err.code} {err.reason}") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise ConnectionError(f"Could not download {shown}: {reason}") from None
    elif scheme == "s3":
        import boto3
        import botocore.exceptions

        bucket, key = parsed.netloc, parsed.path.lstrip("/")
        if not bucket or not key:
            raise ValueError(f"Malformed S3 URL {shown}: expected s3://bucket/key")
        endpoint = os.environ.get("AWS_ENDPOINT_URL") or os.environ.get("MLFLOW_S3_ENDPOINT_URL") or None
        client = boto3.client("s3", endpoint_url=endpoint)
        where = f" (endpoint {endpoint})" if endpoint else ""
        try:
            obj = client.get_object(Bucket=bucket, Key=key)
            payload = io.BytesIO(obj["Body"].read())
        except botocore.exceptions.ClientError as err:
            code = err.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404", "NotFound"):
                raise FileNotFoundError(f"S3 object not found: {shown}{where}") from None
            if code == "NoSuchBucket":
                raise FileNotFoundError(f"S3 bucket '{bucket}' does not exist{where}") from None
            if code in ("AccessDenied", "403", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
                raise PermissionError(f"Access denied reading {shown}{where}: check the AWS "
                                      f"credentials given to this step ({code})") from None
            raise RuntimeError(f"Could not read {shown}{where}: {code or err}") from None
        except botocore.exceptions.NoCredentialsError:
            raise PermissionError(f"No AWS credentials available to read {shown}: set "
                                  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") from None
        except botocore.exceptions.EndpointConnectionError:
            raise ConnectionError(f"Could not reach the S3 endpoint{where} to read {shown}") from None
    else:
        raise ValueError(f"Unsupported location {shown}: use a local path, file://, http(s):// or s3://")

    try:
        if fmt == "parquet":
            df = pd.read_parquet(payload)
        else:
            df = pd.read_csv(payload, compression="gzip" if fmt == "csv.gz" else None)
    except pd.errors.EmptyDataError:
        raise ValueError(f"{shown} is empty: no header row and no data") from None
    except (pd.errors.ParserError, UnicodeDecodeError, EOFError, OSError) as err:
        if fmt == "parquet":
            raise ValueError(f"{shown} is not a readable Parquet file ({type(err).__name__}: {err}). "
                             "Is it really Parquet, and complete?") from None
        raise ValueError(f"{shown} is not a readable {fmt} file ({type(err).__name__}: {err})") from None
    except Exception as err:  # pyarrow raises its own ArrowInvalid / ArrowException family
        if fmt == "parquet" and type(err).__module__.startswith("pyarrow"):
            raise ValueError(f"{shown} is not a readable Parquet file ({type(err).__name__}: {err}). "
                             "Is it really Parquet, and complete?") from None
        raise

    if len(df.columns) == 0:
        raise ValueError(f"{shown} has no columns")
    if len(df) == 0:
        raise ValueError(f"{shown} has a header but no data rows")

    # Parquet requires string column names; CSV headers such as 0, 1, 2 come back as text anyway.
    df.columns = [str(c) for c in df.columns]
    df.to_parquet(output_data.path, index=False)

    output_data.metadata["rows"] = int(len(df))
    output_data.metadata["columns"] = int(len(df.columns))
    output_data.metadata["column_names"] = list(df.columns)
    output_data.metadata["source_format"] = fmt
    print(f"Wrote {len(df)} rows x {len(df.columns)} columns to {output_data.path}")
