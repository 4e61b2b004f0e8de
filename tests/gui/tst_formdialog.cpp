// SPDX-License-Identifier: GPL-3.0-or-later
// The base of the forms that save to the server: field errors placed by their `loc`, the busy
// state, and status colours that stay readable on light and dark palettes.
#include "ui/ColourContrast.h"
#include "ui/forms/FieldErrorMap.h"
#include "ui/forms/FormDialog.h"
#include "ui/forms/StatusColors.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

//! A small form on the base: a name on a first tab, a temperature on a second.
class SampleForm final : public FormDialog {
public:
    SampleForm() {
        auto *layout = new QVBoxLayout(this);
        tabs = new QTabWidget(this);
        auto *general = new QWidget;
        auto *generalLayout = new QVBoxLayout(general);
        name = new QLineEdit(general);
        nameError = new QLabel(general);
        generalLayout->addWidget(name);
        generalLayout->addWidget(nameError);
        auto *advanced = new QWidget;
        auto *advancedLayout = new QVBoxLayout(advanced);
        temperature = new QLineEdit(advanced);
        advancedError = new QLabel(advanced);
        advancedLayout->addWidget(temperature);
        advancedLayout->addWidget(advancedError);
        tabs->addTab(general, u"General"_s);
        tabs->addTab(advanced, u"Advanced"_s);
        generalError = new QLabel(this);
        save = new QPushButton(u"Save"_s, this);
        layout->addWidget(tabs);
        layout->addWidget(generalError);
        layout->addWidget(save);

        addErrorLabels({nameError, advancedError, generalError});
        setStatusLabel(generalError);
        setBusyWidgets({save, tabs});
        fieldErrors().add(u"name"_s, nameError, name);
        fieldErrors().add(u"completion_args"_s, advancedError, nullptr,
                          [this](const QStringList &rest) -> QWidget * {
                              return rest.value(0) == "temperature"_L1 ? temperature : nullptr;
                          });
    }

    // The protected API, for the test.
    using FormDialog::clearErrorLabels;
    using FormDialog::failApply;
    using FormDialog::fieldErrors;
    using FormDialog::setState;
    using FormDialog::setStatusKind;
    using FormDialog::showFieldError;

    QTabWidget *tabs;
    QLineEdit *name;
    QLineEdit *temperature;
    QLabel *nameError;
    QLabel *advancedError;
    QLabel *generalError;
    QPushButton *save;
};

ApiError::FieldError fieldError(const QStringList &loc, const QString &message) {
    ApiError::FieldError e;
    e.loc = loc;
    e.message = message;
    return e;
}

QPalette lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

} // namespace

class TestFormDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fieldErrorMap_placesByFirstLocElement();
    void fieldErrorMap_resolvesFocusFromTheRestOfLoc();
    void showFieldError_firstErrorBringsItsTabAndFieldIntoView();
    void showFieldError_keepsSeveralMessagesOfOneField();
    void busyState_disablesWidgetsAndSaysSaving();
    void busyText_isClearedOnlyIfNothingReplacedIt();
    void failApply_emitsWithTheError();
    void colors_areReadable_data();
    void colors_areReadable();
    void colors_followThePalette();
};

void TestFormDialog::fieldErrorMap_placesByFirstLocElement() {
    QLabel name;
    QLabel tools;
    QLineEdit nameEdit;
    FieldErrorMap map;
    map.add(u"name"_s, &name, &nameEdit);
    map.add(u"tools"_s, &tools);
    const QList<FieldErrorMap::Placement> placed = map.place({
        fieldError({u"name"_s}, u"too long"_s),
        fieldError({u"tools"_s, u"2"_s, u"type"_s}, u"unknown tool"_s),
        fieldError({u"temperature"_s}, u"out of range"_s),
        fieldError({}, u"bad body"_s),
    });
    QCOMPARE(placed.size(), 4);
    QCOMPARE(placed.at(0).field->label, &name);
    QCOMPARE(placed.at(0).focus, &nameEdit);
    QVERIFY(placed.at(0).rest.isEmpty());
    QCOMPARE(placed.at(1).field->label, &tools);
    QCOMPARE(placed.at(1).rest, (QStringList{u"2"_s, u"type"_s}));
    QCOMPARE(placed.at(1).focus, nullptr);
    QCOMPARE(placed.at(2).field, nullptr); // no such field: the form shows it in general
    QCOMPARE(placed.at(2).rest, QStringList{u"temperature"_s});
    QCOMPARE(placed.at(3).field, nullptr);
    QCOMPARE(placed.at(3).error.message, u"bad body"_s);
}

void TestFormDialog::fieldErrorMap_resolvesFocusFromTheRestOfLoc() {
    SampleForm form;
    const auto placed = form.fieldErrors().place({
        fieldError({u"completion_args"_s, u"temperature"_s}, u"must be ≤ 1.5"_s),
        fieldError({u"completion_args"_s, u"top_k"_s}, u"unknown"_s),
    });
    QCOMPARE(placed.at(0).field->label, form.advancedError);
    QCOMPARE(placed.at(0).focus, form.temperature);
    QCOMPARE(placed.at(1).focus, nullptr);
}

void TestFormDialog::showFieldError_firstErrorBringsItsTabAndFieldIntoView() {
    SampleForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(form.tabs->currentIndex(), 0);
    for (const FieldErrorMap::Placement &p : form.fieldErrors().place(
             {fieldError({u"completion_args"_s, u"temperature"_s}, u"too hot"_s),
              fieldError({u"name"_s}, u"taken"_s)}))
        form.showFieldError(p.field->label, p.error.message, p.focus);
    // The first error's tab and field, not the second's.
    QCOMPARE(form.tabs->currentIndex(), 1);
    QTRY_VERIFY(form.temperature->hasFocus());
    QVERIFY(form.advancedError->isVisible());
    QCOMPARE(form.nameError->text(), u"taken"_s);

    // A new attempt starts afresh: its first error is brought into view again.
    form.clearErrorLabels();
    QVERIFY(!form.advancedError->isVisibleTo(&form));
    QVERIFY(form.nameError->text().isEmpty());
    form.showFieldError(form.nameError, u"taken"_s, form.name);
    QCOMPARE(form.tabs->currentIndex(), 0);
    QTRY_VERIFY(form.name->hasFocus());

    // Without a widget to focus, the label's tab is shown.
    form.clearErrorLabels();
    form.showFieldError(form.advancedError, u"bad"_s);
    QCOMPARE(form.tabs->currentIndex(), 1);
}

void TestFormDialog::showFieldError_keepsSeveralMessagesOfOneField() {
    SampleForm form;
    form.showFieldError(form.nameError, u"too long"_s);
    form.showFieldError(form.nameError, u"has spaces"_s);
    form.showFieldError(form.nameError, u"too long"_s); // said already
    QCOMPARE(form.nameError->text(), u"too long\nhas spaces"_s);
}

void TestFormDialog::busyState_disablesWidgetsAndSaysSaving() {
    SampleForm form;
    QSignalSpy states(&form, &FormDialog::stateChanged);
    QCOMPARE(form.state(), FormDialog::State::Editing);
    QVERIFY(!form.isBusy());
    form.setState(FormDialog::State::Validating);
    QVERIFY(!form.isBusy());
    QVERIFY(form.save->isEnabled());
    form.setState(FormDialog::State::Applying);
    QVERIFY(form.isBusy());
    QVERIFY(!form.save->isEnabled());
    QVERIFY(!form.tabs->isEnabled());
    QVERIFY(form.generalError->isVisibleTo(&form));
    QVERIFY(!form.generalError->text().isEmpty());
    form.setState(FormDialog::State::Editing);
    QVERIFY(form.save->isEnabled());
    QVERIFY(form.tabs->isEnabled());
    QVERIFY(form.generalError->text().isEmpty());
    QVERIFY(!form.generalError->isVisibleTo(&form));
    // Loading (values the form needs first) is busy too.
    form.setState(FormDialog::State::Loading);
    QVERIFY(form.isBusy());
    QVERIFY(!form.save->isEnabled());
    QCOMPARE(states.size(), 4);
    QCOMPARE(states.at(1).at(0).value<FormDialog::State>(), FormDialog::State::Applying);
}

void TestFormDialog::busyText_isClearedOnlyIfNothingReplacedIt() {
    SampleForm form;
    form.setState(FormDialog::State::Applying);
    const QString busyText = form.generalError->text();
    // An error lands on the status line while busy (a translation could even make it read
    // like the busy text): leaving the busy state keeps it.
    form.showFieldError(form.generalError, busyText);
    form.setState(FormDialog::State::Failed);
    QVERIFY(form.generalError->isVisibleTo(&form));
    QCOMPARE(form.generalError->text(), busyText);
}

void TestFormDialog::failApply_emitsWithTheError() {
    SampleForm form;
    QSignalSpy failed(&form, &FormDialog::applyFailed);
    form.setState(FormDialog::State::Applying);
    const ApiError error = ApiError::fromHttp(409, {}, "{\"message\":\"exists\"}");
    form.failApply(error);
    QCOMPARE(form.state(), FormDialog::State::Failed);
    QVERIFY(!form.isBusy());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus(), 409);
}

void TestFormDialog::colors_areReadable_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("kind");
    for (const auto &[name, palette] :
         {std::pair{"light", lightPalette()}, std::pair{"dark", darkPalette()},
          std::pair{"white", QPalette(Qt::black, Qt::white)},
          std::pair{"black", QPalette(Qt::white, Qt::black)}}) {
        QTest::addRow("%s error", name) << palette << int(StatusColors::Kind::Error);
        QTest::addRow("%s warning", name) << palette << int(StatusColors::Kind::Warning);
        QTest::addRow("%s ok", name) << palette << int(StatusColors::Kind::Ok);
    }
}

void TestFormDialog::colors_areReadable() {
    QFETCH(QPalette, palette);
    QFETCH(int, kind);
    const QColor color = StatusColors::color(StatusColors::Kind(kind), palette);
    const double ratio = ColourContrast::ratio(color, palette.color(QPalette::Window));
    QVERIFY2(ratio >= 4.5,
             qPrintable(u"%1 on %2: %3"_s.arg(color.name(), palette.color(QPalette::Window).name())
                            .arg(ratio)));
    // Still the colour of its kind: an error is red, a warning amber, a success green.
    const int hue = color.hslHue();
    switch (StatusColors::Kind(kind)) {
    case StatusColors::Kind::Error:
        QVERIFY2(hue <= 15 || hue >= 345, qPrintable(color.name()));
        QVERIFY(color.red() > color.green() && color.red() > color.blue());
        break;
    case StatusColors::Kind::Warning:
        QVERIFY2(hue >= 25 && hue <= 50, qPrintable(color.name()));
        break;
    case StatusColors::Kind::Ok:
        QVERIFY2(hue >= 90 && hue <= 160, qPrintable(color.name()));
        break;
    case StatusColors::Kind::Normal:
        break;
    }
}

void TestFormDialog::colors_followThePalette() {
    SampleForm form;
    form.setPalette(lightPalette());
    form.showFieldError(form.nameError, u"taken"_s);
    const QColor onLight = form.nameError->palette().color(QPalette::WindowText);
    QVERIFY(ColourContrast::ratio(onLight, lightPalette().color(QPalette::Window)) >= 4.5);
    // A dark theme chosen while the form is open: the error line is painted again.
    form.setPalette(darkPalette());
    const QColor onDark = form.nameError->palette().color(QPalette::WindowText);
    QVERIFY(onDark != onLight);
    QVERIFY(ColourContrast::ratio(onDark, darkPalette().color(QPalette::Window)) >= 4.5);
    // The old fixed red of the editors was not readable there.
    QVERIFY(ColourContrast::ratio(QColor(0xc6, 0x28, 0x28), darkPalette().color(QPalette::Window))
            < 4.5);
    // A normal status line keeps the palette's own text colour.
    form.setStatusKind(form.generalError, StatusColors::Kind::Normal);
    QCOMPARE(form.generalError->palette().color(QPalette::WindowText),
             darkPalette().color(QPalette::WindowText));
}

QTEST_MAIN(TestFormDialog)
#include "tst_formdialog.moc"
