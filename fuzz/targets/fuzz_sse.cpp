// SPDX-License-Identifier: GPL-3.0-or-later
// SseParser: any bytes, fed whole and cut in pieces, must give the same events and the same
// overflow, and the buffers must stay within the limits.
#include "core/net/SseParser.h"

#include "FuzzSupport.h"

using namespace Tramontane;

namespace {

struct Run {
    QList<SseEvent> events;
    SseParser::Error error = SseParser::Error::None;
    bool partial = false;
};

Run parse(QByteArrayView stream, const QList<qsizetype> &cuts, qsizetype maxLine,
          qsizetype maxEvent) {
    SseParser parser;
    parser.setLimits(maxLine, maxEvent);
    Run run;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        run.events += parser.feed(stream.sliced(from, cut - from));
        from = cut;
    }
    run.events += parser.feed(stream.sliced(from));
    run.error = parser.error();
    run.partial = parser.hasPartialEvent();
    Fuzz::require(parser.bytesFed() == stream.size(), "bytesFed counts every byte");
    for (const SseEvent &event : std::as_const(run.events))
        Fuzz::require(event.data.size() <= maxEvent, "event data within the event limit");
    return run;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 2)
        return 0;
    // The first two bytes pick the limits (small ones reach the overflow paths) and the cuts.
    const qsizetype maxLine = data[0] < 128 ? SseParser::kDefaultMaxLineSize : 1 + data[0] % 64;
    const qsizetype maxEvent = data[1] < 128 ? SseParser::kDefaultMaxEventSize : 1 + data[1] % 128;
    const QByteArrayView stream = Fuzz::view(data + 2, size - 2);

    const Run whole = parse(stream, {}, maxLine, maxEvent);
    const Run pieces = parse(
        stream, Fuzz::cutsFor(stream.size(), std::uint32_t(size) * 2654435761u), maxLine, maxEvent);
    Fuzz::require(whole.events == pieces.events, "same events whatever the cuts");
    Fuzz::require(whole.error == pieces.error, "same overflow whatever the cuts");
    Fuzz::require(whole.partial == pieces.partial, "same partial state whatever the cuts");
    return 0;
}
