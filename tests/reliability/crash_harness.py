"""Kill the drafting app at random moments and check that nothing was lost (issue 11 §1).

Shared by tests/reliability/test_crash_safety.py (a CI-sized run) and
benchmarks/crash_soak.py (a long one). The app runs with its real snapshot timers. Each
session is a real process (:mod:`tests.reliability.crash_driver`) killed with SIGKILL a
random time after it is ready; before the next session starts the project file is checked
(it loads, and its bytes are those of a save the driver logged: the previous version or
the one being written, never a mixture), and the next session's recovery offer must bring
back the last snapshot the killed session wrote (or the one it was writing).

:func:`typing_loss` measures what a kill costs a drafter who types without pausing: the
driver's typist types for a minute at 5–10 keys a second, is killed, and the next start
restores a state the typist's log names with the time it was reached; what was typed after
it is lost.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from drafting_app.storage.project import SUFFIX, load_project
from drafting_app.storage.recovery import RecoveryStore
from drafting_app.storage.sessions import LOCK_SUFFIX, OPEN_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 60.0
DIE_POINTS = ("save-before", "save-after", "snap-before", "snap-after")
# A drafter who never saves, killed this long after the start: past RECOVERY_MAX_MS, so a
# snapshot must be there to restore.
UNSAVED_KILL_S = 6.5


@dataclass
class SessionLog:
    """What a killed session's log says may be on disk."""

    events: list[dict[str, object]]

    @classmethod
    def read(cls, path: Path) -> SessionLog:
        events = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:  # the kill fell inside a log write: that line never counted
                continue
        return cls(events)

    def has(self, event: str) -> bool:
        return any(e["ev"] == event for e in self.events)

    def saves(self) -> tuple[str | None, str | None]:
        """(last completed save, save in progress when killed)."""
        done: str | None = None
        pending: str | None = None
        for e in self.events:
            if e["ev"] == "save-begin":
                pending = str(e["hash"])
            elif e["ev"] == "save-done":
                done, pending = str(e["hash"]), None
        return done, pending

    def snapshot_states(self) -> dict[str, set[str | None]]:
        """For each draft key of the session: the snapshot contents that may be on disk
        (None: no snapshot)."""
        state: dict[str, set[str | None]] = {}
        for e in self.events:
            key = str(e.get("key", ""))
            if e["ev"] == "snap-begin":
                state[key] = state.get(key, {None}) | {str(e["hash"])}
            elif e["ev"] == "snap-done":
                state[key] = {str(e["hash"])}
            elif e["ev"] == "discard-begin":
                state[key] = state.get(key, {None}) | {None}
            elif e["ev"] == "discard-done":
                state[key] = {None}
        return state

    def restored(self) -> list[str]:
        return next((list(e["hashes"]) for e in self.events if e["ev"] == "restored"), [])  # type: ignore[call-overload]


@dataclass
class SoakReport:
    sessions: int = 0
    kills: int = 0
    saves: int = 0
    snapshots: int = 0
    restores: int = 0
    drafts_lost: int = 0
    killed_in_save: int = 0
    killed_in_snapshot: int = 0
    torn_files: int = 0
    stray_files: list[str] = field(default_factory=list)
    temp_files_left: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


class CrashSoak:
    """Sessions of the driver in ``folder``, each killed, each checked."""

    def __init__(self, folder: Path, seed: int = 0) -> None:
        self.folder = folder
        self.home = folder / "home"
        self.docs = folder / "docs"
        self.project = self.docs / f"draft{SUFFIX}"
        self.home.mkdir(parents=True, exist_ok=True)
        self.docs.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(seed)
        self.report = SoakReport()
        self.last_save: str | None = None
        self.expected_snapshots: dict[str, set[str | None]] = {}

    def _start(self, n: int, mode: str, die: str = "") -> tuple[subprocess.Popen[bytes], Path]:
        log = self.folder / f"session-{n:04d}.jsonl"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DRAFTING_APP_HOME": str(self.home)}
        cmd = [sys.executable, "-m", "tests.reliability.crash_driver", "--home", str(self.home),
               "--project", str(self.project), "--log", str(log), "--mode", mode,
               "--seed", str(self.rng.randrange(1 << 30)),
               "--die", die, "--die-after", str(self.rng.randint(0, 3))]  # fmt: skip
        with open(self.folder / "driver-stderr.txt", "ab") as err:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        return proc, log

    def _wait_ready(self, proc: subprocess.Popen[bytes], log: Path) -> SessionLog:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if log.exists() and SessionLog.read(log).has("ready"):
                return SessionLog.read(log)
            if proc.poll() is not None:
                raise AssertionError(f"the driver ended before it was ready: {proc.returncode}")
            time.sleep(0.02)
        proc.kill()
        raise AssertionError("the driver did not become ready")

    def session(self, n: int, max_delay_s: float = 2.0, die: str = "") -> None:
        """One session: start, check what it restored, kill it at a random moment (or let
        it kill itself inside a write, ``die``), check the files it left."""
        if die:  # saves come often in a save loop; snapshots only between saves
            mode = "save-loop" if die.startswith("save") else "type"
        else:
            mode = self.rng.choices(["save-loop", "type", "unsaved"], [0.35, 0.4, 0.25])[0]
        proc, log = self._start(n, mode, die)
        started = self._wait_ready(proc, log)
        self.report.sessions += 1
        self._check_restore(n, started.restored())
        if die:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.report.problems.append(f"session {n}: never reached the {die} write")
        elif mode == "unsaved":  # killed after the app's longest wait for a snapshot
            time.sleep(UNSAVED_KILL_S + self.rng.uniform(0.0, max_delay_s))
        else:
            time.sleep(self.rng.uniform(0.0, max_delay_s))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:
            self.report.problems.append(f"session {n}: ended by itself ({proc.returncode})")
        self.report.kills += 1
        self._check_after_kill(n, SessionLog.read(log))

    def _check_restore(self, n: int, restored: list[str]) -> None:
        expected = [s for s in self.expected_snapshots.values() if s != {None}]
        self.report.restores += len(restored)
        remaining = list(restored)
        for possible in expected:
            hit = next((h for h in remaining if h in possible), None)
            if hit is not None:
                remaining.remove(hit)
            elif None not in possible:
                self.report.drafts_lost += 1
                self.report.problems.append(f"session {n}: snapshot {possible} not restored")
        if remaining:
            self.report.problems.append(f"session {n}: unexpected drafts restored {remaining}")

    def _check_after_kill(self, n: int, log: SessionLog) -> None:
        done, pending = log.saves()
        self.report.saves += sum(1 for e in log.events if e["ev"] == "save-done")
        self.report.snapshots += sum(1 for e in log.events if e["ev"] == "snap-done")
        self.last_save = done or self.last_save
        allowed = {h for h in (self.last_save, pending) if h is not None}
        if allowed:
            self._check_project_file(n, allowed)
        actual = self._hash_of_file()
        if actual in allowed:  # the version that survived is the base for the next kill
            self.last_save = actual
        self.expected_snapshots = log.snapshot_states()
        self.report.killed_in_save += pending is not None
        self.report.killed_in_snapshot += any(len(s) > 1 for s in self.expected_snapshots.values())
        self._check_folders(n)

    def _hash_of_file(self) -> str | None:
        if not self.project.is_file():
            return None
        return hashlib.sha256(self.project.read_bytes()).hexdigest()

    def _check_project_file(self, n: int, allowed: set[str]) -> None:
        actual = self._hash_of_file()
        if actual is None:
            if self.last_save is not None:
                self.report.torn_files += 1
                self.report.problems.append(f"session {n}: the saved project is gone")
            return
        if actual not in allowed:
            self.report.torn_files += 1
            self.report.problems.append(f"session {n}: project bytes match no logged save")
        try:
            load_project(self.project)
        except Exception as exc:  # any failure to load a saved file is the bug we hunt
            self.report.torn_files += 1
            self.report.problems.append(f"session {n}: saved project does not load: {exc}")

    def _check_folders(self, n: int) -> None:
        """Whatever a kill left must not look like a document (nor a snapshot) to the app."""
        known = {self.project.name, self.project.name + ".bak"}
        self.report.temp_files_left = set()  # what is there now (sweeps remove old ones)
        for f in self.docs.iterdir():
            if f.name in known:
                continue
            if f.name.startswith(".") and not f.name.endswith(SUFFIX):
                self.report.temp_files_left.add(f.name)
            else:
                self.report.stray_files.append(f"session {n}: {f.name}")
        recovery = self.home / "recovery"
        offered = {s.path.name for s in RecoveryStore(recovery, "checker").left_behind()}
        for f in recovery.iterdir() if recovery.is_dir() else []:
            if f.name in offered or f.name.endswith((LOCK_SUFFIX, OPEN_SUFFIX)):
                continue  # a session's lock and open-drafts list: swept when stale
            if f.name.startswith(".") and not f.name.endswith(".json"):
                self.report.temp_files_left.add("recovery/" + f.name)
            else:
                self.report.stray_files.append(f"session {n}: recovery/{f.name}")

    def run(self, sessions: int, max_delay_s: float = 2.0, die_share: float = 0.25) -> SoakReport:
        """``sessions`` killed sessions; ``die_share`` of them die inside a write."""
        for n in range(sessions):
            die = ""
            if self.rng.random() < die_share:
                die = self.rng.choice(DIE_POINTS)
            self.session(n, max_delay_s, die)
        return self.report


@dataclass
class TypingLoss:
    """One typist run killed: how long it typed, how many keys, what the next start
    restored and how many seconds of typing that lost."""

    typed_s: float
    keys: int
    longest_pause_s: float
    lost_s: float
    restored_key: int  # the key whose state came back (0: the draft before any key)
    problems: list[str] = field(default_factory=list)


def typing_loss(folder: Path, seconds: float = 60.0, seed: int = 0) -> TypingLoss:
    """Type for ``seconds`` (plus up to 5 s more, at random), SIGKILL, start again and
    see what the recovery offer gives back."""
    soak = CrashSoak(folder, seed)
    proc, log_path = soak._start(0, "typist")
    soak._wait_ready(proc, log_path)
    deadline = time.monotonic() + seconds + soak.rng.uniform(0.0, 5.0)
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    proc.wait()
    keys = [e for e in SessionLog.read(log_path).events if e["ev"] == "key"]
    problems = [] if proc.returncode == -signal.SIGKILL else [f"ended by itself {proc.returncode}"]
    if not keys:
        return TypingLoss(0.0, 0, 0.0, seconds, 0, [*problems, "the typist typed nothing"])
    times = [float(e["t"]) for e in keys]  # type: ignore[arg-type]
    pauses = [b - a for a, b in itertools.pairwise(times)]
    restart, log2 = soak._start(1, "type")
    restored = soak._wait_ready(restart, log2).restored()
    os.kill(restart.pid, signal.SIGKILL)
    restart.wait()
    by_hash = {str(e["hash"]): i for i, e in enumerate(keys)}
    found = [by_hash[h] for h in restored if h in by_hash]
    if len(restored) > 1:
        problems.append(f"{len(restored)} drafts restored for one typed draft")
    if restored and not found:
        problems.append("the restored draft is no state the typist reached")
    since = times[found[-1]] if found else times[0]
    return TypingLoss(
        typed_s=times[-1] - times[0],
        keys=len(keys),
        longest_pause_s=max(pauses, default=0.0),
        lost_s=killed_at - since,
        restored_key=found[-1] + 1 if found else 0,
        problems=problems,
    )
