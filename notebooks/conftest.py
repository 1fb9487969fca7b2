"""Let the notebooks' kernels import the kit from this checkout (nbval starts them with our environment)."""

import os
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[1])
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))
os.environ.setdefault("PYTHONHASHSEED", "0")
