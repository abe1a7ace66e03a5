from __future__ import annotations

import win32api
import win32con

from agent.link import link


def clone_for(target_process):
    current = win32api.GetCurrentProcess()
    return win32api.DuplicateHandle(current, link.sock.fileno(), target_process, 0, False, win32con.DUPLICATE_SAME_ACCESS)  # error: WSK103


def clone_event_for(target_process, event_handle):
    current = win32api.GetCurrentProcess()
    return win32api.DuplicateHandle(current, event_handle, target_process, 0, False, win32con.DUPLICATE_SAME_ACCESS)
