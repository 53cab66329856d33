"""The board in qemu-system-aarch64 for the board test: started with the image's own kernel and
initramfs, watched through its serial console (a file), driven through QMP (screendumps, taps,
USB sticks plugged and pulled) and, in the test boot only, through a root shell on a virtio
serial port that a test-only unit on the test copy of the image opens. Always killed on exit."""

import json
import os
import re
import socket
import subprocess
import time


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class BoardFailure(Exception):
    """A check that failed: its message names it; the test prints the serial console's tail."""


class EmulatedBoard:
    def __init__(self, work, name, image, kernel, initrd, cmdline, log):
        self.work, self.log = work, log
        self.serial = os.path.join(work, f"{name}-serial.log")
        self.qmp_path = os.path.join(work, f"{name}-qmp.sock")
        self.control_path = os.path.join(work, f"{name}-control.sock")
        self.output = os.path.join(work, f"{name}-qemu.out")
        for path in (self.serial, self.qmp_path, self.control_path):
            if os.path.exists(path):
                os.unlink(path)
        self.command = [
            "qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-smp", "2", "-m", "2048",
            "-accel", "tcg,thread=multi",
            "-kernel", kernel, "-initrd", initrd, "-append", cmdline,
            "-drive", f"file={image},if=none,format=raw,id=disk,cache=unsafe",
            "-device", "virtio-blk-pci,drive=disk",
            "-device", "virtio-gpu-pci,xres=1920,yres=1080",
            "-device", "virtio-tablet-pci", "-device", "virtio-keyboard-pci",
            "-device", "qemu-xhci,id=xhci",
            "-device", "virtio-serial-pci",
            "-chardev", f"socket,id=control,path={self.control_path},server=on,wait=off",
            "-device", "virtserialport,chardev=control,name=ijlas.test",
            "-nic", "none", "-display", "none", "-no-reboot",
            "-serial", f"file:{self.serial}",
            "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
        ]
        self.process = None
        self.qmp = None
        self.control = None
        self.started = None

    # --- life -------------------------------------------------------------------------------

    def start(self):
        self.log(f"qemu: {' '.join(self.command)}")
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL,
                                        stdout=open(self.output, "w"),
                                        stderr=subprocess.STDOUT)
        self.started = time.monotonic()
        deadline = time.monotonic() + 20
        while not os.path.exists(self.qmp_path):
            self.check_alive()
            if time.monotonic() > deadline:
                raise BoardFailure("qemu did not open its QMP socket within 20 s")
            time.sleep(0.1)
        self.qmp = socket.socket(socket.AF_UNIX)
        self.qmp.connect(self.qmp_path)
        self.qmp_file = self.qmp.makefile("rw")
        json.loads(self.qmp_file.readline())  # the greeting
        self.execute("qmp_capabilities")
        self.connect_control()

    def check_alive(self):
        if self.process.poll() is not None:
            raise BoardFailure(f"qemu ended (exit status {self.process.returncode}); "
                               f"see {self.output}")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)

    def power_off(self, limit):
        """A clean shutdown from inside (the state partition then stays consistent)."""
        try:
            self.shell("systemctl poweroff --no-block", limit=10)
        except BoardFailure:
            self.execute("system_powerdown")
        try:
            self.process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            self.kill()
            raise BoardFailure(f"the board did not power off within {limit} s")

    # --- QMP --------------------------------------------------------------------------------

    def execute(self, command, **arguments):
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.qmp_file.write(json.dumps(message) + "\n")
        self.qmp_file.flush()
        while True:
            line = self.qmp_file.readline()
            if not line:
                raise BoardFailure(f"QMP closed during {command}")
            answer = json.loads(line)
            if "return" in answer:
                return answer["return"]
            if "error" in answer:
                raise BoardFailure(f"QMP {command}: {answer['error'].get('desc')}")

    def screendump(self, path):
        self.execute("screendump", filename=path)
        return path

    def tap(self, x, y):
        """A tap at pixel (x, y): SDL 2.26 reads the tablet's axes as pixels, unscaled."""
        move = [{"type": "abs", "data": {"axis": "x", "value": int(x)}},
                {"type": "abs", "data": {"axis": "y", "value": int(y)}}]
        self.execute("input-send-event", events=move)
        self.execute("input-send-event",
                     events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.15)
        self.execute("input-send-event",
                     events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    def plug_stick(self, image, name="stick"):
        self.execute("blockdev-add", **{"node-name": name, "driver": "raw",
                                        "file": {"driver": "file", "filename": image}})
        self.execute("device_add", driver="usb-storage", bus="xhci.0", drive=name, id=name,
                     removable=True)

    def pull_stick(self, name="stick"):
        """Unplugs the stick, then lets go of its file (possible once the device is gone)."""
        self.execute("device_del", id=name)
        deadline = time.monotonic() + 20
        while True:
            time.sleep(1)
            try:
                self.execute("blockdev-del", **{"node-name": name})
                return
            except BoardFailure:
                if time.monotonic() > deadline:
                    raise BoardFailure("the USB stick could not be unplugged within 20 s")

    # --- the serial console -----------------------------------------------------------------

    def console(self):
        """The serial console so far, without systemd's colours (which sit inside its lines:
        "Started \x1b[0;1;39mijlas.service\x1b[0m")."""
        with open(self.serial, "rb") as file:
            return ANSI_ESCAPE.sub("", file.read().decode("utf-8", "replace"))

    def console_tail(self, lines=40):
        try:
            return "\n".join(self.console().splitlines()[-lines:])
        except OSError:
            return "(no serial console output)"

    def wait_console(self, pattern, limit, after=0, what=None):
        """Waits until the console, from character `after` on, matches; returns the match's end."""
        expression = re.compile(pattern)
        deadline = time.monotonic() + limit
        while True:
            self.check_alive()
            found = expression.search(self.console(), after)
            if found:
                return found.end()
            if time.monotonic() > deadline:
                raise BoardFailure(f"{what or pattern}: not seen on the serial console within "
                                   f"{limit} s")
            time.sleep(0.5)

    # --- the test boot's root shell ---------------------------------------------------------

    def connect_control(self):
        """The host's end of the test shell's port, connected from the start (a port whose host
        end is closed reads as end of file on the board)."""
        deadline = time.monotonic() + 10
        while self.control is None:
            candidate = socket.socket(socket.AF_UNIX)
            try:
                candidate.connect(self.control_path)
                self.control = candidate
            except OSError:
                candidate.close()
                if time.monotonic() > deadline:
                    raise BoardFailure("the test shell's virtio port cannot be reached")
                time.sleep(0.2)

    def shell(self, command, limit=30):
        """Runs a shell command on the board (test boot only); returns (status, output)."""
        self.connect_control()
        marker = f"@@ijlas-test-{time.monotonic_ns()}@@"
        self.control.sendall(f"{{ {command} ; }} 2>&1; echo \"{marker} $?\"\n".encode())
        self.control.settimeout(1)
        received = b""
        ending = re.compile(re.escape(marker.encode()) + rb" (\d+)\n")
        deadline = time.monotonic() + limit
        while not ending.search(received):
            self.check_alive()
            if time.monotonic() > deadline:
                raise BoardFailure(f"the board's test shell did not answer `{command}` within "
                                   f"{limit:.0f} s")
            try:
                chunk = self.control.recv(65536)
                if not chunk:
                    raise BoardFailure("the board's test shell closed its port")
                received += chunk
            except socket.timeout:
                pass
        found = ending.search(received)
        output = received[: found.start()].decode("utf-8", "replace")
        return int(found.group(1)), output.rstrip("\n")

    def wait_shell(self, command, limit, what):
        """Repeats a command until it succeeds."""
        deadline = time.monotonic() + limit
        while True:
            status, output = self.shell(command, limit=max(5, deadline - time.monotonic()))
            if status == 0:
                return output
            if time.monotonic() > deadline:
                raise BoardFailure(f"{what}: not so within {limit} s (last: {output[-500:]!r})")
            time.sleep(1)
