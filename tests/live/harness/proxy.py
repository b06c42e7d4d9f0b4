"""Debian's nginx running the repository's deploy/nginx.conf as it is, but for its ports and
paths: a main configuration of our own (pid, logs and temporary files in a temporary folder,
`daemon off`), a self-signed certificate, and nginx as a child process killed at the end."""

import os
import shutil
import socket
import subprocess
from pathlib import Path

from tests.live.harness.services import (
    ROOT,
    die_with_parent,
    free_port,
    unavailable,
    wait_until,
)

NGINX = Path("/usr/sbin/nginx")
SITE = ROOT / "deploy" / "nginx.conf"
MAIN = """{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    # As a distribution's nginx.conf may: gzip on, for event streams too. The events
    # location must turn it off, or the stream would wait in the compressor.
    gzip on;
    gzip_types text/event-stream application/json text/css;
    include {folder}/stormdrill.conf;
}}
"""


def render_site(upstreams: list[int], https_port: int, http_port: int, folder: Path) -> str:
    """deploy/nginx.conf with only its ports, certificate and install paths replaced; fails
    when one of them is no longer in the file, so a changed file is noticed."""
    text = SITE.read_text()
    replacements = {
        "127.0.0.1:8001": f"127.0.0.1:{upstreams[0]}",
        "127.0.0.1:8002": f"127.0.0.1:{upstreams[1]}",
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "/etc/ssl/stormdrill/fullchain.pem": str(folder / "cert.pem"),
        "/etc/ssl/stormdrill/privkey.pem": str(folder / "key.pem"),
        "/opt/stormdrill/": f"{ROOT}/",
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


def self_signed(folder: Path) -> None:
    """A one-day certificate for 127.0.0.1 (openssl, as an operator makes a test one)."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(folder / "key.pem"),
         "-out", str(folder / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip


class Nginx:
    """nginx in front of the given upstream ports, on a free HTTPS port of 127.0.0.1."""

    def __init__(self, folder: Path, upstreams: list[int]) -> None:
        if not NGINX.exists() or shutil.which("openssl") is None:
            unavailable("nginx or openssl not found: apt-get install nginx openssl")
        self.folder, self.port = folder, free_port()
        self_signed(folder)
        site = render_site(upstreams, self.port, free_port(), folder)
        (folder / "stormdrill.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""  # workers must reach the temp folder
        (folder / "nginx.conf").write_text(MAIN.format(user=user, folder=folder))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        """The public side's base URL."""
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start nginx and wait until it accepts connections."""
        self.process = subprocess.Popen(
            [str(NGINX), "-p", str(self.folder), "-e", str(self.folder / "error.log"),
             "-c", str(self.folder / "nginx.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, preexec_fn=die_with_parent,
        )  # fmt: skip
        wait_until(self._listening, 10, f"nginx listens on {self.port}")

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"nginx exited:\n{self.error_log()}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        """Stop nginx (SIGQUIT would wait for open streams: SIGTERM, then kill)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def error_log(self) -> str:
        """nginx's error log, for failure messages."""
        log = self.folder / "error.log"
        return log.read_text(errors="replace") if log.exists() else "(no error log)"
