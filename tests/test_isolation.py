"""The test suite never touches the user's real cache, data or config folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kgraph import cache
from kgraph.saved_progress import progress_path
from tests.conftest import SANDBOX, USER_FOLDERS


def test_every_user_folder_points_into_the_sandbox_or_the_test_folder(tmp_path):
    """The sandbox is set when conftest is imported, before any test module loads a graph."""
    for name in USER_FOLDERS:
        folder = Path(os.environ[name])
        assert folder.is_relative_to(SANDBOX) or folder.is_relative_to(tmp_path), name
    assert Path.home().is_relative_to(SANDBOX)


def test_the_cache_and_progress_of_a_test_and_a_subprocess_stay_inside(tmp_path):
    assert Path(cache.cache_dir()).is_relative_to(tmp_path)
    assert Path(progress_path(None)).is_relative_to(tmp_path)
    code = "from pathlib import Path; print(Path.home())"
    home = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert Path(home.stdout.strip()).is_relative_to(SANDBOX)
