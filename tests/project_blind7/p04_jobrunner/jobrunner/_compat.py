"""Handle sharing across processes.

POSIX children inherit descriptors; on Windows the handle has to be copied
into the child's handle table.
"""
import sys

if sys.platform == "win32":
    import win32api
    import win32con

    def share_handle(handle, pid):
        """Duplicate *handle* into process *pid*; returns the value valid there."""
        me = win32api.GetCurrentProcess()
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        try:
            dup = win32api.DuplicateHandle(me, handle, target, 0, False,
                                           win32con.DUPLICATE_SAME_ACCESS)
            return dup.Detach()
        finally:
            target.Close()

else:

    def share_handle(handle, pid):
        # The worker was started with pass_fds, so the number is already valid.
        return handle
