// SPDX-License-Identifier: GPL-3.0-or-later
// Shared pieces of the chat view benchmarks: a generated conversation, generated images served
// from memory, resident memory and percentiles.
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ImageFetcher.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

namespace ChatBench {

using namespace Qt::StringLiterals;
using namespace Tramontane;

//! Picks the offscreen platform when there is no display, before QApplication exists.
inline void chooseHeadlessPlatform() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

//! Resident set size of this process, in MB.
inline double rssMb() {
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

//! CPU time used by the calling thread, in ms. On a busy machine wall-clock figures include
//! waiting for a core; this is the work itself.
inline double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

//! The 1-minute load average: figures taken on a busy machine are not comparable.
inline QByteArray loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return "?";
    return file.readAll().split(' ').value(0);
}

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
    size_t count = 0;
};

inline Percentiles percentiles(std::vector<double> values) {
    Percentiles p;
    if (values.empty())
        return p;
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values[std::min(values.size() - 1,
                               size_t(std::llround(q * double(values.size() - 1))))];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = values.back();
    double sum = 0;
    for (double v : values)
        sum += v;
    p.mean = sum / double(values.size());
    p.count = values.size();
    return p;
}

inline void printPercentiles(const char *label, const Percentiles &p) {
    std::printf("  %-34s n=%-6zu p50 %6.2f  p95 %6.2f  p99 %6.2f  max %6.2f  mean %6.2f ms\n",
                label, p.count, p.p50, p.p95, p.p99, p.max, p.mean);
}

inline QString words(QRandomGenerator &random, int count) {
    static const QStringList vocabulary = {
        u"the"_s,      u"model"_s,   u"answer"_s, u"stream"_s,  u"token"_s,  u"render"_s,
        u"budget"_s,   u"quickly"_s, u"with"_s,   u"careful"_s, u"layout"_s, u"of"_s,
        u"tables"_s,   u"and"_s,     u"code"_s,   u"blocks"_s,  u"inside"_s, u"a"_s,
        u"function"_s, u"returns"_s, u"value"_s,  u"because"_s, u"memory"_s, u"is"_s};
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(vocabulary.at(random.bounded(int(vocabulary.size()))));
    QString text = out.join(u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

inline QString table(QRandomGenerator &random, int rows) {
    QString text = u"| Name | Value | Notes |\n|------|------:|:------|\n"_s;
    for (int r = 0; r < rows; ++r)
        text += u"| item %1 | %2 | %3 *%4* |\n"_s.arg(r)
                    .arg(random.bounded(10000))
                    .arg(words(random, 3), words(random, 1));
    return text;
}

//! An answer of the kinds a chat holds: prose, lists, code, now and then a table.
inline QString answerText(QRandomGenerator &random, int index) {
    QString text = words(random, 20 + random.bounded(50)) + u".\n\n"_s;
    switch (index % 10) {
    case 1:
    case 5:
        text += u"- "_s + words(random, 6) + u"\n- "_s + words(random, 8) + u"\n- "_s
                + words(random, 5) + u"\n\n"_s;
        break;
    case 3:
        text += u"```python\ndef f%1(x):\n    return x * %1\n\nprint(f%1(2))\n```\n\n"_s.arg(index);
        break;
    case 7:
        text += table(random, 3 + random.bounded(4)) + u"\n"_s;
        break;
    default:
        break;
    }
    if (random.bounded(3) == 0)
        text += words(random, 15 + random.bounded(30)) + u" with `inline code`.\n"_s;
    return text.trimmed();
}

//! A conversation of \a messages entries (user and assistant in turn), \a images of the
//! answers carrying an image (a tool file "img-N").
inline QList<ChatEntry> conversation(int messages, int images, quint32 seed = 7) {
    QRandomGenerator random(seed);
    QList<ChatEntry> out;
    out.reserve(messages);
    const int answers = messages / 2;
    const int imageEvery = images > 0 ? qMax(1, answers / images) : 0;
    int imageCount = 0;
    for (int i = 0; i < messages; ++i) {
        ChatEntry e;
        e.id = i + 1;
        if (i % 2 == 0) {
            e.message =
                ChatMessage::user(MessageContent(words(random, 6 + random.bounded(20)) + u"?"_s));
        } else {
            const int answer = i / 2;
            const QString text = answerText(random, answer);
            if (imageEvery > 0 && answer % imageEvery == 0 && imageCount < images) {
                e.message = ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                    ContentChunk::makeText(text),
                    ContentChunk::makeToolFile(u"image_generation"_s,
                                               u"img-"_s + QString::number(imageCount++),
                                               u"picture.png"_s)}));
            } else {
                e.message = ChatMessage::assistant(MessageContent(text));
            }
            e.model = u"mistral-medium-latest"_s;
            e.requestId = u"req-%1"_s.arg(i);
        }
        out.append(e);
    }
    return out;
}

//! Image \a index: JPEG 1024x768 for even indexes, PNG 768x768 for odd ones.
inline QByteArray makeImage(int index) {
    const bool jpeg = index % 2 == 0;
    const QSize size = jpeg ? QSize(1024, 768) : QSize(768, 768);
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, size.width(), size.height());
    g.setColorAt(0, QColor::fromHsv((index * 37) % 360, 180, 230));
    g.setColorAt(1, QColor::fromHsv((index * 37 + 120) % 360, 200, 120));
    p.fillRect(image.rect(), g);
    QRandomGenerator random{quint32(index)};
    for (int i = 0; i < 30; ++i) {
        p.setBrush(QColor::fromHsv(random.bounded(360), 150, 220, 160));
        p.setPen(Qt::NoPen);
        const int r = 20 + random.bounded(120);
        p.drawEllipse(QPoint(random.bounded(size.width()), random.bounded(size.height())), r, r);
    }
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, jpeg ? "JPEG" : "PNG", 85);
    return bytes;
}

//! Serves generated images by file id on the next event-loop turn (a warm disk cache).
class MemoryFetcher final : public ImageFetcher {
public:
    QHash<QString, QByteArray> images;
    int fetches = 0;

    Cancel fetch(const ImageSource &source, QObject *context, Callback done) override {
        ++fetches;
        const QByteArray bytes = images.value(source.ref);
        QTimer::singleShot(
            0, context, [done, bytes] { done(bytes, bytes.isEmpty() ? u"missing"_s : QString()); });
        return {};
    }
};

} // namespace ChatBench
