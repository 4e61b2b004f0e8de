// SPDX-License-Identifier: GPL-3.0-or-later
// ApiError: error bodies of every shape, headers (Retry-After, request ids), stream error
// payloads; then everything the UI (through ErrorPresenter) and the logs read from the result.
#include "core/net/ApiError.h"
#include "models/ErrorPresenter.h"

#include "FuzzSupport.h"

#include <QTimeZone>

using namespace Tramontane;

namespace {

void touch(const ApiError &e) {
    (void)ErrorPresenter::title(e);
    (void)ErrorPresenter::hint(e);
    (void)ErrorPresenter::sentence(e);
    (void)e.fieldErrorText();
    (void)e.toJson();
    (void)e.toLogString();
    (void)e.isRetryable();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 4)
        return 0;
    // Bytes 0-1: the status; byte 2: the context and content type; byte 3: the length of a
    // header value taken from the input; the rest: the header value, then the body.
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const auto context = ApiError::Context(data[2] % 8);
    static const QByteArray types[] = {"application/json", "text/plain", "text/html", ""};
    const QByteArrayView rest = Fuzz::view(data + 4, size - 4);
    const qsizetype headerLength = std::min<qsizetype>(data[3], rest.size());
    const QByteArray header = rest.first(headerLength).toByteArray();
    const QByteArrayView body = rest.sliced(headerLength);

    RawHeaders headers;
    headers.append({"Content-Type", types[(data[2] >> 3) % 4]});
    headers.append({(data[2] & 0x80) ? "retry-after-ms" : "Retry-After", header});
    headers.append({"Mistral-Correlation-Id", header});
    const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());

    touch(ApiError::fromHttp(status, headers, body, context, now));
    touch(ApiError::streamError(body, context));
    const auto retry = ApiError::parseRetryAfter(headers, now);
    Fuzz::require(!retry || retry->count() >= 0, "Retry-After is never negative");
    return 0;
}
