"""Run a command in a real pseudo-terminal and play a script of keys against its screen.

usage: pty-drive.py SCRIPT_JSON -- COMMAND...
SCRIPT_JSON: [{"wait": "text that must appear"}, {"keys": "text or \\r, \\x03 (Ctrl+C), \\x1b[B (down)"}, ...]
Prints the whole output (ANSI codes included) and exits with the command's exit code (124 on a time-out).
"""
import json, os, pty, select, sys, time

def main():
    script = json.loads(sys.argv[1])
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['COLUMNS'] = '140'
        os.execvp(command[0], command)
    output = b''
    def read_for(seconds):
        nonlocal output
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                output += chunk
        return True
    for step in script:
        if 'wait' in step:
            deadline = time.time() + 20
            while step['wait'].encode() not in output.replace(b'\x1b', b''):
                if time.time() > deadline:
                    sys.stdout.write(output.decode('utf-8', 'replace'))
                    sys.stdout.write('\n[pty-drive] timed out waiting for: %s\n' % step['wait'])
                    os.kill(pid, 9)
                    sys.exit(124)
                if not read_for(0.1):
                    break
        if 'keys' in step:
            time.sleep(0.15)
            os.write(fd, step['keys'].encode())
    while read_for(0.2):
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(output.decode('utf-8', 'replace'))
    sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else (status >> 8))

main()
