#!/usr/bin/env python3
"""scripts.py — the key scripts bench/client.py plays (see its header).

    scripts.py screens DIR REPS NAMES UPNS   one script per screen in DIR
    scripts.py latency DIR REPS NAMES UPNS   the same, fewer repetitions
    scripts.py morning NAMES UPNS            100 actions of a caseworker
    scripts.py rss BURSTS                    page through All children
    scripts.py pspg REPS                     the same keys for pspg

Every screen script starts from the client's first screen (My cases) and
labels the key being measured; the others are labelled '-'.
"""
import os
import sys


def words(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip()]


def children():
    return ["key :", "type queue children", "key Enter"]


def screens(reps, names, upns):
    s = {}
    s["my_cases"] = []
    for _ in range(reps):
        s["my_cases"] += ["label -", "key {", "label my_cases", "key }"]
    s["open"] = []
    for i in range(reps):
        s["open"] += ["label -", "key g" if i % 30 == 0 else "key j",
                      "label open", "key Enter", "label -", "key q"]
    for name, tab in (("attendance", "3"), ("timeline", "2")):
        s[name] = children()
        for _ in range(reps):
            s[name] += ["label -", "key 1", "key j", "label " + name,
                        "key " + tab]
    s["move"] = children() + ["label move", "key j %d" % reps]
    s["page"] = children() + ["label page", "key PageDown %d" % reps]
    for name, terms in (("search_name", names), ("search_upn", upns)):
        s[name] = []
        for i in range(reps):
            s[name] += ["label -", "key /", "type " + terms[i % len(terms)],
                        "label " + name, "key Enter"]
    return s


def morning(names, upns):
    # A caseworker's first hour: caseload, a few records and their tabs,
    # alerts, a search or two, the team queue, a look down All children.
    a = ["key j", "key j", "key Enter", "key 2", "key 3", "key 6",
         "key 1", "key q", "key j", "key j", "key j", "key Enter", "key 5",
         "key 4", "key 1", "key q", "key {", "key j", "key j", "key Enter",
         "key 6", "key q", "key }", "key }", "key j", "key j", "key j",
         "key {", "key /", "type " + names[0], "key Enter", "key j",
         "key Enter", "key 2", "key 3", "key q", "key /", "type " + upns[0],
         "key Enter", "key Enter", "key 5", "key 1", "key q", "key /",
         "type " + names[1], "key Enter", "key j", "key j", "key Enter",
         "key 3", "key q"] + children() + [
         "key PageDown", "key PageDown", "key j", "key j", "key Enter",
         "key 3", "key 2", "key q", "key PageDown", "key PageDown",
         "key PageUp", "key j", "key j", "key j", "key k", "key k", "key G",
         "key k", "key k", "key g", "key :", "type queue cases",
         "key Enter", "key j", "key j", "key j", "key j", "key Enter",
         "key 2", "key 4", "key 1", "key q", "key o", "key o", "key O",
         "key j", "key j", "key /", "type " + upns[1], "key Enter",
         "key Enter", "key 3", "key 6", "key q", "key :",
         "type queue cases", "key Enter", "key j", "key k", "key Tab",
         "key Tab", "key j", "key k"]
    return ["label morning"] + a


def main():
    cmd = sys.argv[1]
    if cmd in ("screens", "latency"):
        d, reps = sys.argv[2], int(sys.argv[3])
        s = screens(reps, words(sys.argv[4]), words(sys.argv[5]))
        for name, steps in s.items():
            with open(os.path.join(d, "%s-%s.script" % (cmd, name)),
                      "w") as f:
                f.write("\n".join(steps) + "\n")
    elif cmd == "morning":
        print("\n".join(morning(words(sys.argv[2]), words(sys.argv[3]))))
    elif cmd == "rss":
        steps = children() + ["label rss"]
        steps += ["burst PageDown 50"] * int(sys.argv[2]) + ["rss"]
        print("\n".join(steps))
    elif cmd == "pspg":
        reps = int(sys.argv[2])
        print("\n".join(["label move", "key Down %d" % reps,
                         "label page", "key PageDown %d" % reps]))


if __name__ == "__main__":
    main()
