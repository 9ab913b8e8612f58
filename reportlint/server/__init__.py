"""The language server (``reportlint server``): the same pipeline, on the editor's buffer.

``positions`` converts columns to the negotiated LSP units at the edge; ``documents`` lints a
buffer under the configuration ``check`` would use (no LSP types); ``convert`` turns the
results into LSP records; ``lsp`` wires them into pygls (imported only by ``reportlint
server``; pygls is the ``lsp`` extra).
"""
