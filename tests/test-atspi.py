#!/usr/bin/python3
# test-atspi.py: the window as a screen reader finds it
#
# Orca reads GTK 4 applications through AT-SPI: it asks the accessibility
# bus for each object's role, name and states. This test starts Keikaku
# (the $KEIKAKU executable) on the embedded plan, walks the same tree with
# pyatspi and checks what a clerk who cannot see the screen would hear.
# Where a clerk must press keys (GTK 4.8 offers no AT-SPI action to open an
# expander row, nor to give a control the focus: GrabFocus answers "not
# supported"), the registry daemon presses them with XTest, as a keyboard
# would.
# It runs under tests/with-xvfb and dbus-run-session (tests/meson.build); the
# accessibility bus is started by D-Bus activation when first asked for.
#
# Debian's python3-pyatspi is installed for /usr/bin/python3, hence the
# interpreter named above and not the first python3 of the PATH.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

# Keikaku runs with the tests' G_DEBUG (fatal-criticals); this walker does
# not. On a busy machine the walker's libatspi once got no answer from the
# accessibility bus ("Couldn't get application list") and then logged a
# GObject critical, which aborted the walk instead of letting wait_for()
# ask again. GLib reads G_DEBUG when it is loaded, with pyatspi.
KEIKAKU_G_DEBUG = os.environ.pop('G_DEBUG', None)

import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

# How long a condition may take on a busy machine under the sanitizers.
TIMEOUT_S = 120

# Roles that a clerk reaches with the keyboard and hears named.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE, pyatspi.ROLE_SLIDER, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_SPLIT_PANE, pyatspi.ROLE_FILLER,
}

# GTK 4.8 names an object that has no name of ours by its type:
# "GtkTextView", "GtkToggleButton".
TYPE_NAME = re.compile(r'^(Gtk|Adw|Kk)[A-Z]\w*$')
# An access key's underscore, as in "_Save" or "保存(_S)".
MNEMONIC = re.compile(r'(^|[^_])_[^_\s]')

failures = 0
test_number = 0


def ok(passed, description, detail=''):
    """Prints one TAP result."""
    global failures, test_number
    test_number += 1
    if not passed:
        failures += 1
        for line in detail.splitlines():
            print('# ' + line)
    print('%s %d - %s' % ('ok' if passed else 'not ok', test_number, description))
    sys.stdout.flush()


def wait_for(condition, what):
    """Returns what @condition returns once it is true, or fails."""
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        try:
            result = condition()
        except Exception:
            # An object went away while it was read: the window changed.
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError('waited %d s for %s' % (TIMEOUT_S, what))
        time.sleep(0.05)


def walk(accessible, ancestors_shown=True):
    """Yields every object under @accessible with whether it and all its
    ancestors are visible: GTK 4.8 sets no SHOWING state, and a hidden
    popover's choices are still children."""
    shown = ancestors_shown and (accessible.getRole() == pyatspi.ROLE_APPLICATION or
                                 accessible.getState().contains(pyatspi.STATE_VISIBLE))
    yield accessible, shown
    for i in range(accessible.childCount):
        child = accessible.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, shown)


def objects(root, role=None):
    return [a for a, shown in walk(root) if role is None or a.getRole() == role]


def is_doubled(name):
    """"Save Save", "Add Figure to KPI 件数 Add Figure": GTK joins our name
    to that of the label inside or beside the control."""
    words = name.split(' ')
    return any(words[:k] == words[-k:] for k in range(1, len(words) // 2 + 1))


def unspeakable(accessible):
    """Why the name of a control would not be said as a person would, or
    None."""
    name = accessible.name or ''
    if name.strip() == '':
        return 'no name'
    if TYPE_NAME.match(name):
        return 'named by its type'
    if MNEMONIC.search(name):
        return 'an access key underscore'
    if is_doubled(name):
        return 'its name twice'
    return None


def check_names(root, where):
    """Every control that can take the focus has a name a person would
    say."""
    bad = []
    for accessible, shown in walk(root):
        if not shown or accessible.getRole() not in CONTROL_ROLES:
            continue
        if not accessible.getState().contains(pyatspi.STATE_FOCUSABLE):
            continue
        why = unspeakable(accessible)
        if why is not None:
            bad.append('%s %r: %s' % (accessible.getRoleName(), accessible.name, why))
    ok(not bad, 'every focusable control is named as a person would say it: ' + where,
       '\n'.join(bad))


def find(root, role, name):
    for accessible, shown in walk(root):
        if accessible.getRole() == role and accessible.name == name:
            return accessible
    return None


def find_prefix(root, role, prefix):
    for accessible, shown in walk(root):
        if accessible.getRole() == role and (accessible.name or '').startswith(prefix):
            return accessible
    return None


def start_keikaku():
    state = tempfile.mkdtemp(prefix='keikaku-atspi-')
    env = dict(os.environ)
    if KEIKAKU_G_DEBUG is not None:
        env['G_DEBUG'] = KEIKAKU_G_DEBUG
    env.update(GTK_A11Y='atspi',
               XDG_STATE_HOME=os.path.join(state, 'state'),
               XDG_DATA_HOME=os.path.join(state, 'data'),
               XDG_CONFIG_HOME=os.path.join(state, 'config'),
               XDG_CACHE_HOME=os.path.join(state, 'cache'))
    return subprocess.Popen([os.environ['KEIKAKU']], env=env)


def find_application(process):
    def found():
        if process.poll() is not None:
            raise SystemExit('Bail out! keikaku exited with status %d' % process.returncode)
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            application = desktop.getChildAtIndex(i)
            if application is not None and application.get_process_id() == process.pid:
                return application
        return None
    return wait_for(found, 'Keikaku on the accessibility bus')


def select_row(application, number):
    """Selects the program numbered @number as a screen reader's user does,
    through the list's Selection interface."""
    row = wait_for(lambda: find_prefix(application, pyatspi.ROLE_TABLE_ROW, '%d ' % number),
                   'the row of program %d' % number)
    row.parent.querySelection().selectChild(row.getIndexInParent())


def test_list(application):
    # The embedded plan's 【13】: 319,750 thousand yen, 4,738 less than
    # last year.
    row = wait_for(lambda: find_prefix(application, pyatspi.ROLE_TABLE_ROW, '13 '),
                   'the row of program 13')
    ok(re.match(r'^13 生産性向上・業態転換支援補助金事業, (.+, )?budget 319,750, decrease of 4,738$',
                row.name) is not None,
       'a row reads as its number, name, budget and change', row.name)
    rows = [a for a in objects(application, pyatspi.ROLE_TABLE_ROW)
            if re.match(r'^\d+ ', a.name or '')]
    ok(len(rows) == 25, 'every program has its row', '%d rows' % len(rows))
    ok(all('▲' not in a.name for a in rows), 'a decrease is said in words, not as ▲',
       '\n'.join(a.name for a in rows if '▲' in a.name))


# The editor's fields and their labels, in English (LC_ALL=C.UTF-8).
EDITOR_FIELDS = [
    'Number', 'Name', 'Budget', 'Last year’s name, if it was different', 'Last year’s budget',
    'Purpose', 'Overview', 'Activities',
]


def test_editor(application):
    select_row(application, 4)
    wait_for(lambda: find_prefix(application, pyatspi.ROLE_TEXT, 'Budget'),
             'the editor of program 4')
    for label in EDITOR_FIELDS:
        ok(find(application, pyatspi.ROLE_TEXT, label) is not None,
           'the field %s is named by its label' % label)
    combo = find(application, pyatspi.ROLE_COMBO_BOX, 'Pillar')
    ok(combo is not None, 'the pillar is named by its label')
    choices = [(box.name, item) for box in objects(application, pyatspi.ROLE_COMBO_BOX)
               for item in objects(box, pyatspi.ROLE_LIST_ITEM)]
    ok(len(choices) > 0 and all((item.name or '').strip() for box, item in choices),
       'the choice a combo row or drop-down shows is named by it',
       '\n'.join('%s: %r' % (box, item.name) for box, item in choices))

    # A KPI's figures are made when it is expanded: test_figures() opens
    # one as a keyboard user does.
    kpi_buttons = [a.name for a in objects(application, pyatspi.ROLE_PUSH_BUTTON)
                   if re.match(r'^(Move KPI .+ (Up|Down)|Remove KPI .+)$', a.name or '')]
    ok(len(kpi_buttons) > 0 and all(re.search(r'KPI \S', n) for n in kpi_buttons),
       'the buttons of a KPI say which KPI they act on', '\n'.join(kpi_buttons))
    # Made with the KPI's row, shown when it is expanded.
    add_buttons = [a for a in objects(application, pyatspi.ROLE_PUSH_BUTTON)
                   if (a.name or '').startswith('Add Figure')]
    ok(len(add_buttons) > 0 and
       all(re.match(r'^Add Figure to KPI \S', a.name) and unspeakable(a) is None
           for a in add_buttons),
       'the button that adds a figure says its KPI, once',
       '\n'.join(repr(a.name) for a in add_buttons))
    kpis = wait_for(lambda: find(application, pyatspi.ROLE_LIST, 'KPIs'), 'the list of KPIs')
    rows = [kpis.getChildAtIndex(i) for i in range(kpis.childCount)]
    ok(len(rows) > 0 and all((row.name or '').strip() for row in rows),
       "each KPI's row in the list of KPIs is named",
       '\n'.join('%s %r' % (row.getRoleName(), row.name) for row in rows))


# The X keysyms of the keys a keyboard user presses here.
KEY_TAB = 0xff09
KEY_SPACE = 0x0020


def press(keysym):
    """Presses a key as a keyboard user does: the registry daemon makes it
    with XTest, so that it reaches the window with the keyboard focus."""
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def is_entry_row_inside(accessible):
    """Whether @accessible is the AdwGizmo inside an AdwEntryRow."""
    return accessible.getRole() == pyatspi.ROLE_FILLER and accessible.name == 'AdwGizmo'


def entry_row_of(accessible):
    while accessible is not None and accessible.getRole() != pyatspi.ROLE_TEXT:
        accessible = accessible.parent
    return accessible


class Focus:
    """Follows the keyboard focus as Orca does, by AT-SPI's focus events.

    A control that takes the focus says so with its focused state. An
    AdwEntryRow does not unless given kk_accessible_tell_entry_row_focus()
    (every KkField's is): the GtkText inside it, which has the
    focus, is not in the tree, and GTK 4.8 tells the change to that text's
    parent only (gtk_accessible_platform_changed), an AdwGizmo that is
    never focused. Its event, sent when the row gains and when it loses
    the focus, is the row's here, though Orca hears nothing then."""

    def __init__(self):
        self.events = []
        self.focus = None
        self.by_event = set()
        pyatspi.Registry.registerEventListener(self.heard, 'object:state-changed:focused')

    def heard(self, event):
        self.events.append((event.detail1, event.source))

    @staticmethod
    def pump():
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def moved(self):
        """The control the focus moved to, once an event says so."""
        self.pump()
        while self.events:
            focused, source = self.events.pop(0)
            if focused:
                position = source
            elif is_entry_row_inside(source):
                position = entry_row_of(source)
            else:
                continue
            if position is not None and position != self.focus:
                self.focus = position
                if focused:
                    self.by_event.add(position.path)
                return position
        return None

    def said_focused(self, accessible):
        """Whether @accessible told that it took the focus."""
        return accessible.path in self.by_event

    def tab(self):
        # What was told before the key is not its answer: taken for it, it
        # would put the walk a control behind the focus.
        self.pump()
        self.events.clear()
        press(KEY_TAB)
        return wait_for(self.moved, 'the focus to move on Tab')

    def reaches(self, found, what):
        """The control the focus moves to that @found accepts, past the
        ones it goes through on the way."""
        return wait_for(lambda: (position := self.moved()) is not None and found(position)
                        and position, what)

    def tab_to(self, found, what, limit=150):
        """Presses Tab until the focus is on a control @found accepts."""
        for _ in range(limit):
            position = self.tab()
            if found(position):
                return position
        raise TimeoutError('pressed Tab %d times to reach %s' % (limit, what))


def test_editor_focus(application):
    """A keyboard user goes through the program's fields with Tab: each
    says its label when it gets the focus, the one-line fields too (the
    issue found the budget, name and previous-year fields silent)."""
    focus = Focus()
    heard = []
    for _ in range(150):
        heard.append(focus.tab())
        if (heard[-1].name or '').startswith('Activities'):
            break
    divisions = [a for a in heard if (a.name or '').startswith('Divisions in charge')]
    ok(len(divisions) == 1 and divisions[0].getState().contains(pyatspi.STATE_EXPANDABLE),
       'the divisions in charge of the sheet say that they can be expanded',
       '\n'.join('%s %r' % (a.getRoleName(), a.name) for a in divisions))
    fields = {label: [a for a in heard
                      if a.getRole() == pyatspi.ROLE_TEXT and (a.name or '').startswith(label)]
              for label in EDITOR_FIELDS}
    ok(all(fields[label] and all(focus.said_focused(a) for a in fields[label])
           for label in EDITOR_FIELDS),
       "each of the program's fields says its label when it gets the focus",
       '\n'.join('%s: %s' % (label, ', '.join('%r%s' % (a.name, '' if focus.said_focused(a)
                                                          else ' (no focus event)')
                                               for a in fields[label]) or 'not reached')
                  for label in EDITOR_FIELDS))


def figure_rows(kpi_row):
    """The rows of the figures of an expanded KPI: a row each, with a
    spin button for its year."""
    return [a for a in objects(kpi_row, pyatspi.ROLE_LIST_ITEM)
            if a is not kpi_row and objects(a, pyatspi.ROLE_SPIN_BUTTON)]


def shown_figure(row):
    """The figure a row shows, year and kind, as a sighted clerk reads it:
    "令和6年度 Target"."""
    def text(accessible):
        content = accessible.queryText()
        return content.getText(0, content.characterCount)

    year = text(objects(row, pyatspi.ROLE_SPIN_BUTTON)[0])
    # The drop-down's button shows its choice in the item it holds, beside
    # the label it shows when nothing is chosen.
    button = objects(objects(row, pyatspi.ROLE_COMBO_BOX)[0], pyatspi.ROLE_PUSH_BUTTON)[0]
    kind = [text(label) for item in objects(button, pyatspi.ROLE_FILLER)
            for label in objects(item, pyatspi.ROLE_LABEL)]
    return '%s %s' % (year, kind[0])


def row_of(accessible, rows):
    while accessible is not None and accessible not in rows:
        accessible = accessible.parent
    return accessible


# The fields of a figure, said by their labels first.
FIGURE_FIELDS = ['Fiscal year', 'Kind of figure', 'Value', 'As of', 'Note']


def test_figures(application):
    """A keyboard user opens a KPI with Space and goes through its figures
    with Tab: each field and button says which figure of which KPI it is
    of, once, and each field says its label when it gets the focus."""
    focus = Focus()
    kpis = wait_for(lambda: find(application, pyatspi.ROLE_LIST, 'KPIs'), 'the list of KPIs')
    kpi_row = kpis.getChildAtIndex(0)
    kpi = kpi_row.name
    header = focus.tab_to(lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and a.name == kpi,
                          'the KPI %s' % kpi)
    state = header.getState()
    ok(state.contains(pyatspi.STATE_EXPANDABLE) and not state.contains(pyatspi.STATE_EXPANDED),
       'a closed KPI says that it can be expanded')
    press(KEY_SPACE)
    rows = wait_for(lambda: figure_rows(kpi_row), 'the figures of the KPI %s' % kpi)
    wait_for(lambda: header.getState().contains(pyatspi.STATE_EXPANDED),
             'the KPI %s to say that it is expanded' % kpi)
    heard = [focus.tab_to(lambda a: True, 'the next control')]
    while not (heard[-1].name or '').startswith('Add Figure'):
        heard.append(focus.tab_to(lambda a: True, 'the next control'))

    bad = ['%s %r: %s' % (a.getRoleName(), a.name, unspeakable(a)) for a in heard
           if unspeakable(a) is not None]
    ok(not bad, 'every control of an open KPI is said as a person would, as the focus reaches it',
       '\n'.join(bad))
    names = [a.name for a in heard]
    ok(len(set(names)) == len(names), 'no two controls of a KPI are said alike',
       '\n'.join(n for n in names if names.count(n) > 1))

    kpi_fields = [a for a in heard if a.getRole() == pyatspi.ROLE_TEXT and row_of(a, rows) is None]
    ok(len(kpi_fields) >= 5 and all(focus.said_focused(a) for a in kpi_fields),
       'each field of the KPI %s says its label when it gets the focus' % kpi,
       '\n'.join('%r%s' % (a.name, '' if focus.said_focused(a) else ' (no focus event)')
                  for a in kpi_fields))

    figures = {row.path: (shown_figure(row), []) for row in rows}
    for accessible in heard:
        row = row_of(accessible, rows)
        if row is not None:
            figures[row.path][1].append(accessible)
    for figure, controls in figures.values():
        said = [a.name for a in controls]
        ok(len(controls) >= len(FIGURE_FIELDS) + 2 and
           all(figure in name and kpi in name for name in said),
           'the fields and buttons of the figure %s say it and its KPI' % figure,
           '\n'.join(said))
        fields = [a for a in controls if a.getRole() != pyatspi.ROLE_PUSH_BUTTON or
                  a.parent.getRole() == pyatspi.ROLE_COMBO_BOX]
        ok([label for label in FIGURE_FIELDS
            if any(a.name.startswith(label + ', ') and focus.said_focused(a) for a in fields)]
           == FIGURE_FIELDS,
           'each field of the figure %s says its label when it gets the focus' % figure,
           '\n'.join('%s %r%s' % (a.getRoleName(), a.name,
                                   '' if focus.said_focused(a) else ' (no focus event)')
                      for a in fields))
    ok(len(figures) >= 2, 'the walk went through the figures of the KPI %s' % kpi,
       '%d figures' % len(figures))
    check_names(kpi_row, 'an open KPI with its figures')

    # Space on Add Figure adds the figure the KPI lacks and gives its year
    # the focus.
    press(KEY_SPACE)
    year = focus.reaches(lambda a: a.getRole() == pyatspi.ROLE_SPIN_BUTTON,
                         'the focus on the year of a new figure')
    # The rows were made again: the names heard before, not their objects.
    ok(year.name.startswith('Fiscal year, ') and kpi in year.name and year.name not in names,
       'a figure added with the keyboard takes the focus and says which new figure it is',
       year.name)


def show_view(application, title):
    """Chooses a view with its tab of the view switcher."""
    tab = wait_for(lambda: find(application, pyatspi.ROLE_PAGE_TAB, title), 'the tab ' + title)
    tab.queryAction().doAction(0)


def test_divisions(application):
    show_view(application, 'Divisions')
    buttons = wait_for(lambda: [a.name for a in objects(application, pyatspi.ROLE_PUSH_BUTTON)
                                if (a.name or '').startswith('Print Preview of ')],
                       'the division view')
    ok(len(buttons) == 8 and all(len(n) > len('Print Preview of ') for n in buttons),
       'each preview button says its division', '\n'.join(buttons))


def test_charts(application):
    show_view(application, 'Charts')
    click(application, pyatspi.ROLE_PUSH_BUTTON, 'Show as Table')
    table = wait_for(lambda: find(application, pyatspi.ROLE_LIST, 'Figures of the chart'),
                     'the table of the chart')
    rows = wait_for(lambda: objects(table, pyatspi.ROLE_TABLE_ROW), 'the rows of the table')
    ok(all(unspeakable(row) is None and ', ' in row.name for row in rows),
       "a row of a chart's table is said as its cells",
       '\n'.join(repr(row.name) for row in rows))


def find_dialog(application):
    """The dialog the application shows, or None."""
    for i in range(application.childCount):
        window = application.getChildAtIndex(i)
        if window is not None and window.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT):
            return window
    return None


def click(root, role, name):
    wait_for(lambda: find(root, role, name), name).queryAction().doAction(0)


def test_name_dialog(application):
    """The dialog that asks for a new division's name: its buttons and its
    field are said as words, once."""
    menu = wait_for(lambda: [a for a in objects(application, pyatspi.ROLE_PUSH_BUTTON)
                             if a.name == 'Main Menu' and a.queryAction().nActions > 0],
                    'the main menu button')
    menu[0].queryAction().doAction(0)
    click(application, pyatspi.ROLE_MENU_ITEM, 'Add Division…')
    dialog = wait_for(lambda: find_dialog(application), 'the dialog asking for a name')
    buttons = wait_for(lambda: objects(dialog, pyatspi.ROLE_PUSH_BUTTON), 'its buttons')
    ok(len(buttons) >= 2, 'the name dialog offers its answers as buttons',
       '\n'.join(repr(b.name) for b in buttons))
    check_names(dialog, 'the dialog asking for a new division\'s name')
    click(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Cancel')
    wait_for(lambda: find_dialog(application) is None, 'the name dialog to close')


def test_unsaved_changes_dialog(application):
    """Closing with unsaved changes asks: the question's buttons are said
    as words, once, without their access keys' underscores."""
    find(application, pyatspi.ROLE_PUSH_BUTTON, 'New Program').queryAction().doAction(0)
    wait_for(lambda: find_prefix(application, pyatspi.ROLE_LABEL, '• '), 'the unsaved mark')
    find(application, pyatspi.ROLE_PUSH_BUTTON, 'Close').queryAction().doAction(0)
    question = wait_for(lambda: find_dialog(application), 'the question about unsaved changes')
    buttons = wait_for(lambda: objects(question, pyatspi.ROLE_PUSH_BUTTON), 'its buttons')
    ok(len(buttons) >= 3, 'the question offers its answers as buttons',
       '\n'.join(repr(b.name) for b in buttons))
    check_names(question, 'the question about unsaved changes')


def main():
    process = start_keikaku()
    try:
        application = find_application(process)
        test_list(application)
        test_editor(application)
        test_editor_focus(application)
        test_figures(application)
        test_divisions(application)
        test_charts(application)
        # The list and the editor stay in the tree behind the other views.
        check_names(application, 'the list, the editor, the divisions and the charts')
        test_name_dialog(application)
        test_unsaved_changes_dialog(application)
    except TimeoutError as error:
        ok(False, str(error))
    finally:
        process.terminate()
        process.wait()
    print('1..%d' % test_number)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
