// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

#include <memory>

namespace Tramontane {

namespace Ui {
class WelcomePage;
}

//! The first start without a key: explains the two ways (paste an API key, or explore the
//! offline demo). The composition root checks a pasted key and reports back through
//! keyCheckFinished(); the page never sees a network request.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    //! The address the key is checked against (shown when it is not the default).
    void setBaseUrl(const QUrl &baseUrl);
    //! The outcome of keySubmitted(): an empty \a problem means the key works.
    void keyCheckFinished(const QString &problem);
    //! A sentence about something that stands in the way (no keychain...), shown under the key.
    void showProblem(const QString &problem);

Q_SIGNALS:
    void keySubmitted(const QString &key);
    void demoRequested();

private:
    void submit();

    std::unique_ptr<Ui::WelcomePage> m_ui;
};

} // namespace Tramontane
