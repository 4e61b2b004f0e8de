// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Tramontane {

//! Above the composer while images are attached and the chosen model does not read images:
//! one sentence, and a button that switches to a model that does. The images stay attached.
class VisionBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisionBar)

public:
    explicit VisionBar(QWidget *parent = nullptr);

    //! Says that \a model reads no images and offers \a visionModel (its id and title); with
    //! no vision model to offer, says so instead.
    void showFor(const QString &model, const QString &visionModelId,
                 const QString &visionModelTitle);
    //! The sentence shown (empty when hidden).
    QString text() const;
    QPushButton *switchButton() const { return m_switch; }

Q_SIGNALS:
    //! The button: choose the model \a modelId.
    void switchRequested(const QString &modelId);

private:
    QLabel *m_label;
    QPushButton *m_switch;
    QString m_modelId;
};

} // namespace Tramontane
