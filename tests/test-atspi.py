#!/usr/bin/python3
# test-atspi.py: the window as a screen reader finds it
#
# Orca reads GTK 4 applications through AT-SPI: it asks the accessibility
# bus for each object's role, name and states. This test starts Keikaku
# (the $KEIKAKU executable) on the embedded plan, walks the same tree with
# pyatspi and checks what a clerk who cannot see the screen would hear.
# It runs under dbus-run-session and xvfb-run (tests/meson.build); the
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

    # A KPI's figures are made when it is expanded, which AT-SPI offers no
    # action for in GTK 4.8: test-editor checks their buttons' names.
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
        test_divisions(application)
        # The list and the editor stay in the tree behind the division view.
        check_names(application, 'the list, the editor and the divisions')
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
