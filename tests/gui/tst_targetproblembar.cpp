// SPDX-License-Identifier: GPL-3.0-or-later
// The bar under an empty model picker: why it is empty, a live countdown to the next automatic
// attempt, and nothing at all once the models are there.
#include "models/ErrorPresenter.h"
#include "ui/TargetProblemBar.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using State = ChatTargetLoader::State;

class TestTargetProblemBar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retryScheduled_countsDownEverySecond();
    void gaveUp_saysWhyWithoutACountdown();
    void loaded_hidesTheBar();
    void unreachable_saysSoOnceWithoutCountdown();
};

void TestTargetProblemBar::retryScheduled_countsDownEverySecond() {
    TargetProblemBar bar;
    const ApiError error = ApiError::fromHttp(500, {}, "{\"message\":\"boom\"}");
    bar.showProblem(State::RetryScheduled, error, std::chrono::milliseconds(3000));
    QVERIFY(!bar.isHidden());
    QVERIFY2(
        bar.text().startsWith(u"The models could not be loaded: "_s + ErrorPresenter::title(error)),
        qPrintable(bar.text()));
    QVERIFY2(bar.text().endsWith(u"Trying again in 3 s."_s), qPrintable(bar.text()));
    QVERIFY(bar.retryButton()->isEnabled());
    // The count goes down while the person watches, and stops at one second.
    QTRY_VERIFY_WITH_TIMEOUT(bar.text().endsWith(u"Trying again in 2 s."_s), 2500);
    QTRY_VERIFY_WITH_TIMEOUT(bar.text().endsWith(u"Trying again in 1 s."_s), 2500);
    QTest::qWait(1500);
    QVERIFY2(bar.text().endsWith(u"Trying again in 1 s."_s), qPrintable(bar.text()));
    // The attempt starts: the countdown gives way.
    bar.showProblem(State::Loading, error);
    QCOMPARE(bar.text(), u"Loading the models again…"_s);
    QVERIFY(!bar.retryButton()->isEnabled());
    QTest::qWait(1200);
    QCOMPARE(bar.text(), u"Loading the models again…"_s);
}

void TestTargetProblemBar::gaveUp_saysWhyWithoutACountdown() {
    TargetProblemBar bar;
    const ApiError error = ApiError::fromHttp(401, {}, "{\"message\":\"Unauthorized\"}");
    bar.showProblem(State::WaitingForSettings, error);
    QCOMPARE(bar.text(), u"The models could not be loaded: "_s + ErrorPresenter::title(error));
    QCOMPARE(bar.findChild<QLabel *>(u"targetProblemLabel"_s)->toolTip(),
             ErrorPresenter::hint(error));
    QVERIFY(bar.retryButton()->isEnabled());
}

void TestTargetProblemBar::loaded_hidesTheBar() {
    TargetProblemBar bar;
    const ApiError error = ApiError::fromHttp(503, {}, {});
    bar.showProblem(State::RetryScheduled, error, std::chrono::milliseconds(5000));
    QVERIFY(!bar.isHidden());
    bar.showProblem(State::Loaded, ApiError());
    QVERIFY(bar.isHidden());
    QVERIFY(bar.text().isEmpty());
    // No countdown left running behind the hidden bar.
    QTest::qWait(1200);
    QVERIFY(bar.isHidden());
}

void TestTargetProblemBar::unreachable_saysSoOnceWithoutCountdown() {
    // No network at start: one steady sentence with Retry, whatever the attempt in progress.
    TargetProblemBar bar;
    const ApiError error = ApiError::fromNetworkError(QNetworkReply::HostNotFoundError,
                                                      u"Host tramontane.invalid not found"_s);
    bar.showProblem(State::RetryScheduled, error, std::chrono::milliseconds(3000));
    const QString sentence = bar.text();
    QVERIFY2(sentence.contains("cannot be reached"_L1) && sentence.contains("by itself"_L1),
             qPrintable(sentence));
    QVERIFY(!sentence.contains("Trying again in"_L1));
    QVERIFY(bar.retryButton()->isEnabled());
    QVERIFY(bar.findChild<QLabel *>(u"targetProblemLabel"_s)
                ->toolTip()
                .contains(ErrorPresenter::title(error)));
    QTest::qWait(1200);
    QCOMPARE(bar.text(), sentence); // no countdown
    bar.showProblem(State::Loading, error);
    QCOMPARE(bar.text(), sentence);
    bar.showProblem(State::RetryScheduled, error, std::chrono::milliseconds(60000));
    QCOMPARE(bar.text(), sentence);
    bar.showProblem(State::Loaded, {});
    QVERIFY(bar.isHidden());
}

QTEST_MAIN(TestTargetProblemBar)
#include "tst_targetproblembar.moc"
