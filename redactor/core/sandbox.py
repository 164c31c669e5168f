"""Confinement of the worker processes that parse and render untrusted files.

A letter is a hostile file until shown otherwise: a PDF or image that exploits pdfium, Pillow or
Tesseract runs with the rights of the process that reads it. So every lane worker (lanes.py)
confines itself once it has loaded its libraries, with what Linux gives an unprivileged program:

- seccomp (through Debian's libseccomp, called with ctypes): no socket can be made (so no
  network), no program started (execve), no other process traced or read, no namespace made;
- Landlock (through the `landlockpy` package): files are read-only and only the Python
  installation, the app's code, the OCR language data, the fonts and the system libraries can be
  read; nothing can be written but /dev/null; no program run; no TCP (Landlock ABI 4); no signal
  or abstract socket outside the worker (ABI 6);
- the memory cap (RLIMIT_AS) that lanes.py sets, as before.

The letter itself is not among the readable files: a worker asks the app for it (`open_input`)
and the app hands over a read-only descriptor of the files the editor opened (`grant`), over a
socket pair made before the confinement (the broker). A worker cannot open anything else, even
with the letter's folder next to it.

Each step that fails (an old kernel, a container that forbids it, no libseccomp) leaves the worker
working, with the reason recorded: `Protection` says what is in force, the app shows it in
Help > About, and `redactor --check` prints it. REDACTOR_LANES=serial runs jobs unconfined in the
calling process (for debugging); REDACTOR_SANDBOX=off turns confinement off (a worker reports it).
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
import errno
import importlib.util
import io
import multiprocessing.connection
import multiprocessing.reduction
import os
import pickle
import socket
import stat
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

SANDBOX_ENV = "REDACTOR_SANDBOX"  # "off": workers are not confined (reported as such)
FILES_ON = "read-only, limited to the letter, the OCR data, fonts and the code"

# --- what is in force ----------------------------------------------------------------------


@dataclass(frozen=True)
class Guard:
    """One protection: on or not, by which mechanisms, or why not."""

    on: bool
    via: str = ""  # "seccomp", "Landlock ABI 7", ...
    why: str = ""  # when off (or partly on): the reason, one line

    def describe(self, on_text: str) -> str:
        if self.on:
            text = f"{on_text} ({self.via})" if self.via else on_text
            return f"{text}; {self.why}" if self.why else text
        return f"not available: {self.why}" if self.why else "not available"


@dataclass(frozen=True)
class Protection:
    """What confines the workers that read letters."""

    network: Guard
    programs: Guard
    files: Guard
    memory_mb: int = 0  # 0: no cap
    confined: bool = True  # False: jobs run in the calling process (serial mode)

    @property
    def complete(self) -> bool:
        return self.confined and self.network.on and self.programs.on and self.files.on

    def lines(self) -> list[str]:
        memory = f"capped at {self.memory_mb} MB" if self.memory_mb else "not capped"
        return [
            f"network: {self.network.describe('blocked')}",
            f"programs: {self.programs.describe('blocked')}",
            f"files: {self.files.describe(FILES_ON)}",
            f"memory: {memory}",
        ]

    def summary(self) -> str:
        return "; ".join(self.lines())


def unconfined(why: str) -> Protection:
    off = Guard(False, why=why)
    return Protection(off, off, off, 0, confined=False)


# --- the letter, handed to the worker by the app ---------------------------------------------

_MAX_PATH_BYTES = 8192


class _Broker:
    """The app's side: one thread answering the workers' requests for a granted input with a
    read-only descriptor. A request is one message on a shared SOCK_SEQPACKET pair: the path,
    with one end of a fresh socket pair that carries the answer back to that worker alone."""

    def __init__(self) -> None:
        self.ours, self.theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.granted: set[str] = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, name="input-broker", daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                data, fds, _flags, _addr = socket.recv_fds(self.ours, _MAX_PATH_BYTES, 1)
            except OSError:  # pragma: no cover - the socket is never closed
                return
            if not fds:
                continue
            with socket.socket(fileno=fds[0]) as reply:
                for extra in fds[1:]:  # pragma: no cover - at most one is accepted
                    os.close(extra)
                self._answer(reply, os.fsdecode(data))

    def _answer(self, reply: socket.socket, path: str) -> None:
        fd = -1
        try:
            real = os.path.realpath(path)
            with self.lock:
                allowed = real in self.granted
            if not allowed:
                raise PermissionError(errno.EACCES, "not an opened letter")
            # O_NONBLOCK: a FIFO named like a letter must not hang the broker.
            fd = os.open(real, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | os.O_NOCTTY)
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "is a folder")
            if not stat.S_ISREG(mode):
                raise PermissionError(errno.EACCES, "not a regular file")
            os.set_blocking(fd, True)
            socket.send_fds(reply, [b"ok"], [fd])
        except OSError as exc:
            try:
                reply.sendall(b"%d" % (exc.errno or errno.EIO))
            except OSError:  # pragma: no cover - the worker died meanwhile
                pass
        finally:
            if fd >= 0:
                os.close(fd)


_broker: _Broker | None = None
_broker_lock = threading.Lock()


def _the_broker() -> _Broker:
    global _broker
    with _broker_lock:
        if _broker is None:
            _broker = _Broker()
        return _broker


def grant(path: str | os.PathLike[str]) -> None:
    """Let the workers read this file (the app's side: a letter the editor opened)."""
    broker = _the_broker()
    with broker.lock:
        broker.granted.add(os.path.realpath(os.fspath(path)))


def channel() -> socket.socket:
    """The workers' end of the broker's socket pair (passed to each worker when it starts)."""
    return _the_broker().theirs


_channel: socket.socket | None = None  # in a worker: its end of the broker


def open_input(path: str) -> BinaryIO:
    """Open an input read-only. In a lane worker the app opens it (only if the editor opened
    it) and hands over the descriptor; elsewhere it is a plain open(). OSError as open()."""
    if _channel is None:
        return open(path, "rb")
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with ours:
        with theirs:
            socket.send_fds(_channel, [os.fsencode(path)], [theirs.fileno()])
        data, fds, _flags, _addr = socket.recv_fds(ours, 64, 1)
    if fds:
        return os.fdopen(fds[0], "rb")
    try:
        code = int(data or b"0") or errno.EIO
    except ValueError:
        code = errno.EIO
    raise OSError(code, os.strerror(code), path)


# --- what a worker sends back --------------------------------------------------------------
# The workers' answers come back as pickles (concurrent.futures). Unpickled as they are, a
# worker taken over by a hostile file could make the app call any function: the sandbox would be
# one message wide. The app reads them with an unpickler that builds only data: the app's own
# classes, containers, exceptions, images and arrays, and calls no other function.

_DATA_CALLS: dict[str, frozenset[str]] = {
    "builtins": frozenset({"set", "frozenset", "bytearray", "complex", "slice", "range", "object"}),
    "copyreg": frozenset({"_reconstructor"}),
    "collections": frozenset({"OrderedDict", "deque"}),
    "datetime": frozenset({"date", "datetime", "time", "timedelta", "timezone"}),
    "pathlib": frozenset({"PurePosixPath", "PosixPath", "PurePath", "Path"}),
    "concurrent.futures.process": frozenset({"_ResultItem", "_rebuild_exc"}),
    "PIL.Image": frozenset({"Image"}),
    "numpy": frozenset({"ndarray", "dtype"}),
    "numpy._core.multiarray": frozenset({"_reconstruct", "scalar"}),
    "numpy.core.multiarray": frozenset({"_reconstruct", "scalar"}),
    "numpy._core.numeric": frozenset({"_frombuffer"}),
    "numpy.core.numeric": frozenset({"_frombuffer"}),
}


class _DataUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        allowed = _DATA_CALLS.get(module)
        if allowed is not None:
            obj = super().find_class(module, name)
            if name in allowed or _is_exception(obj):
                return obj
        elif module == "redactor" or module.startswith("redactor."):
            # The app's own data: dataclasses, enums and exceptions (never a class whose
            # making does something, such as a source that grants a file to the workers).
            obj = super().find_class(module, name)
            if isinstance(obj, type) and (
                dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum) or _is_exception(obj)
            ):
                return obj
        elif module in sys.modules and "." not in name:
            # An exception of a library already loaded (nothing is imported for it).
            obj = getattr(sys.modules[module], name, None)
            if _is_exception(obj):
                return obj
        raise pickle.UnpicklingError(f"a worker sent {module}.{name}: refused")


def _is_exception(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, Exception)


def data_loads(data: bytes | memoryview) -> Any:
    """Unpickle what a worker sent: data only (see above); UnpicklingError for anything else."""
    return _DataUnpickler(io.BytesIO(data)).load()


class _DataConnection(multiprocessing.connection.Connection):
    """The app's end of a pool's result pipe, read with data_loads."""

    def recv(self) -> Any:
        return data_loads(self.recv_bytes())


# Sent to a worker (the pool's queue travels whole), it is rebuilt there as a plain Connection.
multiprocessing.reduction.register(
    _DataConnection,
    getattr(multiprocessing.connection, "reduce_connection"),  # noqa: B009
)


def guard_results(pool: Any) -> bool:
    """Read a ProcessPoolExecutor's results with data_loads. False when the pool is not made
    the way this Python version's is known to be (then nothing is changed)."""
    reader = getattr(getattr(pool, "_result_queue", None), "_reader", None)
    if type(reader) is not multiprocessing.connection.Connection:
        return False
    reader.__class__ = _DataConnection
    return True


# --- seccomp -------------------------------------------------------------------------------

_SCMP_ACT_ALLOW = 0x7FFF0000
_SCMP_FLTATR_CTL_TSYNC = 4
_SCMP_CMP_MASKED_EQ = 7


def _scmp_errno(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


class _ArgCmp(ctypes.Structure):
    _fields_ = [
        ("arg", ctypes.c_uint),
        ("op", ctypes.c_int),
        ("datum_a", ctypes.c_uint64),
        ("datum_b", ctypes.c_uint64),
    ]


NETWORK_CALLS = ("socket", "io_uring_setup", "io_uring_enter", "io_uring_register")
PROGRAM_CALLS = ("execve", "execveat")
# Other processes, namespaces, and the kernel's rarely needed parts: no reader uses them.
OTHER_CALLS = (
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "fsopen",
    "fsmount",
    "move_mount",
    "open_tree",
    "open_by_handle_at",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "keyctl",
    "add_key",
    "request_key",
    "kexec_load",
    "init_module",
    "finit_module",
)
# clone() that makes a namespace is refused; clone3() (whose flags seccomp cannot see) answers
# ENOSYS, so the C library falls back to clone() for threads.
_CLONE_NEW = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)


def _seccomp() -> None:
    """Load the filter on every thread of this process. Raises OSError when it cannot."""
    try:
        lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
    except OSError:
        raise OSError(errno.ENOENT, "libseccomp is not installed") from None
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    lib.seccomp_attr_set.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_rule_add_array.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_void_p,
    ]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]

    def check(rc: int, what: str) -> None:
        if rc < 0:
            raise OSError(-rc, f"seccomp: {what}: {os.strerror(-rc)}")

    ctx = lib.seccomp_init(_SCMP_ACT_ALLOW)
    if not ctx:
        raise OSError(errno.ENOMEM, "seccomp: cannot make a filter")
    try:
        check(lib.seccomp_attr_set(ctx, _SCMP_FLTATR_CTL_TSYNC, 1), "all threads")
        for name in (*NETWORK_CALLS, *PROGRAM_CALLS, *OTHER_CALLS):
            nr = lib.seccomp_syscall_resolve_name(name.encode())
            if nr == -1:  # not on this architecture
                continue
            check(lib.seccomp_rule_add_array(ctx, _scmp_errno(errno.EPERM), nr, 0, None), name)
        nr = lib.seccomp_syscall_resolve_name(b"clone3")
        if nr != -1:
            check(lib.seccomp_rule_add_array(ctx, _scmp_errno(errno.ENOSYS), nr, 0, None), "clone3")
        nr = lib.seccomp_syscall_resolve_name(b"clone")
        if nr != -1:
            # The flags are clone()'s first argument on x86-64 and arm64.
            for flag in _CLONE_NEW:
                cmp = _ArgCmp(0, _SCMP_CMP_MASKED_EQ, flag, flag)
                rc = lib.seccomp_rule_add_array(
                    ctx, _scmp_errno(errno.EPERM), nr, 1, ctypes.byref(cmp)
                )
                check(rc, "clone")
        check(lib.seccomp_load(ctx), "load")
    finally:
        lib.seccomp_release(ctx)


# --- Landlock ------------------------------------------------------------------------------

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts")
LIB_PATHS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/etc/ld.so.cache")
SYSTEM_READ = ("/dev/urandom", "/dev/random", "/sys/devices/system/cpu", "/proc/cpuinfo")
WRITABLE = ("/dev/null",)


def _under(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def readable_paths() -> list[str]:
    """What a worker may read: the Python installation, code already loaded from elsewhere (a
    checkout), the app's data, the OCR language data, fonts, system libraries, and its own
    /proc entry. Neither the home folder nor the letters' folders (the letter comes through the
    broker)."""
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    prefixes |= {os.path.realpath(sys.base_exec_prefix)}
    paths = set(prefixes)
    for name, module in list(sys.modules.items()):
        if "." in name:
            continue
        where = list(getattr(module, "__path__", None) or [])
        file = getattr(module, "__file__", None)
        if not where and isinstance(file, str):
            where = [file]
        paths.update(os.path.realpath(w) for w in where if isinstance(w, str))
    # A checkout on sys.path (PYTHONPATH, `python -m` from the source folder): the folder that
    # holds the redactor package. Never a folder just because it was the current one.
    for entry in sys.path:
        folder = os.path.realpath(entry or os.getcwd())
        if os.path.isfile(os.path.join(folder, "redactor", "__init__.py")):
            paths.add(folder)
    spec = importlib.util.find_spec("redactor.resources")
    if spec is not None:
        paths.update(os.path.realpath(p) for p in spec.submodule_search_locations or ())
    from .ocr import TESSDATA_CANDIDATES

    tess = os.environ.get("TESSDATA_PREFIX")
    paths.update([*TESSDATA_CANDIDATES, *([tess] if tess else [])])
    paths.update([*FONT_DIRS, *LIB_PATHS, *SYSTEM_READ, f"/proc/{os.getpid()}"])
    return sorted(p for p in paths if os.path.exists(p))


def _landlock() -> tuple[int, str]:
    """Restrict this process's files. Returns (ABI, a note: threads left out); raises OSError
    when Landlock cannot be used."""
    try:
        import landlockpy as ll
    except ImportError:
        raise OSError(errno.ENOENT, "the landlockpy package is not installed") from None
    try:
        abi = ll.abi_version()
    except OSError as exc:
        raise OSError(exc.errno, f"Landlock: {exc.strerror}") from None
    if abi < 1:
        raise OSError(errno.ENOSYS, "the kernel has no Landlock (too old, or not enabled)")
    read_file = ll.AccessFS.READ_FILE
    read_all = ll.AccessFS.READ_FILE | ll.AccessFS.READ_DIR
    scoped = ll.Scope.ABSTRACT_UNIX_SOCKET | ll.Scope.SIGNAL
    threads = len(os.listdir(f"/proc/{os.getpid()}/task"))
    with ll.Ruleset(scoped=scoped) as rules:
        for path in readable_paths():
            rules.allow_path(path, read_all if os.path.isdir(path) else read_file)
        for path in WRITABLE:
            if os.path.exists(path):
                rules.allow_path(path, read_file | ll.AccessFS.WRITE_FILE)
        rules.restrict(ll.RestrictFlag.TSYNC)  # dropped below ABI 8: this thread only
    note = ""
    if threads > 1 and abi < 8:
        note = f"{threads - 1} thread(s) started earlier are not covered"
    return abi, note


# --- the worker's side ---------------------------------------------------------------------

_in_force: Protection | None = None


def confine(memory_bytes: int, broker: socket.socket | None) -> Protection:
    """Confine this worker process (call it before the worker starts threads of its own).
    Never raises: what could not be done is recorded in the Protection it returns."""
    global _in_force, _channel
    _channel = broker
    memory_mb = _memory_mb(memory_bytes)
    if os.environ.get(SANDBOX_ENV, "").strip().lower() == "off":
        off = Guard(False, why=f"turned off ({SANDBOX_ENV}=off)")
        _in_force = Protection(off, off, off, memory_mb)
        return _in_force
    try:
        abi, note = _landlock()
        files = Guard(True, f"Landlock ABI {abi}", note)
    except Exception as exc:  # a missing mechanism never stops the worker
        files = Guard(False, why=_reason(exc))
        abi = 0
    try:
        _seccomp()
        seccomp_why = ""
    except Exception as exc:
        seccomp_why = _reason(exc)
    land_exec = f"Landlock ABI {abi}" if abi else ""
    land_net = f"Landlock ABI {abi}, TCP only" if abi >= 4 else ""
    if not seccomp_why:
        network = Guard(True, "seccomp" + (f", {land_net}" if land_net else ""))
        programs = Guard(True, "seccomp" + (f", {land_exec}" if land_exec else ""))
    else:
        other = f"other sockets can be made: {seccomp_why}" if land_net else seccomp_why
        network = Guard(bool(land_net), land_net, other)
        programs = Guard(bool(land_exec), land_exec, "" if land_exec else seccomp_why)
    _in_force = Protection(network, programs, files, memory_mb)
    return _in_force


def _memory_mb(memory_bytes: int) -> int:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        return 0 if soft == resource.RLIM_INFINITY else soft // 1024**2
    except (ImportError, OSError, ValueError):  # pragma: no cover - not POSIX
        return memory_bytes // 1024**2


def _reason(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return text or type(exc).__name__


def in_force() -> Protection:
    """A lane job: what confines this worker."""
    if _in_force is None:
        return unconfined("jobs run in the app's own process (REDACTOR_LANES=serial)")
    return _in_force


# Probes, run as lane jobs by `redactor --check` and the tests: each tries what a confined
# worker must not do and returns "" when it was refused, or what happened when it was not.


def try_network() -> str:
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return ""
    sock.close()
    return "a network socket was made"


def try_program(path: str = "/bin/sh") -> str:
    import subprocess

    try:
        subprocess.run([path, "-c", "exit 0"], check=False, timeout=10, capture_output=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"{path} ran"


def try_read(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError:
        return ""
    return "the file was read"
