-- Run by tests/test_neovim.py: nvim --headless -u NONE REPORT -c "luafile nvim_check.lua"
-- Starts `reportlint server` with Neovim's built-in LSP client on the open buffer, waits for
-- its diagnostics and writes vim.diagnostic.get() as JSON to $REPORTLINT_NVIM_OUT.
local cmd = { vim.env.REPORTLINT_PYTHON, '-m', 'reportlint', 'server' }
local root = vim.fn.getcwd()
local buffer = vim.api.nvim_get_current_buf()
if vim.lsp.start then -- Neovim 0.8 and later: the README's snippet
  vim.lsp.start({ name = 'reportlint', cmd = cmd, root_dir = root })
else -- Neovim 0.7 (Debian 12)
  local id = vim.lsp.start_client({ name = 'reportlint', cmd = cmd, root_dir = root })
  vim.lsp.buf_attach_client(buffer, id)
end
local ok = vim.wait(60000, function() return #vim.diagnostic.get(buffer) > 0 end, 100)
local found = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(found, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
                        lnum = d.lnum, col = d.col, end_col = d.end_col,
                        severity = d.severity, source = d.source })
end
local out = io.open(vim.env.REPORTLINT_NVIM_OUT, 'w')
out:write(vim.fn.json_encode({ ok = ok, diagnostics = found }))
out:close()
vim.cmd('qa!')
