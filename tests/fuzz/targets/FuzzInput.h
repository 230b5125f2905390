#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// What the libFuzzer targets share: the input as text (the decoders take text, not bytes) and a
// check that aborts with a message, so a broken invariant is reported like a crash.
namespace st::fuzz {

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void check(bool ok, const char *what)
{
    if (!ok) {
        qCritical("fuzz invariant broken: %s", what);
        std::abort();
    }
}

} // namespace st::fuzz
