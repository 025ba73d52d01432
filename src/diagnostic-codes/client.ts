/** Talking to the KFP REST API (src/client): every KfpError code. */
export const CLIENT_CODES = {
  'client/invalid-option': 'a client option is invalid (the host URL, the proxy, a retry count)',
  'client/invalid-input': 'an input to an API call is invalid (e.g. an empty pipeline name)',
  'client/file-too-large': "the pipeline file is over the API server's 32 MiB limit",
  'client/connection-failed': 'the connection to the server failed or broke',
  'client/timeout': 'connecting or waiting for an answer took longer than the timeout',
  'client/tls': 'the TLS handshake failed (certificate not trusted, wrong host name)',
  'client/proxy': 'the proxy refused or failed the connection',
  'client/unauthorized': 'the server wants credentials (401, or a redirect to a login page)',
  'client/forbidden': 'authenticated but not allowed (403)',
  'client/not-found': 'the API answered 404',
  'client/conflict': 'the object already exists (409)',
  'client/bad-request': 'the server refused the request (400)',
  'client/server-error': 'the server failed (500 and up)',
  'client/unavailable': 'the server is unavailable (502, 503, 504) after retries',
  'client/unexpected-response': 'an answer that is not the API (HTML, a redirect, an unexpected status or body)',
  'client/credential-unreadable': 'the token file could not be read or is empty',
  // Reading a compiled pipeline file before it is uploaded or run (loadPipelinePackage).
  'pipeline-file/yaml': 'the pipeline file is not valid YAML',
  'pipeline-file/not-ir': 'the pipeline file is not a compiled KFP pipeline (no root in its first document)',
  'pipeline-file/platform-spec': 'the second YAML document of the pipeline file is not a mapping',
} as const;
