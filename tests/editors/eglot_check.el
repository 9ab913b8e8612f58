;; Run by tests/test_emacs.py: emacs --batch -l eglot_check.el, in a folder with report.txt.
;; The first form is the README's snippet; the rest opens the report, waits for eglot's
;; diagnostics (flymake) and prints them one a line: LINE COLUMN TYPE CODE.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode) . ("reportlint" "server"))))

(require 'eglot)
(find-file "report.txt")
(text-mode)
(eglot-ensure)
(run-hooks 'post-command-hook)  ; eglot-ensure connects after the command that called it
(let ((tries 0))
  (while (and (< tries 600) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)
    (setq tries (1+ tries))))
(dolist (d (sort (flymake-diagnostics)
                 (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (let ((beg (flymake-diagnostic-beg d)))
    (princ (format "%d %d %s %s\n" (line-number-at-pos beg)
                   (save-excursion (goto-char beg) (- beg (line-beginning-position)))
                   (flymake-diagnostic-type d)
                   (if (string-match "\\[\\([A-Z][0-9]+\\)\\]" (flymake-diagnostic-text d))
                       (match-string 1 (flymake-diagnostic-text d)) "?")))))
(kill-emacs 0)
