// SPDX-License-Identifier: GPL-3.0-or-later
// What an error card shows behind "Details": translated sentences first, the client's raw
// technical text only under a heading of its own.
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "support/MarkingTranslator.h"
#include "ui/chat/ChatDelegate.h"
#include "ui/chat/ChatItemText.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// The notice under an answer that ended as \a status with \a error.
ChatItem noticeFor(const ApiError &error, ChatEntry::Status status, const QString &text) {
    ChatEntry user;
    user.message = ChatMessage::user(u"hi"_s);
    ChatEntry answer;
    answer.message = ChatMessage::assistant(text);
    answer.status = status;
    answer.error = error;
    answer.requestId = u"req-42"_s;
    const QList<ChatItem> items = ConversationModel::deriveItems({user, answer}, 0, 2);
    return items.isEmpty() ? ChatItem() : items.last();
}

// Splits details at the technical heading: {the part for people, the technical part}.
QStringList split(const QString &details) {
    const qsizetype at = details.indexOf(u"Technical details"_s);
    if (at < 0)
        return {details, QString()};
    return {details.left(at).trimmed(), details.mid(at)};
}

} // namespace

class TestErrorDetails : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void interruptedStream_keepsRawTextInTheTechnicalPart();
    void humanPart_isTranslated();
    void httpError_showsStatusServerMessageAndAttempts();
};

void TestErrorDetails::interruptedStream_keepsRawTextInTheTechnicalPart() {
    const ApiError error = ApiError::streamInterrupted(
        ApiError::Context::Chat, u"the stream ended after 5 events without [DONE]"_s);
    const ChatItem notice = noticeFor(error, ChatEntry::Status::Interrupted, u"Half an"_s);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    const QString details = ChatItemText::noticeDetails(notice);
    const QStringList parts = split(details);
    QVERIFY2(!parts.at(1).isEmpty(), qPrintable(details));
    QVERIFY2(!parts.at(0).contains(u"[DONE]"_s), qPrintable(parts.at(0)));
    QVERIFY2(!parts.at(0).contains(u"events"_s), qPrintable(parts.at(0)));
    QVERIFY2(parts.at(0).contains(u"The connection ended before the server marked the answer as "
                                  "complete."_s),
             qPrintable(parts.at(0)));
    QVERIFY(parts.at(0).contains(u"Request ID: req-42"_s));
    QVERIFY(parts.at(1).contains(u"the stream ended after 5 events without [DONE]"_s));
}

void TestErrorDetails::humanPart_isTranslated() {
    ApiError error =
        ApiError::streamInterrupted(ApiError::Context::Chat, u"after 3 events: connection reset"_s);
    const ChatItem notice = noticeFor(error, ChatEntry::Status::Interrupted, u"Some text"_s);
    Test::MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString details = ChatItemText::noticeDetails(notice);
    QCoreApplication::removeTranslator(&translator);
    const qsizetype at = details.indexOf(u"Technical details"_s);
    QVERIFY2(at > 0, qPrintable(details));
    // Every line for people went through tr(); the heading too.
    const QStringList lines = details.left(at - 1).trimmed().split(u'\n');
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(u"«"_s) && line.endsWith(u"»"_s), qPrintable(line));
    QVERIFY(details.mid(at - 1).startsWith(u"«Technical details"_s));
}

void TestErrorDetails::httpError_showsStatusServerMessageAndAttempts() {
    ApiError error = ApiError::fromHttp(
        500, {}, R"({"object":"error","message":"Service unavailable.","code":"3000"})",
        ApiError::Context::Chat);
    error.setAttempts(4);
    const ChatItem notice = noticeFor(error, ChatEntry::Status::Failed, QString());
    const QStringList parts = split(ChatItemText::noticeDetails(notice));
    QVERIFY(parts.at(0).contains(u"HTTP status: 500"_s));
    QVERIFY2(parts.at(0).contains(u"sent 4 time"_s), qPrintable(parts.at(0)));
    QVERIFY(parts.at(0).contains(u"Server message: Service unavailable."_s));
}

QTEST_MAIN(TestErrorDetails)
#include "tst_errordetails.moc"
