"""Let the notebooks' kernels import the kit from this checkout (nbval starts them with our environment).

It sits at the root, not beside the lessons, so students do not meet it in their file browser.
"""

import os
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent)
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))
os.environ.setdefault("PYTHONHASHSEED", "0")
