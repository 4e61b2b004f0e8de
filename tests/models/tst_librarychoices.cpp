// SPDX-License-Identifier: GPL-3.0-or-later
// The account's libraries (asked for when needed, once at a time) and the ones a chat
// searches: one document_library tool for the chosen ones, a deleted library dropped.
#include "models/LibraryChoices.h"
#include "models/LibraryList.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestLibraryChoices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingChosen_makesNoTool();
    void chosenLibraries_makeOneToolWithTheirIds();
    void refresh_asksOnceWhileLoading();
    void deletedLibrary_leavesTheChoice();
    void restoredIds_stayUntilAListSaysOtherwise();
    void failure_keepsTheChoiceAndSaysWhy();
    void anotherList_isChosenAmongAtOnce();
    void withoutLibraries_dropsThemAndAnEmptyTool();
};

void TestLibraryChoices::nothingChosen_makesNoTool() {
    LibraryList list;
    LibraryChoices choices(&list);
    QVERIFY(!choices.tool());
    QCOMPARE(list.state(), LibraryList::State::NotLoaded);
}

void TestLibraryChoices::chosenLibraries_makeOneToolWithTheirIds() {
    LibraryList list;
    LibraryChoices choices(&list);
    list.setLibraries({{u"lib-a"_s, u"Manuals"_s, 2}, {u"lib-b"_s, u"Contracts"_s, 0}});
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
    QCOMPARE(list.displayName(u"lib-a"_s), u"Manuals"_s);
    QCOMPARE(list.displayName(u"lib-x"_s), u"lib-x"_s);
}

void TestLibraryChoices::refresh_asksOnceWhileLoading() {
    LibraryList list;
    QSignalSpy wanted(&list, &LibraryList::loadWanted);
    list.refresh();
    list.refresh();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(list.state(), LibraryList::State::Loading);
    list.setLibraries({});
    QCOMPARE(list.state(), LibraryList::State::Loaded);
    // Shown again: asked again.
    list.refresh();
    QCOMPARE(wanted.size(), 2);
}

void TestLibraryChoices::deletedLibrary_leavesTheChoice() {
    LibraryList list;
    LibraryChoices choices(&list);
    list.setLibraries({{u"lib-a"_s, u"Manuals"_s}, {u"lib-b"_s, u"Contracts"_s}});
    choices.setChosen(u"lib-a"_s, true);
    choices.setChosen(u"lib-b"_s, true);
    QSignalSpy dropped(&choices, &LibraryChoices::dropped);
    list.refresh();
    QCOMPARE(choices.chosen().size(), 2); // not while loading
    list.setLibraries({{u"lib-b"_s, u"Contracts"_s}});
    QCOMPARE(choices.chosen(), QStringList{u"lib-b"_s});
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toStringList(), QStringList{u"lib-a"_s});
    list.refresh();
    list.setLibraries({});
    QVERIFY(!choices.tool());
}

void TestLibraryChoices::restoredIds_stayUntilAListSaysOtherwise() {
    LibraryList list;
    LibraryChoices choices(&list);
    choices.setChosenIds({u"lib-a"_s, u"lib-gone"_s, u"lib-a"_s});
    QCOMPARE(choices.chosen(), (QStringList{u"lib-a"_s, u"lib-gone"_s}));
    list.refresh();
    list.setLibraries({{u"lib-a"_s, u"Manuals"_s}});
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
    // A chat reopened once the list is known is checked against it at once.
    choices.setChosenIds({u"lib-gone"_s, u"lib-a"_s});
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
}

void TestLibraryChoices::failure_keepsTheChoiceAndSaysWhy() {
    LibraryList list;
    LibraryChoices choices(&list);
    choices.setChosenIds({u"lib-a"_s});
    list.refresh();
    list.setFailed(u"The server could not be reached."_s);
    QCOMPARE(list.state(), LibraryList::State::Failed);
    QCOMPARE(list.error(), u"The server could not be reached."_s);
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
    // A later success clears the sentence.
    list.refresh();
    list.setLibraries({{u"lib-a"_s, u"Manuals"_s}});
    QVERIFY(list.error().isEmpty());
    QCOMPARE(choices.chosen(), QStringList{u"lib-a"_s});
}

void TestLibraryChoices::anotherList_isChosenAmongAtOnce() {
    LibraryList own;
    LibraryChoices choices(&own);
    choices.setChosenIds({u"lib-a"_s, u"lib-b"_s});
    LibraryList shared;
    shared.setLibraries({{u"lib-b"_s, u"Contracts"_s}});
    QSignalSpy changed(&choices, &LibraryChoices::changed);
    choices.setList(&shared);
    QCOMPARE(choices.chosen(), QStringList{u"lib-b"_s});
    QVERIFY(changed.size() >= 1);
    own.setLibraries({}); // the old list no longer counts
    QCOMPARE(choices.chosen(), QStringList{u"lib-b"_s});
}

void TestLibraryChoices::withoutLibraries_dropsThemAndAnEmptyTool() {
    const QList<Tool> tools{Tool::builtIn(Tool::Type::WebSearch),
                            Tool::documentLibrary({u"lib-a"_s, u"lib-b"_s})};
    QCOMPARE(
        toolsToJson(LibraryChoices::withoutLibraries(tools, {u"lib-a"_s})),
        toolsToJson({Tool::builtIn(Tool::Type::WebSearch), Tool::documentLibrary({u"lib-b"_s})}));
    QCOMPARE(toolsToJson(LibraryChoices::withoutLibraries(tools, {u"lib-a"_s, u"lib-b"_s})),
             toolsToJson({Tool::builtIn(Tool::Type::WebSearch)}));
}

QTEST_GUILESS_MAIN(TestLibraryChoices)
#include "tst_librarychoices.moc"
