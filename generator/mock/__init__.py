"""`sdkgen mock`: a local server that plays an API from its OpenAPI document, checking each
request against it. Beside the pipeline, like `diff/`: it reads `load/` and `ir/` only."""
