#!/usr/bin/env python3
# Run after changing src/ui/action.h or the default bindings: tests/unit/test_keys.c
# fails until etc/cme.conf and doc/cme.1 list them.
# Regenerates the keys part of etc/cme.conf and the Actions list of
# doc/cme.1 from src/ui/action.h and the defaults table of src/ui/keymap.c.
import re, sys
import os
root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
s = open(root + '/src/ui/action.h').read()
acts = re.findall(r'X\((\w+),\s*"([^"]+)",\s*"([^"]+)"\)', s)
k = open(root + '/src/ui/keymap.c').read()
tab = k[k.index('keymap_defaults[] = {'):]
tab = tab[:tab.index('};')]
pairs = re.findall(r'\{ "((?:[^"\\]|\\.)*)", "([^"]+)" \}', tab)

def keys_of(a):
    return [kk for kk, aa in pairs if aa == a]

# ---- etc/cme.conf
conf_path = root + '/etc/cme.conf'
conf = open(conf_path).read()
head = conf[:conf.index('# --- Keys')]
out = []
out.append('# --- Keys ' + '-' * 63)
out.append('''#
# keys binds keys to actions, over the built-in bindings. The list below
# is the built-in set itself, written the way you write yours (a test
# checks that the two agree). In your own file put only what you change:
#
#   keys = (
#     { key = "C-n"; action = "move-down"; },   # one more key for an action
#     { key = "C-p"; action = "move-up"; },
#     { key = "x";   action = "none"; }         # "none" unbinds a key
#   );
#
# Entries apply in order, so a later one wins. A bad entry is reported as
# "FILE:LINE: keys[N]: ..." (N counts from 0), for example
#   config:12: keys[3]: unknown action 'move-dwn' (did you mean move-down?)
# and skipped: that key keeps its built-in binding. While cme runs,
# ":bind KEY ACTION" changes a binding for the session.
#
# Key names (any case):
#   a character as itself      "j", "G", "/", ":", "?", "[", "é", "ö"
#   Ctrl with a letter         "C-a" .. "C-z" (also "C-@", "C-\\\\", "C-]",
#                              "C-^", "C-_"); C-i is Tab, C-m is Enter,
#                              C-h is what some terminals send for Backspace
#   named keys                 Up Down Left Right Home End PageUp PageDown
#                              Insert Delete Backspace Enter Tab BTab
#                              (Shift-Tab) Escape Space
#   function keys              F1 .. F24 (F13-F24: Shift-F1..F12 on xterm)
#   a raw curses key code      "#N", as the help screen shows unnamed keys
#   also read                  Esc Return Del Ins PgUp PgDn S-Tab
# Keys with Alt or Meta cannot be bound: the terminal sends them as Escape
# and a key, and Escape acts at once.
#
# Actions (each is also a command: ":move-down"):''')
w = max(len(a[1]) for a in acts)
for _, name, help_ in acts:
    out.append('#   %-*s  %s' % (w, name, help_))
out.append('#   %-*s  %s' % (w, 'none', 'unbind the key'))
out.append('')
out.append('keys = (')
kw = max(len(kk) for kk, _ in pairs) + 2
for i, (kk, aa) in enumerate(pairs):
    q = '"%s";' % kk
    line = '  { key = %-*s action = "%s"; }%s' % (kw + 1, q, aa, ',' if i + 1 < len(pairs) else '')
    out.append(line)
out.append(');')
open(conf_path, 'w').write(head + '\n'.join(out) + '\n')

# ---- doc/cme.1: the Actions subsection
man_path = root + '/doc/cme.1'
man = open(man_path).read()
a0 = man.index('.SS Actions\n')
a1 = man.index('\n.SH ', a0)
def roff(t):
    return t.replace('\\', '\\e').replace('-', '\\-')
def roffkey(t):
    t = roff(t)
    if t.startswith('.') or t.startswith("'"):
        t = '\\&' + t
    return t
body = ['.SS Actions', 'Every action can be bound to keys and run as a command',
        '.RB ( :move\\-down ).', 'Built-in keys are in brackets.']
for _, name, help_ in acts:
    ks = keys_of(name)
    body.append('.TP')
    body.append('.B ' + roff(name))
    txt = roff(help_)
    if ks:
        txt += ' [' + ', '.join(roffkey(x) for x in ks) + ']'
    body.append(txt)
body.append('.TP')
body.append('.B none')
body.append('Unbind the key (in a binding only).')
man = man[:a0] + '\n'.join(body) + man[a1:]
open(man_path, 'w').write(man)
print('actions', len(acts), 'bindings', len(pairs))
