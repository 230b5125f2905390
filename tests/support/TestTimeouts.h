#pragma once

// How long a test waits for another process (a command, a hub) before it calls it stuck. One
// place for the scale: under AddressSanitizer every program of ours runs a few times slower
// (`make test-sanitize`), so each wait is multiplied by kSanitizerTimeoutScale there;
// STUDIOTIMER_TEST_TIMEOUT_SCALE=N overrides the factor (a loaded machine, a debugger).

#include <QtGlobal>

#if defined(__SANITIZE_ADDRESS__)
#define ST_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ST_TEST_UNDER_ASAN 1
#endif
#endif

namespace st::test {

inline constexpr int kSanitizerTimeoutScale = 5;

inline int timeoutScale()
{
    static const int scale = [] {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("STUDIOTIMER_TEST_TIMEOUT_SCALE", &ok);
        if (ok && fromEnv > 0)
            return fromEnv;
#ifdef ST_TEST_UNDER_ASAN
        return kSanitizerTimeoutScale;
#else
        return 1;
#endif
    }();
    return scale;
}

// A wait of `ms` on an ordinary build, scaled as above.
inline int scaledTimeout(int ms)
{
    return ms * timeoutScale();
}

} // namespace st::test
