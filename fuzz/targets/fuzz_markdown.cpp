// SPDX-License-Identifier: GPL-3.0-or-later
// MarkdownBlockSplitter on any text: chunks stay in bounds and in order, and a streaming
// caller that resumes from a prefix's committed length commits the same as a full scan.
#include "ui/markdown/MarkdownBlockSplitter.h"

#include "FuzzSupport.h"

#include <QString>

using namespace Tramontane;

namespace {

void checkChunks(const MarkdownBlockSplitter::Result &r, QStringView text, qsizetype from) {
    Fuzz::require(r.committed >= from && r.committed <= text.size(), "committed in bounds");
    qsizetype at = from;
    for (const MarkdownBlockSplitter::Chunk &c : r.chunks) {
        Fuzz::require(c.begin >= at && c.begin <= c.end && c.end <= r.committed,
                      "chunks in order within the committed prefix");
        if (c.kind == MarkdownBlockSplitter::ChunkKind::Fence)
            Fuzz::require(c.contentBegin >= c.begin && c.contentBegin <= c.end,
                          "fence content inside its chunk");
        at = c.end;
    }
    Fuzz::require(r.tail.begin == r.committed && r.tail.end == text.size(), "tail is the rest");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(Fuzz::view(data + 1, size - 1));
    const MarkdownBlockSplitter::Result whole = MarkdownBlockSplitter::split(text);
    checkChunks(whole, text, 0);

    // Streaming: the text so far was a prefix; resume from what that prefix committed.
    const qsizetype prefixLength = text.size() * data[0] / 255;
    const qsizetype resume =
        MarkdownBlockSplitter::committedLength(QStringView(text).first(prefixLength));
    const MarkdownBlockSplitter::Result rest = MarkdownBlockSplitter::split(text, resume);
    checkChunks(rest, text, resume);
    Fuzz::require(rest.committed == whole.committed, "resuming commits as a full scan does");

    qsizetype end = 0;
    for (const MarkdownBlockSplitter::Chunk &c : MarkdownBlockSplitter::finalChunks(text)) {
        Fuzz::require(c.begin >= end && c.end <= text.size(), "final chunks in order");
        end = c.end;
    }
    return 0;
}
