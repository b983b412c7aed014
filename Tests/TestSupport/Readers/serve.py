"""Runs the reader scripts (and `python3 -c` snippets) of the tests, one request a line, in a
long-lived interpreter, so that openpyxl and the others are imported once per test run rather
than once per file read.

A request is a JSON list, the arguments python3 would get: [SCRIPT, ARG...] or
["-c", CODE, ARG...]. The answer is a JSON object {"status", "stdout", "stderr"}: the exit
status, and what the script printed. Every request runs with fresh globals; only imported
modules are shared.
"""
import contextlib
import io
import json
import runpy
import sys
import traceback

protocol = sys.stdout
for line in sys.stdin:
    argv = json.loads(line)
    out, err = io.StringIO(), io.StringIO()
    status = 0
    sys.argv = argv if argv[0] != "-c" else ["-c"] + argv[2:]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            if argv[0] == "-c":
                exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
            else:
                runpy.run_path(argv[0], run_name="__main__")
    except SystemExit as exit:
        if isinstance(exit.code, int):
            status = exit.code
        elif exit.code is not None:
            err.write(str(exit.code) + "\n")
            status = 1
    except BaseException:
        err.write(traceback.format_exc())
        status = 1
    protocol.write(json.dumps({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\n")
    protocol.flush()
