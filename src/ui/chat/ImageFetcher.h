// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace Tramontane {

//! Where the chat view gets the bytes of an image. The composition root binds it to the file
//! service (`/v1/files/{id}/content` with the key for FileId sources, a plain GET without the
//! key for http(s) URLs) and to the image cache on disk. `data:` URLs never reach a fetcher:
//! ImageRepository decodes them itself.
class ImageFetcher {
public:
    //! \a bytes is the encoded image; on failure it is empty and \a error says why in words a
    //! user can read.
    using Callback = std::function<void(QByteArray bytes, QString error)>;
    //! Stops a fetch in flight (its download too): \a done is then never called. Empty when
    //! there is nothing to stop (the answer came from a cache).
    using Cancel = std::function<void()>;

    virtual ~ImageFetcher() = default;

    //! Starts fetching \a source. \a done is called exactly once on the GUI thread — possibly
    //! before fetch() returns — unless \a context is destroyed first or the fetch is canceled
    //! through the returned handle, in which cases it is never called.
    virtual Cancel fetch(const ImageSource &source, QObject *context, Callback done) = 0;

protected:
    ImageFetcher() = default;
    ImageFetcher(const ImageFetcher &) = default;
    ImageFetcher &operator=(const ImageFetcher &) = default;
};

} // namespace Tramontane
