#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace st {

// Why an operation was refused. The codes are the sync protocol's error codes, so a refusal
// travels from the store to a command line message or a hub answer without translation tables.
enum class ErrorCode
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    RateLimited,
    OpIdReused,  // an opId already applied for a different request
    Unavailable, // the hub's database is away for now: nothing was applied, retry later
    Internal
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    static Error invalid(QString message) { return {ErrorCode::Invalid, std::move(message)}; }
    static Error notFound(QString message) { return {ErrorCode::NotFound, std::move(message)}; }
    static Error conflict(QString message) { return {ErrorCode::Conflict, std::move(message)}; }
    static Error internal(QString message) { return {ErrorCode::Internal, std::move(message)}; }
};

// A value or the reason there is none. Small on purpose: std::expected is C++23.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &std::get<T>(m_data); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace st
