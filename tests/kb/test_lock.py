import subprocess
import sys

import pytest

from kb.lock import DataDirLock
from kb.store import StoreLockedError


def test_second_owner_fails_with_the_fix(tmp_path):
    with DataDirLock(tmp_path):
        # another process must be refused at once, with a message naming the fix
        code = (
            "import sys; from kb.lock import DataDirLock\n"
            "try:\n    DataDirLock(sys.argv[1]).acquire()\nexcept Exception as e:\n    print(e); sys.exit(3)\n"
        )
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
        assert out.returncode == 3
        assert "in use by emkb pid" in out.stdout
        assert "POST /documents" in out.stdout


def test_lock_is_released(tmp_path):
    lock = DataDirLock(tmp_path)
    lock.acquire()
    lock.release()
    with DataDirLock(tmp_path):
        pass


def test_same_process_second_lock_object_is_refused(tmp_path):
    with DataDirLock(tmp_path):
        with pytest.raises(StoreLockedError):
            DataDirLock(tmp_path).acquire()
