"""Write every key folder from the hand-written annotations in this directory."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import build  # noqa: E402

NAMES = [
    "council_levy",
    "charity_fraud_trial",
    "snack_merger_jobs",
    "typhoon_no_quotes",
    "rovers_transfer",
    "walking_dementia_study",
    "chile_bolivia_talks",
    "maternity_protest",
]

for n in NAMES:
    m = importlib.import_module(n)
    build(m.NAME, m.E, m.Q, m.C)
    print(f"{n}: {len(m.E)} entities, {len(m.Q)} quotes, {len(m.C)} claims")
