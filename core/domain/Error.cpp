#include "Error.h"

#include <array>

namespace st {

namespace {
struct CodeName
{
    ErrorCode code;
    const char *name;
};
constexpr std::array kCodeNames{
    CodeName{ErrorCode::Invalid, "invalid"},
    CodeName{ErrorCode::NotFound, "not_found"},
    CodeName{ErrorCode::Conflict, "conflict"},
    CodeName{ErrorCode::Forbidden, "forbidden"},
    CodeName{ErrorCode::RateLimited, "rate_limited"},
    CodeName{ErrorCode::Internal, "internal"},
    CodeName{ErrorCode::OpIdReused, "op_id_reused"},
    CodeName{ErrorCode::Unavailable, "unavailable"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &entry : kCodeNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &entry : kCodeNames) {
        if (name == QLatin1String(entry.name))
            return entry.code;
    }
    return std::nullopt;
}

} // namespace st
