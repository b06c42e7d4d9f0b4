"""The repository's systemd units and environment file (deploy/), read the way systemd reads
them, so a test starts processes exactly as the units say: their ExecStart, Environment and
EnvironmentFile, with only the install prefix mapped onto this checkout."""

import shlex
import subprocess
from pathlib import Path

from tests.live.harness.servers import AppServer
from tests.live.harness.services import ROOT, STORMDRILL, die_with_parent, free_port

DEPLOY = ROOT / "deploy"
INSTALL = "/opt/stormdrill"  # where the units expect the checkout and its .venv


def directives(unit: Path) -> dict[str, list[str]]:
    """The [Service] section's `Key=Value` lines, each key's values in order."""
    found: dict[str, list[str]] = {}
    section = ""
    for line in unit.read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            found.setdefault(key, []).append(value)
    return found


def env_file(path: Path) -> dict[str, str]:
    """An EnvironmentFile's assignments (comments and blank lines skipped)."""
    pairs = (line.partition("=") for line in path.read_text().splitlines())
    return {key.strip(): value for key, _, value in pairs if key.strip() and key[0] != "#"}


def local(word: str) -> str:
    """A path of the units mapped from the install prefix onto this checkout and its venv."""
    venv_bin = f"{INSTALL}/.venv/bin/"
    if word.startswith(venv_bin):
        return str(STORMDRILL.parent / word.removeprefix(venv_bin))
    return word.replace(INSTALL, str(ROOT))


def command(unit: Path, instance: str = "") -> list[str]:
    """The unit's ExecStart as argv, `%i` being the instance."""
    (exec_start,) = directives(unit)["ExecStart"]
    return [local(word) for word in shlex.split(exec_start.replace("%i", instance))]


def environment(unit: Path, overrides: dict[str, str], instance: str = "") -> dict[str, str]:
    """What the unit's process gets: a bare PATH, the example environment file (for the unit's
    EnvironmentFile), its Environment= lines, then the test's `overrides`."""
    service = directives(unit)
    assert service.get("EnvironmentFile"), f"{unit.name} reads no EnvironmentFile"
    env = {"PATH": str(STORMDRILL.parent) + ":/usr/bin:/bin", "LANG": "C.UTF-8"}
    env |= env_file(DEPLOY / "stormdrill.env")
    for line in service.get("Environment", []):
        env |= dict(word.split("=", 1) for word in shlex.split(line.replace("%i", instance)))
    return env | overrides


def run_oneshot(unit: Path, overrides: dict[str, str], cwd: Path) -> None:
    """Run a oneshot unit's ExecStart to its end; fail with its output if it fails."""
    done = subprocess.run(
        command(unit), env=environment(unit, overrides), cwd=cwd, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{unit.name} failed:\n{done.stdout}\n{done.stderr}")


class UnitServer(AppServer):
    """A `stormdrill serve` process started as an instance of deploy/stormdrill@.service."""

    unit = DEPLOY / "stormdrill@.service"

    def __init__(self, name: str, folder: Path, overrides: dict[str, str]) -> None:
        super().__init__(name, folder, overrides["STORMDRILL_DATABASE_URL"], None)
        self.overrides = overrides
        self.port = free_port()

    def launch(self) -> None:
        """Start the instance named by its port (chosen at creation, for the proxy's config)."""
        instance = str(self.port)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command(self.unit, instance),
                env=environment(self.unit, self.overrides, instance),
                cwd=self.folder,  # the unit's WorkingDirectory holds no .env file either
                stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent,
            )  # fmt: skip

    def requests_served(self) -> int:
        """How many requests its access log shows."""
        return self.log.read_text(errors="replace").count('"logger": "uvicorn.access"')
