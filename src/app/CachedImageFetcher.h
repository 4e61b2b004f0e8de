// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ImageFetcher.h"

namespace Tramontane {

class FileService;
class ImageCache;

//! The chat view's images: from the disk cache when there, else from the API (file ids, with
//! the key) or from the URL the API gave (without the key), then cached by file id or URL.
class CachedImageFetcher final : public ImageFetcher {
public:
    CachedImageFetcher(FileService *files, ImageCache *cache);
    Cancel fetch(const ImageSource &source, QObject *context, Callback done) override;

private:
    FileService *m_files;
    ImageCache *m_cache;
};

} // namespace Tramontane
