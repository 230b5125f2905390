# Studio Timer: the two quick-start commands (`make run`, `make test`) and a few more.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
DATA_DIR   ?= $(CURDIR)/.studiotimer-data
CMAKE_ARGS ?=

.PHONY: all deps configure build run test torture sanitize-configure test-sanitize fuzz bench bench-hub package package-check format clean

all: build

deps:
	@tools/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR)

# Opens the desktop app on a data dir inside the checkout, so trying it never touches real data.
run: build
	STUDIOTIMER_DATA_DIR="$(DATA_DIR)" $(BUILD_DIR)/app/studiotimer

# Everything but the torture runs, which have their own target.
test: build
	QT_QPA_PLATFORM=offscreen ctest --test-dir $(BUILD_DIR) --output-on-failure --timeout 600 -j2 \
		-LE torture

# Torture runs, sized by TORTURE_KILLS (the crash harness: 20 in CI, hundreds by hand) and
# CHAOS_OPS (the chaos convergence run: 200 in CI, thousands by hand).
TORTURE_KILLS ?= 20
CHAOS_OPS ?= 200
torture: build
	STUDIOTIMER_TORTURE_KILLS=$(TORTURE_KILLS) STUDIOTIMER_CHAOS_OPS=$(CHAOS_OPS) \
		QT_QPA_PLATFORM=offscreen \
		ctest --test-dir $(BUILD_DIR) -L torture --output-on-failure --timeout 1800

# One build folder for the sanitizers and the fuzzers: clang with AddressSanitizer +
# UndefinedBehaviorSanitizer (and libFuzzer's coverage hooks) on every target of ours, at -O1 -g1
# (-g1 keeps file:line in the reports at a sixth less compile time than -g). `make fuzz` links its
# targets from the objects `make test-sanitize` built, so CI compiles the core once for both.
SANITIZE_DIR ?= build-sanitize
sanitize-configure: deps
	@grep -qs '^CMAKE_CXX_COMPILER:.*clang' $(SANITIZE_DIR)/CMakeCache.txt || rm -rf $(SANITIZE_DIR)
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
		-DCMAKE_CXX_COMPILER=clang++ -DSTUDIOTIMER_FUZZ=ON -DSTUDIOTIMER_DESKTOP=OFF $(CMAKE_ARGS)

# The unit and integration tests (the core, the command line and the hub as real processes) in the
# sanitizer build. The tests' waits for a process are 5 times longer there
# (tests/support/TestTimeouts.h). docs/TESTING.md has its timing.
test-sanitize: sanitize-configure
	cmake --build $(SANITIZE_DIR) --target core_tests
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	QT_QPA_PLATFORM=offscreen ctest --test-dir $(SANITIZE_DIR) -L 'unit|integration' \
		--output-on-failure --timeout 900 -j2

# libFuzzer over the decoders a peer or a file reaches; FUZZ_SECONDS per target, or FUZZ_RUNS
# inputs from a fixed seed (what CI runs: reproducible).
FUZZ_SECONDS ?= 30
FUZZ_RUNS ?=
fuzz: sanitize-configure
	cmake --build $(SANITIZE_DIR) --target fuzz_targets
	FUZZ_RUNS=$(FUZZ_RUNS) tools/run-fuzz.sh $(SANITIZE_DIR) $(FUZZ_SECONDS)

bench: build
	$(BUILD_DIR)/tests/bench/bench_store $(BENCH_ARGS)
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/bench/bench_gui
	$(BUILD_DIR)/tests/bench/bench_backend
	$(BUILD_DIR)/tests/bench/bench_import --rows 1000000
	$(MAKE) bench-hub BENCH_ARGS=

# studiotimer-hub beside a Socket.IO 4.8 server under the same load (docs/PERFORMANCE-sync.md);
# under 10 minutes at the default sizes, longer runs through BENCH_ARGS (e.g. --seconds 20).
bench-hub: build
	cd $(BUILD_DIR)/tests/bench/sio-baseline && npm ci --prefer-offline --no-audit --no-fund
	$(BUILD_DIR)/tests/bench/bench_hub_load $(BENCH_ARGS)
	$(BUILD_DIR)/tests/bench/bench_fanout_floor
	$(BUILD_DIR)/tests/bench/bench_hub_multi $(BENCH_MULTI_ARGS)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Builds the .deb and checks it (as root it also installs, runs and purges it).
package-check: package
	tools/check-package.sh "$$(ls -t $(BUILD_DIR)/studiotimer_*.deb | head -n1)"

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
