# Studio Timer: the two quick-start commands (`make run`, `make test`) and a few more.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
DATA_DIR   ?= $(CURDIR)/.studiotimer-data
CMAKE_ARGS ?=

.PHONY: all deps configure build run test bench package package-check format clean

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

test: build
	QT_QPA_PLATFORM=offscreen ctest --test-dir $(BUILD_DIR) --output-on-failure --timeout 600 -j2

bench: build
	$(BUILD_DIR)/tests/bench/bench_store $(BENCH_ARGS)
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/bench/bench_gui
	$(BUILD_DIR)/tests/bench/bench_backend
	$(BUILD_DIR)/tests/bench/bench_import --rows 1000000

package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Builds the .deb and checks it (as root it also installs, runs and purges it).
package-check: package
	tools/check-package.sh "$$(ls -t $(BUILD_DIR)/studiotimer_*.deb | head -n1)"

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
