// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Tramontane {

//! Why a storage operation failed: a kind the code can branch on, a translated sentence the
//! user can read, and a technical detail (an SQLite or file-system message) for the log only.
struct StoreError {
    enum class Kind {
        None,
        AlreadyRunning,  //!< another instance holds the profile lock
        NewerSchema,     //!< the database was written by a newer version of the app
        CannotOpen,      //!< the folder or the database file cannot be opened or created
        Damaged,         //!< the database file is not an SQLite database or is corrupt
        Locked,          //!< another program holds a lock on the database file
        MigrationFailed, //!< a schema upgrade failed (the database is left as it was)
        Io,              //!< a read or write failed (disk full, I/O error, corrupt file)
        NotFound,        //!< no conversation or message with that id
        InvalidArgument, //!< the request itself makes no sense (e.g. wrong message state)
        InvalidFile,     //!< an imported file is not a conversation this version can read
    };

    Kind kind = Kind::None;
    QString message; //!< one sentence for the user, already translated
    QString detail;  //!< technical detail for logs; never shown as the main message

    bool isError() const { return kind != Kind::None; }
};

//! The value of a storage operation, or the error that prevented it.
template<typename T>
class [[nodiscard]] StoreResult {
public:
    StoreResult(T value)
        : m_value(std::move(value)) {}
    StoreResult(StoreError error)
        : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    //! The value; only valid when ok().
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }

    T valueOr(T fallback) const { return m_value.value_or(std::move(fallback)); }

    const StoreError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

//! The outcome of an operation that has no value.
template<>
class [[nodiscard]] StoreResult<void> {
public:
    StoreResult() = default;
    StoreResult(StoreError error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const StoreError &error() const { return m_error; }

private:
    StoreError m_error;
};

} // namespace Tramontane
