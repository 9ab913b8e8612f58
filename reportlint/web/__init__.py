"""``reportlint serve``: a small web application an office runs on its intranet, so a
department can check its draft in a browser: upload, the review report's page of the result,
the annotated copy and the JSON to download; ``POST /api/check`` for other systems."""
