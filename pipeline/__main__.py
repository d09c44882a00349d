import os
import sys

from pipeline.cli import EXIT_INTERRUPTED, main

code = main()
if code == EXIT_INTERRUPTED:
    # After a Ctrl-C a model library's native thread (the encoder's, the parser's) may still be running:
    # the interpreter's normal teardown then destroys it unjoined and the C++ runtime aborts ("terminate
    # called without an active exception", exit -6 instead of 130). Every output is already a complete
    # file or absent, so nothing is left to tear down: leave at once, streams flushed.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
