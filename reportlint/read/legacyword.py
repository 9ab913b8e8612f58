"""``.doc`` (Word 97–2003) and ``.wps`` (WPS Office's own format), converted to DOCX.

Neither format can be read by python-docx. When LibreOffice is installed (``soffice`` on
``PATH``), the bytes are written to a fresh temporary folder and converted there, headless,
with its own throw-away profile (runs side by side do not share one), a time limit, and the
network out of reach (web proxies pointed at a closed port, so a linked picture is not
fetched); the temporary folder is removed afterwards. Without LibreOffice, E001 says what to
install or how to save the file as ``.docx``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from reportlint.common.names import printable
from reportlint.errors import InputProblem

OFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 120.0
_NO_NETWORK = "http://127.0.0.1:9"  # the discard port: nothing listens, a fetch fails at once
_ADVICE = ("请安装 LibreOffice（如 apt-get install libreoffice-writer-nogui），"
           "或在 Word/WPS 中另存为 .docx 或 PDF 后再检查")


def find_office() -> str | None:
    """The LibreOffice command on ``PATH``, if any."""
    for name in OFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _environment() -> dict[str, str]:
    proxies = {key: _NO_NETWORK for key in ("http_proxy", "https_proxy", "ftp_proxy",
                                             "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY")}
    return {**os.environ, **proxies, "no_proxy": "", "NO_PROXY": ""}


def _command(office: str, folder: Path, source: Path) -> list[str]:
    profile = (folder / "profile").as_uri()
    return [office, f"-env:UserInstallation={profile}", "--headless", "--invisible",
            "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            # Word's binary import filter, named: left to guess, LibreOffice reads a damaged
            # file as plain text and a page of nonsense would be linted. WPS files are read
            # by the same filter.
            "--infilter=MS Word 97", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(folder / "out"), str(source)]


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice; past the time limit its whole process group is killed."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=_environment(),
                               start_new_session=True)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise InputProblem("E001", f"LibreOffice 转换超时（{timeout:g} 秒）：请在 Word/WPS 中"
                                   "另存为 .docx 或 PDF 后再检查") from None


def to_docx(path: str, data: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The DOCX that LibreOffice makes of a ``.doc``/``.wps`` file's bytes."""
    suffix = Path(path).suffix.lower() if Path(path).suffix.lower() in (".doc", ".wps") \
        else ".doc"
    office = find_office()
    if office is None:
        raise InputProblem("E001", f"{printable(path)} 是旧的二进制 Word/WPS 格式（{suffix}），"
                                   f"需要 LibreOffice 才能读取：{_ADVICE}")
    with tempfile.TemporaryDirectory(prefix="reportlint-") as name:
        folder = Path(name)
        source = folder / f"report{suffix}"  # never the user's file name on a command line
        source.write_bytes(data)
        _run(_command(office, folder, source), timeout)
        converted = folder / "out" / "report.docx"
        if not converted.is_file():
            raise InputProblem("E001", f"LibreOffice 无法转换此{suffix}文件（可能已损坏或加密）："
                                       "请在 Word/WPS 中打开并另存为 .docx 或 PDF 后再检查")
        return converted.read_bytes()
