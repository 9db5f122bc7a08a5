#!/usr/bin/env python3
"""client.py — drives the real cme client in a pseudo-terminal.

The client runs exactly as an officer would run it (same binary, same SQL),
in a pty of the size asked for, with CME_TRACE pointing at a file. Keys are
written one action at a time; an action is over when the client has been
quiet (no output) for --quiet milliseconds. Per action we keep the wall
time from the key to the last byte of the reply and the bytes the client
wrote; the trace gives round trips, statements, server milliseconds and the
bytes counted inside the client (ui/tty.c).

    client.py run SCRIPT --out FILE.json [--cols 80 --rows 24] [--quiet 40]

SCRIPT is a text file, one step a line:
    label NAME         the following actions count under NAME ('-': none)
    key K [N]          press key K (a name below, or literal text) N times,
                       waiting for quiet after each
    burst K N          write K N times at once, then wait for quiet
    type TEXT          type TEXT (no waiting between characters)
    rss                sample the client's peak RSS (VmHWM)
Key names: Enter Tab PageDown PageUp Escape; anything else is sent as is.

The JSON written: start_ms (exec to the end of the first screen's output),
actions [{label, key, ms, bytes}], trace [{action, rt, stmts, server_ms,
tty_bytes}], peak_rss_kb.
"""
import argparse
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

KEYS = {
    "Enter": b"\r", "Tab": b"\t", "PageDown": b"\x1b[6~",
    "PageUp": b"\x1b[5~", "Escape": b"\x1b", "Space": b" ",
    "Down": b"\x1bOB", "Up": b"\x1bOA",
}


def keybytes(k):
    return KEYS.get(k, k.encode())


class Client:
    def __init__(self, argv, env, cols, rows, quiet_ms):
        self.quiet = quiet_ms / 1000.0
        self.bytes = 0
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        self.alive = True

    def drain(self, quiet=None, first_timeout=10.0):
        """Reads until quiet; returns (bytes read, time of the last byte)."""
        quiet = self.quiet if quiet is None else quiet
        n, last = 0, None
        deadline = time.monotonic() + first_timeout
        while True:
            wait = quiet if n > 0 else max(0.0, deadline - time.monotonic())
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                if n > 0 or time.monotonic() >= deadline:
                    break
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                self.alive = False
                break
            if not data:
                self.alive = False
                break
            n += len(data)
            last = time.monotonic()
        self.bytes += n
        return n, last

    def send(self, data):
        os.write(self.fd, data)

    def peak_rss_kb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def stop(self):
        """Quits (Q for cme, q for pspg), then TERM, then KILL."""
        for key in (b"Q", b"q", None, None):
            try:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == self.pid:
                return
            if key is not None:
                try:
                    self.send(key)
                    self.drain(quiet=0.3, first_timeout=2)
                except OSError:
                    pass
                continue
            os.kill(self.pid, signal.SIGTERM if key is None and
                    self.alive else signal.SIGKILL)
            self.alive = False
            time.sleep(0.5)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def read_trace(path):
    out = []
    try:
        with open(path) as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) >= 5:
                    out.append({"action": p[0], "rt": int(p[1]),
                                "stmts": int(p[2]),
                                "server_ms": float(p[3]),
                                "tty_bytes": int(p[4])})
    except OSError:
        pass
    return out


def run(args):
    trace = args.out + ".trace"
    if os.path.exists(trace):
        os.unlink(trace)
    env = dict(os.environ)
    env["CME_TRACE"] = trace
    env.setdefault("TERM", "xterm-256color")
    env.setdefault("LC_ALL", "C.UTF-8")
    with open(args.script) as f:
        steps = [l.rstrip("\n") for l in f if l.strip() and
                 not l.lstrip().startswith("#")]
    c = Client(args.argv, env, args.cols, args.rows, args.quiet)
    # The first screen: wait for the burst that paints it, generously.
    n, last = c.drain(quiet=max(c.quiet, 0.3), first_timeout=30)
    start_ms = ((last or time.monotonic()) - c.t0) * 1000.0
    actions, label, rss = [], "-", []
    for step in steps:
        op, _, rest = step.partition(" ")
        if op == "label":
            label = rest.strip()
        elif op == "key":
            parts = rest.split(" ")
            k = parts[0] if parts[0] else " "
            count = int(parts[1]) if len(parts) > 1 else 1
            for _ in range(count):
                t = time.monotonic()
                c.send(keybytes(k))
                n, last = c.drain(first_timeout=max(c.quiet * 4, 2.0))
                ms = ((last - t) * 1000.0) if last else 0.0
                actions.append({"label": label, "key": k, "ms": ms,
                                "bytes": n})
        elif op == "burst":
            k, count = rest.split(" ")
            t = time.monotonic()
            c.send(keybytes(k) * int(count))
            n, last = c.drain(quiet=max(c.quiet, 0.2), first_timeout=30)
            actions.append({"label": label, "key": "%s*%s" % (k, count),
                            "ms": ((last - t) * 1000.0) if last else 0.0,
                            "bytes": n})
        elif op == "type":
            c.send(rest.encode())
            c.drain(quiet=0.02, first_timeout=0.5)
        elif op == "rss":
            rss.append(c.peak_rss_kb())
        if not c.alive:
            break
    rss.append(c.peak_rss_kb())
    c.stop()
    time.sleep(0.05)
    res = {"start_ms": start_ms, "actions": actions,
           "trace": read_trace(trace),
           "peak_rss_kb": max([r for r in rss if r] or [0]),
           "total_bytes": c.bytes}
    with open(args.out, "w") as f:
        json.dump(res, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["run"])
    ap.add_argument("script")
    ap.add_argument("--out", required=True)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--quiet", type=float, default=40)
    ap.add_argument("argv", nargs="+")
    args = ap.parse_args()
    run(args)


if __name__ == "__main__":
    sys.exit(main())
