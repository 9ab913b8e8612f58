"""Check: rule packs run over one report → diagnostics in the source's terms.

``packs`` loads and validates rule YAML (``yamlfile`` keeps line numbers for its errors);
``kinds`` holds the generic checks the YAML configures and their registry; ``engine`` is the
pipeline for one file: read → parse → facts/tables → rules → ``FileReport``.
"""
