# cme — hand-written Makefile (see README.md for the two-command quick start).
#
#   make               build/cme (optimised, warnings are errors)
#   make check         install what is missing, then every test suite under
#                      AddressSanitizer + UBSan against a throwaway cluster;
#                      ends with one line "N passed, N failed"
#   make demo          install what is missing, start the demo cluster, open cme
#   make demo-db       the demo cluster only (writes var/demo.env)
#   make demo-stop     stop the demo cluster
#   make check-layers  the layering rule (ui -> model -> db)
#   make fuzz          libFuzzer targets (clang) under build/fuzz/
#   make bench         the council-scale benchmarks (bench/run.sh): prints a
#                      table and writes BENCHMARKS.md; not part of check
#   make bench-quick   the same on a tenth of the data

PKGS	 = ncursesw libpq libconfig libsodium
CC	?= cc
BUILD	?= build
SAN	?=

PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=%,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN	 = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wdeclaration-after-statement \
	   -Wno-format-nonliteral
CPPFLAGS += -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED \
	   -D_DEFAULT_SOURCE -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)
ifeq ($(SAN),1)
CFLAGS	?= -O1 -g3 -fno-omit-frame-pointer
CFLAGS	+= -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS	+= -fsanitize=address,undefined
else
CFLAGS	?= -O2 -g
endif
CFLAGS	+= $(WARN) -MMD -MP -pthread
LDFLAGS	+= -pthread

VERSION	:= $(shell cat VERSION 2>/dev/null || echo 0.0.0)
CPPFLAGS += -DCME_VERSION='"$(VERSION)"'

LIB_SRC	 = $(filter-out src/main.c,$(wildcard src/*.c)) \
	   $(wildcard src/util/*.c src/db/*.c src/model/*.c src/ui/*.c)
LIB_OBJ	 = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o
SQL	 = $(sort $(wildcard src/db/sql/*.sql))

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Drivers that tests/db/*.sh run against the test database (not unit
# tests: they need a server): tests/db/NAME.c -> BUILD/tests/db_NAME.
DBT_SRC	 = $(wildcard tests/db/*.c)
DBT_BIN	 = $(DBT_SRC:tests/db/%.c=$(BUILD)/tests/db_%)

FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
# A fuzz target is built from src/util/*.c; one that needs more names the
# files in FUZZ_DEPS_<target> (the fuzz rule passes them on).
FUZZ_DEPS_fuzz_limit = src/model/limit.c
FUZZ_DEPS_fuzz_draft = src/model/draft.c
# ui/ files include curses.h (for the key codes); the fuzz build links
# ncursesw with the other libraries, and opens no terminal.
FUZZ_DEPS_fuzz_keys = src/ui/keymap.c src/ui/cmdline.c \
	src/ui/cmdline_parse.c src/ui/prompt.c src/ui/draw.c src/ui/theme.c

.PHONY: all check check-unit check-layers demo demo-db demo-stop clean fuzz \
	unit-bins install deps lint bench bench-quick bench-bins
.DEFAULT_GOAL := all

all: $(BUILD)/cme

ifeq ($(V),1)
Q	=
else
Q	= @
endif

$(BUILD)/cme: $(BUILD)/src/main.o $(BUILD)/libcme.a
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libcme.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The migrations travel inside the binary: one C array built from the files.
$(BUILD)/gen/migrations.c: $(SQL) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/migrations.o: $(BUILD)/gen/migrations.c
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcme.a tests/unit/unit.h
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libcme.a \
		$(LDFLAGS) $(PKG_LIBS)

$(BUILD)/tests/db_%: tests/db/%.c $(BUILD)/libcme.a tests/unit/unit.h
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libcme.a \
		$(LDFLAGS) $(PKG_LIBS)

unit-bins: $(UNIT_BIN) $(DBT_BIN) $(BUILD)/cme

# Benchmarks (bench/README.md): the optimised build and the simulated
# caseworkers, then bench/run.sh. Never part of check.
$(BUILD)/bench/caseworker: bench/caseworker.c $(BUILD)/libcme.a
	@mkdir -p $(dir $@)
	@echo "  BENCH   $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libcme.a \
		$(LDFLAGS) $(PKG_LIBS) -lm

bench-bins: $(BUILD)/cme $(BUILD)/bench/caseworker

bench:
	@sh bench/deps.sh
	@$(MAKE) --no-print-directory bench-bins
	@sh bench/run.sh full

bench-quick:
	@sh bench/deps.sh
	@$(MAKE) --no-print-directory bench-bins
	@sh bench/run.sh quick

# The README's test command. Installs what is missing, builds the sanitiser
# build, and runs every suite against a throwaway cluster.
check:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 unit-bins
	@$(MAKE) --no-print-directory all
	@sh tests/run-all.sh build/asan

check-unit: unit-bins
	@sh tests/run-all.sh $(BUILD) unit

# Layering: ui -> model -> db. Only db/ sees libpq, only ui/ sees curses.
check-layers:
	@sh tools/check-layers.sh

demo:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh open

demo-db:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh db

demo-stop:
	@sh tools/demo.sh stop

deps:
	@sh tools/deps.sh

fuzz:
	@mkdir -p build/fuzz
	@$(foreach v,$(filter FUZZ_DEPS_%,$(.VARIABLES)),$(v)='$($(v))';) \
	for f in $(FUZZ_SRC); do \
		n=$$(basename $$f .c); \
		eval "deps=\$${FUZZ_DEPS_$$n:-}"; \
		echo "clang -fsanitize=fuzzer $$f -> build/fuzz/$$n"; \
		clang $(filter-out -MMD -MP,$(CPPFLAGS)) -g -O1 \
			-fsanitize=fuzzer,address,undefined -Itests/fuzz \
			-o build/fuzz/$$n $$f $$deps \
			$(wildcard src/util/*.c) $(PKG_LIBS) || exit 1; \
	done

install: $(BUILD)/cme
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/cme $(DESTDIR)$(PREFIX)/bin/cme
	install -m 644 doc/cme.1 $(DESTDIR)$(PREFIX)/share/man/man1/cme.1

PREFIX	?= /usr/local

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
