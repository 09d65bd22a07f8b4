"""The interface language: newsdesk's catalogue and Qt's own, chosen once at start.

The language is the editor's choice (Edit › Interface Language, kept in the
preferences) or else the system's (``QLocale.system()``). newsdesk's catalogues
are ``resources/translations/newsdesk_<lang>.qm``, compiled from the ``.ts``
sources by ``make``; Qt's own strings (standard buttons, file dialogs) come from
the ``qtbase`` catalogue PySide6 ships. A language without a catalogue is
English. A change takes effect at the next start: the window's strings are set
once, when it is built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from newsdesk.resources import resource

log = logging.getLogger(__name__)

# Each language named in itself, as menus of languages do.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
SYSTEM = ""  # the preference's value for "as the system"


def catalogue_folder() -> str:
    return str(resource("translations"))


def chosen_locale(preference: str) -> QLocale:
    """The locale of the interface: the preference, else the system's."""
    return QLocale(preference) if preference else QLocale.system()


def install_translators(app: QCoreApplication, preference: str = SYSTEM) -> list[QTranslator]:
    """Install newsdesk's and Qt's catalogues for the chosen language; the translators
    installed (keep them: a translator that is collected stops translating)."""
    locale = chosen_locale(preference)
    installed: list[QTranslator] = []
    if locale.language() == QLocale.Language.English:
        return installed
    ours = QTranslator(app)
    if ours.load(locale, "newsdesk", "_", catalogue_folder()):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.info("no newsdesk catalogue for %s; the interface stays English", locale.name())
        return installed
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


class LanguageMenu(QMenu):
    """Edit › Interface Language: the system's language or one of the catalogues.

    ``choose(code)`` is called with the new preference (``""`` for the system's).
    """

    def __init__(
        self, current: str, choose: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.setTitle(self.tr("Interface &Language"))
        self._choose = choose
        group = QActionGroup(self)
        group.setExclusive(True)
        entries = [(SYSTEM, self.tr("As the System")), *list(LANGUAGES.items())]
        self.language_actions: dict[str, QAction] = {}
        for code, name in entries:
            action = QAction(name, self)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._choose(c))
            group.addAction(action)
            self.addAction(action)
            self.language_actions[code] = action

    def restart_note(self) -> str:
        """What the status bar says after a change of language."""
        return self.tr("The new language is used the next time newsdesk starts.")
