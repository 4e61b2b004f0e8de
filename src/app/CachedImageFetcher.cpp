// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CachedImageFetcher.h"

#include "core/net/ApiJob.h"
#include "core/services/FileService.h"
#include "core/storage/ImageCache.h"
#include "models/ErrorPresenter.h"

#include <QFile>
#include <QPointer>

namespace Tramontane {

CachedImageFetcher::CachedImageFetcher(FileService *files, ImageCache *cache)
    : m_files(files)
    , m_cache(cache) {}

ImageFetcher::Cancel CachedImageFetcher::fetch(const ImageSource &source, QObject *context,
                                               Callback done) {
    const QString key = source.kind == ImageSource::Kind::FileId
                            ? source.ref
                            : ImageCache::keyForUrl(QUrl(source.ref));
    const QString cached = m_cache->lookup(key);
    if (!cached.isEmpty()) {
        QFile file(cached);
        if (file.open(QIODevice::ReadOnly)) {
            done(file.readAll(), {});
            return {};
        }
    }
    ImageCache *cache = m_cache;
    auto deliver = [cache, key, done](const ServiceResult<QByteArray> &result) {
        if (result.error.isCanceled())
            return; // canceled through the handle: never answered
        if (!result.ok()) {
            done({}, ErrorPresenter::title(result.error));
            return;
        }
        (void)cache->insert(key, *result.value); // a full disk only costs the cache
        done(*result.value, {});
    };
    const QPointer<ApiJob> job = source.kind == ImageSource::Kind::FileId
                                     ? m_files->download(source.ref, context, deliver)
                                     : m_files->fetchUrl(QUrl(source.ref), context, deliver);
    return [job] {
        if (job)
            job->cancel();
    };
}

} // namespace Tramontane
