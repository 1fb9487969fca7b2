"""Running a class: release the exercises to students, collect their notebooks.

The steps an instructor takes, one module each:

* ``release`` writes what students may see (student notebooks, the bundled
  articles, a README) into a folder or a git repository for nbgitpuller, and
  refuses to write anything that carries a hidden test or a solution;
* ``collect`` gathers one exercise's notebooks from the students' work folders
  (a hub's home folders, a learning management system's download, a plain
  folder) into the layout ``kit grade`` reads, with a manifest of what it found.

Grading itself is ``kit grade`` (see ``docs/instructors.md``).
"""

from __future__ import annotations

from kit.classroom.collect import MANIFEST_COLUMNS, collect, find_submissions
from kit.classroom.release import ReleaseError, release

__all__ = ["MANIFEST_COLUMNS", "ReleaseError", "collect", "find_submissions", "release"]
