// SPDX-License-Identifier: GPL-3.0-or-later
// The document libraries a chat searches: one document_library tool for the chosen ones, the
// list asked for when needed, and a deleted library dropped from the choice.
#include "models/LibraryChoices.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Library = LibraryChoices::Library;

class TestLibraryChoices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingChosen_makesNoTool();
    void chosenLibraries_makeOneToolWithTheirIds();
    void refresh_asksOnceWhileLoading();
    void deletedLibrary_leavesTheChoice();
    void restoredIds_stayUntilAListSaysOtherwise();
    void failure_keepsTheChoiceAndSaysWhy();
};

void TestLibraryChoices::nothingChosen_makesNoTool() {
    LibraryChoices choices;
    QVERIFY(!choices.tool());
    QCOMPARE(choices.state(), LibraryChoices::State::NotLoaded);
}

void TestLibraryChoices::chosenLibraries_makeOneToolWithTheirIds() {
    LibraryChoices choices;
    choices.setLibraries({{u"lib-a"_s, u"Manuals"_s, 2}, {u"lib-b"_s, u"Contracts"_s, 0}});
    QSignalSpy changed(&choices, &LibraryChoices::changed);
    choices.setChosen(u"lib-b"_s, true);
    choices.setChosen(u"lib-a"_s, true);
    choices.setChosen(u"lib-a"_s, true); // twice is once
    QCOMPARE(changed.size(), 2);
    const auto tool = choices.tool();
    QVERIFY(tool);
    QCOMPARE(tool->toJson(), (QJsonObject{{u"type"_s, u"document_library"_s},
                                          {u"library_ids"_s, QJsonArray{u"lib-b"_s, u"lib-a"_s}}}));
    choices.setChosen(u"lib-b"_s, false);
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
    QCOMPARE(choices.displayName(u"lib-a"_s), u"Manuals"_s);
    QCOMPARE(choices.displayName(u"lib-x"_s), u"lib-x"_s);
}

void TestLibraryChoices::refresh_asksOnceWhileLoading() {
    LibraryChoices choices;
    QSignalSpy wanted(&choices, &LibraryChoices::loadWanted);
    choices.refresh();
    choices.refresh();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(choices.state(), LibraryChoices::State::Loading);
    choices.setLibraries({});
    QCOMPARE(choices.state(), LibraryChoices::State::Loaded);
    // Shown again: asked again.
    choices.refresh();
    QCOMPARE(wanted.size(), 2);
}

void TestLibraryChoices::deletedLibrary_leavesTheChoice() {
    LibraryChoices choices;
    choices.setLibraries({{u"lib-a"_s, u"Manuals"_s}, {u"lib-b"_s, u"Contracts"_s}});
    choices.setChosen(u"lib-a"_s, true);
    choices.setChosen(u"lib-b"_s, true);
    QSignalSpy dropped(&choices, &LibraryChoices::dropped);
    choices.refresh();
    choices.setLibraries({{u"lib-b"_s, u"Contracts"_s}});
    QCOMPARE(choices.chosen(), QStringList{u"lib-b"_s});
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toStringList(), QStringList{u"lib-a"_s});
    choices.refresh();
    choices.setLibraries({});
    QVERIFY(!choices.tool());
}

void TestLibraryChoices::restoredIds_stayUntilAListSaysOtherwise() {
    LibraryChoices choices;
    choices.setChosenIds({u"lib-a"_s, u"lib-gone"_s, u"lib-a"_s});
    QCOMPARE(choices.chosen(), (QStringList{u"lib-a"_s, u"lib-gone"_s}));
    choices.refresh();
    choices.setLibraries({{u"lib-a"_s, u"Manuals"_s}});
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
    // A chat reopened once the list is known is checked against it at once.
    choices.setChosenIds({u"lib-gone"_s, u"lib-a"_s});
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
}

void TestLibraryChoices::failure_keepsTheChoiceAndSaysWhy() {
    LibraryChoices choices;
    choices.setChosenIds({u"lib-a"_s});
    choices.refresh();
    choices.setFailed(u"The server could not be reached."_s);
    QCOMPARE(choices.state(), LibraryChoices::State::Failed);
    QCOMPARE(choices.error(), u"The server could not be reached."_s);
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
    // A later success clears the sentence.
    choices.refresh();
    choices.setLibraries({{u"lib-a"_s, u"Manuals"_s}});
    QVERIFY(choices.error().isEmpty());
}

QTEST_GUILESS_MAIN(TestLibraryChoices)
#include "tst_librarychoices.moc"
