"""File dialogs that never open a file they list.

sqlite's locks are POSIX advisory locks, and POSIX drops *every* lock a process holds on a file
the moment the process closes *any* descriptor of that file. Qt's file dialog, to show a
file's type, asks QMimeDatabase for it, which opens the file and reads its first bytes
(``QAbstractFileIconProvider::type`` → ``QMimeDatabase::mimeTypeForFile``) — so a dialog
showing the database's folder silently dropped this process's locks on the database and its
``-shm``, and another Keeper process could then think itself the last user, checkpoint and
delete the WAL under the running app (sqlite's "How To Corrupt" §2.2).

Every file dialog of the app is made here: Qt's own widget dialog (never a native one, which
would run GTK/GIO's content sniffing inside our process), with an icon provider that judges a
file by its name only, and with no preview of contents. ``QApplication`` also gets
``AA_DontUseNativeDialogs`` at start, so a static ``QFileDialog.get…`` call cannot slip by.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_MIME = QMimeDatabase()


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name and kind (folder, file, link), never from
    its contents: listing a folder opens none of its files."""

    def icon(self, what):  # type: ignore[no-untyped-def, override]
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            mime = _MIME.mimeTypeForFile(what.fileName(), QMimeDatabase.MatchMode.MatchExtension)
            themed = QIcon.fromTheme(mime.iconName()) if not what.isDir() else QIcon()
            return themed if not themed.isNull() else super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt's name
        if info.isDir():
            return "Folder"
        mime = _MIME.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        return mime.comment() or mime.name()


_PROVIDER: NameOnlyIconProvider | None = None


def provider() -> NameOnlyIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def file_dialog(parent: QWidget | None, title: str, directory: str = "") -> QFileDialog:
    """A file dialog (open it with ``.open()``; connect ``fileSelected``) that is safe to
    point at the database's own folder."""
    fd = QFileDialog(parent, title, directory)
    fd.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    fd.setIconProvider(provider())
    return fd


def folder_dialog(parent: QWidget | None, title: str, directory: str = "") -> QFileDialog:
    """The same, choosing a folder."""
    fd = file_dialog(parent, title, directory)
    fd.setFileMode(QFileDialog.FileMode.Directory)
    fd.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return fd
